package worldmap

import (
	"bytes"
	"slices"
	"testing"

	"github.com/paulmach/orb"

	"chronomap/app/draw"
	"chronomap/app/draw/drawtest"
)

// TestRenderVector draws the sample on SVG and PDF surfaces with the
// screen's code: its labels, country names and legend come out as text,
// once each, and nothing as a bitmap.
func TestRenderVector(t *testing.T) {
	e := sampleEvents(t)
	view := Fit(WebMercator, orb.Bound{Min: orb.Point{42.5, 38.7}, Max: orb.Point{46.8, 41.4}}, 1280, 800, 80)
	want := []string{"Armenia", "Azerbaijan", "Milblogger warns over Russia's base in Gyumri", "Yerevan, 2 events", "Category", "50 km"}

	s := draw.NewSVG(1280, 800)
	(&Map{View: view, Theme: draw.Light, Events: e}).Render(s)
	var b bytes.Buffer
	if _, err := s.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	texts, elements := drawtest.SVG(t, b.Bytes())
	for _, w := range want {
		if texts[w] != 1 {
			t.Errorf("the SVG writes %q %d times, want once; it writes %v", w, texts[w], texts)
		}
	}
	if texts["Military cooperation  3"] != 1 {
		t.Errorf("the legend is missing: %v", texts)
	}
	if elements["image"] > 0 {
		t.Errorf("the SVG map holds %d bitmaps", elements["image"])
	}

	p := draw.NewPDF(1280, 800, draw.Slide)
	(&Map{View: view, Theme: draw.Light, Events: e}).Render(p)
	b.Reset()
	if _, err := p.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	_, lines := drawtest.PDF(t, b.Bytes())
	for _, w := range want {
		if n := count(lines, w); n != 1 {
			t.Errorf("the PDF's text has %q %d times, want once:\n%q", w, n, lines)
		}
	}
}

// TestRenderVectorDensity draws a million events over the world on an
// SVG: the density layer is a few paths of rectangles, not a bitmap, not a
// path per cell.
func TestRenderVectorDensity(t *testing.T) {
	if testing.Short() {
		t.Skip("a million events")
	}
	e := millionEvents()
	s := draw.NewSVG(1920, 1080)
	m := &Map{View: Fit(EqualEarth, orb.Bound{Min: orb.Point{-180, -60}, Max: orb.Point{180, 85}}, 1920, 1080, 20), Theme: draw.Light, Events: e}
	m.Render(s)
	if m.markers != nil {
		t.Fatal("a million events were drawn as markers, not as a density layer")
	}
	var b bytes.Buffer
	if _, err := s.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	texts, elements := drawtest.SVG(t, b.Bytes())
	if elements["image"] > 0 || elements["path"] > 400 {
		t.Errorf("the density layer is %d bitmaps and %d paths", elements["image"], elements["path"])
	}
	if texts["1,000,000 events, by density"] == 0 {
		t.Errorf("the density legend is missing: %v", texts)
	}
}

func count(lines []string, s string) int {
	n := 0
	for l := range slices.Values(lines) {
		if l == s {
			n++
		}
	}
	return n
}
