// Package workspace holds what the analyst keeps between sessions: the
// .chronomap file (the data sources with their mappings, the filter, the
// map and timeline views, the selection, the scenes of a briefing), its
// atomic saving, autosave and recovery after a crash, the mappings
// remembered for files with the same columns, and the list of recent files.
//
// It knows nothing of Fyne: the window converts its state to a Workspace
// and back. Plain data, zero values that work: an empty Workspace is a
// valid one (no sources, no filter, views fitted to the data).
//
// Times are stored as ISO 8601 strings in the conventions of
// chronomap/data/dates (UTC, astronomical years, "-0508" for 509 BC), not
// as numbers: a person reading the file sees "2023-11" rather than
// 1698796800, a filter bound keeps the precision it was typed with ("2023"
// is the whole year, not its first second), and years before 1 AD survive
// where a JSON number through a float64 or a time.Time would not.
package workspace

import "chronomap/data/engine"

// FormatVersion is the version of the .chronomap format this package
// writes and the newest it reads.
const FormatVersion = 1

// The themes a workspace may ask for; "" is ThemeSystem.
const (
	ThemeSystem = "system"
	ThemeLight  = "light"
	ThemeDark   = "dark"
)

// Workspace is what a .chronomap file holds.
type Workspace struct {
	// Version is the format the file was read in; Save always writes
	// FormatVersion.
	Version int `json:"version"`
	// Sources are the data files, in the order of their layers. Their
	// paths are absolute once loaded; Save writes them relative to the
	// workspace's folder when they are near it.
	Sources []Source `json:"sources,omitempty"`
	// View is what the window showed: its filter, map, timeline and
	// selection, written beside the sources.
	View
	// Theme is "light", "dark", "system" or "" (system).
	Theme string `json:"theme,omitempty"`
	// Scenes are the saved views of a briefing, in presentation order.
	Scenes []Scene `json:"scenes,omitempty"`
	// AllLayers says the All layers tab was on show when it was saved;
	// else the first source's tab was.
	AllLayers bool `json:"all_layers,omitempty"`
	// Export is what the export dialog was last given for this
	// workspace, offered again the next time; nil before any export.
	Export *Export `json:"export,omitempty"`
}

// Export is the words a workspace's slides were last exported with. The
// marking is the organisation's, not the workspace's: it stays in the
// preferences.
type Export struct {
	Title    string `json:"title,omitempty"`
	Subtitle string `json:"subtitle,omitempty"`
}

// Source is one data file and how it is read and shown.
type Source struct {
	// Path is where the file is: absolute once loaded (a path relative to
	// the current directory is made absolute when saved); for a table in
	// an engine, its URL, always saved without a password.
	Path    string  `json:"path"`
	Title   string  `json:"title,omitempty"`  // the layer's name; "" shows the file name
	Sheet   string  `json:"sheet,omitempty"`  // the workbook sheet read, "" for the first
	Format  string  `json:"format,omitempty"` // "csv", "xlsx", ... as read; "" to sniff again
	Mapping Mapping `json:"mapping"`
	Colour  string  `json:"colour,omitempty"` // "#rrggbb"; "" takes the palette's next colour
	Hidden  bool    `json:"hidden,omitempty"` // the layer is switched off
}

// IsTable reports whether the source is a table in an engine, named by
// its URL (clickhouse://…, postgres://…), rather than a file.
func (s Source) IsTable() bool { return engine.IsURL(s.Path) }

// Filter is which events are shown. The zero Filter shows every event.
type Filter struct {
	// Query is the text searched for in every text column.
	Query string `json:"query,omitempty"`
	// From and To bound the events' times, each "" (open) or a date as
	// chronomap/data/dates reads it, kept at the precision it was typed:
	// To "2023" includes all of 2023. See Span.
	From string `json:"from,omitempty"`
	To   string `json:"to,omitempty"`
	// HiddenCategories are the legend's categories switched off.
	HiddenCategories []string `json:"hidden_categories,omitempty"`
	// Actors, when set, keeps the events with one of these actors.
	Actors []string `json:"actors,omitempty"`
	// LocatedOnly hides events without coordinates.
	LocatedOnly bool `json:"located_only,omitempty"`
	// Box, when set, is a box selected on the map: minimum longitude,
	// minimum latitude, maximum longitude, maximum latitude, in degrees
	// (the order of a GeoJSON bbox). A minimum longitude above the maximum
	// crosses the antimeridian.
	Box *[4]float64 `json:"box,omitempty"`
}

