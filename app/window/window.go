// Package window is Chronomap's first window: one tab per loaded file, each
// showing the file's frame as a table with what was learnt reading it and
// the rows that could not be read cleanly. Later views (map, timeline)
// replace it.
//
// The text the window shows — the title, the facts line, the cells, the
// problem lines — is shaped by plain functions that tests check without a
// display; the Fyne code only places it.
package window

import (
	"fmt"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"chronomap/app/draw"
	"chronomap/app/timeline"
	"chronomap/app/worldmap"
	"chronomap/assets"
	"chronomap/data/events"
	"chronomap/data/frame"
)

// Loaded is one file as the window shows it.
type Loaded struct {
	Title  string       // e.g. the file name, or assets.SampleTitle
	Sample bool         // show the "Sample data" badge
	Frame  *frame.Frame // the file's frame; nil when Err is set
	Err    error        // the file could not be read: show this sentence instead
	// Problems lists every row problem, the reader's and the event
	// index's; when nil the frame's own are shown.
	Problems []frame.Problem
	// Roles names the role each mapped column plays ("start", "lat").
	Roles map[string]string
	// Map, when the file has placed events, is their map; EventRows gives
	// each of its events' frame row, so a click on the map finds the row.
	Map       *worldmap.Map
	EventRows []int32
	// Timeline is the same events in time; its events share the map's
	// numbering, so the timeline's window can filter the map.
	Timeline *timeline.Chart
	// Index is the events, for the filter bar's search.
	Index *events.Index
	// Events, Located and Geocoded count the file's events, those on the
	// map, and those placed by name.
	Events, Located, Geocoded int
}

// problems returns the problems to list for a file.
func (l Loaded) problems() []frame.Problem {
	if l.Problems != nil || l.Frame == nil {
		return l.Problems
	}
	return l.Frame.Problems
}

// size is the window's first size: it fits a 1280×800 screen with room for
// the desktop's panels.
var size = fyne.NewSize(1200, 740)

// New builds the window for the given files, one tab each; the caller shows
// it (main.go calls ShowAndRun).
func New(a fyne.App, files []Loaded) fyne.Window {
	icon := fyne.NewStaticResource("chronomap.png", assets.IconPNG)
	if a.Icon() == nil {
		// FyneApp.toml only reaches the app through `fyne build` or a run
		// from the project directory; the embedded icon works everywhere.
		a.SetIcon(icon)
	}
	w := a.NewWindow(windowTitle(files))
	w.SetIcon(icon)
	body, active := content(files)
	w.SetContent(body)
	w.Resize(size)
	// Esc clears the selection; ← and → step through the events in time
	// order, when no widget has taken the keyboard (the map and the
	// timeline keep their arrows for panning once clicked).
	w.Canvas().SetOnTypedKey(func(e *fyne.KeyEvent) {
		if v := active(); v != nil {
			v.typedKey(e)
		}
	})
	return w
}

// content is the window's body: a placeholder, one file view, or tabs.
// content lays out the files, and returns with it a function that gives
// the view on show, for the window's keys.
func content(files []Loaded) (fyne.CanvasObject, func() *fileView) {
	switch len(files) {
	case 0:
		return container.NewCenter(widget.NewLabel("No file loaded.")), func() *fileView { return nil }
	case 1:
		v := newFileView(files[0])
		return v, func() *fileView { return v }
	}
	tabs := container.NewAppTabs()
	views := make([]*fileView, len(files))
	for i, f := range files {
		views[i] = newFileView(f)
		tabs.Append(container.NewTabItem(tabName(f), views[i]))
	}
	return tabs, func() *fileView { return views[tabs.SelectedIndex()] }
}

// windowTitle is "Chronomap — " and what is open: the file's name, "Sample
// data", or the first name and how many more.
func windowTitle(files []Loaded) string {
	switch len(files) {
	case 0:
		return "Chronomap"
	case 1:
		return "Chronomap — " + tabName(files[0])
	case 2:
		return fmt.Sprintf("Chronomap — %s and %s", tabName(files[0]), tabName(files[1]))
	}
	return fmt.Sprintf("Chronomap — %s and %d more files", tabName(files[0]), len(files)-1)
}

// tabName is the short name of a loaded file: "Sample data" for the
// sample, else the base name of its title (titles are often paths).
func tabName(f Loaded) string {
	if f.Sample {
		return "Sample data"
	}
	if f.Title == "" {
		if f.Frame != nil && f.Frame.Source.Path != "" {
			return filepath.Base(f.Frame.Source.Path)
		}
		return "Untitled"
	}
	return filepath.Base(f.Title)
}

// Load prepares a frame for the window: it maps the columns, indexes the
// events, gathers every row problem, and builds the map (when events are
// placed) and the timeline. A file that could not be read keeps its error.
func Load(title string, f *frame.Frame, err error, sample bool) Loaded {
	l := Loaded{Title: title, Sample: sample, Frame: f, Err: err}
	if err != nil || f == nil {
		return l
	}
	m := events.Detect(f)
	x, probs := events.Build(f, m)
	l.Problems = events.AllProblems(f, probs)
	l.Events, l.Located, l.Geocoded = x.Len(), x.Located, x.Geocoded
	l.Index, l.EventRows = x, x.Row
	if x.Len() > 0 {
		l.Timeline = &timeline.Chart{Events: timeline.FromIndex(f, m, x, events.Category)}
	}
	if x.Located > 0 {
		l.Map = &worldmap.Map{View: worldmap.Viewport{Projection: worldmap.EqualEarth}, Theme: draw.Light,
			Graticule: true, Events: worldmap.FromIndex(f, m, x)}
	}
	l.Roles = map[string]string{}
	for r, cols := range m.Columns {
		for _, c := range cols {
			l.Roles[c] = string(r)
		}
	}
	return l
}
