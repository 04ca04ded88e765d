package worldmap

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/paulmach/orb"

	"chronomap/data/events"
	"chronomap/data/frame"
)

// Events is what the map shows of a set of events: where each is, its
// category and label, and which are linked to a place elsewhere (an
// origin), drawn as arcs.
type Events struct {
	Lon, Lat []float64
	// Category is each event's index into Legend; -1 when it has none.
	Category []int
	// Legend names the categories, most frequent first, and Counts says how
	// many events each has.
	Legend []string
	Counts []int
	// LegendTitle names what the categories are ("category", "actor").
	LegendTitle string
	// Label is each event's label: its title, else its place.
	Label []string
	// Arcs join events to where their actors came from.
	Arcs []Arc
	// Size, when set, sizes each event's marker (fatalities, magnitude);
	// SizeTitle names it for the legend. Missing sizes are NaN.
	Size      []float64
	SizeTitle string
}

// SizeBy sizes the events' markers by a numeric column of the frame they
// came from; x is the index they were built from.
func (e *Events) SizeBy(f *frame.Frame, x *events.Index, col string) error {
	c := f.Col(col)
	if c < 0 {
		return fmt.Errorf("%s has no column %q", f.Source.Path, col)
	}
	if f.Columns[c].Kind == frame.Text {
		return fmt.Errorf("column %q holds text, not numbers, so it cannot size markers", col)
	}
	e.Size = make([]float64, len(x.Row))
	for i, row := range x.Row {
		e.Size[i] = f.Number(int(row), c)
	}
	e.SizeTitle = strings.ReplaceAll(col, "_", " ")
	return nil
}

// Arc is a great-circle line from an origin to an event's place.
type Arc struct {
	From, To orb.Point // longitude, latitude
	Category int
	Event    int // the event it leads to, so that filters hide it with its event
}

// FromIndex takes the placed events of an index, with categories, labels
// and — where the frame has origin coordinates (origin_lat/origin_lon or
// from_lat/from_lon columns) — arcs from the origin to the event.
func FromIndex(f *frame.Frame, m events.Mapping, x *events.Index) *Events {
	e := &Events{Lon: x.Lon, Lat: x.Lat, Category: make([]int, x.Len()), Label: make([]string, x.Len()), LegendTitle: "category"}
	catCol := -1
	if c := m.Get(events.Category); len(c) > 0 {
		catCol = f.Col(c[0])
		e.LegendTitle = strings.ReplaceAll(c[0], "_", " ") // "event_type" reads "Event type"
	}
	labelCol := -1
	for _, r := range []events.Role{events.Title, events.Place} {
		if c := m.Get(r); len(c) > 0 {
			labelCol = f.Col(c[0])
			break
		}
	}
	index := map[string]int{}
	for i, row := range x.Row {
		e.Category[i] = -1
		if catCol >= 0 {
			if v := f.Text(int(row), catCol); v != "" {
				k, ok := index[v]
				if !ok {
					k = len(e.Legend)
					index[v] = k
					e.Legend = append(e.Legend, v)
					e.Counts = append(e.Counts, 0)
				}
				e.Category[i] = k
				e.Counts[k]++
			}
		}
		if labelCol >= 0 {
			e.Label[i] = f.Text(int(row), labelCol)
		}
	}
	e.SortLegend()
	oLat, oLon := originColumns(f)
	if oLat >= 0 && oLon >= 0 {
		for i, row := range x.Row {
			la, lo := f.Number(int(row), oLat), f.Number(int(row), oLon)
			if x.IsLocated(i) && validLatLon(la, lo) && (la != x.Lat[i] || lo != x.Lon[i]) {
				e.Arcs = append(e.Arcs, Arc{From: orb.Point{lo, la}, To: orb.Point{x.Lon[i], x.Lat[i]}, Category: e.Category[i], Event: i})
			}
		}
	}
	return e
}

// SortLegend orders categories by how many events they have, most first,
// so the strongest colours go to the largest groups.
func (e *Events) SortLegend() {
	order := make([]int, len(e.Legend))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(e.Counts[b], e.Counts[a]) })
	rank := make([]int, len(order))
	legend, counts := make([]string, len(order)), make([]int, len(order))
	for r, k := range order {
		rank[k], legend[r], counts[r] = r, e.Legend[k], e.Counts[k]
	}
	for i, c := range e.Category {
		if c >= 0 {
			e.Category[i] = rank[c]
		}
	}
	e.Legend, e.Counts = legend, counts
}

// originColumns finds the columns giving where an event's actors came from.
func originColumns(f *frame.Frame) (lat, lon int) {
	for _, p := range [][2]string{{"origin_lat", "origin_lon"}, {"from_lat", "from_lon"}, {"origin_latitude", "origin_longitude"}} {
		if la, lo := f.Col(p[0]), f.Col(p[1]); la >= 0 && lo >= 0 {
			return la, lo
		}
	}
	return -1, -1
}

func validLatLon(lat, lon float64) bool {
	return lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180
}
