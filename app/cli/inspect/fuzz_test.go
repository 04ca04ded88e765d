package inspect

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"chronomap/data/dates"
	"chronomap/data/frame"
)

// fuzzExts are the extensions FuzzInspectBytes names its files with, so
// that each reader gets the bytes.
var fuzzExts = []string{".csv", ".json", ".geojson", ".tsv", ".txt", ".xlsx"}

// FuzzInspectBytes checks that no file makes inspect fail inside: every
// input is either reported on or refused with a plain error. File turns a
// panic into an "internal error", so that is what it looks for.
func FuzzInspectBytes(f *testing.F) {
	seeds := []string{
		"",
		"date,lat,lon\n2023-11-07,55.75,37.62\n",
		"Datum;Ort;Breite;Länge\n07.11.2023;Moskau;55,75;37,62\n",
		"Year,Month,Day,Headline\n-509,,,Republic\n2023,13,40,x\n,5,,y\n",
		"date,end\n2023-11-07,2023-11-01\n04/05/2023,\n",
		"coordinates\n\"55°45′N 37°37′E\"\nPOINT(1 2)\n-,-\n",
		"a\tb\n1\t2\n",
		"\"unclosed,quote\n1,2\n",
		"\xff\xfe1\x002\x00\n\x00",
		"\x00\x01\x02\x03",
		`[{"date":"2023-11-07","coords":{"lat":55.75,"lon":37.62}}]`,
		`{"events":[{"when":1699315200000,"x":null}]}`,
		`{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[37.62,55.75]},"properties":{"time":1699315200000}}]}`,
		`{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]},"properties":null}`,
		`{"a":`,
		// What hostile files tried: a lone CR among LF line ends, a
		// column of one whole number, a NUL in a row, a long place.
		"date,title\n2023-11-07,a\r2023-11-08,b\n",
		"name,count\na,100\nb,100\n",
		"date,title\n2023-11-07,da\x00maged\n",
		"date,place\n2023-11-07," + strings.Repeat("Ortschaft ", 2000) + "\n",
		"PK\x03\x04",
	}
	for i, s := range seeds {
		f.Add([]byte(s), uint8(i))
	}
	// The fixtures of the readers are seeds too.
	for _, dir := range []string{frameTestdata, "testdata/"} {
		entries, _ := os.ReadDir(dir)
		for i, e := range entries {
			if b, err := os.ReadFile(dir + e.Name()); err == nil && len(b) < 64<<10 {
				f.Add(b, uint8(i))
			}
		}
	}
	f.Fuzz(func(t *testing.T, data []byte, ext uint8) {
		path := filepath.Join(t.TempDir(), "input"+fuzzExts[int(ext)%len(fuzzExts)])
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		r, err := File(path, frame.Options{}, nil, dates.Unknown)
		if err != nil {
			if msg := err.Error(); strings.Contains(msg, "internal error") || strings.Contains(msg, "\n") {
				t.Fatalf("%q: %v", data, err)
			}
			return
		}
		checkReport(t, path, r)
		// What render says of it is brief: no line quotes a cell whole.
		var brief strings.Builder
		Brief(&brief, r)
		for _, line := range strings.Split(brief.String(), "\n") {
			if len(line) > 2048+len(path) {
				t.Fatalf("a line of %d bytes in %q", len(line), brief.String()[:200])
			}
		}
		// Overrides on whatever columns there are must not break it either.
		if len(r.Columns) > 0 {
			c := r.Columns[0].Name
			if _, err := File(path, frame.Options{}, []string{"start=" + c, "coords=" + c}, dates.Unknown); err != nil && strings.Contains(err.Error(), "internal error") {
				t.Fatalf("%q with overrides: %v", data, err)
			}
		}
	})
}
