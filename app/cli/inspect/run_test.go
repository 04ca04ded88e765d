package inspect

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// run runs the command and returns its exit code, stdout and stderr.
func run(args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := Run(args, &out, &errb)
	return code, out.String(), errb.String()
}

// runJSON runs the command with --json and decodes its output as generic
// JSON, as a tool reading it would.
func runJSON(t *testing.T, args ...string) []map[string]any {
	t.Helper()
	code, out, errs := run(args...)
	if code != 0 {
		t.Fatalf("inspect %q: exit %d, stderr %q", args, code, errs)
	}
	var v any
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatalf("inspect %q: output is not JSON: %v\n%s", args, err, out)
	}
	arr, ok := v.([]any)
	if !ok {
		t.Fatalf("inspect %q: output is %T, want an array", args, v)
	}
	var objs []map[string]any
	for i, e := range arr {
		o, ok := e.(map[string]any)
		if !ok {
			t.Fatalf("element %d is %T, want an object", i, e)
		}
		objs = append(objs, o)
	}
	return objs
}

// isoUTC is an ISO 8601 UTC timestamp; years before 1 carry a sign and
// four digits.
var isoUTC = regexp.MustCompile(`^(-\d{4}|\d{4}|\+\d{5,})-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$`)

// wantKeys checks an object has the keys of DESIGN.md's contract, each of
// the JSON kind given ("string", "number", "array", "object"); other keys
// are allowed.
func wantKeys(t *testing.T, where string, o map[string]any, keys map[string]string) {
	t.Helper()
	for k, kind := range keys {
		v, ok := o[k]
		if !ok {
			t.Errorf("%s: no key %q (keys %v)", where, k, keysOf(o))
			continue
		}
		var got string
		switch v.(type) {
		case string:
			got = "string"
		case float64:
			got = "number"
		case []any:
			got = "array"
		case map[string]any:
			got = "object"
		case nil:
			got = "null"
		}
		if got != kind {
			t.Errorf("%s: %q is %s (%v), want %s", where, k, got, v, kind)
		}
	}
}

func keysOf(o map[string]any) []string {
	var ks []string
	for k := range o {
		ks = append(ks, k)
	}
	return ks
}

func TestRunJSONContract(t *testing.T) {
	objs := runJSON(t, "--json", frameTestdata+"preset_acled.csv", "testdata/bc_years.csv")
	if len(objs) != 2 {
		t.Fatalf("%d objects, want one per file", len(objs))
	}
	for _, o := range objs {
		where, _ := o["file"].(string)
		wantKeys(t, where, o, map[string]string{
			"file": "string", "format": "string", "preset": "string", "encoding": "string", "delimiter": "string",
			"rows": "number", "events": "number", "located": "number", "geocoded": "number",
			"columns": "array", "time": "object", "problems": "object",
		})
		cols, _ := o["columns"].([]any)
		if len(cols) == 0 {
			t.Errorf("%s: no columns", where)
		}
		for i, c := range cols {
			c, _ := c.(map[string]any)
			wantKeys(t, where+" column", c, map[string]string{"name": "string", "type": "string", "role": "string"})
			if ty := c["type"]; ty != "date" && ty != "text" && ty != "integer" && ty != "number" {
				t.Errorf("%s: column %d type %v", where, i, ty)
			}
		}
		tm, _ := o["time"].(map[string]any)
		wantKeys(t, where+" time", tm, map[string]string{"min": "string", "max": "string"})
		for _, k := range []string{"min", "max"} {
			if s, _ := tm[k].(string); !isoUTC.MatchString(s) {
				t.Errorf("%s: time.%s = %q, not ISO 8601 UTC", where, k, s)
			}
		}
		pr, _ := o["problems"].(map[string]any)
		wantKeys(t, where+" problems", pr, map[string]string{"total": "number", "by_reason": "object", "first": "array"})
		first, _ := pr["first"].([]any)
		for _, p := range first {
			p, _ := p.(map[string]any)
			wantKeys(t, where+" problem", p, map[string]string{"row": "number", "column": "string", "value": "string", "reason": "string"})
		}
	}

	acled := objs[0]
	want := map[string]any{"file": frameTestdata + "preset_acled.csv", "format": "csv", "preset": "acled",
		"encoding": "utf-8", "delimiter": ",", "rows": 13.0, "events": 12.0, "located": 11.0, "geocoded": 0.0}
	for k, v := range want {
		if acled[k] != v {
			t.Errorf("acled %s = %v, want %v", k, acled[k], v)
		}
	}
	if tm := acled["time"].(map[string]any); tm["min"] != "2020-03-02T00:00:00Z" || tm["max"] != "2020-03-31T00:00:00Z" {
		t.Errorf("acled time = %v", tm)
	}
	pr := acled["problems"].(map[string]any)
	if pr["total"] != 2.0 {
		t.Errorf("acled problems total = %v, want 2", pr["total"])
	}
	if br := pr["by_reason"].(map[string]any); br["unparseable date"] != 1.0 || br["coordinates out of range"] != 1.0 {
		t.Errorf("acled by_reason = %v", br)
	}
	p := pr["first"].([]any)[0].(map[string]any)
	if p["row"] != 5.0 || p["column"] != "event_date" || p["value"] != "n/a" || p["reason"] != "unparseable date" {
		t.Errorf("acled first problem = %v", p)
	}
	var start string
	for _, c := range acled["columns"].([]any) {
		if c := c.(map[string]any); c["role"] == "start" {
			start, _ = c["name"].(string)
			if c["type"] != "date" {
				t.Errorf("start column type %v, want date", c["type"])
			}
		}
	}
	if start != "event_date" {
		t.Errorf("start column %q, want event_date", start)
	}

	// 509 BC is -0508, with its sign and four digits.
	bc := objs[1]
	if tm := bc["time"].(map[string]any); tm["min"] != "-0508-01-01T00:00:00Z" || tm["max"] != "1985-01-01T00:00:00Z" {
		t.Errorf("BC time = %v, want -0508-01-01T00:00:00Z … 1985-01-01T00:00:00Z", tm)
	}
	if pr := bc["problems"].(map[string]any); pr["total"] != 0.0 || len(pr["by_reason"].(map[string]any)) != 0 || len(pr["first"].([]any)) != 0 {
		t.Errorf("BC problems = %v, want none, as {} and []", pr)
	}
}

