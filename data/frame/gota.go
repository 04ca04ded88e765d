package frame

import (
	"fmt"
	"slices"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
)

// The frame at the data layer's edge, as a gota data frame, both ways,
// through gota's public API only.

// DataFrame returns the frame as a gota data frame: text columns as
// strings, Integer columns as ints, Number columns as floats (NaN where
// missing). It is built afresh, a column at a time, on every call, and
// shares nothing with the frame: changing it changes nothing here. gota
// reads a text cell "NaN" as missing.
func (f *Frame) DataFrame() dataframe.DataFrame {
	cols := make([]series.Series, len(f.Columns))
	for c, col := range f.Columns {
		cols[c] = f.series(c)
		cols[c].Name = col.Name
	}
	return dataframe.New(cols...)
}

// series is column c as a gota series.
func (f *Frame) series(c int) series.Series {
	name := f.Columns[c].Name
	switch f.Columns[c].Kind {
	case Integer:
		ints := make([]int, f.rows)
		for i, v := range f.vals[c].nums[:f.rows] {
			ints[i] = int(v)
		}
		return series.New(ints, series.Int, name)
	case Number:
		return series.New(f.vals[c].nums[:f.rows], series.Float, name)
	}
	return series.New(f.Texts(c), series.String, name)
}

// FromDataFrame makes a frame of a gota data frame, for code that built
// its table with gota: int columns become Integer columns (Number ones
// when they have a missing value), float columns Number columns, and any
// other column text, a missing cell empty. src says where the table came
// from.
func FromDataFrame(src Source, df dataframe.DataFrame) (*Frame, error) {
	if df.Err != nil {
		return nil, fmt.Errorf("%s: %w", displayName(src.Path), df.Err)
	}
	f := &Frame{Source: src, rows: df.Nrow(), byName: map[string]int{}}
	for c, name := range df.Names() {
		s := df.Col(name)
		col, v := Column{Name: name}, values{}
		switch s.Type() {
		case series.Int, series.Float:
			v.nums = s.Float()
			col.Kind = Number
			if s.Type() == series.Int && !s.HasNaN() {
				col.Kind = Integer
			}
		default:
			cells := s.Records()
			for i, na := range s.IsNaN() {
				if na {
					cells[i] = ""
				}
			}
			v.text = buildText(len(cells), slices.All(cells))
		}
		f.Columns, f.vals = append(f.Columns, col), append(f.vals, v)
		f.byName[name] = c
	}
	return f, nil
}
