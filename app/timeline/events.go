package timeline

import (
	"cmp"
	"slices"

	"chronomap/data/dates"
	"chronomap/data/events"
	"chronomap/data/frame"
)

// Events is what the timeline shows of a set of events, one entry per
// event in the order of the index they come from. It is computed once per
// data set; a frame only reads it.
type Events struct {
	// Start and Stop bound all an event may cover, in Unix seconds: from
	// the start of its start's period to the end of its end's period (or
	// of its start's, without an end), Stop exclusive.
	Start, Stop []int64
	// Sure0 and Sure1 bound the part of a range that is certain: from the
	// end of its start's period to the start of its end's. An event known
	// only to the year or month, or a range whose ends are vague, has
	// Sure0 >= Sure1 over some of its extent; what lies outside the sure
	// part is drawn soft.
	Sure0, Sure1 []int64
	// Prec is how finely each start is known.
	Prec []dates.Precision
	// Lane is each event's lane, an index into Lanes.
	Lane  []int32
	Lanes []string
	// LaneTitle names what lanes are ("category", "actor"), "" for one lane.
	LaneTitle string
	// Category is each event's colour, an index into Legend; -1 for none.
	// Legend is ordered most frequent first, as the map's legend is, so
	// that colours match between the views.
	Category []int32
	Legend   []string
	// ByCategory is true when lanes are the categories, Lane == Category.
	ByCategory bool
	// Label is each event's label: its title, else its place.
	Label []string

	index *laneIndex // built on first use
}

// Len returns the number of events.
func (e *Events) Len() int { return len(e.Start) }

// FromIndex takes the events of an index with their labels, colours by
// the category column, and lanes by the column playing role by (Category,
// Actor, Country, Source), or one lane when by is "" or unmapped.
func FromIndex(f *frame.Frame, m events.Mapping, x *events.Index, by events.Role) *Events {
	n := x.Len()
	e := &Events{
		Start: make([]int64, n), Stop: make([]int64, n), Sure0: make([]int64, n), Sure1: make([]int64, n),
		Prec: x.StartPrec, Label: make([]string, n),
	}
	for i := range n {
		st := x.StartTime(i)
		e.Start[i], e.Sure0[i] = st.Unix, st.End()
		e.Stop[i], e.Sure1[i] = st.End(), st.Unix
		if et := x.EndTime(i); !et.IsZero() {
			e.Stop[i], e.Sure1[i] = max(et.End(), st.End()), et.Unix
		}
	}
	column := func(r events.Role) []string {
		c := m.Get(r)
		if len(c) == 0 || r == "" {
			return nil
		}
		col := f.Col(c[0])
		out := make([]string, n)
		for i, row := range x.Row {
			out[i] = f.Text(int(row), col)
		}
		return out
	}
	e.Category, e.Legend = ranks(column(events.Category), n)
	if e.Category == nil {
		e.Category = make([]int32, n)
		for i := range e.Category {
			e.Category[i] = -1
		}
	}
	if by == events.Category {
		e.Lane, e.Lanes, e.ByCategory = e.Category, e.Legend, true
		if e.Legend == nil { // no category column: one lane
			e.Lane, e.Lanes, e.ByCategory = nil, nil, false
		}
	} else if vals := column(by); vals != nil {
		e.Lane, e.Lanes = ranks(vals, n)
	}
	if e.Lanes != nil {
		e.LaneTitle = string(by)
	}
	e.noneLane()
	if t := column(events.Title); t != nil {
		e.Label = t
	}
	if p := column(events.Place); p != nil {
		for i := range e.Label {
			if e.Label[i] == "" {
				e.Label[i] = p[i]
			}
		}
	}
	return e
}

// noneLane gives events without a lane (-1) a lane of their own, last,
// and makes one lane of all when there are no lanes at all.
func (e *Events) noneLane() {
	n := e.Len()
	if e.Lanes == nil {
		e.Lane, e.Lanes = make([]int32, n), []string{"All events"}
		return
	}
	none := int32(len(e.Lanes))
	lane := e.Lane
	if e.ByCategory {
		lane = slices.Clone(e.Category) // keep -1 as "no colour"
	}
	added := false
	for i, l := range lane {
		if l < 0 {
			lane[i], added = none, true
		}
	}
	if added {
		e.Lanes = append(e.Lanes, "(none)")
	}
	e.Lane = lane
}

// ranks numbers the distinct non-empty values of a column, most frequent
// first and, among equals, in order of first appearance (the map's legend
// orders categories the same way). Empty values get -1; with no value at
// all the result is nil, nil.
func ranks(vals []string, n int) ([]int32, []string) {
	if vals == nil {
		return nil, nil
	}
	first := map[string]int{}
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
			k = len(names)
			first[v] = k
			names = append(names, v)
			counts = append(counts, 0)
		}
		ids[i] = int32(k)
		counts[k]++
	}
	if names == nil {
		return nil, nil
	}
	order := make([]int, len(names))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(counts[b], counts[a]) })
	rank := make([]int32, len(order))
	sorted := make([]string, len(order))
	for r, k := range order {
		rank[k], sorted[r] = int32(r), names[k]
	}
	for i, k := range ids {
		if k >= 0 {
			ids[i] = rank[k]
		}
	}
	return ids, sorted
}
