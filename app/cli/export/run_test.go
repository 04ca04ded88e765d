package export

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"chronomap/app/workspace"
	"chronomap/data/dataset"
)

// run runs the command and returns its exit code and what it wrote.
func run(argv ...string) (int, string, string) {
	var out, errs bytes.Buffer
	code := Run(argv, &out, &errs)
	return code, out.String(), errs.String()
}

func readBack(t *testing.T, path string) *dataset.Dataset {
	t.Helper()
	d, err := dataset.Load(context.Background(), dataset.File{Path: path}, dataset.Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestExportFiles writes thirteen battles from 509 BC to AD 507, one of
// them a range of years BC and one not placed, in each format: each
// reads back to the same thirteen, their years BC and precisions kept.
func TestExportFiles(t *testing.T) {
	src := readBack(t, "testdata/battles.csv")
	if src.Len() != 13 || src.Index.Located != 12 {
		t.Fatalf("fixture: %d events, %d placed", src.Len(), src.Index.Located)
	}
	for _, ext := range []string{".csv", ".geojson", ".kml"} {
		out := filepath.Join(t.TempDir(), "battles"+ext)
		code, stdout, stderr := run("--out", out, "testdata/battles.csv")
		if code != 0 || stderr != "" || !strings.HasPrefix(stdout, "13 events written to") {
			t.Fatalf("%s: exit %d, %q, %q", ext, code, stdout, stderr)
		}
		back := readBack(t, out)
		if back.Len() != 13 || back.Index.Located != 12 {
			t.Fatalf("%s: read back %d events, %d placed; want 13, 12", ext, back.Len(), back.Index.Located)
		}
		for i := range back.Len() {
			if got, want := back.Index.StartTime(i), src.Index.StartTime(i); got != want {
				t.Errorf("%s: event %d starts %s, want %s", ext, i, got, want)
			}
			if got, want := back.Index.EndTime(i), src.Index.EndTime(i); got != want {
				t.Errorf("%s: event %d ends %s, want %s", ext, i, got, want)
			}
			if back.Labels[i] != src.Labels[i] {
				t.Errorf("%s: event %d is %q, want %q", ext, i, back.Labels[i], src.Labels[i])
			}
		}
		if got := back.Index.StartTime(0).String(); got != "-0508" {
			t.Errorf("%s: the first battle starts %s, want -0508 (509 BC)", ext, got)
		}
	}
}

// TestExportWorkspace exports a workspace of two files, one switched off,
// through its filter: a search, a time window (the timeline's) and a map
// box. Only the events passing all of it are written.
func TestExportWorkspace(t *testing.T) {
	dir := t.TempDir()
	abs, _ := filepath.Abs("testdata/battles.csv")
	ws := &workspace.Workspace{Version: 1,
		Sources: []workspace.Source{{Path: abs}, {Path: abs, Hidden: true}},
		View: workspace.View{
			Filter: workspace.Filter{Query: "battle", Box: &[4]float64{0, 35, 20, 45}},
			// 500 BC to the end of AD 100: Lake Regillus to Actium (Zama
			// is in the box too, Pharsalus and Actium are not).
			Timeline: workspace.TimelineView{From: "-0499-01-01T00:00:00Z", To: "0101-01-01T00:00:00Z"}}}
	path := filepath.Join(dir, "rome.chronomap")
	if err := workspace.Save(path, ws); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "shown.geojson")
	code, stdout, stderr := run("--workspace", path, "--out", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	back := readBack(t, out)
	var got []string
	for i := range back.Len() {
		got = append(got, back.Labels[i])
	}
	want := []string{"Battle of Lake Regillus", "Battle of the Allia", "Battle of Cannae", "Battle of Zama"}
	if strings.Join(got, "; ") != strings.Join(want, "; ") {
		t.Errorf("exported %q, want %q (%s)", got, want, stdout)
	}
}

// TestExportRefuses checks the command line's errors: one sentence each,
// exit 2 for a wrong command line, 1 for a file that cannot be read.
func TestExportRefuses(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.csv")
	os.WriteFile(bad, []byte("\x89PNG\r\n"), 0o644)
	for _, c := range []struct {
		argv []string
		code int
		says string
	}{
		{[]string{"testdata/battles.csv"}, 2, "usage"},
		{[]string{"--out", filepath.Join(dir, "x.png"), "testdata/battles.csv"}, 2, ".csv, .geojson or .kml"},
		{[]string{"--out", filepath.Join(dir, "x.csv")}, 2, "give at least one file"},
		{[]string{"--out", filepath.Join(dir, "x.csv"), "--workspace", "w.chronomap", "testdata/battles.csv"}, 2, "not both"},
		{[]string{"--out", filepath.Join(dir, "x.csv"), "nosuch.csv"}, 1, "nosuch.csv"},
		{[]string{"--out", filepath.Join(dir, "x.csv"), bad}, 1, "bad.csv"},
		{[]string{"--out", filepath.Join(dir, "no", "such", "x.csv"), "testdata/battles.csv"}, 1, "cannot write"},
	} {
		code, _, stderr := run(c.argv...)
		if code != c.code || !strings.Contains(stderr, c.says) {
			t.Errorf("%q: exit %d, %q; want %d saying %q", c.argv, code, stderr, c.code, c.says)
		}
		if c.code == 1 && strings.Count(strings.TrimSpace(stderr), "\n") > 0 {
			t.Errorf("%q: more than one line: %q", c.argv, stderr)
		}
	}
}
