package extract

import (
	"chronomap/data/report"
)

// Event is one proposal as the JSON output writes it, in the shape
// DESIGN.md fixes. Start and End are ISO 8601 cut to their precision
// ("2023-11", "2023-11-07"); End, the place and its coordinates are null
// where there are none; Offset counts bytes of the text as read (after a
// .docx's or a page's markup is gone); Why says which words gave the date
// and the place.
type Event struct {
	Start      string   `json:"start"`
	End        *string  `json:"end"`
	Precision  string   `json:"precision"`
	Place      *string  `json:"place"`
	Lat        *float64 `json:"lat"`
	Lon        *float64 `json:"lon"`
	Country    *string  `json:"country"`
	Actors     []Actor  `json:"actors"`
	Title      string   `json:"title"`
	Sentence   string   `json:"sentence"`
	Offset     int      `json:"offset"`
	Confidence float64  `json:"confidence"`
	Why        string   `json:"why"`
}

// Actor is a person, office, force or country as the text names it, with
// the ISO 3166-1 alpha-2 code of the country the text ties it to, or null.
type Actor struct {
	Name    string  `json:"name"`
	Country *string `json:"country"`
}

// Of turns proposals into the JSON output's events; no proposals give an
// empty array, not null.
func Of(ps []report.Proposal) []Event {
	out := make([]Event, 0, len(ps))
	for _, p := range ps {
		e := Event{Start: p.When.Start.String(), Precision: p.When.Start.Prec.String(), Actors: []Actor{},
			Title: p.Title, Sentence: p.Sentence, Offset: p.Offset, Confidence: p.Confidence, Why: p.Why.String()}
		if !p.When.End.IsZero() {
			end := p.When.End.String()
			e.End = &end
		}
		if p.Place.Name != "" {
			name, cc, lat, lon := p.Place.Name, p.Place.Country, p.Place.Lat, p.Place.Lon
			e.Place, e.Country, e.Lat, e.Lon = &name, &cc, &lat, &lon
		}
		for _, a := range p.Actors {
			act := Actor{Name: a.Name}
			if a.Country != "" {
				cc := a.Country
				act.Country = &cc
			}
			e.Actors = append(e.Actors, act)
		}
		out = append(out, e)
	}
	return out
}
