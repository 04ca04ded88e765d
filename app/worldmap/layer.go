package worldmap

import (
	"math"
	"strings"

	"github.com/paulmach/orb"

	"chronomap/data/dataset"
	"chronomap/data/events"
)

// Events is what the map shows of a set of events: where each is, its
// category, label and place, and which are linked to a place elsewhere (an
// origin), drawn as arcs.
type Events struct {
	Lon, Lat []float64
	// Category is each event's index into Legend; -1 when it has none.
	// Category k is drawn in the palette's colour k.
	Category []int32
	// Legend names the categories, most frequent first, and Counts says how
	// many events each has.
	Legend []string
	Counts []int
	// LegendTitle names what the categories are ("event type", "layer").
	LegendTitle string
	// Label is each event's label: its title, else its place. Place is
	// its place's name, nil when there is none: a cluster of one place is
	// named after it.
	Label, Place []string
	// PlaceCode numbers the places, one number for each distinct Place,
	// so that a frame compares numbers rather than text; nil compares
	// the text.
	PlaceCode []int32
	// Arcs join events to where their actors came from.
	Arcs []Arc
	// Size, when set, sizes each event's marker (fatalities, magnitude);
	// SizeTitle names it for the legend. Missing sizes are NaN.
	Size      []float64
	SizeTitle string

	bound *orb.Bound // of the placed events, found on first use: Events are not changed once drawn
}

// Arc is a great-circle line from an origin to an event's place.
type Arc struct {
	From, To orb.Point // longitude, latitude
	Category int32
	Event    int // the event it leads to, so that filters hide it with its event
}

// FromDataset takes the events of a dataset as the map shows them: with
// the dataset's categories (and so its colours), labels and places, and
// arcs from each event's origin where the dataset has one.
func FromDataset(d *dataset.Dataset) *Events {
	x := d.Index
	c := d.Categories
	e := &Events{Lon: x.Lon, Lat: x.Lat, Category: c.Of, Legend: c.Labels, Counts: c.Counts,
		LegendTitle: c.Title, Label: d.Labels}
	if len(d.Mapping.Get(events.Place)) > 0 {
		e.Place = make([]string, d.Len())
		e.PlaceCode = make([]int32, d.Len())
		code := map[string]int32{}
		for i := range e.Place {
			p := strings.TrimSpace(d.Text(i, events.Place))
			k, ok := code[p]
			if !ok {
				k = int32(len(code))
				code[p] = k
			}
			e.Place[i], e.PlaceCode[i] = p, k
		}
	}
	if d.OriginLat != nil {
		for i := range d.Len() {
			la, lo := d.OriginLat[i], d.OriginLon[i]
			if x.IsLocated(i) && !math.IsNaN(la) && (la != x.Lat[i] || lo != x.Lon[i]) {
				e.Arcs = append(e.Arcs, Arc{From: orb.Point{lo, la}, To: orb.Point{x.Lon[i], x.Lat[i]}, Category: c.Of[i], Event: i})
			}
		}
	}
	return e
}

// SizeBy sizes the events' markers by one value each (a dataset's
// Numbers), named title in the legend.
func (e *Events) SizeBy(values []float64, title string) {
	e.Size, e.SizeTitle = values, strings.ReplaceAll(title, "_", " ")
}
