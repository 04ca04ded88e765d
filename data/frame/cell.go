package frame

import (
	"math"
	"slices"
	"strconv"
)

// Cells reads the cells of frames in place. gota's DataFrame.Col copies a
// whole column on every call (24 MB for a million text cells), so code that
// reads columns goes through these instead.

// Col returns the position of the named column, or -1. A frame read from
// a file answers from a map: value-based detection asks for every column
// by name, which a linear search made quadratic in the number of columns
// (100,000 columns took a minute). A frame made otherwise is searched.
func (f *Frame) Col(name string) int {
	if f.byName != nil && len(f.byName) == len(f.Columns) {
		if i, ok := f.byName[name]; ok && f.Columns[i].Name == name {
			return i
		} else if !ok {
			return -1
		}
	}
	return slices.IndexFunc(f.Columns, func(c Column) bool { return c.Name == name })
}

// Text returns a cell as text: text as written, numbers in their shortest
// form, and "" where a number is missing.
func (f *Frame) Text(row, col int) string {
	e := f.DF.Elem(row, col)
	switch f.Columns[col].Kind {
	case Integer:
		n, _ := e.Int()
		return strconv.Itoa(n)
	case Number:
		v := e.Float()
		if math.IsNaN(v) {
			return ""
		}
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	if e.IsNA() {
		return ""
	}
	return e.String()
}

// Number returns a numeric cell, or NaN where it is missing or the column
// is text.
func (f *Frame) Number(row, col int) float64 {
	if f.Columns[col].Kind == Text {
		return math.NaN()
	}
	return f.DF.Elem(row, col).Float()
}

// Texts returns a whole column as text (see Text).
func (f *Frame) Texts(col int) []string {
	out := make([]string, f.DF.Nrow())
	for i := range out {
		out[i] = f.Text(i, col)
	}
	return out
}
