package report

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// tableHeader are the columns WriteCSV writes, named as the bundled
// sample names them so that Chronomap maps them to their roles by itself
// (date → start, place, lat, lon, actor1, actor2, source, notes).
var tableHeader = []string{"id", "date", "title", "description", "place", "country", "lat", "lon",
	"actor1", "actor2", "source", "confidence", "planned", "offset", "notes"}

// WriteCSV writes accepted proposals as a table of events, one row each,
// for the rest of Chronomap to load as it loads any file: the date as
// ISO 8601 cut to its precision (a span as "start/end"), the sentence as
// the description, the first two actors, source (the report's name, as
// the caller gives it), and why as the notes. A proposal without a place
// has empty coordinates, never 0, 0.
func WriteCSV(w io.Writer, ps []Proposal, source string) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(tableHeader); err != nil {
		return fmt.Errorf("writing the events table: %w", err)
	}
	for i, p := range ps {
		row := []string{fmt.Sprintf("r-%02d", i+1), p.When.String(), p.Title, strings.Join(strings.Fields(p.Sentence), " "),
			p.Place.Name, p.Place.Country, "", "", actorText(p.Actors, 0), actorText(p.Actors, 1), source,
			strconv.FormatFloat(p.Confidence, 'f', 2, 64), strconv.FormatBool(p.Planned), strconv.Itoa(p.Offset), p.Why.String()}
		if p.Place.Name != "" {
			row[6] = strconv.FormatFloat(p.Place.Lat, 'f', -1, 64)
			row[7] = strconv.FormatFloat(p.Place.Lon, 'f', -1, 64)
		}
		if err := cw.Write(row); err != nil {
			return fmt.Errorf("writing the events table: %w", err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("writing the events table: %w", err)
	}
	return nil
}

// actorText writes actor i as the sample does: "Name (Country)".
func actorText(as []Actor, i int) string {
	if i >= len(as) {
		return ""
	}
	if as[i].Country == "" {
		return as[i].Name
	}
	return as[i].Name + " (" + as[i].Country + ")"
}
