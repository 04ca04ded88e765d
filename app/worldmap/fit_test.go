package worldmap

import (
	"math"
	"testing"

	"github.com/paulmach/orb"

	"chronomap/app/draw"
)

// TestFitPadsTheEvents fits the sample — from Managua to Moscow and
// Yerevan, with arcs from their origins — at the sizes of a window's map,
// a slide's and a projector's: every event and origin stands a tenth of
// the picture's smaller side inside its frame (and above the legend), not
// on its edge.
func TestFitPadsTheEvents(t *testing.T) {
	e := sampleEvents(t)
	for _, sz := range [][2]int{{640, 400}, {900, 700}, {1808, 600}, {1920, 1080}} {
		w, h := sz[0], sz[1]
		m := &Map{View: Viewport{Projection: EqualEarth}, Theme: draw.Light, Events: e}
		m.FitEvents(w, h)
		want := math.Max(48, 0.1*float64(min(w, h)))
		bottom := 0.0
		if l, ok := m.legendLayout(&draw.Surface{W: float64(w), H: float64(h)}); ok {
			bottom = l.box.y1 - l.box.y0
		}
		pts := []orb.Point{}
		for i := range e.Lon {
			if !math.IsNaN(e.Lat[i]) {
				pts = append(pts, orb.Point{e.Lon[i], e.Lat[i]})
			}
		}
		for _, a := range e.Arcs {
			pts = append(pts, a.From)
		}
		for _, q := range pts {
			p := m.View.Pixel(q)
			if d := math.Min(math.Min(p[0], float64(w)-p[0]), math.Min(p[1], float64(h)-bottom-p[1])); d < want-0.5 {
				t.Errorf("%d×%d: %v stands %.0f px inside the frame, want %.0f", w, h, q, d, want)
			}
		}
	}
}
