// Package scene turns a workspace's saved views into slides: it reads the
// workspace's files with their roles, applies a scene's filter, time
// window, map extent and selection, and fills in the slide (app/slide)
// that the window's export, `chronomap render --workspace W --scene N`,
// the decks and the presentation draw. It knows nothing of Fyne.
package scene

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/paulmach/orb"

	"chronomap/app/draw"
	"chronomap/app/number"
	"chronomap/app/slide"
	"chronomap/app/timeline"
	"chronomap/app/workspace"
	"chronomap/app/worldmap"
	"chronomap/data/dataset"
	"chronomap/data/events"
	"chronomap/data/frame"
)

// File is a dataset with the models its map and timeline draw, built
// once: every slide, deck page and playback frame of it shares them.
type File struct {
	Data     *dataset.Dataset
	Map      *worldmap.Events // nil when no event is placed
	Timeline *timeline.Events // nil when there is no event
}

// Open builds the views' models of a dataset.
func Open(d *dataset.Dataset) File {
	f := File{Data: d}
	if d.Len() > 0 {
		f.Timeline = timeline.FromDataset(d)
	}
	if d.Index.Located > 0 {
		f.Map = worldmap.FromDataset(d)
	}
	return f
}

// Read reads source i of a workspace with the roles saved for it.
func Read(ctx context.Context, ws *workspace.Workspace, i int) (File, error) {
	if i < 0 || i >= len(ws.Sources) {
		return File{}, fmt.Errorf("the workspace has %d files; there is no file %d", len(ws.Sources), i+1)
	}
	s := ws.Sources[i]
	var o dataset.Options
	if len(s.Mapping.Roles) > 0 {
		m, err := s.Mapping.Events()
		if err != nil {
			return File{}, fmt.Errorf("%s: %w", s.Path, err)
		}
		o.Mapping = &m
	}
	d, err := dataset.Load(ctx, dataset.File{Path: s.Path, Options: frame.Options{Format: s.Format, Sheet: s.Sheet}}, o, nil)
	if err != nil {
		return File{}, err
	}
	return Open(d), nil
}

// Options are a slide's settings that are not the view's own.
type Options struct {
	Subtitle string
	Marking  string
	Layout   slide.Layout
	Theme    draw.Theme
	Lang     timeline.Lang
	// Projection is used when the view names none.
	Projection worldmap.Projection
}

// MapCredits are those every picture with a map owes: the basemap's
// (Natural Earth, public domain, credit asked for) and the gazetteer's
// (GeoNames, CC BY 4.0), as assets/LICENSES.md lists them.
var MapCredits = []string{"Basemap: Natural Earth", "Places: GeoNames, CC BY 4.0"}

// Slide is the slide of a view of f: its title, the time window shown,
// the filter when it hides events, the map at the view's extent (fitted
// to the shown events when the view has none) and the timeline at its
// window, both through the one mask the filter gives, the selection
// ringed, the sources of the events shown, the credits.
func (f File) Slide(v workspace.Scene, o Options) slide.Spec {
	t := o.Theme
	if t.Palette == nil {
		t = draw.Light
	}
	sp := slide.Spec{Title: v.Title, Subtitle: o.Subtitle, Marking: o.Marking, Layout: o.Layout, Theme: t}
	flt := v.Filter.Dataset(v.Timeline)
	mask := f.Data.Apply(flt)
	var selected map[int]bool
	if s := v.Selection; s != nil && s.Source == 0 {
		if e := f.Data.EventOfRow(s.Row); e >= 0 {
			selected = map[int]bool{e: true}
		}
	}
	if f.Timeline != nil && o.Layout != slide.MapOnly {
		chart := &timeline.Chart{Events: f.Timeline, Theme: t, Lang: o.Lang, Kept: mask.Kept, Selected: selected}
		chart.Fit()
		if w := flt.Window; w != nil {
			// The window's closed ends; an open one keeps the data's.
			if w.From != math.MinInt64 {
				chart.From = float64(w.From)
			}
			if w.To != math.MaxInt64 {
				chart.To = float64(w.To)
			}
		}
		for lane, name := range f.Timeline.Lanes {
			if slices.Contains(v.Timeline.Collapsed, name) {
				if chart.Collapsed == nil {
					chart.Collapsed = map[int]bool{}
				}
				chart.Collapsed[lane] = true
			}
		}
		sp.Timeline = chart
	}
	if f.Map != nil && o.Layout != slide.TimelineOnly {
		p := o.Projection
		for _, q := range worldmap.Projections {
			if q.Name == v.Map.Projection {
				p = q
			}
		}
		if p.Forward == nil {
			p = worldmap.EqualEarth
		}
		m := &worldmap.Map{View: worldmap.Viewport{Projection: p}, Theme: t, Graticule: true, Events: f.Map,
			Shown: mask.Shown, Counts: mask.Counts.ShownBy, Selected: selected, Area: flt.Box}
		if o.Lang == timeline.German {
			m.Language = "de" // its words and numbers as the timeline's, and its countries' names
		}
		if v.Map.Zoom > 0 {
			// A nominal size: the slide rescales the view to its room,
			// keeping the extent.
			m.View.Width, m.View.Height = 1600, 900
			m.View = m.View.Centred(orb.Point{v.Map.Center[0], v.Map.Center[1]}, v.Map.Zoom)
		} else {
			sp.FitMap = true
		}
		sp.Map = m
		sp.Credits = MapCredits
	}
	sp.Window = f.window(mask, flt.Window, o.Lang)
	sp.Filter = FilterLine(f.named(flt), mask.Counts)
	sp.Sources = slide.Sources(f.sources(mask))
	return sp
}

