package frame

import (
	"fmt"
	"unicode/utf8"

	"chronomap/data/input"
)

// The limits on what one file may hold. They keep the reading of any
// file, however it was made, within a known memory and time: about the
// file's size and 40 bytes a cell. Beyond a limit the file is refused in
// one sentence, before its cells are built; a cell longer than
// MaxCellBytes is cut and the cut listed as a problem. README.md has the
// table.
const (
	// MaxFileBytes is the largest file read, 2 GiB.
	MaxFileBytes = 2 << 30
	// MaxCells is the most cells, rows × columns, a table may have:
	// ten million events of twenty columns. An ACLED-like file of ten
	// million rows and eleven columns (1.7 GB) takes 3.2 GB to read.
	MaxCells = 200_000_000
	// MaxRows is the most rows a table may have: each becomes an event,
	// which costs about 150 bytes.
	MaxRows = 10_000_000
	// MaxColumns is the most columns a table may have.
	MaxColumns = 100_000
	// MaxCellBytes is the longest cell kept whole, 1 MiB: thirty times
	// the 32,767 characters Excel allows. A longer one (a quote that
	// never closes swallows the rest of a file) is cut there.
	MaxCellBytes = 1 << 20
	// MaxTextBytes is the most text all the cells of a table may hold
	// together, 2 GiB, a workbook's shared string counted in every cell
	// that shows it: a few kilobytes of workbook could otherwise stand
	// for terabytes of cells.
	MaxTextBytes = 2 << 30
)

// limits are the limits in force: the constants above, lowered by tests
// so that a bomb of each shape stays small.
type limits struct {
	cells, rows, columns, cellBytes int
	text                            int64
}

var limit = limits{cells: MaxCells, rows: MaxRows, columns: MaxColumns, cellBytes: MaxCellBytes, text: MaxTextBytes}

// maxRows is the most rows a table of ncols columns may have.
func maxRows(ncols int) int { return min(limit.rows, limit.cells/max(ncols, 1)) }

// tooManyRows says a table of ncols columns is over the rows or cells
// limit, whichever it passed.
func tooManyRows(name string, ncols int) error {
	if limit.cells/max(ncols, 1) < limit.rows {
		return tooManyCells(name, maxRows(ncols)+1, ncols)
	}
	return fmt.Errorf("%s has more than %s rows, and Chronomap reads up to %s rows from one file", displayName(name), count(limit.rows), count(limit.rows))
}

// tooManyCells says a table is over the cells limit.
func tooManyCells(name string, rows, cols int) error {
	return fmt.Errorf("%s has more than %s cells (at least %d rows of %d columns), and Chronomap reads up to %s cells from one file",
		displayName(name), count(limit.cells), rows, cols, count(limit.cells))
}

// count writes a limit for people: "50 million", "100000".
func count(n int) string {
	if n >= 1_000_000 && n%1_000_000 == 0 {
		return fmt.Sprintf("%d million", n/1_000_000)
	}
	return fmt.Sprint(n)
}

// tooManyColumns says a table is over the columns limit.
func tooManyColumns(name string, cols int) error {
	return fmt.Errorf("%s has %d columns, and Chronomap reads up to %s", displayName(name), cols, count(limit.columns))
}

// tooMuchText says a table's cells hold more text than the limit.
func tooMuchText(name string) error {
	return fmt.Errorf("%s holds more than %s of text in its cells, and Chronomap reads up to %s from one file",
		displayName(name), input.Size(limit.text), input.Size(limit.text))
}

// cutCell shortens a cell over the cell limit at a character boundary,
// and says whether it did.
func cutCell(s string) (string, bool) {
	if len(s) <= limit.cellBytes {
		return s, false
	}
	cut := limit.cellBytes
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut], true
}

// cutProblem is the problem listed for a cell cut by cutCell; n is its
// length before the cut.
func cutProblem(row int, column, value string, n int) Problem {
	return Problem{Row: row, Column: column, Value: clip(value), Reason: "value too long",
		Detail: fmt.Sprintf("the value is %s long, more than the %s a cell may hold; only its first %s is kept",
			input.Size(int64(n)), input.Size(int64(limit.cellBytes)), input.Size(int64(limit.cellBytes)))}
}
