package events

import (
	"context"
	"errors"
	"fmt"
	"math"
	"strings"

	"chronomap/data/dates"
	"chronomap/data/frame"
	"chronomap/data/places"
)

// Placement says how an event came to be on the map.
type Placement uint8

const (
	Unplaced  Placement = iota
	Given               // coordinates in the file
	ByPlace             // its place name, through the gazetteer
	ByCountry           // only its country: a coarse position, at the country's point
)

func (p Placement) String() string {
	switch p {
	case Given:
		return "coordinates"
	case ByPlace:
		return "place name"
	case ByCountry:
		return "country"
	}
	return "not placed"
}

// minConfidence is how sure a match must be to place an event without a
// second look: below it the event is placed but listed as uncertain.
const minConfidence = 0.6

// geocode places the events that have no coordinates by their place name,
// with the country column as a hint, or by the country alone when there is
// no place name, through the offline gazetteer. A name it cannot resolve
// is a problem, never a silent guess; a doubtful one is placed and listed.
func geocode(ctx context.Context, f *frame.Frame, m Mapping, c *columns, probs *problems) {
	placeCol, countryCol := -1, -1
	if cols := m.Columns[Place]; len(cols) > 0 {
		placeCol = f.Col(cols[0])
	}
	if cols := m.Columns[Country]; len(cols) > 0 {
		countryCol = f.Col(cols[0])
	}
	if placeCol < 0 && countryCol < 0 {
		return
	}
	// Coordinate cells: a row that has some but could not be read keeps
	// its problem and stays unplaced; the place name does not overrule it.
	var coordCols []int
	for _, r := range []Role{Lat, Lon, Coords} {
		if cols := m.Columns[r]; len(cols) > 0 {
			coordCols = append(coordCols, f.Col(cols[0]))
		}
	}
	zero := func(i int) bool { return c.zero != nil && c.zero[i] }
	// GDELT writes countries as FIPS 10-4 codes, where "RS" is Russia
	// and ISO's RS is Serbia: the hint is turned into ISO's code first.
	fips := countryCol >= 0 && f.Source.Codes[f.Names()[countryCol]] == frame.FIPS
	hasCoords := func(i int) bool {
		if zero(i) {
			return false // 0, 0 is no place: the name decides
		}
		for _, col := range coordCols {
			if strings.TrimSpace(f.Text(i, col)) != "" {
				return true
			}
		}
		return false
	}
	var rows []int
	var names, hints []string
	for i := range c.lat {
		if i%blockRows == 0 && ctx.Err() != nil {
			return
		}
		if !math.IsNaN(c.lat[i]) || c.startPrec[i] == dates.None || hasCoords(i) {
			continue // placed already, not an event, or with coordinates that were wrong
		}
		name, hint := "", ""
		if placeCol >= 0 {
			name = strings.TrimSpace(f.Text(i, placeCol))
		}
		if countryCol >= 0 {
			hint = strings.TrimSpace(f.Text(i, countryCol))
			if fc, ok := places.CountryByFIPS(hint); fips && ok {
				hint = fc.Alpha2
			}
		}
		if name == "" && hint == "" {
			continue
		}
		if name == "" { // a country alone: look the country up
			name, hint = hint, ""
		}
		rows, names, hints = append(rows, i), append(names, name), append(hints, hint)
	}
	if len(rows) == 0 {
		return
	}
	c.how = make([]Placement, len(c.lat))
	c.conf = make([]float32, len(c.lat))
	for i := range c.lat {
		if !math.IsNaN(c.lat[i]) {
			c.how[i], c.conf[i] = Given, 1
		}
	}
	matches, errs := places.GeocodeColumnContext(ctx, names, hints)
	if ctx.Err() != nil {
		return
	}
	for k, i := range rows {
		col := f.Names()[max(placeCol, 0)]
		if placeCol < 0 || strings.TrimSpace(f.Text(i, placeCol)) == "" {
			col = f.Names()[countryCol]
		}
		if err := errs[k]; err != nil && zero(i) {
			probs.add(zeroProblem(m, i, fmt.Sprintf(", and its place name does not help: %v; the event is not placed", err)))
			continue
		}
		if err := errs[k]; err != nil {
			p := frame.Problem{Row: i + 1, Column: col, Value: clip(names[k]), Reason: "place not found"}
			var nf *places.NotFoundError
			if errors.As(err, &nf) {
				short := *nf // the name quoted once, shortened
				short.Query = clip(nf.Query)
				p.Detail = short.Error() + ", so the event is not placed"
			} else {
				p.Detail = fmt.Sprintf("%q: %v, so the event is not placed", clip(names[k]), err)
			}
			probs.add(p)
			continue
		}
		mt := matches[k]
		c.lat[i], c.lon[i], c.conf[i] = mt.Lat, mt.Lon, float32(mt.Confidence)
		c.how[i] = ByPlace
		if mt.Kind == places.KindCountry {
			c.how[i] = ByCountry
		}
		if zero(i) {
			probs.add(zeroProblem(m, i, fmt.Sprintf(", so the event is placed by its place name %q instead, at %s, %s", names[k], mt.Name, mt.Country)))
		}
		if mt.Confidence < minConfidence {
			alts := make([]string, 0, 3)
			for _, a := range mt.Alternatives[:min(3, len(mt.Alternatives))] {
				alts = append(alts, a.Name+", "+a.Country)
			}
			probs.add(frame.Problem{Row: i + 1, Column: col, Value: clip(names[k]), Reason: "uncertain place",
				Detail: fmt.Sprintf("%q was placed at %s, %s (%.0f%% sure); it could also be %s — add a country to settle it",
					clip(names[k]), mt.Name, mt.Country, mt.Confidence*100, strings.Join(alts, "; "))})
		}
	}
}
