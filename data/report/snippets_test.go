package report

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"chronomap/data/places"
)

// snippet is one report of testdata/snippets: its text, the options a
// reader would have (the language, the report's date when the text does
// not carry it) and the events a careful analyst takes from it.
type snippet struct {
	file string
	lang string
	date time.Time
	text string
	want []wantEvent
}

// wantEvent is one expected event: its date as ISO 8601 cut to its
// precision ("2024-01", "2023-11-03/2023-11-07") and its place as "Name,
// CC" ("-" for none).
type wantEvent struct {
	when, place, country string
	planned              bool
}

// readSnippets reads the *.txt of a folder of snippets: header lines "lang: de",
// "date: 2024-03-15" and "want: DATE | PLACE, CC [| planned]", a line
// "====", then the report's text.
func readSnippets(t testing.TB, dir string) []snippet {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no snippets in %s: %v", dir, err)
	}
	var out []snippet
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		head, text, ok := strings.Cut(string(b), "\n====\n")
		if !ok {
			t.Fatalf("%s: no ==== line between the header and the text", f)
		}
		s := snippet{file: filepath.Base(f), text: text}
		for _, line := range strings.Split(head, "\n") {
			key, val, _ := strings.Cut(line, ":")
			val = strings.TrimSpace(val)
			switch key {
			case "lang":
				s.lang = val
			case "date":
				if s.date, err = time.Parse("2006-01-02", val); err != nil {
					t.Fatalf("%s: date %q: %v", f, val, err)
				}
			case "want":
				parts := strings.Split(val, "|")
				if len(parts) < 2 {
					t.Fatalf("%s: want %q: write DATE | PLACE, CC", f, val)
				}
				w := wantEvent{when: strings.TrimSpace(parts[0])}
				pl := strings.TrimSpace(parts[1])
				if pl != "-" {
					i := strings.LastIndex(pl, ",")
					if i < 0 {
						t.Fatalf("%s: want %q: write the place as Name, CC", f, val)
					}
					w.place, w.country = strings.TrimSpace(pl[:i]), strings.TrimSpace(pl[i+1:])
				}
				w.planned = len(parts) > 2 && strings.TrimSpace(parts[2]) == "planned"
				s.want = append(s.want, w)
			case "":
			default:
				t.Fatalf("%s: unknown header %q", f, key)
			}
		}
		out = append(out, s)
	}
	return out
}

// samePlace reports whether a proposed place is the expected one: the
// same country, and the same name or within 25 km of where the gazetteer
// puts the expected name.
func samePlace(p places.Place, name, country string) bool {
	if name == "" {
		return p.Name == ""
	}
	if p.Country != country {
		return false
	}
	if places.Fold(p.Name) == places.Fold(name) {
		return true
	}
	m, err := places.Geocode(name, country)
	return err == nil && distanceKm(p.Lat, p.Lon, m.Lat, m.Lon) <= 25
}

func distanceKm(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371.0088
	rad := math.Pi / 180
	dLat, dLon := (lat2-lat1)*rad, (lon2-lon1)*rad
	a := math.Sin(dLat/2)*math.Sin(dLat/2) + math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Sin(dLon/2)*math.Sin(dLon/2)
	return 2 * r * math.Asin(math.Sqrt(a))
}

// score matches proposals to expected events one to one, an expected
// event matched when a proposal has its date and its place.
func score(s snippet, got []Proposal) (tp int, misses, extras []string, plannedWrong []string) {
	used := make([]bool, len(got))
	for _, w := range s.want {
		hit := -1
		for i, p := range got {
			if !used[i] && p.When.String() == w.when && samePlace(p.Place, w.place, w.country) {
				hit = i
				break
			}
		}
		if hit < 0 {
			misses = append(misses, fmt.Sprintf("%s: missed %s | %s, %s", s.file, w.when, w.place, w.country))
			continue
		}
		used[hit] = true
		tp++
		if got[hit].Planned != w.planned {
			plannedWrong = append(plannedWrong, fmt.Sprintf("%s: %s | %s planned=%v, want %v", s.file, w.when, w.place, got[hit].Planned, w.planned))
		}
	}
	for i, p := range got {
		if !used[i] {
			extras = append(extras, fmt.Sprintf("%s: extra %s | %s, %s (%q; why: %s)", s.file, p.When, p.Place.Name, p.Place.Country, p.Title, p.Why))
		}
	}
	return tp, misses, extras, plannedWrong
}

// TestSnippets scores Extract on the test set: precision, recall and F1
// over events whose date and place are both right. It fails below 0.9 F1
// and prints every miss and every event proposed that an analyst would
// not take.
func TestSnippets(t *testing.T) {
	snips := readSnippets(t, "testdata/snippets")
	de, en := 0, 0
	for _, s := range snips {
		switch s.lang {
		case German:
			de++
		case English:
			en++
		}
	}
	if len(snips) < 30 || de < 15 || en < 15 {
		t.Fatalf("%d snippets (%d German, %d English): the set needs at least 30, half in each language", len(snips), de, en)
	}
	f1, planned := scoreSet(t, snips)
	if f1 < 0.9 {
		t.Errorf("F1 %.3f is below 0.9", f1)
	}
	if planned > 0 {
		t.Errorf("%d events marked planned or not wrongly", planned)
	}
}

// TestHoldout scores Extract on snippets written after its rules, whose
// expected events were set down before Extract first read them: how the
// rules carry to reports they were not made on. Their score is reported;
// the test fails only below 0.6, so that a rule that breaks much shows.
func TestHoldout(t *testing.T) {
	f1, _ := scoreSet(t, readSnippets(t, "testdata/holdout"))
	if f1 < 0.6 {
		t.Errorf("F1 %.3f on the held-out snippets is below 0.6", f1)
	}
}

// scoreSet extracts the events of every snippet, logs the misses, the
// extras and the totals, and returns F1 and how many planned marks were
// wrong.
func scoreSet(t *testing.T, snips []snippet) (float64, int) {
	t.Helper()
	var tp, fn, fp int
	var notes, planned []string
	for _, s := range snips {
		got := Extract(s.text, Options{Lang: s.lang, Date: s.date})
		n, misses, extras, pw := score(s, got)
		tp += n
		fn += len(misses)
		fp += len(extras)
		notes = append(notes, misses...)
		notes = append(notes, extras...)
		planned = append(planned, pw...)
	}
	precision := float64(tp) / float64(max(tp+fp, 1))
	recall := float64(tp) / float64(max(tp+fn, 1))
	f1 := 0.0
	if precision+recall > 0 {
		f1 = 2 * precision * recall / (precision + recall)
	}
	sort.Strings(notes)
	for _, n := range notes {
		t.Log(n)
	}
	for _, n := range planned {
		t.Log("planned: " + n)
	}
	t.Logf("%d snippets, %d events expected: precision %.3f, recall %.3f, F1 %.3f (%d right, %d missed, %d extra; %d planned marks wrong)",
		len(snips), tp+fn, precision, recall, f1, tp, fn, fp, len(planned))
	return f1, len(planned)
}
