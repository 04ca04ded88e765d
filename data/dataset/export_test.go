package dataset

import (
	"bytes"
	"context"
	"slices"
	"strconv"
	"strings"
	"testing"

	"chronomap/data/events"
)

// TestWriteCSVRoundTrip writes the sample's Shoigu events and reads them
// back: the same starts with their precision, places, categories, titles
// and sources, each pointing at its row of the sample.
func TestWriteCSVRoundTrip(t *testing.T) {
	d := sample(t)
	m := d.Apply(Filter{Query: "Shoigu"})
	var b bytes.Buffer
	if err := d.WriteCSV(&b, m); err != nil {
		t.Fatal(err)
	}
	back, err := Load(context.Background(), Bytes{Title: "shoigu.csv", Data: b.Bytes()}, Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if back.Len() != 3 || back.Index.Located != 3 {
		t.Fatalf("read back %d events, %d located; want 3, 3:\n%s", back.Len(), back.Index.Located, b.String())
	}
	for _, r := range []events.Role{events.Start, events.Lat, events.Lon, events.Title, events.Category, events.Actor, events.Source, events.Place} {
		if len(back.Mapping.Get(r)) == 0 {
			t.Errorf("no column read back as %s: %v", r, back.Mapping.Columns)
		}
	}
	var want []int
	for i := range d.Len() {
		if m.IsShown(i) {
			want = append(want, i)
		}
	}
	for k, i := range want {
		if got, w := back.Index.StartTime(k), d.Index.StartTime(i); got != w {
			t.Errorf("event %d starts %v, want %v", k, got, w)
		}
		for _, r := range []events.Role{events.Title, events.Category, events.Source, events.Place} {
			if got, w := back.Text(k, r), d.Text(i, r); got != w {
				t.Errorf("event %d %s %q, want %q", k, r, got, w)
			}
		}
		if back.Index.Lat[k] != d.Index.Lat[i] || back.OriginLat[k] != d.OriginLat[i] {
			t.Errorf("event %d at %v (origin %v), want %v (%v)", k, back.Index.Lat[k], back.OriginLat[k], d.Index.Lat[i], d.OriginLat[i])
		}
	}
	if !slices.Equal(back.Categories.Names, []string{"Military cooperation", "Diplomacy"}) {
		t.Errorf("categories %v", back.Categories.Names)
	}
}

// TestExportRoundTrip writes the events of a table that has them all (BC
// years, a range of years BC, a day BC, a month AD 9, a range of days, a
// time of day, a place found by name, an event not placed, two actors,
// quotes, commas and markup in text, Cyrillic) with one category hidden,
// in each format, and reads each file back: the same events, with the
// same times and precisions, places, roles, and the row each came from.
func TestExportRoundTrip(t *testing.T) {
	d := loadFile(t, "testdata/export_events.csv", Options{})
	if d.Len() != 8 || d.Index.Located != 7 || d.Index.Geocoded != 1 {
		t.Fatalf("fixture: %d events, %d located, %d geocoded; want 8, 7, 1", d.Len(), d.Index.Located, d.Index.Geocoded)
	}
	m := d.Apply(Filter{HiddenCategories: []string{"Information"}})
	var want []int
	for i := range d.Len() {
		if m.IsShown(i) {
			want = append(want, i)
		}
	}
	if len(want) != 7 {
		t.Fatalf("the filter shows %d events, want 7", len(want))
	}
	// The unplaced event must travel too: show it in a second pass.
	all := d.Apply(Filter{})
	for _, f := range []Format{CSV, GeoJSON, KML} {
		for _, c := range []struct {
			mask Mask
			want int
		}{{m, 7}, {all, 8}} {
			var b bytes.Buffer
			if err := Export(&b, f, []*Dataset{d}, []Mask{c.mask}); err != nil {
				t.Fatal(err)
			}
			back, err := Load(context.Background(), Bytes{Title: "events." + string(f), Data: b.Bytes()}, Options{}, nil)
			if err != nil {
				t.Fatalf("%s: %v\n%s", f, err, b.String())
			}
			if back.Len() != c.want {
				t.Fatalf("%s: read back %d events, want %d:\n%s", f, back.Len(), c.want, b.String())
			}
			if back.Frame.Source.Format != string(f) {
				t.Errorf("%s: read back as %s", f, back.Frame.Source.Format)
			}
			sameEvents(t, string(f), d, c.mask, back)
			if p := back.Frame.Text(int(back.Index.Row[0]), back.Frame.Col("precision")); p != "year" {
				t.Errorf("%s: the first event's precision column says %q, want year", f, p)
			}
			if r := back.Mapping.RoleOf("precision"); r != "" {
				t.Errorf("%s: the precision column reads back as %s", f, r)
			}
		}
	}
}

// sameEvents checks that back holds the events m shows of d, in order.
func sameEvents(t *testing.T, what string, d *Dataset, m Mask, back *Dataset) {
	t.Helper()
	k := 0
	for i := range d.Len() {
		if !m.IsShown(i) {
			continue
		}
		if got, w := back.Index.StartTime(k), d.Index.StartTime(i); got != w {
			t.Errorf("%s: event %d starts %v, want %v", what, k, got, w)
		}
		if got, w := back.Index.EndTime(k), d.Index.EndTime(i); got != w {
			t.Errorf("%s: event %d ends %v, want %v", what, k, got, w)
		}
		if back.Index.IsLocated(k) != d.Index.IsLocated(i) || (d.Index.IsLocated(i) && (back.Index.Lat[k] != d.Index.Lat[i] || back.Index.Lon[k] != d.Index.Lon[i])) {
			t.Errorf("%s: event %d at %v, %v; want %v, %v", what, k, back.Index.Lat[k], back.Index.Lon[k], d.Index.Lat[i], d.Index.Lon[i])
		}
		for _, r := range []events.Role{events.Title, events.Category, events.Source, events.Place, events.Description} {
			if got, w := back.Text(k, r), d.Text(i, r); got != w {
				t.Errorf("%s: event %d %s %q, want %q", what, k, r, got, w)
			}
		}
		if got, w := actorsOf(back, k), actorsOf(d, i); !slices.Equal(got, w) {
			t.Errorf("%s: event %d actors %q, want %q", what, k, got, w)
		}
		row := back.Frame.Text(int(back.Index.Row[k]), back.Frame.Col("data_row"))
		if row != strconv.Itoa(int(d.Index.Row[i])+1) || back.Frame.Text(int(back.Index.Row[k]), back.Frame.Col("data_file")) != d.Name {
			t.Errorf("%s: event %d from row %s, want %d of %s", what, k, row, d.Index.Row[i]+1, d.Name)
		}
		k++
	}
}

func actorsOf(d *Dataset, i int) []string {
	var out []string
	for _, c := range d.Mapping.Get(events.Actor) {
		if v := d.Frame.Text(int(d.Index.Row[i]), d.Frame.Col(c)); v != "" {
			out = append(out, v)
		}
	}
	return out
}

func TestFormatOf(t *testing.T) {
	for path, want := range map[string]Format{"a.csv": CSV, "b.GeoJSON": GeoJSON, "c.json": GeoJSON, "d.kml": KML} {
		if f, err := FormatOf(path); f != want || err != nil {
			t.Errorf("FormatOf(%q) = %q, %v", path, f, err)
		}
	}
	if _, err := FormatOf("e.png"); err == nil || !strings.Contains(err.Error(), "e.png") {
		t.Errorf("FormatOf(e.png): %v", err)
	}
}
