package worldmap

import (
	"testing"

	"github.com/paulmach/orb"

	"chronomap/app/draw"
)

// millionEvents is a million events over land-ish latitudes in six
// categories, as the map benchmarks draw them.
func millionEvents() *Events { return manyEvents(1_000_000) }

// manyEvents is n events over land-ish latitudes in six categories.
func manyEvents(n int) *Events {
	lon, lat := scattered(n)
	e := &Events{Lon: lon, Lat: lat, Category: make([]int32, len(lon)), Label: make([]string, len(lon)),
		Legend: []string{"Battles", "Protests", "Riots", "Explosions", "Violence against civilians", "Strategic developments"},
		Counts: make([]int, 6), LegendTitle: "event type"}
	for i := range e.Category {
		e.Category[i] = int32(i % 6)
		e.Counts[i%6]++
		e.Label[i] = "event"
	}
	return e
}

// BenchmarkRenderMap1M draws one full 1920×1080 frame with 1,000,000
// events on a basemap already drawn (one op = one frame), as a pan or a
// filter change redraws it. Run with -cpu 1 for the one-core figure.
func BenchmarkRenderMap1M(b *testing.B) { benchRenderMap(b, millionEvents()) }

// BenchmarkRenderMap10M is BenchmarkRenderMap1M with ten million events.
func BenchmarkRenderMap10M(b *testing.B) { benchRenderMap(b, manyEvents(10_000_000)) }

func benchRenderMap(b *testing.B, e *Events) {
	s := draw.NewRaster(1920, 1080, draw.Light.Background)
	m := &Map{View: Fit(EqualEarth, orb.Bound{Min: orb.Point{-180, -60}, Max: orb.Point{180, 85}}, 1920, 1080, 20), Theme: draw.Light, Events: e}
	m.Render(s) // projects the events and draws the basemap once
	b.ResetTimer()
	for range b.N {
		m.Render(s)
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/frame")
}

// BenchmarkRenderBasemap draws the basemap alone at a new zoom (one op =
// one zoom step), which a frame pays when the view changes scale.
func BenchmarkRenderBasemap(b *testing.B) {
	s := draw.NewRaster(1920, 1080, draw.Light.Background)
	v := Fit(EqualEarth, orb.Bound{Min: orb.Point{-180, -60}, Max: orb.Point{180, 85}}, 1920, 1080, 20)
	// Decode and project both levels of detail once, as a session does.
	drawBasemap(s, v, draw.Light, true)
	drawBasemap(s, v.ZoomAt(orb.Point{960, 540}, 2), draw.Light, true)
	b.ResetTimer()
	for i := range b.N {
		drawBasemap(s, v.ZoomAt(orb.Point{960, 540}, 1+float64(i%4)/8), draw.Light, true)
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/op")
}

// BenchmarkPanMap1M draws frames of a drag across Europe with a million
// events, 12 pixels a frame (one op = one frame of the pan): what the
// window pays while the user pans.
func BenchmarkPanMap1M(b *testing.B) { benchPanMap(b, millionEvents()) }

// BenchmarkPanMap10M is BenchmarkPanMap1M with ten million events.
func BenchmarkPanMap10M(b *testing.B) { benchPanMap(b, manyEvents(10_000_000)) }

func benchPanMap(b *testing.B, e *Events) {
	s := draw.NewRaster(1920, 1080, draw.Light.Background)
	m := &Map{View: Fit(EqualEarth, orb.Bound{Min: orb.Point{-10, 35}, Max: orb.Point{40, 60}}, 1920, 1080, 20), Theme: draw.Light, Events: e, Graticule: true}
	m.Render(s)
	b.ResetTimer()
	for i := range b.N {
		dx := 12.0
		if (i/40)%2 == 1 {
			dx = -12 // back and forth, so the view stays over land
		}
		m.View = m.View.Pan(dx, 0)
		m.Render(s)
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/frame")
}

// BenchmarkZoomMap1M draws frames of a wheel zoom over Europe with a
// million events, a twentieth in or out a frame (one op = one frame): as
// the window draws it while the wheel turns (preview, the sharp basemap
// rescaled), with the basemap drawn again at every step (sharp), the
// way every frame of a zoom was drawn before, and as the window draws the
// frame a zoom rests on (later: rescaled, the sharp basemap drawn in the
// background, where it competes for the cores).
func BenchmarkZoomMap1M(b *testing.B) { benchZoomMap(b, millionEvents()) }

// BenchmarkZoomMap10M is BenchmarkZoomMap1M with ten million events.
func BenchmarkZoomMap10M(b *testing.B) { benchZoomMap(b, manyEvents(10_000_000)) }

func benchZoomMap(b *testing.B, e *Events) {
	for _, name := range []string{"preview", "sharp", "later"} {
		b.Run(name, func(b *testing.B) {
			s := draw.NewRaster(1920, 1080, draw.Light.Background)
			m := &Map{View: Fit(EqualEarth, orb.Bound{Min: orb.Point{-10, 35}, Max: orb.Point{40, 60}}, 1920, 1080, 20), Theme: draw.Light, Events: e, Graticule: true}
			m.Render(s)
			m.Moving = name == "preview"
			if name == "later" {
				// As the window draws it: every frame one the zoom rests
				// on, its sharp basemap drawn in the background.
				m.Redraw = func() {}
			}
			b.ResetTimer()
			for i := range b.N {
				f := 1.05
				if (i/12)%2 == 1 {
					f = 1 / 1.05 // in and out, so the view stays over land
				}
				m.View = m.View.ZoomAt(orb.Point{900, 500}, f)
				m.Render(s)
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/frame")
		})
	}
}
