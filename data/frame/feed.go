package frame

import (
	"math"
	"strconv"

	"github.com/go-gota/gota/series"
)

// ref lends one cell to gota without boxing it.
//
// Given a []string or []float64, series.New hands each value to
// Element.Set as an interface, which allocates 8 to 16 bytes a cell: 110 MB
// of garbage for a million rows of eleven columns, and most of the time
// spent building a frame. Given a slice of any other type it reads the
// values through reflection, and a struct holding a single pointer goes
// into an interface without an allocation; gota's element then takes the
// value through String, Float or Int. Those are the only methods gota
// v0.12.0 calls on a value it is given (TestFeedMatchesGota checks that
// the series are the same); the rest only satisfy series.Element.
type ref[T string | float64 | int] struct{ p *T }

func (r ref[T]) String() string {
	switch p := any(r.p).(type) {
	case *string:
		return *p
	case *float64:
		return strconv.FormatFloat(*p, 'f', -1, 64)
	case *int:
		return strconv.Itoa(*p)
	}
	return ""
}

func (r ref[T]) Float() float64 {
	switch p := any(r.p).(type) {
	case *float64:
		return *p
	case *int:
		return float64(*p)
	}
	return math.NaN()
}

func (r ref[T]) Int() (int, error) {
	switch p := any(r.p).(type) {
	case *int:
		return *p, nil
	case *float64:
		return int(*p), nil
	}
	return strconv.Atoi(r.String())
}

func (r ref[T]) Set(any)                       {}
func (r ref[T]) Eq(series.Element) bool        { return false }
func (r ref[T]) Neq(series.Element) bool       { return false }
func (r ref[T]) Less(series.Element) bool      { return false }
func (r ref[T]) LessEq(series.Element) bool    { return false }
func (r ref[T]) Greater(series.Element) bool   { return false }
func (r ref[T]) GreaterEq(series.Element) bool { return false }
func (r ref[T]) Copy() series.Element          { return r }
func (r ref[T]) Val() series.ElementValue      { return r.String() }
func (r ref[T]) Bool() (bool, error)           { return strconv.ParseBool(r.String()) }
func (r ref[T]) IsNA() bool                    { return false }
func (r ref[T]) Type() series.Type             { return series.String }
func (r ref[T]) feed(values []T, refs []ref[T]) []ref[T] {
	refs = refs[:0]
	for i := range values {
		refs = append(refs, ref[T]{&values[i]})
	}
	return refs
}

// feeder builds series from cells, keeping its buffers from one column to
// the next; one per goroutine.
type feeder struct {
	texts  []ref[string]
	floats []float64
	ints   []int
	frefs  []ref[float64]
	irefs  []ref[int]
}

// series builds one column's series, choosing its kind from its values.
func (fd *feeder) series(name string, cells []string, decimalComma bool) (series.Series, Kind) {
	n := len(cells)
	if cap(fd.floats) < n {
		fd.floats, fd.ints = make([]float64, n), make([]int, n)
	}
	floats, ints := fd.floats[:n], fd.ints[:n]
	switch kind, missing := kindOf(cells, decimalComma, floats, ints); {
	case kind == Integer && !missing:
		fd.irefs = ref[int]{}.feed(ints, fd.irefs)
		return series.New(fd.irefs, series.Int, name), Integer
	case kind == Integer || kind == Number:
		// gota's int series cannot hold a gap: whole numbers with gaps are
		// floats with NaN.
		fd.frefs = ref[float64]{}.feed(floats, fd.frefs)
		return series.New(fd.frefs, series.Float, name), Number
	}
	fd.texts = ref[string]{}.feed(cells, fd.texts)
	return series.New(fd.texts, series.String, name), Text
}
