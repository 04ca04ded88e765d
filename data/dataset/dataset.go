// Package dataset is what was loaded from one source, and the one way of
// loading it: a Source is read into a frame, its columns are given roles,
// its rows become the event index, and its categories are ranked once,
// with the labels and origins the views draw. Load is called by the
// window, workspaces, scenes, `render` and `inspect` alike, so that they
// all see the same events.
//
// The package also holds the one Filter and the Masks it gives over a
// dataset's events: the window edits a Filter; scenes, exports and the
// presenter apply the same one.
//
// Views take a Dataset and a Mask; they never read its frame.
package dataset

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"chronomap/data/dates"
	"chronomap/data/events"
	"chronomap/data/frame"
)

// Dataset is one loaded source.
type Dataset struct {
	// Name is the source's name: a path, or a title such as the sample's.
	Name string
	// Frame holds every row of the source; row i of it is data row i+1.
	Frame *frame.Frame
	// Mapping is the roles the columns play, as detected or as chosen.
	Mapping events.Mapping
	// Index is the events, sorted by start, each pointing at its row.
	Index *events.Index
	// Problems lists every row problem, the reader's and the index's, in
	// row order.
	Problems []frame.Problem
	// Categories are the events' categories ranked once, most frequent
	// first: category k is drawn in the palette's colour k in every view
	// and output, whatever is filtered.
	Categories Categories
	// Labels is each event's label: its title, else its place.
	Labels []string
	// OriginLon and OriginLat are where each event's actors came from
	// (origin_lat/origin_lon columns), NaN where not given; nil when the
	// source has no such columns. The map draws them as arcs.
	OriginLon, OriginLat []float64
	// Stop is the end of all each event may cover, in Unix seconds,
	// exclusive: the end of its end's period, or of its start's when it
	// has no end. Index.Start is where it begins.
	Stop []int64
	// RowEvent is each frame row's event, -1 for rows that made none.
	RowEvent []int32
	// Language is the language the views name coded categories in: see
	// Options.Language.
	Language string

	search atomic.Pointer[events.Search]
	// query caches the last search's answer: a filter is applied again at
	// every step of a drag, its query rarely changes.
	mu      sync.Mutex
	query   string
	matches []bool
}

// Categories are the distinct values of the category column, ranked.
type Categories struct {
	// Title names what the categories are, as people read it: the
	// column's name with spaces ("event type"); "" when there is none.
	Title string
	// Names are the categories, most frequent first and, among equals, in
	// order of first appearance; Counts says how many events each has.
	Names  []string
	Counts []int
	// Labels are the categories as the views and outputs name them, in
	// the order of Names: the names of the codes a recognised schema's
	// column holds (GDELT's EventRootCode "04" is "Consult", "Beratung"
	// in German), else the values themselves. Filters keep to Names, so
	// that they mean the same in every language.
	Labels []string
	// Of is each event's category, an index into Names; -1 for none
	// (every event, when no column plays the category).
	Of []int32
}

// Index returns the position of the category called name, -1 if none.
func (c Categories) Index(name string) int { return slices.Index(c.Names, name) }

// Label returns how the category called name is shown: its label, or the
// name itself when it is none of the categories.
func (c Categories) Label(name string) string {
	if k := c.Index(name); k >= 0 && k < len(c.Labels) {
		return c.Labels[k]
	}
	return name
}

// Options say how a source's columns are read.
type Options struct {
	// Mapping, when set, is the roles chosen before (a workspace, a
	// reload, the roles dialog) instead of detected ones.
	Mapping *events.Mapping
	// Recall, when set and no Mapping is given, gives the roles chosen
	// before for a source with the same columns.
	Recall func(columns []string) (events.Mapping, bool)
	// Overrides are ROLE=COLUMN settings over the detected roles, as the
	// command line's --map gives them.
	Overrides []string
	// Order, when set, reads dates such as 04/05/2023 in that order.
	Order dates.Order
	// Language is the language coded categories are named in ("de" for
	// German; "" or anything else English): the interface's, for a window.
	Language string
}

