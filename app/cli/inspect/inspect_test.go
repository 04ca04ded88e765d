package inspect

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"chronomap/data/dates"
	"chronomap/data/frame"
)

// presetCase is a preset fixture of data/frame/testdata and what inspect
// must report on it. The counts are those of presetFixtures in
// data/frame/preset_test.go, checked by hand against the files.
type presetCase struct {
	file                  string
	preset                string
	rows, events, located int
	min, max              string
	reasons               map[string]int
}

var presetCases = []presetCase{
	{"preset_acled.csv", "acled", 13, 12, 11, "2020-03-02T00:00:00Z", "2020-03-31T00:00:00Z",
		map[string]int{"unparseable date": 1, "coordinates out of range": 1}},
	// Events with no place (ActionGeo_Type 0) are counted, each listed.
	{"preset_gdelt2.export.CSV", "gdelt2", 12, 12, 10, "2022-11-07T00:00:00Z", "2023-11-07T00:00:00Z", map[string]int{"no place": 2}},
	{"preset_gdelt1.export.CSV", "gdelt1", 10, 10, 9, "2013-07-15T00:00:00Z", "2013-08-15T00:00:00Z", map[string]int{"no place": 1}},
	// The USGS feed writes milliseconds (01:06:12.090Z); events are kept
	// to the second, so inspect reports the second they fall in.
	{"preset_usgs.csv", "usgs", 14, 14, 14, "2023-11-01T01:06:12Z", "2023-11-07T23:48:05Z", nil},
	{"preset_ucdp.csv", "ucdp", 10, 10, 10, "2019-03-17T00:00:00Z", "2019-12-31T00:00:00Z", nil},
	// 509 BC is astronomical year -508.
	{"preset_timelinejs.csv", "timelinejs", 13, 12, 0, "-0508-01-01T00:00:00Z", "1972-01-01T00:00:00Z",
		map[string]int{"no date": 1}},
}

const frameTestdata = "../../../data/frame/testdata/"

func TestFilePresets(t *testing.T) {
	for _, c := range presetCases {
		t.Run(c.file, func(t *testing.T) {
			r, err := File(frameTestdata+c.file, frame.Options{}, nil, dates.Unknown)
			if err != nil {
				t.Fatal(err)
			}
			if r.Preset != c.preset {
				t.Errorf("preset = %q, want %q", r.Preset, c.preset)
			}
			wantCounts(t, r, c.rows, c.events, c.located, c.min, c.max)
			wantReasons(t, r, c.reasons)
		})
	}
}

// wantCounts checks a report's counts and time span.
func wantCounts(t *testing.T, r Report, rows, events, located int, min, max string) {
	t.Helper()
	if r.Rows != rows || r.Events != events || r.Located != located || r.Geocoded != 0 {
		t.Errorf("rows %d, events %d, located %d, geocoded %d; want %d, %d, %d, 0",
			r.Rows, r.Events, r.Located, r.Geocoded, rows, events, located)
	}
	if r.Time == nil {
		t.Fatalf("no time span, want %s … %s", min, max)
	}
	if r.Time.Min != min || r.Time.Max != max {
		t.Errorf("time %s … %s, want %s … %s", r.Time.Min, r.Time.Max, min, max)
	}
}

// wantReasons checks the problem counts by reason, and that the listed
// problems add up to them.
func wantReasons(t *testing.T, r Report, want map[string]int) {
	t.Helper()
	if want == nil {
		want = map[string]int{}
	}
	if !reflect.DeepEqual(r.Problems.ByReason, want) {
		t.Errorf("problems by reason = %v, want %v", r.Problems.ByReason, want)
	}
	total := 0
	for _, n := range want {
		total += n
	}
	if r.Problems.Total != total {
		t.Errorf("problems total = %d, want %d", r.Problems.Total, total)
	}
	if total <= firstProblems && len(r.Problems.First) != total {
		t.Errorf("%d problems listed, want all %d", len(r.Problems.First), total)
	}
}

