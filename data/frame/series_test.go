package frame

import (
	"slices"
	"testing"

	"github.com/go-gota/gota/series"
)

// TestInPlaceHolds checks that the pinned gota has the layout series.go
// mirrors: if this fails, columns still load, through series.New, but
// several times slower.
func TestInPlaceHolds(t *testing.T) {
	if !inPlace() {
		t.Fatal("gota's series layout differs from the mirror in series.go")
	}
}

// TestColumnMatchesGota checks that every kind of column built in place
// reads back exactly like the same column built by series.New.
func TestColumnMatchesGota(t *testing.T) {
	cases := [][]string{
		{"Moskau", "", "Jerewan", "01234", "NaN", "Москва"},
		{"1", "-42", "2023", "0"},
		{"55.7522", "", "-1.5", "3"},
		{"7", "NA", "12"},
		{"3", "three"},
		{"", "NA", ""},
		{"55,7522", "40,1811"},
	}
	for _, cells := range cases {
		for _, comma := range []bool{false, true} {
			got, gk := column("c", len(cells), slices.All(cells), comma)
			want, wk := columnByGota("c", cells, comma)
			if gk != wk || got.Type() != want.Type() || got.Len() != want.Len() {
				t.Errorf("%q comma %v: kind %v %v, want %v %v", cells, comma, gk, got.Type(), wk, want.Type())
				continue
			}
			for i := range got.Len() {
				g, w := got.Elem(i), want.Elem(i)
				if g.String() != w.String() && !(w.IsNA() && cells[i] == "NaN") {
					t.Errorf("%q comma %v: cell %d = %q, want %q", cells, comma, i, g.String(), w.String())
				}
			}
			if got.Type() == series.Float && !slices.Equal(got.IsNaN(), want.IsNaN()) {
				t.Errorf("%q: NaN %v, want %v", cells, got.IsNaN(), want.IsNaN())
			}
		}
	}
}

// TestColumnReadsCellsTwice checks that a column read twice (first as
// numbers, then as text) gives each doubled-quote cell unescaped once.
func TestColumnReadsCellsTwice(t *testing.T) {
	f, err := ReadBytes("x.csv", []byte("id,note\n1,\"a \"\"b\"\" c\"\n2,\"\"\"q\"\"\"\n"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := f.DF.Col("note").Records(); !slices.Equal(got, []string{`a "b" c`, `"q"`}) {
		t.Errorf("notes %q", got)
	}
	f, err = ReadBytes("y.csv", []byte("mixed\n1\n\"x \"\"y\"\"\"\n"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := f.DF.Col("mixed").Records(); !slices.Equal(got, []string{"1", `x "y"`}) {
		t.Errorf("mixed %q", got)
	}
}

// TestColumnAllocations guards the point of building in place: a column
// costs a few allocations, not one per cell.
func TestColumnAllocations(t *testing.T) {
	cells := make([]string, 10_000)
	for i := range cells {
		cells[i] = "Ouagadougou"
	}
	allocs := testing.AllocsPerRun(5, func() { column("place", len(cells), slices.All(cells), false) })
	if allocs > 10 {
		t.Errorf("%v allocations for 10,000 cells, want a handful", allocs)
	}
}
