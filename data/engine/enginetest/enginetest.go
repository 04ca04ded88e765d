// Package enginetest holds what the tests of the engine sources share:
// generated events with every kind of row problem, the test servers that
// scripts/engines starts (or a skip saying there are none), and the check
// that an engine answers every view's question as memory does.
package enginetest

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"chronomap/data/dataset"
	"chronomap/data/events"
	"chronomap/data/events/eventstest"
)

// CSV generates n rows of an ACLED-like export, the same bytes for the
// same n: dates over thirty years, six event types and some rows without
// one, two actor columns, places in six countries and in Fiji on both
// sides of the antimeridian, notes with accented and Cyrillic words — and
// the problems real files have: unreadable and missing dates, missing,
// half-given and out-of-range coordinates, rows placed only by name.
func CSV(n int) []byte {
	r := rand.New(rand.NewPCG(7, uint64(n)))
	types := []string{"Battles", "Protests", "Riots", "Explosions/Remote violence", "Violence against civilians", "Strategic developments", ""}
	actors := []string{"Military Forces of Russia (2000-)", "Protesters (Armenia)", "Police Forces of Nicaragua (2007-)", "JNIM", "Unidentified Armed Group (Burkina Faso)", "Rioters (Georgia)", " Civilians (Fiji) ", ""}
	places := []struct {
		country, name string
		lat, lon      float64
	}{
		{"Russia", "Moscow", 55.7558, 37.6173}, {"Nicaragua", "Managua", 12.1364, -86.2514},
		{"Burkina Faso", "Ouagadougou", 12.3714, -1.5197}, {"Armenia", "Yerevan", 40.1792, 44.4991},
		{"Spain", "Avilés", 43.5547, -5.9248}, {"Ukraine", "Kharkiv", 49.9935, 36.2304},
		{"Fiji", "Labasa", -16.4167, 179.3833}, {"Fiji", "Lakeba", -18.2, -178.8},
	}
	words := []string{"reported", "clashes", "near", "the", "village", "of", "forces", "shelled", "positions", "sources",
		"said", "two", "civilians", "killed", "convoy", "checkpoint", "Avilés", "Straße", "обстрел", "ÉGLISE"}
	start := time.Date(1994, 1, 1, 0, 0, 0, 0, time.UTC)
	var b bytes.Buffer
	b.WriteString("event_id_cnty,event_date,event_type,actor1,actor2,country,location,latitude,longitude,fatalities,notes\n")
	for i := range n {
		p := places[r.IntN(len(places))]
		d := start.AddDate(0, 0, r.IntN(30*365))
		date := d.Format("2006-01-02")
		switch k := r.IntN(100); {
		case k < 2:
			date = "n/a"
		case k < 3:
			date = ""
		case k < 4:
			date = d.Format("2 January 2006")
		}
		lat := strconv.FormatFloat(p.lat+r.Float64()-0.5, 'f', 4, 64)
		lon := strconv.FormatFloat(p.lon+r.Float64()-0.5, 'f', 4, 64)
		if p.lon > 179 || p.lon < -178 {
			lon = strconv.FormatFloat(p.lon+(r.Float64()-0.5)*0.8, 'f', 4, 64)
		}
		switch k := r.IntN(100); {
		case k < 3:
			lat, lon = "", "" // placed by its name, if at all
		case k < 4:
			lat = "95.5"
		case k < 5:
			lon = ""
		}
		fmt.Fprintf(&b, "%s%d,%s,%s,%s,%s,%s,%s,%s,%s,%d,\"", p.country[:3], 100000+i, date, types[r.IntN(len(types))],
			actors[r.IntN(len(actors))], actors[r.IntN(len(actors))], p.country, p.name, lat, lon, r.IntN(12))
		for k := range 2 + r.IntN(5) {
			if k > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(words[r.IntN(len(words))])
		}
		b.WriteString("\"\n")
	}
	return b.Bytes()
}

// Dataset reads CSV(n) through the one load pipeline, as the window
// reads a file.
func Dataset(tb testing.TB, n int) *dataset.Dataset {
	tb.Helper()
	d, err := dataset.Load(context.Background(), dataset.Bytes{Title: fmt.Sprintf("events-%d.csv", n), Data: CSV(n)}, dataset.Options{}, nil)
	if err != nil {
		tb.Fatal(err)
	}
	return d
}

