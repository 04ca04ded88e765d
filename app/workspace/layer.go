package workspace

import (
	"math"
	"slices"

	"chronomap/data/dataset"
)

// Layer is one file open in a workspace, without a display: what was
// read, how it is filtered, what is selected and where its views stand.
// The window's widgets edit it and draw what it says; exports, scenes,
// the presenter and the autosave read it as a View. Every method that
// changes the filter works the mask out again.
type Layer struct {
	Data *dataset.Dataset
	// Filter is the search, the categories switched off, "located only",
	// the map's box and the timeline's window (set only while it leaves
	// events out). Mask is it worked out over Data.
	Filter dataset.Filter
	Mask   dataset.Mask
	// Selected is the selected event, -1 for none.
	Selected int
	// Map is where the map stands, zero while it is fitted to the data;
	// Timeline is the timeline's window and collapsed lanes, its edges
	// empty while it is fitted.
	Map      MapView
	Timeline TimelineView
	// span is the first start and the last stop of Data's events.
	span [2]int64
}

// NewLayer opens a dataset as a layer: nothing filtered, nothing selected.
func NewLayer(d *dataset.Dataset) *Layer {
	l := &Layer{Data: d, Selected: -1}
	if n := d.Len(); n > 0 {
		l.span = [2]int64{d.Index.Start[0], slices.Max(d.Stop)}
	}
	l.Refilter()
	return l
}

// Refilter works the filter out over the layer's events.
func (l *Layer) Refilter() { l.Mask = l.Data.Apply(l.Filter) }

// SetQuery searches the events' text.
func (l *Layer) SetQuery(q string) {
	l.Filter.Query = q
	l.Refilter()
}

// ShowCategory switches a category on or off.
func (l *Layer) ShowCategory(name string, on bool) {
	hidden := slices.DeleteFunc(l.Filter.HiddenCategories, func(h string) bool { return h == name })
	if !on {
		hidden = append(hidden, name)
	}
	l.Filter.HiddenCategories = hidden
	l.Refilter()
}

// SetLocatedOnly hides, or shows again, the events without a place.
func (l *Layer) SetLocatedOnly(on bool) {
	l.Filter.LocatedOnly = on
	l.Refilter()
}

// BoxAround keeps the events inside the box drawn round the given ones:
// the place on Earth they cover, not the list of them. No events clear
// the box.
func (l *Layer) BoxAround(events []int) {
	l.Filter.Box = l.Data.BoxAround(events)
	l.Refilter()
}

// SetBox keeps the events inside a place on Earth; nil keeps them all.
func (l *Layer) SetBox(b *dataset.Box) {
	l.Filter.Box = b
	l.Refilter()
}

// SetWindow is the timeline's window, from and to in Unix seconds: it
// filters the other views while it leaves out some of the events' span.
// A window holding them all does not narrow, and leaves the table its
// rows that made no event.
func (l *Layer) SetWindow(from, to float64) {
	l.Timeline.From, l.Timeline.To = Stamp(from), Stamp(to)
	l.Filter.Window = nil
	if from > float64(l.span[0]) || to < float64(l.span[1]) {
		l.Filter.Window = &dataset.Window{From: int64(math.Floor(from)), To: int64(math.Ceil(to))}
	}
	l.Refilter()
}

// FitWindow lets the timeline fit the data again, the window no longer
// filtering.
func (l *Layer) FitWindow() {
	l.Timeline.From, l.Timeline.To = "", ""
	l.Filter.Window = nil
	l.Refilter()
}

// Clear shows every event again, and the views fitted to them.
func (l *Layer) Clear() {
	l.Filter = dataset.Filter{}
	l.Timeline.From, l.Timeline.To = "", ""
	l.Refilter()
}

// Select selects event i, or none for -1; an event out of range selects
// none.
func (l *Layer) Select(i int) {
	if i < -1 || i >= l.Data.Len() {
		i = -1
	}
	l.Selected = i
}

// View is the layer as a workspace keeps it, the layer being its first
// source: its filter, where its views stand, its selection.
func (l *Layer) View() View {
	v := View{Filter: FilterOf(l.Filter), Map: l.Map, Timeline: l.Timeline.clone()}
	if l.Selected >= 0 {
		v.Selection = &Selection{Source: 0, Row: int(l.Data.Index.Row[l.Selected])}
	}
	return v
}

// Restore sets the layer to a view kept of it: its filter, views and
// selection. What no longer fits the data (a category it lacks, a row
// beyond its end) simply selects nothing.
func (l *Layer) Restore(v View) {
	l.Filter = v.Filter.Dataset(TimelineView{})
	l.Map, l.Timeline = v.Map, v.Timeline.clone()
	l.Selected = -1
	if from, to, ok, err := v.Timeline.Window(); ok && err == nil {
		l.SetWindow(from, to) // refilters
	} else {
		l.Refilter()
	}
	if s := v.Selection; s != nil && s.Source == 0 {
		l.Select(l.Data.EventOfRow(s.Row))
	}
}