func TestRunMapAndFlagOrder(t *testing.T) {
	minOf := func(o map[string]any) any { return o["time"].(map[string]any)["min"] }
	plain := runJSON(t, "--json", "testdata/two_dates.csv")
	if got := minOf(plain[0]); got != "2023-11-03T00:00:00Z" {
		t.Fatalf("min = %v", got)
	}
	for _, args := range [][]string{
		{"--json", "--map", "start=reported", "testdata/two_dates.csv"},
		{"testdata/two_dates.csv", "--json", "--map", "start=reported"},
		{"--map=start=reported", "testdata/two_dates.csv", "-json"},
	} {
		objs := runJSON(t, args...)
		if len(objs) != 1 {
			t.Errorf("%q: %d objects", args, len(objs))
			continue
		}
		if got := minOf(objs[0]); got != "2023-11-04T00:00:00Z" {
			t.Errorf("%q: min = %v, want the reported dates' 2023-11-04T00:00:00Z", args, got)
		}
		if objs[0]["events"] != 4.0 {
			t.Errorf("%q: events = %v, want 4", args, objs[0]["events"])
		}
	}

	// Text output without --json, flags after the file.
	code, out, _ := run("testdata/two_dates.csv", "--map", "start=reported")
	if code != 0 || strings.HasPrefix(out, "[") || !strings.Contains(out, "4 events") {
		t.Errorf("text output: exit %d\n%s", code, out)
	}
}

func TestRunExitCodes(t *testing.T) {
	dir := t.TempDir()
	empty := dir + "/empty.csv"
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	// Row problems are listed, not fatal.
	if code, _, errs := run("--json", frameTestdata+"preset_acled.csv"); code != 0 || errs != "" {
		t.Errorf("file with row problems: exit %d, stderr %q; want 0 and nothing", code, errs)
	}
	for _, path := range []string{dir + "/missing.csv", dir, empty} {
		code, out, errs := run("--json", path)
		if code != 1 {
			t.Errorf("%s: exit %d, want 1", path, code)
		}
		if strings.Count(errs, "\n") != 1 || !strings.HasSuffix(errs, "\n") || !strings.Contains(errs, path) {
			t.Errorf("%s: stderr %q, want one line naming the file", path, errs)
		}
		if strings.TrimSpace(out) != "[]" {
			t.Errorf("%s: stdout %q, want an empty array", path, out)
		}
	}
	// One unreadable file among readable ones: the others are reported.
	code, out, errs := run("--json", dir+"/missing.csv", "testdata/bc_years.csv")
	var arr []map[string]any
	if code != 1 || json.Unmarshal([]byte(out), &arr) != nil || len(arr) != 1 || strings.Count(errs, "\n") != 1 {
		t.Errorf("mixed: exit %d, stdout %q, stderr %q", code, out, errs)
	}
	// A wrong --map cannot be read either.
	if code, _, errs := run("--json", "--map", "start=nope", "testdata/two_dates.csv"); code != 1 || strings.Count(errs, "\n") != 1 || !strings.Contains(errs, `"nope"`) {
		t.Errorf("bad --map: exit %d, stderr %q", code, errs)
	}
	// No file, or an unknown flag: a usage error.
	for _, args := range [][]string{nil, {"--json"}, {"--frobnicate", "x.csv"}} {
		if code, _, errs := run(args...); code != 2 || !strings.Contains(errs, "usage") {
			t.Errorf("inspect %q: exit %d, stderr %q; want 2 and the usage", args, code, errs)
		}
	}
}

// TestRunDatesFlag checks that --dates reads a column whose day and month
// order no value settles, and that a wrong value is a usage error.
func TestRunDatesFlag(t *testing.T) {
	path := filepath.Join(t.TempDir(), "amb.csv")
	if err := os.WriteFile(path, []byte("title,date\na,04/05/2023\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for flag, want := range map[string]string{"dmy": "2023-05-04T00:00:00Z", "mdy": "2023-04-05T00:00:00Z"} {
		var out, errb bytes.Buffer
		if code := Run([]string{"--json", "--dates", flag, path}, &out, &errb); code != 0 {
			t.Fatalf("--dates %s: exit %d, %s", flag, code, errb.String())
		}
		var reps []Report
		if err := json.Unmarshal(out.Bytes(), &reps); err != nil {
			t.Fatal(err)
		}
		if reps[0].Events != 1 || reps[0].Time == nil || reps[0].Time.Min != want {
			t.Errorf("--dates %s: %d events, time %+v, want %s", flag, reps[0].Events, reps[0].Time, want)
		}
	}
	var out, errb bytes.Buffer
	if code := Run([]string{"--dates", "ymd", path}, &out, &errb); code != 2 {
		t.Errorf("--dates ymd: exit %d, want 2", code)
	}
}
