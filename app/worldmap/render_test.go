package worldmap

import (
	"bytes"
	"image"
	"math/rand/v2"
	"path/filepath"
	"testing"
	"time"

	"github.com/paulmach/orb"

	"chronomap/app/draw"
	"chronomap/app/draw/drawtest"
	"chronomap/data/dataset"
)

// sampleEvents reads the bundled sample as the window does.
func sampleEvents(t testing.TB) *Events {
	d, err := dataset.Sample()
	if err != nil {
		t.Fatal(err)
	}
	return FromDataset(d)
}

// TestRenderSample draws the sample in each projection and theme at the
// sizes of a laptop screen and a projector.
func TestRenderSample(t *testing.T) {
	e := sampleEvents(t)
	places := orb.Bound{Min: orb.Point{-90, 8}, Max: orb.Point{48, 58}}
	cases := []struct {
		name  string
		p     Projection
		theme draw.Theme
		w, h  int
	}{
		{"sample-equalearth-light.png", EqualEarth, draw.Light, 1280, 800},
		{"sample-mercator-light.png", WebMercator, draw.Light, 1280, 800},
		{"sample-platecarree-dark.png", PlateCarree, draw.Dark, 1280, 800},
		{"sample-equalearth-1080p.png", EqualEarth, draw.Light, 1920, 1080},
	}
	for _, c := range cases {
		s := draw.NewRaster(c.w, c.h, c.theme.Background)
		m := &Map{View: Fit(c.p, places, c.w, c.h, 60), Theme: c.theme, Graticule: true, Events: e}
		m.Render(s)
		drawtest.Check(t, filepath.Join("testdata", c.name), s.Pixels)
	}
}

// TestRenderArmenia zooms in to Armenia, where Yerevan and Gyumri are 100
// km apart: the detailed outlines, both labels, no cluster.
func TestRenderArmenia(t *testing.T) {
	e := sampleEvents(t)
	s := draw.NewRaster(1280, 800, draw.Light.Background)
	m := &Map{View: Fit(WebMercator, orb.Bound{Min: orb.Point{42.5, 38.7}, Max: orb.Point{46.8, 41.4}}, 1280, 800, 80), Theme: draw.Light, Events: e}
	m.Render(s)
	drawtest.Check(t, filepath.Join("testdata", "sample-armenia.png"), s.Pixels)
}

// conflictEvents makes n events scattered around a few real places, the
// way an export of a year of conflict events clusters: dense near cities,
// sparse between.
func conflictEvents(n int) *Events {
	centres := []struct {
		lon, lat, spread float64
		cat              int32
	}{
		{36.23, 49.99, 1.5, 0}, {37.62, 55.76, 0.6, 1}, {-1.52, 12.37, 2.0, 2}, {44.5, 40.18, 0.4, 3},
		{-86.25, 12.14, 0.8, 1}, {32.53, 15.5, 2.5, 0}, {44.2, 15.35, 1.8, 2}, {29.0, 41.0, 0.5, 4},
	}
	legend := []string{"Battles", "Protests", "Violence against civilians", "Strategic developments", "Riots"}
	e := &Events{Legend: legend, Counts: make([]int, len(legend)), LegendTitle: "event type"}
	r := rand.New(rand.NewPCG(7, 7))
	for range n {
		c := centres[r.IntN(len(centres))]
		e.Lon = append(e.Lon, c.lon+r.NormFloat64()*c.spread)
		e.Lat = append(e.Lat, c.lat+r.NormFloat64()*c.spread*0.7)
		cat := c.cat
		if r.IntN(4) == 0 {
			cat = int32(r.IntN(len(legend)))
		}
		e.Category = append(e.Category, cat)
		e.Counts[cat]++
		e.Label = append(e.Label, "")
	}
	return e
}

