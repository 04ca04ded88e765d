package dataset

import (
	"bytes"
	"context"
	"slices"
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
