package worldmap

import (
	"math/rand/v2"
	"testing"

	"github.com/paulmach/orb"

	"chronomap/app/draw"
)

// worldwide makes n events the way a GDELT export spreads them: over
// cities on every continent, the far corners of the map too (Anchorage,
// Santiago, Wellington, Reykjavik, Tokyo), in 20 categories.
func worldwide(n int) *Events {
	cities := [][2]float64{{-149.9, 61.2}, {-70.6, -33.4}, {174.8, -41.3}, {-21.9, 64.1}, {139.7, 35.7}, {-74, 40.7},
		{-118.2, 34.1}, {-99.1, 19.4}, {-46.6, -23.5}, {-58.4, -34.6}, {-0.1, 51.5}, {2.35, 48.86}, {37.6, 55.8},
		{31.2, 30}, {3.4, 6.5}, {36.8, -1.3}, {28, -26.2}, {18.4, -33.9}, {77.2, 28.6}, {72.9, 19.1}, {116.4, 39.9},
		{121.5, 31.2}, {106.8, -6.2}, {151.2, -33.9}, {144.96, -37.8}, {115.9, -31.95}, {-123.1, 49.3}, {-79.4, 43.7},
		{44.4, 33.3}, {69.2, 34.5}, {35.2, 31.8}, {-66.9, 10.5}, {-77, -12}, {100.5, 13.8}, {120.98, 14.6}, {127, 37.6}}
	e := &Events{LegendTitle: "event root code"}
	for k := range 20 {
		e.Legend = append(e.Legend, "Code "+string(rune('A'+k)))
	}
	e.Counts = make([]int, 20)
	r := rand.New(rand.NewPCG(15, 16))
	for range n {
		c := cities[r.IntN(len(cities))]
		e.Lon = append(e.Lon, c[0]+r.NormFloat64()*0.5)
		e.Lat = append(e.Lat, c[1]+r.NormFloat64()*0.5)
		cat := int32(min(19, r.IntN(8)+r.IntN(14)))
		e.Category = append(e.Category, cat)
		e.Counts[cat]++
		e.Label = append(e.Label, "")
	}
	return e
}

// TestLegendCoversNoMarker fits world-wide events into window-sized maps:
// the legend stands where it hides no marker — in another corner, shorter,
// or not at all; the sample's legend still stands, in full.
func TestLegendCoversNoMarker(t *testing.T) {
	e := worldwide(6000)
	places := map[legendPlace]bool{}
	for _, c := range []struct {
		w, h int
		view orb.Bound // zero: fitted to the events
	}{
		{640, 420, orb.Bound{}}, {800, 500, orb.Bound{}}, {1808, 600, orb.Bound{}}, {640, 280, orb.Bound{}}, {480, 260, orb.Bound{}},
		// Zoomed by hand, as an analyst leaves the window's map.
		{640, 420, orb.Bound{Min: orb.Point{-20, 25}, Max: orb.Point{60, 65}}},
		{800, 500, orb.Bound{Min: orb.Point{60, -45}, Max: orb.Point{160, 45}}},
		{640, 420, orb.Bound{Min: orb.Point{-130, -40}, Max: orb.Point{-40, 65}}},
	} {
		m := &Map{View: Viewport{Projection: EqualEarth}, Theme: draw.Light, Events: e}
		if c.view.IsZero() {
			m.FitEvents(c.w, c.h)
		} else {
			m.View = Fit(EqualEarth, c.view, c.w, c.h, 0)
		}
		s := draw.NewRaster(c.w, c.h, draw.Light.Background)
		m.Render(s)
		if l, ok := m.legendLayout(s); ok && hides(l.box, m.markers, m.sizeRef()) {
			t.Errorf("%d×%d %v: the legend (%+v) covers a marker", c.w, c.h, c.view, m.legendAt)
		}
		places[m.legendAt] = true
	}
	t.Logf("legend places: %v", places)
	m := &Map{View: Viewport{Projection: EqualEarth}, Theme: draw.Light, Events: sampleEvents(t)}
	m.FitEvents(640, 420)
	s := draw.NewRaster(640, 420, draw.Light.Background)
	m.Render(s)
	if l, ok := m.legendLayout(s); !ok || len(l.cats) != 3 || hides(l.box, m.markers, 0) {
		t.Errorf("the sample's legend: %+v, drawn %v", m.legendAt, ok)
	}
}
