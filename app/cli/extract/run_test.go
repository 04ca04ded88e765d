package extract

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

func run(stdin string, args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := Run(args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

const berlinReport = "Berlin, 14. März 2024 – Bundeskanzler Olaf Scholz hat am Donnerstag in Berlin den armenischen Regierungschef Nikol Paschinjan empfangen. " +
	"Am kommenden Montag soll Paschinjan in Brüssel mit Vertretern der Europäischen Union zusammenkommen. Im Januar 2024 hatte er Paris besucht."

// The JSON is an array of objects with exactly DESIGN.md's fields, start
// cut to its precision, the sentence found at its offset.
func TestJSONShape(t *testing.T) {
	code, out, errs := run(berlinReport, "--json", "-")
	if code != 0 {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	var got []map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("not a JSON array of objects: %v\n%s", err, out)
	}
	keys := []string{"start", "end", "precision", "place", "lat", "lon", "country", "actors", "title", "sentence", "offset", "confidence", "why"}
	sort.Strings(keys)
	for i, o := range got {
		var have []string
		for k := range o {
			have = append(have, k)
		}
		sort.Strings(have)
		if strings.Join(have, ",") != strings.Join(keys, ",") {
			t.Errorf("object %d has keys %v, want %v", i, have, keys)
		}
	}
	var events []struct {
		Start, Precision, Title, Sentence, Why string
		End, Place, Country                    *string
		Lat, Lon                               *float64
		Offset                                 int
		Confidence                             float64
		Actors                                 []struct {
			Name    string
			Country *string
		}
	}
	if err := json.Unmarshal([]byte(out), &events); err != nil {
		t.Fatal(err)
	}
	want := []struct{ start, precision, place, country string }{
		{"2024-03-14", "day", "Berlin", "DE"},
		{"2024-03-18", "day", "Brussels", "BE"},
		{"2024-01", "month", "Paris", "FR"},
	}
	if len(events) != len(want) {
		t.Fatalf("%d events, want %d:\n%s", len(events), len(want), out)
	}
	for i, w := range want {
		e := events[i]
		if e.Start != w.start || e.Precision != w.precision || e.Place == nil || *e.Place != w.place || e.Country == nil || *e.Country != w.country || e.End != nil {
			t.Errorf("event %d: %s %s at %v %v (end %v), want %s %s at %s %s", i, e.Start, e.Precision, e.Place, e.Country, e.End, w.start, w.precision, w.place, w.country)
		}
		if e.Lat == nil || e.Lon == nil || e.Confidence <= 0 || e.Confidence > 1 || e.Title == "" || !strings.Contains(e.Why, "date: ") {
			t.Errorf("event %d lacks coordinates, confidence, title or why: %+v", i, e)
		}
		if e.Offset < 0 || e.Offset+len(e.Sentence) > len(berlinReport) || berlinReport[e.Offset:e.Offset+len(e.Sentence)] != e.Sentence {
			t.Errorf("event %d: sentence %q is not at offset %d", i, e.Sentence, e.Offset)
		}
	}
	if !strings.Contains(events[1].Why, "planned") {
		t.Errorf("the Monday meeting's why does not say it is planned: %s", events[1].Why)
	}
	found := false
	for _, a := range events[0].Actors {
		if strings.Contains(a.Name, "Nikol Paschinjan") && a.Country != nil && *a.Country == "AM" {
			found = true
		}
	}
	if !found {
		t.Errorf("actors of the first event lack Paschinjan linked to Armenia: %+v", events[0].Actors)
	}
}

// A span has an end; a report without dated events gives an empty array.
func TestJSONEndAndEmpty(t *testing.T) {
	code, out, _ := run("Vom 3. bis 5. Oktober 2023 fand in Kasan ein Treffen statt.", "--json", "--lang", "de", "-")
	if code != 0 || !strings.Contains(out, `"start": "2023-10-03"`) || !strings.Contains(out, `"end": "2023-10-05"`) {
		t.Errorf("exit %d:\n%s", code, out)
	}
	code, out, _ = run("Nothing happened here.", "--json", "-")
	if code != 0 || strings.TrimSpace(out) != "[]" {
		t.Errorf("a report without events gives exit %d, %q; want 0, []", code, out)
	}
}

// Without --json, a table a person reads, and why by number.
func TestText(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "report.txt")
	if err := os.WriteFile(path, []byte(berlinReport), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs := run("", path)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"DATE", "PLACE", "2024-03-18 (planned)", "Brussels", "2024-01 ", "1. date: „am Donnerstag“"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

// The --date flag is the report's date: a weekday counts from it.
func TestDateFlag(t *testing.T) {
	_, out, _ := run("Protesters gathered in Tbilisi on Sunday.", "--json", "--date", "2024-04-29", "-")
	if !strings.Contains(out, `"start": "2024-04-28"`) {
		t.Errorf("with --date 2024-04-29, Sunday is not 2024-04-28:\n%s", out)
	}
}

// Exit status as inspect's: 1 with one line when the file cannot be
// read, 2 for a wrong command line.
func TestExitStatus(t *testing.T) {
	dir := t.TempDir()
	pdf := filepath.Join(dir, "scan.pdf")
	os.WriteFile(pdf, []byte("%PDF-1.4 ..."), 0o644)
	for _, tc := range []struct {
		args []string
		code int
		says string
	}{
		{[]string{filepath.Join(dir, "missing.txt")}, 1, "no such file"},
		{[]string{pdf}, 1, "is a PDF document"},
		{[]string{}, 2, "usage: chronomap extract"},
		{[]string{"a.txt", "b.txt"}, 2, "one report at a time"},
		{[]string{"--lang", "fr", "-"}, 2, "--lang"},
		{[]string{"--date", "7.11.2023", "-"}, 2, "YYYY-MM-DD"},
		{[]string{"--colour", "-"}, 2, "flag provided but not defined"},
	} {
		code, _, errs := run("", tc.args...)
		if code != tc.code || !strings.Contains(errs, tc.says) {
			t.Errorf("extract %q: exit %d, stderr %q; want %d saying %q", tc.args, code, errs, tc.code, tc.says)
		}
		if tc.code == 1 && strings.Count(strings.TrimSpace(errs), "\n") != 0 {
			t.Errorf("extract %q: stderr is more than one line: %q", tc.args, errs)
		}
	}
}
