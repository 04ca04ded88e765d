package worldmap

import (
	"math"
	"testing"

	"github.com/paulmach/orb"

	"chronomap/app/draw"
)

// TestAtNearest: over a density layer, the event under the pointer is the
// nearest shown one within 6 pixels, the lowest of equals, as reading
// every event would find it; a hidden event is never found.
func TestAtNearest(t *testing.T) {
	e := manyEvents(100_000)
	m := &Map{View: Fit(EqualEarth, orb.Bound{Min: orb.Point{-180, -60}, Max: orb.Point{180, 85}}, 1600, 900, 20), Theme: draw.Light, Events: e}
	shown := make([]bool, len(e.Lon))
	for i := range shown {
		shown[i] = i%3 != 0
	}
	m.Shown = shown
	m.Render(draw.NewRaster(1600, 900, draw.Light.Background))
	if m.markers != nil {
		t.Fatal("the test needs a density layer, not markers")
	}
	pts := Project(m.View.Projection, e.Lon, e.Lat)
	found := 0
	for y := 0.5; y < 900; y += 31.3 {
		for x := 0.5; x < 1600; x += 37.1 {
			px := orb.Point{x, y}
			best, bestD := -1, 6.0
			for i, X := range pts.X {
				if math.IsNaN(X) || !shown[i] {
					continue
				}
				p := m.View.PlanePixel(orb.Point{X, pts.Y[i]})
				if d := math.Hypot(p[0]-px[0], p[1]-px[1]); d < bestD {
					best, bestD = i, d
				}
			}
			h, ok := m.At(px)
			switch {
			case best < 0 && ok:
				t.Fatalf("at %v: found event %d, want none", px, h.Event)
			case best >= 0 && (!ok || h.Event != best):
				t.Fatalf("at %v: found %d (%v), want %d", px, h.Event, ok, best)
			}
			if ok {
				found++
			}
		}
	}
	if found < 50 {
		t.Fatalf("only %d pixels found an event: the test says little", found)
	}
}
