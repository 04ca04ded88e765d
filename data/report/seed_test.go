package report

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"chronomap/assets"
)

// sharedFile finds a file of the project's shared folder, which sits
// beside the checkout (../shared) and is not part of it: it walks up from
// the package's folder, so that worktrees find it too.
func sharedFile(t *testing.T, name string) []byte {
	t.Helper()
	dir, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	for {
		b, err := os.ReadFile(filepath.Join(dir, "shared", name))
		if err == nil {
			return b
		}
		up := filepath.Dir(dir)
		if up == dir {
			t.Skipf("no shared/%s beside the checkout: the seed article is not here", name)
		}
		dir = up
	}
}

// The seed article gives the bundled sample's events: each sample row's
// date (a day, a range, a month) and place (within 25 km), and no other
// event. The article has no year; the ISW assessment it summarises is
// dated 7 November 2023, which the analyst gives as --date.
func TestSeedArticleGivesTheSample(t *testing.T) {
	text := sharedFile(t, "seed/article-de.txt")
	_, sample := assets.Sample()
	rows, err := csv.NewReader(bytes.NewReader(sample)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, name := range rows[0] {
		col[name] = i
	}
	got := Extract(string(text), Options{Lang: German, Date: time.Date(2023, 11, 7, 0, 0, 0, 0, time.UTC)})
	used := make([]bool, len(got))
	for _, row := range rows[1:] {
		lat, _ := strconv.ParseFloat(row[col["lat"]], 64)
		lon, _ := strconv.ParseFloat(row[col["lon"]], 64)
		hit := -1
		for i, p := range got {
			if !used[i] && p.When.String() == row[col["date"]] && p.Place.Country == row[col["country"]] &&
				distanceKm(p.Place.Lat, p.Place.Lon, lat, lon) <= 25 {
				hit = i
				break
			}
		}
		if hit < 0 {
			t.Errorf("%s (%s, %s at %s): no proposal with its date and place", row[col["id"]], row[col["title"]], row[col["date"]], row[col["place"]])
			continue
		}
		used[hit] = true
		if got[hit].Why.Date == "" || got[hit].Why.Place == "" || got[hit].Title == "" || got[hit].Sentence == "" {
			t.Errorf("%s: proposal lacks a title, sentence or why: %+v", row[col["id"]], got[hit])
		}
	}
	for i, p := range got {
		if !used[i] {
			t.Errorf("a proposal the sample does not have: %s at %s (%q; why: %s)", p.When, p.Place.Name, p.Title, p.Why)
		}
	}
}
