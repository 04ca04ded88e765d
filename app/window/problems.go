package window

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"chronomap/data/frame"
)

// problemLine is one problem as the list shows it, in the words the rest of
// Chronomap uses for errors: `Row 7, column "date": "n/a" — unparseable date`.
// The reason is translated here, not where it is found: `chronomap inspect
// --json` reports it in English.
func problemLine(p frame.Problem) string {
	var b strings.Builder
	if p.Row > 0 {
		fmt.Fprintf(&b, lang.L("Row %s"), thousands(p.Row))
	} else {
		b.WriteString(lang.L("File"))
	}
	if p.Column != "" {
		fmt.Fprintf(&b, lang.L(`, column "%s"`), escaped(p.Column))
	}
	if p.Value != "" {
		fmt.Fprintf(&b, lang.L(`: "%s"`), escaped(p.Value))
	}
	if p.Reason != "" {
		fmt.Fprintf(&b, lang.L(" — %s"), reason(p.Reason))
	}
	return b.String()
}

// escaped is s as %q writes it, without the quotes, which the text around
// it gives in the language's own: a line break shows as \n, never breaks
// the line.
func escaped(s string) string {
	q := strconv.Quote(s)
	return q[1 : len(q)-1]
}

// problemsHeading is the line above the problems list, and the name of its
// tab.
func problemsHeading(n int) string {
	if n == 0 {
		return lang.L("No problems")
	}
	return plural(n, "1 problem", "%s problems")
}

// problemCell is the table cell a problem points at: its data row (Row is
// 1-based, the table 0-based) and its column, or the row's first cell when
// the problem concerns the whole row. It reports false for problems with
// the file or the header, which have no row to show.
func problemCell(g *grid, p frame.Problem) (widget.TableCellID, bool) {
	_, cols := g.size()
	if p.Row < 1 || p.Row > g.f.Rows() || cols == 0 {
		return widget.TableCellID{}, false
	}
	r := g.tableRow(p.Row - 1)
	if r < 0 {
		return widget.TableCellID{}, false
	}
	col := max(g.columnIndex(p.Column), 0)
	return widget.TableCellID{Row: r, Col: col}, true
}
