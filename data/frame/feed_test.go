package frame

import (
	"math"
	"slices"
	"testing"

	"github.com/go-gota/gota/series"
)

// TestFeedMatchesGota checks that series fed through ref hold what
// series.New makes of plain slices, for every kind.
func TestFeedMatchesGota(t *testing.T) {
	cases := []struct {
		name  string
		cells []string
		kind  Kind
		want  series.Series
	}{
		{"text", []string{"Moskau", "", "Jerewan", "01234", "NaN"}, Text,
			series.New([]string{"Moskau", "", "Jerewan", "01234", "NaN"}, series.String, "text")},
		{"ints", []string{"1", "-42", "2023", "0"}, Integer, series.New([]int{1, -42, 2023, 0}, series.Int, "ints")},
		{"floats", []string{"55.7522", "", "-1.5", "3"}, Number,
			series.New([]float64{55.7522, math.NaN(), -1.5, 3}, series.Float, "floats")},
		{"ints with gaps", []string{"7", "NA", "12"}, Number, series.New([]float64{7, math.NaN(), 12}, series.Float, "ints with gaps")},
	}
	var fd feeder
	for _, c := range cases {
		got, kind := fd.series(c.name, slices.Clone(c.cells), false)
		if kind != c.kind {
			t.Errorf("%s: kind %v, want %v", c.name, kind, c.kind)
		}
		if got.Type() != c.want.Type() || got.Len() != c.want.Len() || got.Name != c.name {
			t.Fatalf("%s: got %v %d %q, want %v %d", c.name, got.Type(), got.Len(), got.Name, c.want.Type(), c.want.Len())
		}
		for i := range got.Len() {
			g, w := got.Elem(i), c.want.Elem(i)
			if c.name == "text" && c.cells[i] == "NaN" {
				// Fed text keeps "NaN" as written; gota's own reading makes it missing.
				if g.IsNA() || g.String() != "NaN" {
					t.Errorf("text NaN cell: IsNA %v, %q", g.IsNA(), g.String())
				}
				continue
			}
			if g.String() != w.String() || g.IsNA() != w.IsNA() {
				t.Errorf("%s[%d] = %q (NA %v), want %q (NA %v)", c.name, i, g.String(), g.IsNA(), w.String(), w.IsNA())
			}
		}
	}
}

// TestFeedDoesNotAllocatePerCell guards the point of ref: building a
// series costs a few allocations, not one per cell.
func TestFeedDoesNotAllocatePerCell(t *testing.T) {
	cells := make([]string, 10_000)
	for i := range cells {
		cells[i] = "Ouagadougou"
	}
	var fd feeder
	fd.series("warm", cells, false)
	allocs := testing.AllocsPerRun(5, func() { fd.series("place", cells, false) })
	if allocs > 20 {
		t.Errorf("%v allocations for 10,000 cells, want a handful", allocs)
	}
}
