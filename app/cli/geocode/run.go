// Package geocode is the `chronomap geocode` command: it looks names up in
// the embedded gazetteer (chronomap/data/places) and says where they are,
// how sure that is and what else they could mean.
package geocode

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"chronomap/app/cli/args"
	"chronomap/data/places"
)

// Run is the `chronomap geocode [--json] [--country CC] NAME ...` command.
// It returns the exit code: 0 when it ran (names it cannot place are
// listed, not fatal), 1 when the gazetteer could not be read, 2 for a
// wrong command line.
func Run(argv []string, stdout, stderr io.Writer) int {
	fs := args.Flags("geocode", "chronomap geocode [--json] [--country CC] NAME ...", stderr)
	asJSON := fs.Bool("json", false, "write a JSON array, one object per name")
	country := fs.String("country", "", "the country the places lie in: an ISO 3166 code (NI, NIC) or a name in any language")
	if err := fs.Parse(args.Interleaved(fs, argv)); err != nil {
		return 2
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return 2
	}
	if _, err := places.Info(); err != nil {
		fmt.Fprintf(stderr, "chronomap: %v\n", err)
		return 1
	}
	if *country != "" {
		if _, ok := places.LookupCountry(*country); !ok {
			fmt.Fprintf(stderr, "chronomap: --country %q is not an ISO 3166 country code or a country's name\n", *country)
			return 2
		}
	}
	results := make([]Result, 0, fs.NArg())
	for _, name := range fs.Args() {
		results = append(results, Of(places.Geocode(name, *country)))
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(results); err != nil {
			fmt.Fprintf(stderr, "chronomap: %v\n", err)
			return 1
		}
		return 0
	}
	WriteText(stdout, results)
	return 0
}

// Result is one name's answer as the JSON output writes it: a place, or
// the query and an error.
type Result struct {
	Query string `json:"query"`
	*Found
	Error string `json:"error,omitempty"`
}

// Found is a resolved name: the place chosen, how sure (0 to 1) and the
// other places the name could mean.
type Found struct {
	Place
	Confidence   float64 `json:"confidence"`
	Alternatives []Place `json:"alternatives"`
}

// Place is a place as the JSON output writes it. Country is the ISO 3166-1
// alpha-2 code; Kind is "country", "capital", "seat" (of a state or
// province) or "city".
type Place struct {
	Name       string  `json:"name"`
	Country    string  `json:"country"`
	Lat        float64 `json:"lat"`
	Lon        float64 `json:"lon"`
	Kind       string  `json:"kind"`
	Population int     `json:"population"`
}

// Of turns a geocoding answer into a Result.
func Of(m places.Match, err error) Result {
	if err != nil {
		msg := err.Error()
		if errors.Is(err, places.ErrEmpty) {
			msg = "empty name"
		}
		return Result{Query: m.Query, Error: msg}
	}
	f := &Found{Place: placeOf(m.Place), Confidence: m.Confidence, Alternatives: []Place{}}
	for _, a := range m.Alternatives {
		f.Alternatives = append(f.Alternatives, placeOf(a))
	}
	return Result{Query: m.Query, Found: f}
}

func placeOf(p places.Place) Place {
	return Place{Name: p.Name, Country: p.Country, Lat: p.Lat, Lon: p.Lon, Kind: p.Kind, Population: p.Population}
}
