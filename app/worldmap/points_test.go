package worldmap

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/paulmach/orb"
)

// TestBinCountsEveryVisiblePoint checks that binning accounts for each
// placed point inside the picture once, leaves out the rest, and puts
// each point in the cell under its pixel.
func TestBinCountsEveryVisiblePoint(t *testing.T) {
	lon := []float64{37.6173, -86.2514, -1.5197, 44.4991, 43.8475, math.NaN(), 179}
	lat := []float64{55.7558, 12.1364, 12.3714, 40.1792, 40.7894, math.NaN(), -17}
	v := Fit(EqualEarth, orb.Bound{Min: orb.Point{-90, 5}, Max: orb.Point{50, 60}}, 1280, 800, 20)
	pts := Project(EqualEarth, lon, lat)
	g := pts.Bin(v, 32, nil)
	total := int32(0)
	for _, c := range g.Count {
		total += c
	}
	if total != 5 {
		t.Errorf("%d points binned, want the 5 in view (not the unplaced one nor Fiji)", total)
	}
	for i := range 5 {
		px := v.Pixel(orb.Point{lon[i], lat[i]})
		c := int(px[1])/32*g.Cols + int(px[0])/32
		if g.Count[c] == 0 {
			t.Errorf("point %d at %v not in its cell", i, px)
		}
	}
	if kept := pts.Bin(v, 32, onlyFirst(len(pts.X))); sum(kept.Count) != 1 {
		t.Errorf("keep let %d points through, want 1", sum(kept.Count))
	}
}

func sum(c []int32) (s int32) {
	for _, v := range c {
		s += v
	}
	return s
}

// million returns a million events scattered over the land-ish latitudes.
func million() (lon, lat []float64) { return scattered(1_000_000) }

// scattered returns n events scattered over the land-ish latitudes.
func scattered(n int) (lon, lat []float64) {
	r := rand.New(rand.NewPCG(3, 3))
	lon, lat = make([]float64, n), make([]float64, n)
	for i := range lon {
		lon[i], lat[i] = r.Float64()*360-180, r.Float64()*140-60
	}
	return lon, lat
}

// BenchmarkBin1M bins 1,000,000 projected events for one 1920×1080 frame
// (one op = one frame), the per-frame part of drawing them; projecting
// them is done once per projection and measured by BenchmarkProject1M.
func BenchmarkBin1M(b *testing.B) {
	lon, lat := million()
	pts := Project(EqualEarth, lon, lat)
	v := Fit(EqualEarth, orb.Bound{Min: orb.Point{-180, -60}, Max: orb.Point{180, 80}}, 1920, 1080, 0)
	b.ResetTimer()
	for range b.N {
		pts.Bin(v, 4, nil)
	}
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/frame")
}

// BenchmarkProject1M projects 1,000,000 events (one op = a projection
// change).
func BenchmarkProject1M(b *testing.B) {
	lon, lat := million()
	b.ResetTimer()
	for range b.N {
		Project(EqualEarth, lon, lat)
	}
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/op")
}

// onlyFirst is a mask keeping the first of n points.
func onlyFirst(n int) []bool {
	k := make([]bool, n)
	k[0] = true
	return k
}