// TestRender10k draws ten thousand events: clusters with counts where they
// crowd, single markers where they do not.
func TestRender10k(t *testing.T) {
	e := conflictEvents(10_000)
	s := draw.NewRaster(1280, 800, draw.Light.Background)
	m := &Map{View: Fit(EqualEarth, orb.Bound{Min: orb.Point{-95, 0}, Max: orb.Point{60, 62}}, 1280, 800, 30), Theme: draw.Light, Events: e}
	m.Render(s)
	drawtest.Check(t, filepath.Join("testdata", "events-10k.png"), s.Pixels)
}

// TestRenderMillionDensity draws a million events as a density layer.
func TestRenderMillionDensity(t *testing.T) {
	if testing.Short() {
		t.Skip("a million events")
	}
	e := conflictEvents(1_000_000)
	s := draw.NewRaster(960, 540, draw.Dark.Background)
	m := &Map{View: Fit(EqualEarth, orb.Bound{Min: orb.Point{-95, 0}, Max: orb.Point{60, 62}}, 960, 540, 10), Theme: draw.Dark, Events: e}
	m.Render(s)
	drawtest.Check(t, filepath.Join("testdata", "events-1m-density.png"), s.Pixels)
}

// TestRenderSizedByColumn draws the 10,000 events with markers sized by a
// numeric column, with the size key in the legend.
func TestRenderSizedByColumn(t *testing.T) {
	e := conflictEvents(10_000)
	r := rand.New(rand.NewPCG(9, 9))
	e.Size, e.SizeTitle = make([]float64, len(e.Lon)), "fatalities"
	for i := range e.Size {
		e.Size[i] = float64(r.IntN(20))
	}
	s := draw.NewRaster(1280, 800, draw.Light.Background)
	m := &Map{View: Fit(EqualEarth, orb.Bound{Min: orb.Point{20, 5}, Max: orb.Point{50, 45}}, 1280, 800, 30), Theme: draw.Light, Events: e}
	m.Render(s)
	drawtest.Check(t, filepath.Join("testdata", "events-sized.png"), s.Pixels)
}

// TestCountryNamesInLanguage draws Europe with German names: Deutschland
// is written, Germany is not.
func TestCountryNamesInLanguage(t *testing.T) {
	texts := func(lang string) map[string]bool {
		m := &Map{View: Fit(EqualEarth, orb.Bound{Min: orb.Point{-5, 42}, Max: orb.Point{25, 56}}, 1280, 800, 0), Theme: draw.Light, Language: lang}
		s := draw.NewSVG(1280, 800)
		m.Render(s)
		var b bytes.Buffer
		s.WriteTo(&b)
		got, _ := drawtest.SVG(t, b.Bytes())
		out := map[string]bool{}
		for k := range got {
			out[k] = true
		}
		return out
	}
	en, de := texts(""), texts("de")
	if !en["Germany"] || en["Deutschland"] {
		t.Errorf("English names: Germany %v, Deutschland %v", en["Germany"], en["Deutschland"])
	}
	if !de["Deutschland"] || de["Germany"] {
		t.Errorf("German names: Deutschland %v, Germany %v", de["Deutschland"], de["Germany"])
	}
}

// TestPanReusesBasemap pans a map by whole pixels, then further than the
// margin: each frame is the picture a fresh map draws of the same view.
func TestPanReusesBasemap(t *testing.T) {
	v := Fit(EqualEarth, orb.Bound{Min: orb.Point{-10, 35}, Max: orb.Point{40, 60}}, 640, 400, 10)
	m := &Map{View: v, Theme: draw.Light, Graticule: true}
	s := draw.NewRaster(640, 400, draw.Light.Background)
	m.Render(s)
	for _, step := range [][2]float64{{37, -21}, {-80, 55}, {400, 0}, {-15, 190}} {
		m.View = m.View.Pan(step[0], step[1])
		m.Render(s)
		fresh := &Map{View: m.View, Theme: draw.Light, Graticule: true}
		f := draw.NewRaster(640, 400, draw.Light.Background)
		fresh.Render(f)
		diff := 0
		for i := range s.Pixels.Pix {
			d := int(s.Pixels.Pix[i]) - int(f.Pixels.Pix[i])
			if d > 8 || d < -8 {
				diff++
			}
		}
		if diff > len(s.Pixels.Pix)/1000 {
			t.Errorf("after panning by %v, %d bytes differ from a fresh frame", step, diff)
		}
	}
	if m.wide == nil {
		t.Error("panning drew no basemap with a margin")
	}
}

