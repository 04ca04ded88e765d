package frame

import (
	"math"
	"slices"
	"strconv"
)

// Rows returns the number of data rows.
func (f *Frame) Rows() int { return f.rows }

// Names returns the column names, in order, in a slice of the caller's own.
func (f *Frame) Names() []string {
	out := make([]string, len(f.Columns))
	for i, c := range f.Columns {
		out[i] = c.Name
	}
	return out
}

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
// form, and "" where a number is missing. Reading a cell allocates
// nothing; a text cell kept keeps only a few kilobytes of its column alive
// (see values.go).
func (f *Frame) Text(row, col int) string {
	switch f.Columns[col].Kind {
	case Integer:
		return strconv.Itoa(int(f.vals[col].nums[row]))
	case Number:
		v := f.vals[col].nums[row]
		if math.IsNaN(v) {
			return ""
		}
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	return f.vals[col].text.at(row)
}

// Number returns a numeric cell, or NaN where it is missing or the column
// is text.
func (f *Frame) Number(row, col int) float64 {
	if f.Columns[col].Kind == Text {
		return math.NaN()
	}
	return f.vals[col].nums[row]
}

// Texts returns a whole column as text (see Text).
func (f *Frame) Texts(col int) []string {
	out := make([]string, f.rows)
	for i := range out {
		out[i] = f.Text(i, col)
	}
	return out
}

// Distinct returns the distinct values of a text column that repeats its
// values, each once, so that work on a value (parsing a date, folding a
// category) is done once per value rather than once per row: row r holds
// Distinct(col)[Code(r, col)]. ok is false for a column of mostly distinct
// values and for numbers.
func (f *Frame) Distinct(col int) (vals []string, ok bool) {
	t := &f.vals[col].text
	if f.Columns[col].Kind != Text || t.codes == nil {
		return nil, false
	}
	vals = make([]string, len(t.ends))
	for k := range vals {
		vals[k] = t.value(k)
	}
	return vals, true
}

// Code returns the position of row's value in Distinct(col), for a column
// Distinct answers for.
func (f *Frame) Code(row, col int) int { return int(f.vals[col].text.codes[row]) }
