package render

import (
	"context"
	"fmt"
	"io"
	"math"
	"os"
	"os/signal"

	"chronomap/app/cli/inspect"
	"chronomap/app/feed"
	"chronomap/app/scene"
	"chronomap/app/slide"
	"chronomap/app/timeline"
	"chronomap/app/workspace"
	"chronomap/app/worldmap"
	"chronomap/data/server"
)

// table draws the view of a table in an engine: its timeline's histogram
// and its map's density asked of the engine at the picture's resolution
// (see package feed), the counts of the filter line too; no row is read.
// What the table holds that cannot be drawn is said on stderr, briefly,
// as inspect says it. It returns why the picture leaves out what the
// table holds, "" when it does not.
func table(stderr io.Writer, url string, v workspace.Scene, o scene.Options, path string, w scene.Output) (string, error) {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	src, err := server.Open(ctx, url)
	if err != nil {
		return "", err
	}
	defer src.Close()
	r, err := inspect.Table(ctx, src)
	if err != nil {
		return "", err
	}
	inspect.Brief(stderr, r)
	sp0, err := src.Span(ctx)
	if err != nil {
		return "", err
	}
	flt := v.Filter.Dataset(v.Timeline)
	t, err := feed.Open(ctx, src, flt)
	if err != nil {
		return "", err
	}
	sp := slide.Spec{Title: v.Title, Subtitle: o.Subtitle, Marking: o.Marking, Layout: o.Layout, Theme: o.Theme}
	lo, hi := sp0.First, sp0.Last+86400 // the last start's day, as a file's last date spans it
	if w := flt.Window; w != nil {
		if w.From != math.MinInt64 {
			lo = w.From
		}
		if w.To != math.MaxInt64 {
			hi = w.To
		}
	}
	if sp0.OK && o.Layout != slide.MapOnly {
		chart := &timeline.Chart{Events: t.Timeline(), Theme: o.Theme, Lang: o.Lang, Density: t.Density, Beyond: t.Beyond}
		chart.FitSpan(float64(lo), float64(hi))
		if flt.Window != nil {
			chart.From, chart.To = float64(lo), float64(hi)
		}
		sp.Timeline = chart
	}
	if src.Table.HasPlace() && o.Layout != slide.TimelineOnly {
		p := o.Projection
		if p.Forward == nil {
			p = worldmap.EqualEarth
		}
		sp.Map = &worldmap.Map{View: worldmap.Viewport{Projection: p}, Theme: o.Theme, Graticule: true,
			Density: t.MapDensity, Extent: t.Extent(), Area: flt.Box}
		sp.FitMap = true
		sp.Credits = scene.MapCredits
	}
	if sp0.OK {
		sp.Window = slide.DataWindow(o.Lang, lo, hi)
	}
	sp.Filter = scene.FilterLine(flt, t.Counts())
	err = save(path, func(b io.Writer) error {
		if err := scene.WriteSlide(b, sp, w); err != nil {
			return err
		}
		return t.Err() // a view's question failed: no half-drawn picture
	})
	if err != nil {
		return "", err
	}
	if r.Events == 0 {
		return "no row has a date to draw", nil
	}
	return "", nil
}

// oneTable says why a command line that names a table cannot be drawn,
// "" when it can.
func oneTable(paths []string, sizeBy string) string {
	switch {
	case len(paths) > 1:
		return fmt.Sprintf("render draws one table in an engine at a time, not merged with other files or tables (%d given)", len(paths))
	case sizeBy != "":
		return "--size-by sizes the markers of a file's events; a table's map is drawn as a density"
	}
	return ""
}