// Load reads a source and makes a dataset of it, telling progress (which
// may be nil) at each stage. Every stage stops within a few milliseconds
// with ctx.Err() when ctx is cancelled. Any other error is one sentence
// saying why the source cannot be read, or why its roles do not fit it.
func Load(ctx context.Context, src Source, o Options, progress func(Progress)) (*Dataset, error) {
	start := time.Now()
	p := Progress{Source: src.Name()}
	tell := func(s Stage) {
		p.Stage, p.Elapsed = s, time.Since(start)
		if progress != nil {
			progress(p)
		}
	}
	reading := true
	f, err := src.Read(ctx, func(done, total int64) {
		p.Done, p.Total = done, total
		if done < total {
			tell(Reading)
			return
		}
		if reading { // every byte is in: the parse begins
			reading = false
			tell(Parsing)
		}
	})
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	if err != nil {
		return nil, err
	}
	m := events.Detect(f)
	switch {
	case o.Mapping != nil:
		m = *o.Mapping
	case o.Recall != nil:
		if mm, ok := o.Recall(f.Names()); ok {
			m = mm
		}
	}
	if o.Order != dates.Unknown {
		m.Order = o.Order
	}
	if err := m.Apply(f, o.Overrides); err != nil {
		return nil, fmt.Errorf("%s: %w", src.Name(), err)
	}
	p.Rows = f.Rows()
	return build(ctx, src.Name(), f, m, o.Language, tell)
}

// Build makes a dataset of a frame already read, under a mapping, with
// coded categories named in English.
func Build(ctx context.Context, name string, f *frame.Frame, m events.Mapping) (*Dataset, error) {
	return build(ctx, name, f, m, "", func(Stage) {})
}

// Rebuild makes a dataset of d's frame under another mapping, in d's
// language: the roles dialog's choice applied without reading the file
// again.
func (d *Dataset) Rebuild(ctx context.Context, m events.Mapping) (*Dataset, error) {
	return build(ctx, d.Name, d.Frame, m, d.Language, func(Stage) {})
}

func build(ctx context.Context, name string, f *frame.Frame, m events.Mapping, language string, tell func(Stage)) (*Dataset, error) {
	tell(Placing)
	x, probs, err := events.BuildContext(ctx, f, m)
	if err != nil {
		return nil, err
	}
	tell(Styling)
	d := &Dataset{Name: name, Frame: f, Mapping: m, Index: x, Problems: events.AllProblems(f, probs), Language: language}
	steps := []func(){
		func() {
			cols := m.Get(events.Category)
			d.Categories = rank(d.texts(events.Category), x.Len(), title(cols))
			d.Categories.Labels = slices.Clone(d.Categories.Names)
			if len(cols) > 0 {
				if list := f.Source.Codes[cols[0]]; list != "" {
					for k, code := range d.Categories.Names {
						if n, ok := frame.CodeName(list, code, language); ok {
							d.Categories.Labels[k] = n
						}
					}
				}
			}
		},
		d.labels,
		d.origins,
		d.rowEvents,
		d.stops,
	}
	for _, step := range steps {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		step()
	}
	tell(Done)
	return d, nil
}

// Len returns the number of events.
func (d *Dataset) Len() int { return d.Index.Len() }

// Text returns event i's value in the first column playing role r, as
// written; "" when no column plays it.
func (d *Dataset) Text(i int, r events.Role) string {
	cols := d.Mapping.Get(r)
	if len(cols) == 0 {
		return ""
	}
	c := d.Frame.Col(cols[0])
	if c < 0 {
		return ""
	}
	return d.Frame.Text(int(d.Index.Row[i]), c)
}

// texts returns every event's value in the first column playing role r,
// in event order; nil when no column plays it.
func (d *Dataset) texts(r events.Role) []string {
	cols := d.Mapping.Get(r)
	if len(cols) == 0 {
		return nil
	}
	c := d.Frame.Col(cols[0])
	if c < 0 {
		return nil
	}
	out := make([]string, d.Len())
	for i, row := range d.Index.Row {
		out[i] = d.Frame.Text(int(row), c)
	}
	return out
}