// MapView is what part of the world the map shows. The zero MapView fits
// the map to the data.
type MapView struct {
	// Projection is the projection's name as the map lists it ("Equal
	// Earth"); "" is the map's default.
	Projection string `json:"projection,omitempty"`
	// Center is the longitude and latitude at the middle of the map.
	Center [2]float64 `json:"center"`
	// Zoom is how many times the view that shows the whole world is
	// magnified, so that a scene looks the same at any window or slide
	// size; 0 fits the data.
	Zoom float64 `json:"zoom,omitempty"`
}

// TimelineView is the timeline's window. The zero TimelineView fits the
// timeline to the data.
type TimelineView struct {
	// From and To are the window's edges, "" or instants as Stamp writes
	// them; see Window.
	From string `json:"from,omitempty"`
	To   string `json:"to,omitempty"`
	// Collapsed names the lanes collapsed to their header.
	Collapsed []string `json:"collapsed,omitempty"`
}

// Selection is the selected event: a row of a source's frame.
type Selection struct {
	Source int `json:"source"` // index into Workspace.Sources
	Row    int `json:"row"`    // the frame row, 0-based
}

// View is what a file's views show: the filter, the map's extent, the
// timeline's window and collapsed lanes, and the selected event. The
// window's state, each scene of a briefing and every slide are one.
type View struct {
	Filter    Filter       `json:"filter"`
	Map       MapView      `json:"map"`
	Timeline  TimelineView `json:"timeline"`
	Selection *Selection   `json:"selection,omitempty"`
}

// Scene is a saved view for a briefing: its title and speaker notes, and
// the filter, views and selection it shows. A slide of the workspace as
// it is, not a scene of it, has neither title nor notes.
type Scene struct {
	Title string `json:"title,omitempty"`
	Notes string `json:"notes,omitempty"`
	View
}

// Current is the view the workspace was saved with, as a scene.
func (ws *Workspace) Current() Scene { return Scene{View: ws.View} }

// Clone returns a copy of ws that shares no memory with it, so that one
// goroutine can keep it while another changes ws.
func (ws *Workspace) Clone() *Workspace {
	c := *ws
	c.Sources = cloneSlice(ws.Sources, func(s Source) Source {
		s.Mapping = s.Mapping.clone()
		return s
	})
	c.View = ws.View.clone()
	c.Scenes = cloneSlice(ws.Scenes, func(s Scene) Scene {
		s.View = s.View.clone()
		return s
	})
	return &c
}

func (v View) clone() View {
	v.Filter = v.Filter.clone()
	v.Timeline = v.Timeline.clone()
	v.Selection = clonePtr(v.Selection)
	return v
}

func (f Filter) clone() Filter {
	f.HiddenCategories = cloneSlice(f.HiddenCategories, nil)
	f.Actors = cloneSlice(f.Actors, nil)
	f.Box = clonePtr(f.Box)
	return f
}

func (v TimelineView) clone() TimelineView {
	v.Collapsed = cloneSlice(v.Collapsed, nil)
	return v
}

// cloneSlice copies s, passing each element through deep when it is set;
// nil stays nil and empty stays empty.
func cloneSlice[T any](s []T, deep func(T) T) []T {
	if s == nil {
		return nil
	}
	c := make([]T, len(s))
	for i, v := range s {
		if deep != nil {
			v = deep(v)
		}
		c[i] = v
	}
	return c
}

func clonePtr[T any](p *T) *T {
	if p == nil {
		return nil
	}
	v := *p
	return &v
}