// FilterLine says on a slide that what it shows is filtered, and how:
// `Filtered: "Shoigu" · 3 of 6 events`. It is empty when nothing but the
// time window (which the slide shows already) narrows the events.
func FilterLine(f dataset.Filter, c dataset.Counts) string {
	if !f.Narrows(false) {
		return ""
	}
	parts := append(filterParts(f), number.English.Int(c.Shown)+" of "+number.English.Int(c.All)+" events")
	return "Filtered: " + strings.Join(parts, " · ")
}

// named is the filter with its hidden categories named as the legend
// names them.
func (f File) named(flt dataset.Filter) dataset.Filter {
	hidden := make([]string, len(flt.HiddenCategories))
	for i, c := range flt.HiddenCategories {
		hidden[i] = f.Data.Categories.Label(c)
	}
	flt.HiddenCategories = hidden
	return flt
}

// filterParts names what a filter narrows, one part each: the search, the
// actors, the categories hidden, placed events only, a map area.
func filterParts(f dataset.Filter) []string {
	var parts []string
	if q := strings.TrimSpace(f.Query); q != "" {
		parts = append(parts, strconv.Quote(q))
	}
	if len(f.Actors) > 0 {
		parts = append(parts, "actor "+strings.Join(f.Actors, ", "))
	}
	if n := len(f.HiddenCategories); n == 1 {
		parts = append(parts, f.HiddenCategories[0]+" hidden")
	} else if n > 1 {
		parts = append(parts, fmt.Sprintf("%d categories hidden", n))
	}
	if f.LocatedOnly {
		parts = append(parts, "placed events only")
	}
	if f.Box != nil {
		parts = append(parts, "map area")
	}
	return parts
}

// Title names a scene after what it shows: its filter and its time window
// (`"Shoigu" · 31 Oct 2023 – 1 Dec 2023`), or all events and their span
// when nothing is filtered out. A file's name says nothing of a scene.
func (f File) Title(v workspace.Scene, o Options) string {
	flt := v.Filter.Dataset(v.Timeline)
	mask := f.Data.Apply(flt)
	parts := filterParts(f.named(flt))
	if len(parts) == 0 {
		parts = []string{"All events"}
	}
	if w := f.window(mask, flt.Window, o.Lang); w != "" {
		parts = append(parts, w)
	}
	return strings.Join(parts, " · ")
}

// window writes the time window shown: the filter's window, or the span
// of the events shown.
func (f File) window(m dataset.Mask, w *dataset.Window, l timeline.Lang) string {
	if w != nil && w.From != math.MinInt64 && w.To != math.MaxInt64 {
		return slide.DataWindow(l, w.From, w.To)
	}
	d := f.Data
	var lo, hi int64
	first := true
	for i := range d.Len() {
		if !m.IsShown(i) {
			continue
		}
		if first || d.Index.Start[i] < lo {
			lo = d.Index.Start[i]
		}
		if first || d.Stop[i] > hi {
			hi = d.Stop[i]
		}
		first = false
	}
	if first {
		return ""
	}
	if w != nil { // one end given: it stands, the other is the data's
		if w.From != math.MinInt64 {
			lo = w.From
		}
		if w.To != math.MaxInt64 {
			hi = w.To
		}
	}
	return slide.DataWindow(l, lo, hi)
}

// sources lists the source column's value for every event shown.
func (f File) sources(m dataset.Mask) []string {
	d := f.Data
	if len(d.Mapping.Get(events.Source)) == 0 {
		return nil
	}
	var out []string
	for i := range d.Len() {
		if m.IsShown(i) {
			out = append(out, d.Text(i, events.Source))
		}
	}
	return out
}
