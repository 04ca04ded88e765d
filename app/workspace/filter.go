package workspace

import (
	"math"
	"slices"

	"chronomap/data/dataset"
)

// Dataset is the filter as data/dataset applies it, with the timeline's
// window: the events shown are those in both the filter's own time bounds
// and the window. What check refuses on saving never reaches here; a
// bound that does not read is left open.
func (f Filter) Dataset(t TimelineView) dataset.Filter {
	out := dataset.Filter{
		Query:            f.Query,
		HiddenCategories: slices.Clone(f.HiddenCategories),
		Actors:           slices.Clone(f.Actors),
		LocatedOnly:      f.LocatedOnly,
	}
	if b := f.Box; b != nil {
		out.Box = &dataset.Box{MinLon: b[0], MinLat: b[1], MaxLon: b[2], MaxLat: b[3]}
	}
	from, to := int64(math.MinInt64), int64(math.MaxInt64)
	if a, b, err := f.Span(); err == nil {
		from, to = a, b
	}
	if a, b, ok, err := t.Window(); ok && err == nil {
		from, to = max(from, int64(math.Floor(a))), min(to, int64(math.Ceil(b)))
	}
	if from != math.MinInt64 || to != math.MaxInt64 {
		out.Window = &dataset.Window{From: from, To: to}
	}
	return out
}

// FilterOf is a dataset filter as a workspace keeps it. Its window is the
// timeline's, kept in TimelineView, so it is not written here.
func FilterOf(f dataset.Filter) Filter {
	out := Filter{Query: f.Query, LocatedOnly: f.LocatedOnly}
	if len(f.HiddenCategories) > 0 {
		out.HiddenCategories = slices.Sorted(slices.Values(f.HiddenCategories))
	}
	out.Actors = slices.Clone(f.Actors)
	if b := f.Box; b != nil {
		out.Box = &[4]float64{b.MinLon, b.MinLat, b.MaxLon, b.MaxLat}
	}
	return out
}