// problem finds the listed problem of a row and reason.
func problem(r Report, row int, reason string) (ProblemListing, bool) {
	for _, p := range r.Problems.First {
		if p.Row == row && p.Reason == reason {
			return p, true
		}
	}
	return ProblemListing{}, false
}

func TestFileACLEDProblemsSayWhichRows(t *testing.T) {
	r, err := File(frameTestdata+"preset_acled.csv", frame.Options{}, nil, dates.Unknown)
	if err != nil {
		t.Fatal(err)
	}
	p, ok := problem(r, 5, "unparseable date")
	if !ok || p.Column != "event_date" || p.Value != "n/a" {
		t.Errorf("row 5: %+v, want event_date \"n/a\" unparseable date (problems %+v)", p, r.Problems.First)
	}
	p, ok = problem(r, 8, "coordinates out of range")
	if !ok || p.Column != "latitude" || p.Value != "123.4" || !strings.Contains(p.Detail, "not placed") {
		t.Errorf("row 8: %+v, want latitude \"123.4\" coordinates out of range", p)
	}
}

// sharedFixture returns the path of a file of ../shared/fixtures, or
// skips the test when the checkout has none.
func sharedFixture(t *testing.T, name string) string {
	t.Helper()
	path := "../../../../shared/fixtures/" + name
	if _, err := os.Stat(path); err != nil {
		t.Skipf("%s: %v (the shared fixtures are not part of a clone)", name, err)
	}
	return path
}

func TestFileWomenInComputing(t *testing.T) {
	path := sharedFixture(t, "timelinejs_women_in_computing.csv")
	r, err := File(path, frame.Options{}, nil, dates.Unknown)
	if err != nil {
		t.Fatal(err)
	}
	if r.Preset != "timelinejs" {
		t.Errorf("preset = %q, want timelinejs", r.Preset)
	}
	// 11 records, 10 dated from 1815-12-10 to 1985 (a year: its start).
	wantCounts(t, r, 11, 10, 0, "1815-12-10T00:00:00Z", "1985-01-01T00:00:00Z")
	wantReasons(t, r, map[string]int{"no date": 1})
	// The left-out row is the title slide, the first data row.
	p, ok := problem(r, 1, "no date")
	if !ok || p.Column != "Year" || p.Value != "" || !strings.Contains(p.Detail, "not on the timeline") {
		t.Errorf("problems %+v, want row 1, column Year: no date, not on the timeline", r.Problems.First)
	}
}

func TestFileUSGSGeoJSON(t *testing.T) {
	path := sharedFixture(t, "usgs_significant_month_2013-07.geojson")
	r, err := File(path, frame.Options{}, nil, dates.Unknown)
	if err != nil {
		t.Fatal(err)
	}
	if r.Format != "geojson" {
		t.Errorf("format = %q, want geojson", r.Format)
	}
	// Epoch milliseconds 1372750622900 … 1374450356960.
	wantCounts(t, r, 6, 6, 6, "2013-07-02T07:37:02Z", "2013-07-21T23:45:56Z")
	wantReasons(t, r, nil)
	roles := map[string]string{}
	for _, c := range r.Columns {
		roles[c.Name] = c.Role
	}
	for col, role := range map[string]string{"time": "start", "lat": "lat", "lon": "lon", "url": "url", "detail": ""} {
		if roles[col] != role {
			t.Errorf("column %q plays %q, want %q", col, roles[col], role)
		}
	}
}

func TestFileOverrides(t *testing.T) {
	r, err := File("testdata/two_dates.csv", frame.Options{}, nil, dates.Unknown)
	if err != nil {
		t.Fatal(err)
	}
	wantCounts(t, r, 4, 2, 2, "2023-11-03T00:00:00Z", "2023-11-07T00:00:00Z")
	wantReasons(t, r, map[string]int{"no date": 1, "unparseable date": 1, "coordinates out of range": 1})

	r, err = File("testdata/two_dates.csv", frame.Options{}, []string{"start=reported", "lat="}, dates.Unknown)
	if err != nil {
		t.Fatal(err)
	}
	wantCounts(t, r, 4, 4, 0, "2023-11-04T00:00:00Z", "2023-11-10T00:00:00Z")
	wantReasons(t, r, nil)
	for _, c := range r.Columns {
		switch c.Name {
		case "reported":
			if c.Role != "start" || c.Type != "date" || c.Why != "set by you" {
				t.Errorf("reported: %+v, want the start set by you", c)
			}
		case "date", "lat":
			if c.Role != "" {
				t.Errorf("%s still plays %q", c.Name, c.Role)
			}
		}
	}

	_, err = File("testdata/two_dates.csv", frame.Options{}, []string{"start=when"}, dates.Unknown)
	if err == nil || !strings.Contains(err.Error(), `"when"`) || !strings.Contains(err.Error(), `"reported"`) {
		t.Errorf("unknown column: %v, want an error naming it and the columns", err)
	}
}

