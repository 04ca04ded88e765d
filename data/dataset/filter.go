package dataset

import (
	"math"
	"slices"
)

// Filter is which events are shown: the one filter that the window edits
// and that scenes, exports, the presenter and engine sources apply. Its
// zero value shows every event.
type Filter struct {
	// Query keeps the events whose text holds every word of it, in any
	// text column, ignoring case and accents.
	Query string
	// Window, when set, keeps the events that overlap it: the timeline's
	// window. The timeline itself shows the events outside it faded
	// (Mask.Styled), the map and the table hide them.
	Window *Window
	// HiddenCategories are the categories switched off, by name, so that
	// a filter means the same after the file is read again.
	HiddenCategories []string
	// Actors, when not empty, keeps the events with one of these actors.
	Actors []string
	// LocatedOnly hides events without coordinates.
	LocatedOnly bool
	// Box, when set, keeps the located events inside it.
	Box *Box
}

// Window is a span of time in Unix seconds, [From, To).
type Window struct{ From, To int64 }

// Overlaps reports whether an event covering [start, stop) overlaps w.
func (w Window) Overlaps(start, stop int64) bool { return stop > w.From && start < w.To }

// Box is a part of the map, in degrees, in the order of a GeoJSON bbox.
// A MinLon above MaxLon crosses the antimeridian: the box runs east from
// MinLon to 180° and on from -180° to MaxLon.
type Box struct{ MinLon, MinLat, MaxLon, MaxLat float64 }

// Contains reports whether the point lon, lat is inside the box, edges
// included; NaN is never inside.
func (b Box) Contains(lon, lat float64) bool {
	if !(lat >= b.MinLat && lat <= b.MaxLat) {
		return false
	}
	if b.MinLon <= b.MaxLon {
		return lon >= b.MinLon && lon <= b.MaxLon
	}
	return (lon >= b.MinLon && lon <= 180) || (lon >= -180 && lon <= b.MaxLon)
}

// CrossesAntimeridian reports whether the box runs over 180° of longitude.
func (b Box) CrossesAntimeridian() bool { return b.MinLon > b.MaxLon }

// Narrows reports whether the filter may hide any event, the window
// included or not.
func (f Filter) Narrows(withWindow bool) bool {
	return f.Query != "" || len(f.HiddenCategories) > 0 || len(f.Actors) > 0 || f.LocatedOnly || f.Box != nil ||
		(withWindow && f.Window != nil)
}

// Clone returns a copy of f that shares no memory with it.
func (f Filter) Clone() Filter {
	f.HiddenCategories = slices.Clone(f.HiddenCategories)
	f.Actors = slices.Clone(f.Actors)
	if f.Window != nil {
		w := *f.Window
		f.Window = &w
	}
	if f.Box != nil {
		b := *f.Box
		f.Box = &b
	}
	return f
}

// validLonLat reports whether a point is a place on Earth.
func validLonLat(lon, lat float64) bool {
	return !math.IsNaN(lon) && !math.IsNaN(lat) && lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90
}

// BoxAround returns the smallest box holding the given events' places:
// the box a selection drawn around them stands for. It crosses the
// antimeridian when that makes it narrower, as around Fiji and Samoa. It
// returns nil when none of the events is placed.
func (d *Dataset) BoxAround(evs []int) *Box {
	x := d.Index
	var pts [][2]float64
	for _, i := range evs {
		if i >= 0 && i < d.Len() && x.IsLocated(i) {
			pts = append(pts, [2]float64{x.Lon[i], x.Lat[i]})
		}
	}
	return BoxOf(pts)
}

// BoxOf returns the smallest box holding the lon/lat points, across the
// antimeridian when that is narrower; nil for no point. Points off the
// globe (NaN, beyond ±180° or ±90°) are left out.
func BoxOf(pts [][2]float64) *Box {
	var lons []float64
	b := Box{MinLat: math.Inf(1), MaxLat: math.Inf(-1)}
	for _, p := range pts {
		if !(p[0] >= -180 && p[0] <= 180 && p[1] >= -90 && p[1] <= 90) {
			continue
		}
		lons = append(lons, p[0])
		b.MinLat, b.MaxLat = math.Min(b.MinLat, p[1]), math.Max(b.MaxLat, p[1])
	}
	if len(lons) == 0 {
		return nil
	}
	slices.Sort(lons)
	// The box leaves out the widest gap between neighbouring longitudes,
	// going round the globe; the gap over the antimeridian is the one from
	// the last longitude to the first.
	gap, at := lons[0]+360-lons[len(lons)-1], len(lons)-1
	for k := 1; k < len(lons); k++ {
		if g := lons[k] - lons[k-1]; g > gap {
			gap, at = g, k-1
		}
	}
	if at == len(lons)-1 {
		b.MinLon, b.MaxLon = lons[0], lons[len(lons)-1]
	} else {
		b.MinLon, b.MaxLon = lons[at+1], lons[at]
	}
	return &b
}
