// Package scene turns a workspace's saved views into slides: it reads the
// workspace's files with their roles, applies a scene's filter, time
// window, map extent and selection, and fills in the slide (app/slide)
// that the window's export, `chronomap render --workspace W --scene N`,
// the decks and the presentation draw. It knows nothing of Fyne.
package scene

import (
	"fmt"
	"math"
	"strings"

	"github.com/paulmach/orb"

	"chronomap/app/draw"
	"chronomap/app/slide"
	"chronomap/app/timeline"
	"chronomap/app/workspace"
	"chronomap/app/worldmap"
	"chronomap/data/events"
	"chronomap/data/frame"
)

// File is a workspace's source, read and indexed, with the models of its
// map and timeline.
type File struct {
	Path     string
	Frame    *frame.Frame
	Mapping  events.Mapping
	Index    *events.Index
	Map      *worldmap.Events
	Timeline *timeline.Events
}

// Models builds the map's and the timeline's events of an indexed frame:
// the one place where a file becomes what the views draw.
func Models(f *frame.Frame, m events.Mapping, x *events.Index) (*worldmap.Events, *timeline.Events) {
	var me *worldmap.Events
	var te *timeline.Events
	if x.Len() > 0 {
		te = timeline.FromIndex(f, m, x, events.Category)
	}
	if x.Located > 0 {
		me = worldmap.FromIndex(f, m, x)
	}
	return me, te
}

// Read reads source i of a workspace with the roles saved for it.
func Read(ws *workspace.Workspace, i int) (File, error) {
	if i < 0 || i >= len(ws.Sources) {
		return File{}, fmt.Errorf("the workspace has %d files; there is no file %d", len(ws.Sources), i+1)
	}
	s := ws.Sources[i]
	f, err := frame.ReadFile(s.Path, frame.Options{Format: s.Format, Sheet: s.Sheet})
	if err != nil {
		return File{}, err
	}
	m := events.Detect(f)
	if len(s.Mapping.Roles) > 0 {
		if m, err = s.Mapping.Events(); err != nil {
			return File{}, fmt.Errorf("%s: %v", s.Path, err)
		}
	}
	x, _ := events.Build(f, m)
	me, te := Models(f, m, x)
	return File{Path: s.Path, Frame: f, Mapping: m, Index: x, Map: me, Timeline: te}, nil
}

// View is what a slide shows: a scene, or the workspace as it was saved.
type View struct {
	Title, Notes string
	Filter       workspace.Filter
	Map          workspace.MapView
	Timeline     workspace.TimelineView
	Selection    *workspace.Selection
}

// Of is a scene's view.
func Of(s workspace.Scene) View {
	return View{Title: s.Title, Notes: s.Notes, Filter: s.Filter, Map: s.Map, Timeline: s.Timeline, Selection: s.Selection}
}

// Current is the view the workspace was saved with.
func Current(ws *workspace.Workspace) View {
	return View{Filter: ws.Filter, Map: ws.Map, Timeline: ws.Timeline, Selection: ws.Selection}
}

// Keep works a filter out for every event of f: shown passes it all,
// styled all but the time window (the timeline draws the others faded).
// from and to bound the window in Unix seconds; windowed says whether
// there is one.
func (f File) Keep(flt workspace.Filter, from, to float64, windowed bool) (shown, styled []bool) {
	n := f.Index.Len()
	shown, styled = make([]bool, n), make([]bool, n)
	var matches []bool
	if strings.TrimSpace(flt.Query) != "" {
		matches = f.Index.Matching(f.Frame, flt.Query)
	}
	hidden := map[int32]bool{}
	if t := f.Timeline; t != nil {
		for k, name := range t.Legend {
			for _, h := range flt.HiddenCategories {
				if h == name {
					hidden[int32(k)] = true
				}
			}
		}
	}
	x := f.Index
	for i := range n {
		ok := matches == nil || matches[i]
		ok = ok && !(flt.LocatedOnly && !x.IsLocated(i))
		if b := flt.Box; ok && b != nil {
			ok = x.IsLocated(i) && x.Lon[i] >= b[0] && x.Lat[i] >= b[1] && x.Lon[i] <= b[2] && x.Lat[i] <= b[3]
		}
		if t := f.Timeline; ok && t != nil && len(hidden) > 0 {
			ok = !hidden[t.Category[i]]
		}
		styled[i] = ok
		if ok && windowed && f.Timeline != nil {
			ok = float64(f.Timeline.Stop[i]) > from && float64(f.Timeline.Start[i]) < to
		}
		shown[i] = ok
	}
	return shown, styled
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

// Slide is the slide of a view of f: its title, the time window shown, the
// map at the view's extent (fitted to the shown events when the view has
// none) and the timeline at its window, the selection ringed, the sources
// of the events shown, the credits.
func (f File) Slide(v View, o Options) slide.Spec {
	t := o.Theme
	if t.Palette == nil {
		t = draw.Light
	}
	sp := slide.Spec{Title: v.Title, Subtitle: o.Subtitle, Marking: o.Marking, Layout: o.Layout, Theme: t}
	var chart *timeline.Chart
	from, to, windowed := 0.0, 0.0, false
	if f.Timeline != nil {
		chart = &timeline.Chart{Events: f.Timeline, Theme: t, Lang: o.Lang}
		chart.Fit()
		if a, b, ok, err := v.Timeline.Window(); ok && err == nil {
			chart.From, chart.To, from, to, windowed = a, b, a, b, true
		}
		chart.Collapsed = map[int]bool{}
		for lane, name := range f.Timeline.Lanes {
			for _, c := range v.Timeline.Collapsed {
				if c == name {
					chart.Collapsed[lane] = true
				}
			}
		}
	}
	shown, styled := f.Keep(v.Filter, from, to, windowed)
	var selected map[int]bool
	if s := v.Selection; s != nil && s.Source == 0 {
		for i, r := range f.Index.Row {
			if int(r) == s.Row {
				selected = map[int]bool{i: true}
			}
		}
	}
	if chart != nil {
		chart.Keep = func(i int) bool { return styled[i] }
		chart.Selected = selected
		if o.Layout != slide.MapOnly {
			sp.Timeline = chart
		}
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
			Keep: func(i int) bool { return shown[i] }, Selected: selected}
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
	sp.Window = window(f, shown, from, to, windowed, o.Lang)
	sp.Sources = slide.Sources(f.sources(shown))
	return sp
}

// window writes the time window shown: the timeline's window, or the span
// of the events shown.
func window(f File, shown []bool, from, to float64, windowed bool, l timeline.Lang) string {
	if windowed {
		return slide.DataWindow(l, int64(math.Floor(from)), int64(math.Ceil(to)))
	}
	if f.Timeline == nil {
		return ""
	}
	var lo, hi int64
	first := true
	for i, ok := range shown {
		if !ok {
			continue
		}
		if first || f.Timeline.Start[i] < lo {
			lo = f.Timeline.Start[i]
		}
		if first || f.Timeline.Stop[i] > hi {
			hi = f.Timeline.Stop[i]
		}
		first = false
	}
	if first {
		return ""
	}
	return slide.DataWindow(l, lo, hi)
}

// sources lists the source column's value for every event shown.
func (f File) sources(shown []bool) []string {
	cols := f.Mapping.Get(events.Source)
	if len(cols) == 0 {
		return nil
	}
	c := f.Frame.Col(cols[0])
	if c < 0 {
		return nil
	}
	var out []string
	for i, ok := range shown {
		if ok {
			out = append(out, f.Frame.Text(int(f.Index.Row[i]), c))
		}
	}
	return out
}