// File writes CSV(n) to a file in a test's temporary folder.
func File(tb testing.TB, n int) string {
	tb.Helper()
	path := fmt.Sprintf("%s/events-%d.csv", tb.TempDir(), n)
	if err := os.WriteFile(path, CSV(n), 0o644); err != nil {
		tb.Fatal(err)
	}
	return path
}

// BenchFile writes the load benchmarks' generated ACLED-like export of n
// rows (eventstest.ACLEDLike, the file `go run ./scripts/bench/acled`
// writes) to a file in a benchmark's temporary folder.
func BenchFile(tb testing.TB, n int) string {
	tb.Helper()
	path := fmt.Sprintf("%s/acled-%d.csv", tb.TempDir(), n)
	if err := os.WriteFile(path, eventstest.ACLEDLike(n), 0o644); err != nil {
		tb.Fatal(err)
	}
	return path
}

// Server returns the URL of a test server that scripts/engines started
// (its variable CHRONOMAP_TEST_<ENGINE>), with the password in the
// engine's usual variable, or skips the test in one line saying there is
// none.
func Server(tb testing.TB, engine, passwordVar string) string {
	tb.Helper()
	v := "CHRONOMAP_TEST_" + engine
	u := os.Getenv(v)
	if u == "" {
		tb.Skipf("no %s test server: %s is unset (scripts/test starts one where the packages can be installed)", engine, v)
	}
	tb.Setenv(passwordVar, os.Getenv("CHRONOMAP_TEST_PASSWORD"))
	return u
}

// TableName returns a fresh table name for a test.
func TableName(prefix string) string {
	return fmt.Sprintf("%s_%d_%d", prefix, time.Now().UnixNano()%1e9, rand.IntN(1000))
}

// HostileHeader names CSV's columns in ways that break SQL written by
// pasting names in: quotes of every kind, backslashes, comments, the
// placeholders of both drivers, statements of their own. Each still
// says which role its column plays.
var HostileHeader = []string{`id"; DROP TABLE canary; --`, `event_date\`, `event type"); DROP TABLE canary; --`, `actor1 "?"`,
	`actor2 $1`, "country`", `location?`, `latitude"`, `longitude\"`, `fatalities $2 */`, `notes /* @name`}

// HostileTable is a table name of the same kind.
const HostileTable = `events"; DROP TABLE canary; -- \' $1 ?`

// HostileDataset is CSV(n) under HostileHeader, read as Dataset reads it.
func HostileDataset(tb testing.TB, n int) *dataset.Dataset {
	tb.Helper()
	b := CSV(n)
	_, rows, _ := bytes.Cut(b, []byte("\n"))
	var head bytes.Buffer
	for i, h := range HostileHeader {
		if i > 0 {
			head.WriteByte(',')
		}
		head.WriteString(`"` + strings.ReplaceAll(h, `"`, `""`) + `"`)
	}
	head.WriteByte('\n')
	d, err := dataset.Load(context.Background(), dataset.Bytes{Title: "hostile.csv", Data: append(head.Bytes(), rows...)}, dataset.Options{}, nil)
	if err != nil {
		tb.Fatal(err)
	}
	for _, r := range []events.Role{events.Start, events.Category, events.Actor, events.Lat, events.Lon} {
		if len(d.Mapping.Get(r)) == 0 {
			tb.Fatalf("no column of %v plays %s: %v", HostileHeader, r, d.Mapping.Columns)
		}
	}
	return d
}

// OneSentence checks that an error is one clear sentence naming what it
// is about, without a password or a trace.
func OneSentence(tb testing.TB, err error, about string, passwords ...string) {
	tb.Helper()
	if err == nil {
		tb.Fatalf("no error; want one about %s", about)
	}
	msg := err.Error()
	if strings.Contains(msg, "\n") || strings.Contains(msg, "goroutine") || strings.Contains(msg, "panic") {
		tb.Errorf("not one sentence: %q", msg)
	}
	if !strings.Contains(msg, about) {
		tb.Errorf("%q does not say %q", msg, about)
	}
	for _, p := range passwords {
		if p != "" && strings.Contains(msg, p) {
			tb.Errorf("%q shows the password", msg)
		}
	}
}