func TestFileBC(t *testing.T) {
	r, err := File("testdata/bc_years.csv", frame.Options{}, nil, dates.Unknown)
	if err != nil {
		t.Fatal(err)
	}
	wantCounts(t, r, 3, 3, 0, "-0508-01-01T00:00:00Z", "1985-01-01T00:00:00Z")
}

func TestFileUnreadable(t *testing.T) {
	dir := t.TempDir()
	empty := dir + "/empty.csv"
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{dir + "/missing.csv", dir, empty, frameTestdata + "json_truncated.json"} {
		_, err := File(path, frame.Options{}, nil, dates.Unknown)
		if err == nil {
			t.Errorf("File(%s) = nil error", path)
			continue
		}
		if msg := err.Error(); !strings.Contains(msg, path) || strings.Contains(msg, "\n") || strings.Contains(msg, "internal error") {
			t.Errorf("File(%s) = %q, want one line naming the file", path, msg)
		}
	}
}

// TestFileNeverFails reads every frame fixture: each is either read or
// refused with an error, never an internal one.
func TestFileNeverFails(t *testing.T) {
	entries, err := os.ReadDir(frameTestdata)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) == 0 {
		t.Fatal("no fixtures")
	}
	for _, e := range entries {
		path := frameTestdata + e.Name()
		r, err := File(path, frame.Options{}, nil, dates.Unknown)
		if err != nil {
			if strings.Contains(err.Error(), "internal error") {
				t.Errorf("%s: %v", e.Name(), err)
			}
			continue
		}
		checkReport(t, path, r)
	}
}

// checkReport checks what holds for every report.
func checkReport(t *testing.T, name string, r Report) {
	t.Helper()
	if r.Events > r.Rows || r.Located > r.Events || r.Events < 0 {
		t.Errorf("%s: %d rows, %d events, %d located", name, r.Rows, r.Events, r.Located)
	}
	if (r.Time != nil) != (r.Events > 0) {
		t.Errorf("%s: time %v with %d events", name, r.Time, r.Events)
	}
	n := 0
	for _, k := range r.Problems.ByReason {
		n += k
	}
	if n != r.Problems.Total || len(r.Problems.First) > min(n, firstProblems) {
		t.Errorf("%s: problems total %d, by reason %d, listed %d", name, r.Problems.Total, n, len(r.Problems.First))
	}
	for _, p := range r.Problems.First {
		if p.Reason == "" || p.Row < 0 || p.Row > r.Rows {
			t.Errorf("%s: problem %+v", name, p)
		}
	}
}

// TestFileMissing checks that a file that is not there is one sentence
// naming it, whose cause errors.Is can tell, and that the command prints
// that sentence alone.
func TestFileMissing(t *testing.T) {
	path := filepath.Join(t.TempDir(), "gone.csv")
	_, err := File(path, frame.Options{}, nil, dates.Unknown)
	if !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("errors.Is(%v, fs.ErrNotExist) is false", err)
	}
	want := "cannot read " + path + ": no such file or directory"
	if err == nil || err.Error() != want {
		t.Errorf("error %v, want %q", err, want)
	}
	if code, _, errs := run(path); code != 1 || errs != "chronomap: "+want+"\n" {
		t.Errorf("inspect %s: exit %d, stderr %q; want 1 and %q", path, code, errs, want)
	}
}
