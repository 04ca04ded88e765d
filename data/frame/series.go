package frame

import (
	"iter"
	"math"
	"slices"
	"sync"
	"unsafe"

	"github.com/go-gota/gota/series"
)

// Building gota series in place.
//
// series.New hands every value to Element.Set as an interface: 8 to 16
// bytes of garbage and two interface calls a cell, which made gota's own
// constructor most of the time and a third of the peak memory of loading a
// million-row file. gota (pinned at v0.12.0) keeps a series' values in a
// slice of small structs behind the Elements interface; we write that
// slice directly and swap it into an empty series of the right type, so a
// column costs one allocation and no copy. The layouts below mirror
// gota's; inPlace checks once, against series.New, that a series built
// this way behaves exactly like one built by gota, and when it does not
// (another gota version) every column takes series.New instead.

// stringElem, floatElem and intElem mirror gota's stringElement,
// floatElement and intElement.
type (
	stringElem struct {
		e   string
		nan bool
	}
	floatElem struct {
		e   float64
		nan bool
	}
	intElem struct {
		e   int
		nan bool
	}
)

// gotaSeries mirrors series.Series.
type gotaSeries struct {
	Name     string
	elements series.Elements
	t        series.Type
	Err      error
}

// ifaceWords is the two words of a non-empty interface value.
type ifaceWords struct{ tab, data unsafe.Pointer }

// seriesOf returns a series of type t holding els, which must be the
// mirror of t's elements.
func seriesOf[E stringElem | floatElem | intElem](t series.Type, name string, els []E) series.Series {
	s := series.New([]string{}, t, name) // the right element type, no elements
	g := (*gotaSeries)(unsafe.Pointer(&s))
	p := new([]E)
	*p = els
	(*ifaceWords)(unsafe.Pointer(&g.elements)).data = unsafe.Pointer(p)
	return s
}

// inPlace reports whether series can be built with seriesOf.
var inPlace = sync.OnceValue(func() bool {
	if unsafe.Sizeof(gotaSeries{}) != unsafe.Sizeof(series.Series{}) ||
		unsafe.Sizeof(ifaceWords{}) != unsafe.Sizeof(series.Elements(nil)) {
		return false
	}
	nan := math.NaN()
	pairs := [][2]series.Series{
		{seriesOf(series.String, "s", []stringElem{{e: "Москва"}, {e: ""}, {e: "x", nan: true}}),
			series.New([]any{"Москва", "", nil}, series.String, "s")},
		{seriesOf(series.Float, "f", []floatElem{{e: 55.75}, {e: nan, nan: true}, {e: -1}}),
			series.New([]float64{55.75, nan, -1}, series.Float, "f")},
		{seriesOf(series.Int, "i", []intElem{{e: 2023}, {e: -509}, {e: 0}}),
			series.New([]int{2023, -509, 0}, series.Int, "i")},
	}
	for _, p := range pairs {
		got, want := p[0], p[1]
		if got.Type() != want.Type() || got.Len() != want.Len() || got.Name != want.Name ||
			!slices.Equal(got.Records(), want.Records()) || !slices.Equal(got.IsNaN(), want.IsNaN()) ||
			!slices.Equal(got.Copy().Records(), want.Copy().Records()) ||
			!slices.Equal(got.Subset([]int{2, 0}).Records(), want.Subset([]int{2, 0}).Records()) {
			return false
		}
	}
	return true
})

// column builds one column's series from its cells, deciding its kind: a
// column is numeric only if every non-missing cell is a number, and whole
// numbers without gaps make an integer column. cells may be iterated twice.
func column(name string, n int, cells iter.Seq2[int, string], decimalComma bool) (series.Series, Kind) {
	if !inPlace() {
		all := make([]string, n)
		for i, c := range cells {
			all[i] = c
		}
		return columnByGota(name, all, decimalComma)
	}
	if !firstIsNumber(cells, decimalComma) {
		return textSeries(name, n, cells), Text
	}
	nums := make([]floatElem, n)
	kind, missing := scanNumbers(cells, decimalComma, func(i int, f float64) {
		nums[i] = floatElem{e: f, nan: math.IsNaN(f)}
	})
	switch {
	case kind == Integer && !missing:
		// Same size, no pointers: the floats become ints where they lie.
		ints := unsafe.Slice((*intElem)(unsafe.Pointer(unsafe.SliceData(nums))), n)
		for i := range ints {
			ints[i] = intElem{e: int(nums[i].e)}
		}
		return seriesOf(series.Int, name, ints), Integer
	case kind == Integer || kind == Number:
		// gota's int series cannot hold a gap: whole numbers with gaps are
		// floats with NaN.
		return seriesOf(series.Float, name, nums), Number
	}
	return textSeries(name, n, cells), Text
}

func textSeries(name string, n int, cells iter.Seq2[int, string]) series.Series {
	els := make([]stringElem, n)
	for i, c := range cells {
		els[i].e = c
	}
	return seriesOf(series.String, name, els)
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

// columnByGota builds a column through series.New, for a gota whose layout
// is not the one mirrored here.
func columnByGota(name string, cells []string, decimalComma bool) (series.Series, Kind) {
	floats := make([]float64, len(cells))
	switch kind, missing := kindOf(cells, decimalComma, floats); {
	case kind == Integer && !missing:
		ints := make([]int, len(cells))
		for i, f := range floats {
			ints[i] = int(f)
		}
		return series.New(ints, series.Int, name), Integer
	case kind == Integer || kind == Number:
		return series.New(floats, series.Float, name), Number
	}
	return series.New(cells, series.String, name), Text
}
