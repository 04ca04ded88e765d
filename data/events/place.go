package events

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"chronomap/data/dates"
	"chronomap/data/frame"
)

// readPlaces reads each row's coordinates from latitude and longitude
// columns, or from one column holding both. A value that cannot be read or
// lies out of range leaves the event unplaced, never lost, and is listed.
//
// Coordinates of exactly 0, 0 are where geocoders put what they could not
// place (GDELT draws "Georgia, United States" in the Gulf of Guinea): the
// row is marked zero and left for geocode to place by its name, and
// listed either way.
func readPlaces(ctx context.Context, f *frame.Frame, m Mapping, into *columns, probs *problems) {
	latCol, lonCol := m.Columns[Lat], m.Columns[Lon]
	// A combined column serves unless both separate columns are mapped:
	// with only one of them, the separate ones cannot place anything.
	if c := m.Columns[Coords]; len(c) > 0 && (len(latCol) == 0 || len(lonCol) == 0) {
		vals := texts(f, c[0])
		into.zero = make([]bool, len(into.lat))
		parallel(ctx, len(vals), func(lo, hi int) {
			for i := lo; i < hi; i++ {
				v := strings.TrimSpace(vals[i])
				if v == "" {
					continue
				}
				lat, lon, ok := readCoordPair(v)
				if !ok {
					probs.add(frame.Problem{Row: i + 1, Column: c[0], Value: clip(v), Reason: "unreadable coordinates",
						Detail: fmt.Sprintf("%q is not a latitude and longitude (such as 55.75, 37.62 or 55°45′N 37°37′E), so the event is not placed", clip(v))})
					continue
				}
				if !validLat(lat) || !validLon(lon) {
					probs.add(frame.Problem{Row: i + 1, Column: c[0], Value: clip(v), Reason: "coordinates out of range",
						Detail: fmt.Sprintf("%q reads as latitude %g, longitude %g, outside −90 to 90 and −180 to 180 degrees, so the event is not placed", clip(v), lat, lon)})
					continue
				}
				if lat == 0 && lon == 0 {
					into.zero[i] = true
					continue
				}
				into.lat[i], into.lon[i] = lat, lon
			}
		})
		return
	}
	if len(latCol) == 0 || len(lonCol) == 0 {
		return
	}
	lats := angles(f, latCol[0])
	lons := angles(f, lonCol[0])
	into.zero = make([]bool, len(into.lat))
	parallel(ctx, len(into.lat), func(lo, hi int) {
		for i := lo; i < hi; i++ {
			la, lo := lats.at(i), lons.at(i)
			switch {
			case la.empty && lo.empty:
				continue
			case la.empty || lo.empty:
				// The problem points at the empty cell; the value beside
				// it goes in the detail.
				col, other, v := latCol[0], lonCol[0], lo.written()
				if !la.empty {
					col, other, v = lonCol[0], latCol[0], la.written()
				}
				probs.add(frame.Problem{Row: i + 1, Column: col, Reason: "incomplete coordinates",
					Detail: fmt.Sprintf("%q is empty while %q is %s, so the event is not placed", col, other, clip(v))})
				continue
			case !la.ok || !lo.ok:
				col, v, what := latCol[0], la.text, "latitude"
				if la.ok {
					col, v, what = lonCol[0], lo.text, "longitude"
				}
				probs.add(frame.Problem{Row: i + 1, Column: col, Value: clip(v), Reason: "unreadable coordinates",
					Detail: fmt.Sprintf("%q is not a %s in degrees (such as 55.75 or 55°45′N), so the event is not placed", clip(v), what)})
				continue
			case !validLat(la.v) || !validLon(lo.v):
				col, v, rng := latCol[0], la.written(), "−90 to 90"
				if validLat(la.v) {
					col, v, rng = lonCol[0], lo.written(), "−180 to 180"
				}
				probs.add(frame.Problem{Row: i + 1, Column: col, Value: clip(v), Reason: "coordinates out of range",
					Detail: fmt.Sprintf("%s is outside %s degrees, so the event is not placed", clip(v), rng)})
				continue
			}
			if la.v == 0 && lo.v == 0 {
				into.zero[i] = true
				continue
			}
			into.lat[i], into.lon[i] = la.v, lo.v
		}
	})
}

