package window

import (
	"cmp"
	"math"
	"slices"
	"strings"

	"chronomap/data/frame"
)

// grid is the text of a frame's cells as the table shows them, read from
// the frame's columns as they are shown: a cell costs a lookup, and no
// column is copied.
type grid struct {
	f     *frame.Frame
	names []string
	kinds []frame.Kind
	roles map[string]string // column name → the role it plays, if any
	// codes is each column's code list (frame.Source.Codes), "" for
	// most: its cells show the code's name before the code.
	codes []string
	// rows, when set, are the frame rows the table shows, in the order
	// shown: a filter's or a sort's. nil shows every row in file order.
	rows []int32
	// sortCol is the column sorted by (-1 for file order), descending
	// when sortDesc.
	sortCol  int
	sortDesc bool
	// oneLine is a header of names alone, without the kind under each
	// (see bigTable).
	oneLine bool
}

func newGrid(f *frame.Frame) *grid {
	n := len(f.Columns)
	g := &grid{f: f, names: f.Names(), kinds: make([]frame.Kind, n), codes: make([]string, n), sortCol: -1}
	for i, c := range f.Columns {
		g.codes[i] = f.Source.Codes[c.Name]
		g.kinds[i] = c.Kind
	}
	return g
}

// size is the number of rows shown and of columns.
func (g *grid) size() (rows, cols int) {
	if g.rows != nil {
		return len(g.rows), len(g.names)
	}
	return g.f.Rows(), len(g.names)
}

// frameRow is the frame row shown as the table's row r.
func (g *grid) frameRow(r int) int {
	if g.rows != nil {
		if r < 0 || r >= len(g.rows) {
			return -1
		}
		return int(g.rows[r])
	}
	return r
}

// tableRow is where frame row r is shown, or -1 when it is not.
func (g *grid) tableRow(r int) int {
	if g.rows == nil {
		return r
	}
	for i, fr := range g.rows {
		if int(fr) == r {
			return i
		}
	}
	return -1
}

// sortMark is the arrow after the name of the column sorted by.
func (g *grid) sortMark(col int) string {
	switch {
	case col != g.sortCol:
		return ""
	case g.sortDesc:
		return " ▼"
	}
	return " ▲"
}

// sorted is every frame row ordered by column col: numbers by value with
// missing ones last, text by its folded form, ties in file order.
func (g *grid) sorted(col int, desc bool) []int32 {
	n := g.f.Rows()
	rows := make([]int32, n)
	for i := range rows {
		rows[i] = int32(i)
	}
	if g.kinds[col] == frame.Number || g.kinds[col] == frame.Integer {
		vals := make([]float64, n)
		for i := range vals {
			vals[i] = g.f.Number(i, col)
		}
		slices.SortStableFunc(rows, func(a, b int32) int {
			va, vb := vals[a], vals[b]
			switch na, nb := math.IsNaN(va), math.IsNaN(vb); {
			case na && nb:
				return 0
			case na:
				return 1
			case nb:
				return -1
			}
			if desc {
				va, vb = vb, va
			}
			return cmp.Compare(va, vb)
		})
		return rows
	}
	keys := make([]string, n)
	for i := range n {
		keys[i] = strings.ToLower(g.value(i, col))
	}
	slices.SortStableFunc(rows, func(a, b int32) int {
		ka, kb := keys[a], keys[b]
		switch {
		case ka == "" && kb == "":
			return 0
		case ka == "":
			return 1
		case kb == "":
			return -1
		}
		if desc {
			ka, kb = kb, ka
		}
		return strings.Compare(ka, kb)
	})
	return rows
}

// name is the column's name as the header shows it.
func (g *grid) name(col int) string { return g.names[col] }

// kind is the column's kind, as the header's second line shows it.
func (g *grid) kind(col int) frame.Kind { return g.kinds[col] }

// caption is the header's second line: the column's kind, and the role it
// plays when it plays one ("text · start").
func (g *grid) caption(col int) string {
	if r := g.roles[g.names[col]]; r != "" {
		return kindName(g.kinds[col]) + " · " + roleName(r)
	}
	return kindName(g.kinds[col])
}

// numeric reports whether the column holds numbers, which read best aligned
// on their last digit.
func (g *grid) numeric(col int) bool { return g.kinds[col] != frame.Text }

// cell is the text of one cell on one line, as a table cell shows it: line
// breaks and tabs inside a value (quoted newlines in CSV, HTML in TimelineJS
// sheets) become spaces, so that a cell never spills into the next row.
func (g *grid) cell(row, col int) string {
	s := g.value(g.frameRow(row), col)
	if strings.ContainsAny(s, "\r\n\t") {
		s = strings.Join(strings.Fields(s), " ")
	}
	return s
}

// value is the text of one cell in full, by frame row: as the frame
// writes it ("55.7558"; a missing number is empty), a code's name before a
// code.
func (g *grid) value(row, col int) string {
	v := g.f.Text(row, col)
	if g.kinds[col] == frame.Number {
		return v
	}
	if list := g.codes[col]; list != "" {
		if name, ok := frame.CodeName(list, v, uiLanguage()); ok {
			return name + " (" + v + ")" // GDELT's "04": "Consult (04)"
		}
	}
	return v
}

// columnIndex is the index of the named column, or -1.
func (g *grid) columnIndex(name string) int {
	for i, n := range g.names {
		if n == name {
			return i
		}
	}
	return -1
}

// widthRows is how many rows are measured to size the columns: enough to
// see typical values, few enough to open a huge file at once.
const widthRows = 200

// Column widths are kept between these bounds (in Fyne units, text only);
// longer values are cut with an ellipsis and shown whole when selected.
const (
	minWidth = 40
	maxWidth = 320
)

// widths is each column's text width: the widest of its header lines and
// its first widthRows cells, as measured by measure (bold for the name).
func (g *grid) widths(measure func(text string, bold bool) float32) []float32 {
	rows, cols := g.size()
	out := make([]float32, cols)
	for c := range cols {
		w := max(measure(g.name(c), true), measure(g.caption(c), false))
		for r := range min(rows, widthRows) {
			if w >= maxWidth {
				break
			}
			w = max(w, measure(g.cell(r, c), false))
		}
		out[c] = min(max(w, minWidth), maxWidth)
	}
	return out
}