// labels names each event by its title, else its place.
func (d *Dataset) labels() {
	d.Labels = d.texts(events.Title)
	place := d.texts(events.Place)
	if d.Labels == nil {
		d.Labels = place
	}
	if d.Labels == nil {
		d.Labels = make([]string, d.Len())
		return
	}
	if place != nil {
		for i, l := range d.Labels {
			if strings.TrimSpace(l) == "" {
				d.Labels[i] = place[i]
			}
		}
	}
}

// originColumns are the pairs of columns that say where an event's actors
// came from, as the sample and hand-kept tables name them.
var originColumns = [][2]string{{"origin_lat", "origin_lon"}, {"from_lat", "from_lon"}, {"origin_latitude", "origin_longitude"}}

// origins reads each event's origin, where the frame gives one.
func (d *Dataset) origins() {
	f := d.Frame
	for _, pair := range originColumns {
		la, lo := f.Col(pair[0]), f.Col(pair[1])
		if la < 0 || lo < 0 {
			continue
		}
		d.OriginLat, d.OriginLon = make([]float64, d.Len()), make([]float64, d.Len())
		for i, row := range d.Index.Row {
			lat, lon := f.Number(int(row), la), f.Number(int(row), lo)
			if !validLonLat(lon, lat) {
				lat, lon = math.NaN(), math.NaN()
			}
			d.OriginLat[i], d.OriginLon[i] = lat, lon
		}
		return
	}
}

// rowEvents numbers each frame row's event.
func (d *Dataset) rowEvents() {
	d.RowEvent = make([]int32, d.Frame.Rows())
	for i := range d.RowEvent {
		d.RowEvent[i] = -1
	}
	for i, r := range d.Index.Row {
		d.RowEvent[r] = int32(i)
	}
}

// stops works out each event's Stop.
func (d *Dataset) stops() {
	x := d.Index
	d.Stop = make([]int64, d.Len())
	for i := range d.Stop {
		s := x.StartTime(i).End()
		if e := x.EndTime(i); !e.IsZero() {
			s = max(s, e.End())
		}
		d.Stop[i] = s
	}
}

// EventOfRow returns the event made from frame row r, -1 for none.
func (d *Dataset) EventOfRow(r int) int {
	if r < 0 || r >= len(d.RowEvent) {
		return -1
	}
	return int(d.RowEvent[r])
}

// Numbers returns every event's value in a numeric column, NaN where it
// has none: what sizes the map's markers.
func (d *Dataset) Numbers(col string) ([]float64, error) {
	c := d.Frame.Col(col)
	if c < 0 {
		return nil, fmt.Errorf("%s has no column %q", d.Name, col)
	}
	if d.Frame.Columns[c].Kind == frame.Text {
		return nil, fmt.Errorf("column %q of %s holds text, not numbers", col, d.Name)
	}
	out := make([]float64, d.Len())
	for i, row := range d.Index.Row {
		out[i] = d.Frame.Number(int(row), c)
	}
	return out, nil
}

// title is how people read a column's name: "event_type" is "event type".
func title(cols []string) string {
	if len(cols) == 0 {
		return ""
	}
	return strings.ReplaceAll(cols[0], "_", " ")
}

// rank numbers the distinct non-empty values, most frequent first and,
// among equals, in order of first appearance. Without values (no column)
// every event has none.
func rank(vals []string, n int, name string) Categories {
	c := Categories{Title: name}
	if vals == nil {
		c.Of = make([]int32, n)
		for i := range c.Of {
			c.Of[i] = -1
		}
		return c
	}
	first := map[string]int32{}
	var names []string
	var counts []int
	ids := make([]int32, n)
	for i, v := range vals {
		if v == "" {
			ids[i] = -1
			continue
		}
		k, ok := first[v]
		if !ok {
			k = int32(len(names))
			first[v] = k
			names = append(names, v)
			counts = append(counts, 0)
		}
		ids[i] = k
		counts[k]++
	}
	order := make([]int, len(names))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(counts[b], counts[a]) })
	rankOf := make([]int32, len(order))
	c.Names, c.Counts = make([]string, len(order)), make([]int, len(order))
	for r, k := range order {
		rankOf[k], c.Names[r], c.Counts[r] = int32(r), names[k], counts[k]
	}
	for i, k := range ids {
		if k >= 0 {
			ids[i] = rankOf[k]
		}
	}
	c.Of = ids
	return c
}