// angleColumn gives each row's coordinate from a numeric column, or read
// from text ("55°45′N", "55,7522").
type angleColumn struct {
	f   *frame.Frame
	col int
}

type angle struct {
	v         float64
	ok, empty bool
	text      string // as written; for numeric columns only made when a problem needs it
}

func angles(f *frame.Frame, col string) angleColumn {
	return angleColumn{f: f, col: f.Col(col)}
}

func (a angleColumn) at(i int) angle {
	if a.f.Columns[a.col].Kind != frame.Text {
		v := a.f.Number(i, a.col)
		if math.IsNaN(v) {
			return angle{empty: true}
		}
		return angle{v: v, ok: true}
	}
	t := strings.TrimSpace(a.f.Text(i, a.col))
	if t == "" || t == "NaN" {
		return angle{empty: true, text: t}
	}
	v, _, ok := parseAngle(t)
	return angle{v: v, ok: ok, text: t}
}

// written returns the value as the file wrote it, or as a number.
func (a angle) written() string {
	if a.text == "" && a.ok {
		return strconv.FormatFloat(a.v, 'f', -1, 64)
	}
	return a.text
}

// placeColumns are the columns that could place an event, in the order
// problems name them: coordinates, then the place's name, then its
// country. ok is false when they cannot place any event (none mapped, or
// a latitude without a longitude).
func placeColumns(m Mapping) (cols []string, ok bool) {
	lat, lon := m.Columns[Lat], m.Columns[Lon]
	if len(lat) > 0 && len(lon) > 0 {
		cols = append(cols, lat[0], lon[0])
	}
	for _, r := range []Role{Coords, Place, Country} {
		if c := m.Columns[r]; len(c) > 0 {
			cols = append(cols, c[0])
		}
	}
	return cols, len(cols) > 0
}

// zeroProblem is the problem of row i, whose coordinates were 0, 0; then
// goes on the sentence to say what became of the event.
func zeroProblem(m Mapping, i int, then string) frame.Problem {
	col := ""
	if c := m.Columns[Lat]; len(c) > 0 {
		col = c[0]
	} else if c := m.Columns[Coords]; len(c) > 0 {
		col = c[0]
	}
	return frame.Problem{Row: i + 1, Column: col, Value: "0, 0", Reason: "coordinates at 0, 0",
		Detail: "0, 0 is in the Gulf of Guinea, where geocoders put what they cannot place" + then}
}

// listUnplaced lists every event that is not on the map and has no
// problem saying why yet: a row with no coordinates and no place name,
// or at 0, 0 with no name to place it by. A frame with no column that
// could place anything has no problem for it: it is a timeline, and its
// mapping says so.
func listUnplaced(f *frame.Frame, m Mapping, c *columns, probs *problems) {
	cols, ok := placeColumns(m)
	if !ok {
		return
	}
	// Rows whose place a problem speaks of already: unreadable or out of
	// range coordinates, a name not found; and rows the reader had a
	// problem with (a GeoJSON feature or KML placemark without geometry).
	noted := map[int]bool{}
	for _, p := range probs.list {
		if p.Row > 0 && slices.Contains(cols, p.Column) {
			noted[p.Row-1] = true
		}
	}
	for _, p := range f.Problems {
		if p.Row > 0 {
			noted[p.Row-1] = true
		}
	}
	for i, p := range c.startPrec {
		if p == dates.None || !math.IsNaN(c.lat[i]) || noted[i] {
			continue
		}
		if c.zero != nil && c.zero[i] {
			probs.add(zeroProblem(m, i, ", and the row names no place to find it by, so the event is not placed"))
			continue
		}
		probs.add(frame.Problem{Row: i + 1, Column: cols[0], Reason: "no place",
			Detail: fmt.Sprintf("%s %s empty, so the event is not on the map", quoteList(cols), isAre(len(cols)))})
	}
}

func isAre(n int) string {
	if n == 1 {
		return "is"
	}
	return "are"
}
