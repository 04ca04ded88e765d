package timeline

import (
	"bytes"
	"slices"
	"testing"

	"chronomap/app/draw"
	"chronomap/app/draw/drawtest"
)

// TestRenderVector draws the sample on SVG and PDF surfaces with the
// screen's code: lane names, labels and axis dates come out as text.
func TestRenderVector(t *testing.T) {
	e := sample(t)
	want := []string{"Military cooperation", "Shoigu meets Nicaragua's army commander", "Shoigu: Russia and Nicaragua reject Western \"diktat\"", "November 2023"}
	ch := &Chart{Events: e, Theme: draw.Light}
	ch.Fit()

	s := draw.NewSVG(1920, 1080)
	ch.Render(s)
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
	if elements["image"] > 0 {
		t.Errorf("the SVG timeline holds %d bitmaps", elements["image"])
	}

	p := draw.NewPDF(1920, 1080, draw.Slide)
	ch.Render(p)
	b.Reset()
	if _, err := p.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	_, lines := drawtest.PDF(t, b.Bytes())
	for _, w := range want {
		if !slices.Contains(lines, w) {
			t.Errorf("the PDF's text has no line %q:\n%q", w, lines)
		}
	}
}

// TestRenderVectorMillion draws a million events at full span on an SVG:
// each density strip is one outline per run of bars, not a rectangle per
// pixel column.
func TestRenderVectorMillion(t *testing.T) {
	if testing.Short() {
		t.Skip("a million events")
	}
	ch := &Chart{Events: millionOnce(), Theme: draw.Light}
	ch.Fit()
	s := draw.NewSVG(1920, 1080)
	ch.Render(s)
	var b bytes.Buffer
	if _, err := s.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	_, elements := drawtest.SVG(t, b.Bytes())
	if elements["image"] > 0 || elements["path"] > 3000 {
		t.Errorf("the timeline is %d bitmaps and %d paths", elements["image"], elements["path"])
	}
}
