package worldmap

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/paulmach/orb"
)

// TestPlacedCountsAsEveryPoint checks that binning through the points
// sorted by place counts what reading every point in event order counts,
// first events included, in views near and far, across the antimeridian
// and with a mask.
func TestPlacedCountsAsEveryPoint(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 5))
	n := 300_000 // past the size where counting goes on all cores
	lon, lat := make([]float64, n), make([]float64, n)
	keep := make([]bool, n)
	for i := range lon {
		lon[i], lat[i] = r.Float64()*360-180, r.Float64()*160-80
		if i%97 == 0 {
			lon[i], lat[i] = math.NaN(), math.NaN()
		}
		keep[i] = i%3 != 0
	}
	for _, p := range []Projection{EqualEarth, WebMercator, PlateCarree} {
		pts := Project(p, lon, lat)
		views := []Viewport{
			Fit(p, orb.Bound{Min: orb.Point{-180, -60}, Max: orb.Point{180, 80}}, 1920, 1080, 0),
			Fit(p, orb.Bound{Min: orb.Point{-10, 35}, Max: orb.Point{40, 60}}, 1280, 800, 20),
			Fit(p, orb.Bound{Min: orb.Point{170, -20}, Max: orb.Point{190, 0}}, 900, 600, 0),
			Fit(p, orb.Bound{Min: orb.Point{-180, -60}, Max: orb.Point{180, 80}}, 1920, 1080, 0).ZoomAt(orb.Point{0, 0}, 0.3),
		}
		for vi, v := range views {
			for _, mask := range [][]bool{nil, keep} {
				for _, cell := range []int{4, 40} {
					got, cols, rows := pts.Counts(nil, v, cell, mask)
					if len(got) != cols*rows || !slices.Equal(got, bruteCounts(pts, v, cell, mask, true).Count) {
						t.Errorf("%s view %d cell %d mask %v: counts differ from reading every point", p.Name, vi, cell, mask != nil)
					}
					g, want := pts.Bin(v, cell, mask), bruteCounts(pts, v, cell, mask, false)
					if !slices.Equal(g.Count, want.Count) || !slices.Equal(g.First, want.First) {
						t.Errorf("%s view %d cell %d mask %v: bins differ from reading every point", p.Name, vi, cell, mask != nil)
					}
				}
			}
		}
	}
}

// bruteCounts bins every point in event order, as binning did before the
// points were sorted by place: as Bin does, or with whole cells as Counts
// does (its last column and row reach past the picture).
func bruteCounts(pts *Points, v Viewport, cell int, keep []bool, whole bool) *Grid {
	g := &Grid{Cols: (v.Width + cell - 1) / cell, Rows: (v.Height + cell - 1) / cell, Cell: cell}
	g.Count, g.First = make([]int32, g.Cols*g.Rows), make([]int32, g.Cols*g.Rows)
	for i := range g.First {
		g.First[i] = -1
	}
	k := 1 / v.MetresPerPx
	ox := v.Center[0] - float64(v.Width)/2*v.MetresPerPx
	oy := v.Center[1] + float64(v.Height)/2*v.MetresPerPx
	w, h, inv := float64(v.Width), float64(v.Height), 1/float64(cell)
	if whole {
		w, h = float64(g.Cols*cell), float64(g.Rows*cell)
	}
	for _, off := range v.Copies() {
		ox := ox - off
		for i, x := range pts.X {
			px, py := (x-ox)*k, (oy-pts.Y[i])*k
			if !(px >= 0 && px < w && py >= 0 && py < h) || (keep != nil && !keep[i]) {
				continue
			}
			c := int(py*inv)*g.Cols + int(px*inv)
			if g.Count[c] == 0 {
				g.First[c] = int32(i)
			}
			g.Count[c]++
		}
	}
	return g
}
