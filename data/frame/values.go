package frame

import (
	"iter"
	"strings"
)

// The frame's own storage: one typed column of values per column, the
// only copy of the cells once a file is read.
//
// A text column is kept in one of two forms, chosen while it is built:
//   - a dictionary, for columns that repeat a few values (countries, event
//     types, dates): each distinct value once, as its own small string,
//     and a 4-byte code a row;
//   - pages, for columns whose values are mostly distinct (notes,
//     identifiers): the bytes of every pageRows consecutive rows joined
//     into one string, and where each row's bytes end in its page.
//
// Either way a column costs its text plus four bytes a row, and holds no
// pointer a row for the garbage collector to follow. A cell is a
// substring of its page, or a dictionary value: it never refers to the
// bytes of the file it came from, so a label kept after its frame is gone
// keeps one page of one column alive (a few kilobytes), never the file.

// pageBits sets how many rows share a page: 256. A page is small enough
// that a cell kept on its own holds little memory, and large enough that
// a column of a million rows is a few thousand allocations.
const (
	pageBits = 8
	pageRows = 1 << pageBits
	pageMask = pageRows - 1
)

// values is one column's cells. Numbers are floats whatever their kind:
// an Integer column's whole numbers are exact there (see maxDigits), and
// a Number column has NaN where a value is missing.
type values struct {
	nums []float64 // Integer and Number columns
	text text      // Text columns
}

// text is a text column's cells, as a dictionary or as pages.
type text struct {
	// dict and codes make the dictionary form: row i holds dict[codes[i]].
	dict  []string
	codes []uint32
	// pages and ends make the paged form: row i's bytes end at ends[i]
	// in pages[i>>pageBits], and start where row i-1's end, or at 0 for a
	// page's first row.
	pages []string
	ends  []uint32
}

// at returns row i's cell.
func (t *text) at(i int) string {
	if t.codes != nil {
		return t.dict[t.codes[i]]
	}
	var lo uint32
	if i&pageMask != 0 {
		lo = t.ends[i-1]
	}
	return t.pages[i>>pageBits][lo:t.ends[i]]
}

// dictLimit is the most distinct values a text column keeps as a
// dictionary; a column of more is paged. Beyond dictProbe rows, a column
// whose values have been mostly distinct so far is paged at once, so that
// a column of notes or identifiers is not hashed whole only to find out.
const (
	dictLimit = 1 << 16
	dictProbe = 4096
)

// buildText stores n text cells, which cells yields in row order; it may
// iterate them twice.
func buildText(n int, cells iter.Seq2[int, string]) text {
	if t, ok := buildDict(n, cells); ok {
		return t
	}
	return buildPages(n, cells)
}

// buildDict stores the cells as a dictionary, unless they turn out to be
// too many distinct values.
func buildDict(n int, cells iter.Seq2[int, string]) (text, bool) {
	t := text{codes: make([]uint32, n)}
	seen := make(map[string]uint32)
	for i, c := range cells {
		code, ok := seen[c]
		if !ok {
			if len(t.dict) >= max(dictLimit, n/16) || (i >= dictProbe && len(t.dict) > i/2) {
				return text{}, false
			}
			code = uint32(len(t.dict))
			c = strings.Clone(c) // the cell may be a view into the file
			t.dict = append(t.dict, c)
			seen[c] = code
		}
		t.codes[i] = code
	}
	return t, true
}

// buildPages stores the cells in pages.
func buildPages(n int, cells iter.Seq2[int, string]) text {
	t := text{pages: make([]string, 0, (n+pageMask)/pageRows), ends: make([]uint32, n)}
	var buf []byte
	for i, c := range cells {
		buf = append(buf, c...)
		t.ends[i] = uint32(len(buf))
		if i&pageMask == pageMask {
			t.pages = append(t.pages, string(buf))
			buf = buf[:0]
		}
	}
	if n&pageMask != 0 {
		t.pages = append(t.pages, string(buf))
	}
	return t
}

// column stores one column's cells, deciding its kind: a column is
// numeric only if every non-missing cell is a number, and whole numbers
// without gaps make an Integer column (whole numbers with gaps are a
// Number column, NaN in the gaps). cells yields n cells in row order and
// may be iterated twice.
func column(n int, cells iter.Seq2[int, string], decimalComma bool) (values, Kind) {
	if firstIsNumber(cells, decimalComma) {
		nums := make([]float64, n)
		kind, missing := scanNumbers(cells, decimalComma, func(i int, f float64) { nums[i] = f })
		switch {
		case kind == Integer && !missing:
			return values{nums: nums}, Integer
		case kind == Integer || kind == Number:
			return values{nums: nums}, Number
		}
	}
	return values{text: buildText(n, cells)}, Text
}

// firstIsNumber reports whether the first non-missing cell is a number, so
// that text columns are recognised without reading them whole. A column of
// nothing but missing cells is text.
func firstIsNumber(cells iter.Seq2[int, string], decimalComma bool) bool {
	for _, c := range cells {
		if isMissing(c) {
			continue
		}
		_, whole := parseInt(c)
		_, comma := parseNumber(c, true)
		_, point := parseNumber(c, false)
		return whole || point || (decimalComma && comma)
	}
	return false
}
