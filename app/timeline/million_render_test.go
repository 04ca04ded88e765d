package timeline

import (
	"path/filepath"
	"sync"
	"testing"

	"chronomap/app/draw"
	"chronomap/app/draw/drawtest"
)

var millionOnce = sync.OnceValue(func() *Events { return million(1_000_000) })

// TestRenderMillion draws a million events at full span, where every lane
// is a density strip, and zoomed to one week, where they are markers with
// labels; both are golden images.
func TestRenderMillion(t *testing.T) {
	if testing.Short() {
		t.Skip("a million events")
	}
	e := millionOnce()
	full := &Chart{Events: e, Theme: draw.Light}
	full.Fit()
	s := draw.NewRaster(1920, 1080, draw.Light.Background)
	full.Render(s)
	for _, lv := range full.scr.lanes {
		if lv.mode != dense {
			t.Errorf("full span: lane %q is not a density strip", e.Lanes[lv.lane])
		}
	}
	drawtest.Check(t, filepath.Join("testdata", "million-full.png"), s.Pixels)

	zoom := &Chart{Events: e, Theme: draw.Dark, From: week[0], To: week[1], Today: int64(week[0]) + 3*86400 + 15*3600,
		Selected: map[int]bool{}}
	// Select an event in view, to see it ringed.
	for i, st := range e.Start {
		if float64(st) > week[0]+2*86400 && e.Lane[i] == 2 {
			zoom.Selected[i] = true
			break
		}
	}
	s = draw.NewRaster(1920, 1080, draw.Dark.Background)
	zoom.Render(s)
	labelled, open := 0, 0
	for _, lv := range zoom.scr.lanes {
		if lv.mode == expanded {
			open++
		}
		for _, it := range lv.items {
			if it.room >= labelMin {
				labelled++
			}
		}
	}
	// The lanes share 900 pixels: the busiest, whose events would need
	// more rows than they get, become strips; the rest are drawn event by
	// event.
	if open < 3 {
		t.Errorf("one week: %d lanes drawn event by event, want at least 3", open)
	}
	if labelled < 100 {
		t.Errorf("one week: %d labels, want at least 100", labelled)
	}
	drawtest.Check(t, filepath.Join("testdata", "million-week-dark.png"), s.Pixels)
}

// BenchmarkRenderTimeline1M draws one full 1920×1080 frame of a million
// events over thirty years in six category lanes (one op = one frame), at
// full span and zoomed to one week with labels. The lane index is built
// before timing, once per data set. Run with -cpu 1 for the one-core
// figure.
func BenchmarkRenderTimeline1M(b *testing.B) { benchRenderTimeline(b, millionOnce()) }

// BenchmarkRenderTimeline10M is BenchmarkRenderTimeline1M with ten
// million events.
func BenchmarkRenderTimeline10M(b *testing.B) { benchRenderTimeline(b, million(10_000_000)) }

func benchRenderTimeline(b *testing.B, e *Events) {
	e.laneIndex()
	for _, c := range []struct {
		name     string
		from, to float64
	}{{"full", 0, 0}, {"week", week[0], week[1]}} {
		b.Run(c.name, func(b *testing.B) {
			ch := &Chart{Events: e, Theme: draw.Light, From: c.from, To: c.to}
			if c.from == 0 {
				ch.Fit()
			}
			s := draw.NewRaster(1920, 1080, draw.Light.Background)
			ch.Render(s) // label widths and the overview, once per data set
			b.ResetTimer()
			for range b.N {
				ch.Render(s)
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/frame")
			b.ReportMetric(float64(e.Len()), "events")
		})
	}
}