// TestZoomPreview zooms while the view is moving: the frames are the last
// sharp basemap rescaled, close to what a fresh one draws, and the first
// frame after the move is as sharp as a fresh one.
func TestZoomPreview(t *testing.T) {
	v := Fit(EqualEarth, orb.Bound{Min: orb.Point{-10, 35}, Max: orb.Point{40, 60}}, 640, 400, 10)
	m := &Map{View: v, Theme: draw.Light, Graticule: true}
	s := draw.NewRaster(640, 400, draw.Light.Background)
	m.Render(s)
	sharp := m.baseOf
	fresh := func() *image.RGBA {
		f := draw.NewRaster(640, 400, draw.Light.Background)
		(&Map{View: m.View, Theme: draw.Light, Graticule: true}).Render(f)
		return f.Pixels
	}
	// Share of bytes off by more than a little from a fresh frame.
	off := func(a, b *image.RGBA) float64 {
		n := 0
		for i := range a.Pix {
			if d := int(a.Pix[i]) - int(b.Pix[i]); d > 24 || d < -24 {
				n++
			}
		}
		return float64(n) / float64(len(a.Pix))
	}
	m.Moving = true
	for _, f := range []float64{1.1, 1.1, 1 / 1.3, 1 / 1.3} {
		m.View = m.View.ZoomAt(orb.Point{300, 180}, f)
		m.Render(s)
		if m.baseOf != sharp {
			t.Fatalf("a frame of the zoom drew the basemap again")
		}
		if o := off(s.Pixels, fresh()); o > 0.06 {
			t.Errorf("zoomed by %.2f: %.1f%% of the rescaled frame is off a fresh one", f, o*100)
		}
	}
	m.Moving = false
	m.Render(s)
	if o := off(s.Pixels, fresh()); o != 0 {
		t.Errorf("after the zoom %.2f%% of the frame is off a fresh one", o*100)
	}
	if m.baseOf == sharp {
		t.Error("the frame after the zoom kept the rescaled basemap")
	}
}

// TestZoomBasemapLater zooms a map whose basemaps are drawn in the
// background: no frame of the zoom, nor the one after it rests, draws the
// countries itself, and once Redraw says the sharp basemap is ready the
// next frame is the picture a fresh map draws.
func TestZoomBasemapLater(t *testing.T) {
	v := Fit(EqualEarth, orb.Bound{Min: orb.Point{-10, 35}, Max: orb.Point{40, 60}}, 640, 400, 10)
	ready := make(chan struct{}, 16)
	m := &Map{View: v, Theme: draw.Light, Graticule: true, Redraw: func() { ready <- struct{}{} }}
	s := draw.NewRaster(640, 400, draw.Light.Background)
	m.Render(s)
	first := m.baseOf
	wait := func() {
		select {
		case <-ready:
		case <-time.After(30 * time.Second):
			t.Fatal("no basemap was drawn in the background")
		}
	}
	m.Moving = true
	m.View = m.View.ZoomAt(orb.Point{300, 180}, 1.1)
	m.Render(s)
	if m.baseOf != first {
		t.Fatal("a frame of the zoom drew the basemap itself")
	}
	wait() // the sharp view with a margin
	m.Moving = false
	m.Render(s) // rested: the view's own basemap is asked for
	if m.baseOf != first {
		t.Fatal("the frame after the zoom drew the basemap itself")
	}
	for m.baseOf != m.baseKey() {
		wait()
		m.Render(s)
	}
	f := draw.NewRaster(640, 400, draw.Light.Background)
	(&Map{View: m.View, Theme: draw.Light, Graticule: true}).Render(f)
	if !bytes.Equal(s.Pixels.Pix, f.Pixels.Pix) {
		t.Error("once drawn, the basemap is not what a fresh map draws")
	}
}
