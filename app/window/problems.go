package window

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2/widget"

	"chronomap/data/frame"
)

// problemLine is one problem as the list shows it, in the words the rest of
// Chronomap uses for errors: `Row 7, column "date": "n/a" — unparseable date`.
func problemLine(p frame.Problem) string {
	var b strings.Builder
	if p.Row > 0 {
		fmt.Fprintf(&b, "Row %s", thousands(p.Row))
	} else {
		b.WriteString("File")
	}
	if p.Column != "" {
		fmt.Fprintf(&b, ", column %q", p.Column)
	}
	if p.Value != "" {
		fmt.Fprintf(&b, ": %q", p.Value)
	}
	if p.Reason != "" {
		b.WriteString(" — " + p.Reason)
	}
	return b.String()
}

// problemsHeading is the line above the problems list.
func problemsHeading(n int) string {
	switch n {
	case 0:
		return "No problems"
	case 1:
		return "1 problem"
	}
	return thousands(n) + " problems"
}

// problemCell is the table cell a problem points at: its data row (Row is
// 1-based, the table 0-based) and its column, or the row's first cell when
// the problem concerns the whole row. It reports false for problems with
// the file or the header, which have no row to show.
func problemCell(g *grid, p frame.Problem) (widget.TableCellID, bool) {
	_, cols := g.size()
	if p.Row < 1 || p.Row > g.f.DF.Nrow() || cols == 0 {
		return widget.TableCellID{}, false
	}
	r := g.tableRow(p.Row - 1)
	if r < 0 {
		return widget.TableCellID{}, false
	}
	col := max(g.columnIndex(p.Column), 0)
	return widget.TableCellID{Row: r, Col: col}, true
}
