package timeline

import (
	"slices"

	"chronomap/data/dataset"
	"chronomap/data/dates"
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

	// Totals, for Events that name lanes and hold no events (a chart
	// drawn from Chart.Density), are the events each lane holds.
	Totals []int
	// Span, for such Events, is the first and the last start of the
	// events they stand for: what Fit fits the window to.
	Span [2]int64

	index  *laneIndex      // built on first use
	finest dates.Precision // the finest precision of any start, found on first use
	fit    *[2]float64     // the span Fit fits to, found on first use
}

// Prepare builds what the first frame of a chart of these events would
// otherwise build: the lanes' index, the finest precision and the span
// Fit fits to. Called off the UI thread when a file is loaded, it keeps
// that work (a second and more at ten million events, most of it the
// sort of the starts) from standing before the first frame. Events are
// not changed after.
func (e *Events) Prepare() {
	if e == nil || e.Len() == 0 {
		return
	}
	e.laneIndex()
	e.Finest()
	e.fitted()
}

// fitted returns fitSpan of the events, found once.
func (e *Events) fitted() (lo, hi float64) {
	if e.fit == nil {
		lo, hi := fitSpan(e)
		e.fit = &[2]float64{lo, hi}
	}
	return e.fit[0], e.fit[1]
}

// Len returns the number of events.
func (e *Events) Len() int { return len(e.Start) }

// Finest returns the finest precision any event's start is known to:
// the finest unit the axis may count in. Events without precisions
// (None) limit nothing: Second.
func (e *Events) Finest() dates.Precision {
	if e.finest == dates.None {
		p := dates.None
		for _, q := range e.Prec {
			if q > p {
				p = q
				if p == dates.Second {
					break
				}
			}
		}
		if p == dates.None {
			p = dates.Second
		}
		e.finest = p
	}
	return e.finest
}

// FromDataset takes the events of a dataset with their labels, coloured
// and laned by the dataset's categories (one lane when it has none): the
// colours are the dataset's, category k in the palette's colour k, as on
// the map.
func FromDataset(d *dataset.Dataset) *Events {
	x := d.Index
	n := x.Len()
	e := &Events{
		Start: x.Start, Stop: d.Stop, Sure0: make([]int64, n), Sure1: make([]int64, n),
		Prec: x.StartPrec, Label: d.Labels,
		Category: d.Categories.Of, Legend: d.Categories.Labels,
	}
	for i := range n {
		st := x.StartTime(i)
		e.Sure0[i], e.Sure1[i] = st.End(), st.Unix
		if et := x.EndTime(i); !et.IsZero() {
			e.Sure1[i] = et.Unix
		}
	}
	if len(e.Legend) > 0 {
		e.Lane, e.Lanes, e.ByCategory = e.Category, e.Legend, true
		e.LaneTitle = d.Categories.Title
	}
	e.noneLane()
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
