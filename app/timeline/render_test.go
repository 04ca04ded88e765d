package timeline

import (
	"context"
	"image"
	"os"
	"path/filepath"
	"testing"

	"chronomap/app/draw"
	"chronomap/app/draw/drawtest"
	"chronomap/assets"
	"chronomap/data/dataset"
)

// load reads a file's events as the window does, lanes by category.
func load(t testing.TB, name string, data []byte) *Events {
	t.Helper()
	d, err := dataset.Load(context.Background(), dataset.Bytes{Title: name, Data: data}, dataset.Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range d.Problems {
		t.Logf("%s: %+v", name, p)
	}
	return FromDataset(d)
}

func sample(t testing.TB) *Events {
	name, data := assets.Sample()
	return load(t, name, data)
}

// render draws a chart at a size and returns its pixels.
func render(c *Chart, w, h int) *image.RGBA {
	s := draw.NewRaster(w, h, c.Theme.Background)
	c.Render(s)
	return s.Pixels
}

// TestRenderSample draws the bundled sample — six events in one week of
// November 2023 — at a laptop's and a projector's size, light and dark,
// in English and German.
func TestRenderSample(t *testing.T) {
	e := sample(t)
	cases := []struct {
		name  string
		theme draw.Theme
		lang  Lang
		w, h  int
	}{
		{"sample-light.png", draw.Light, English, 1280, 800},
		{"sample-dark.png", draw.Dark, English, 1280, 800},
		{"sample-de-1080p.png", draw.Light, German, 1920, 1080},
	}
	for _, c := range cases {
		ch := &Chart{Events: e, Theme: c.theme, Lang: c.lang}
		ch.Fit()
		drawtest.Check(t, filepath.Join("testdata", c.name), render(ch, c.w, c.h))
	}
}

// TestRenderWomenInComputing draws the TimelineJS fixture: dates known to
// the day, month or year, ranges, 1815–1985.
func TestRenderWomenInComputing(t *testing.T) {
	data, err := os.ReadFile("../../../shared/fixtures/timelinejs_women_in_computing.csv")
	if err != nil {
		t.Skip("no shared fixtures:", err)
	}
	e := load(t, "timelinejs_women_in_computing.csv", data)
	ch := &Chart{Events: e, Theme: draw.Light}
	ch.Fit()
	drawtest.Check(t, filepath.Join("testdata", "women-in-computing.png"), render(ch, 1280, 800))
}

// TestRenderRome draws Rome from the Republic's founding in 509 BC to AD
// 516, across 1 BC / AD 1, in both languages.
func TestRenderRome(t *testing.T) {
	data, err := os.ReadFile("testdata/rome.csv")
	if err != nil {
		t.Fatal(err)
	}
	e := load(t, "rome.csv", data)
	for _, c := range []struct {
		name  string
		lang  Lang
		theme draw.Theme
	}{{"rome.png", English, draw.Light}, {"rome-de-dark.png", German, draw.Dark}} {
		ch := &Chart{Events: e, Theme: c.theme, Lang: c.lang}
		ch.Fit()
		drawtest.Check(t, filepath.Join("testdata", c.name), render(ch, 1920, 1080))
	}
}
