package workspace

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// touch makes a file (and its folders) so that a source can point at it.
func touch(t testing.TB, path string) string {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte("date,place\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// full returns a workspace with every field set, its sources in dir.
func full(t testing.TB, dir string) *Workspace {
	t.Helper()
	return &Workspace{
		Version: FormatVersion,
		Sources: []Source{
			{
				Path: touch(t, filepath.Join(dir, "data", "acled.csv")), Title: "ACLED Sudan", Format: "csv",
				Mapping: Mapping{
					Roles:     map[string][]string{"start": {"event_date"}, "lat": {"latitude"}, "lon": {"longitude"}, "actor": {"actor1", "actor2"}},
					Why:       map[string]string{"start": "ACLED preset"},
					DateOrder: DayFirst,
				},
				Colour: "#1f77b4",
			},
			{
				Path: touch(t, filepath.Join(dir, "Ereignisse & Orte.xlsx")), Title: "Chronik «Nord»", Sheet: "Tabelle 2", Format: "xlsx",
				Mapping: Mapping{Roles: map[string][]string{"start": {"Jahr", "Monat", "Tag"}, "place": {"Ort"}}},
				Colour:  "#FF7F0E", Hidden: true,
			},
		},
		View: View{
			Filter: Filter{
				Query: "Chartum", From: "-0508", To: "2023-11",
				HiddenCategories: []string{"Protests", "Riots"}, LocatedOnly: true,
				Box: &[4]float64{21.8, 8.7, 38.6, 22.2},
			},
			Map:       MapView{Projection: "Equal Earth", Center: [2]float64{30.2, 15.5}, Zoom: 6.25},
			Timeline:  TimelineView{From: "2023-04-15T00:00:00Z", To: "2023-06-01T12:30:05Z", Collapsed: []string{"Battles"}},
			Selection: &Selection{Source: 1, Row: 41},
		},
		Theme: ThemeDark,
		Scenes: []Scene{
			{Title: "Fighting reaches Khartoum", Notes: "Speaker notes,\nover two lines — with an en dash.",
				View: View{Filter: Filter{From: "2023-04-15", To: "2023-04-30"}, Map: MapView{Center: [2]float64{32.5, 15.6}, Zoom: 40},
					Timeline: TimelineView{From: "2023-04-10T00:00:00Z", To: "2023-05-05T00:00:00Z"}, Selection: &Selection{Source: 0, Row: 0}}},
			{Title: "Before"},
		},
	}
}

func TestSaveLoadRoundTrip(t *testing.T) {
	dir := t.TempDir()
	ws := full(t, dir)
	path := filepath.Join(dir, "sudan.chronomap")
	if err := Save(path, ws); err != nil {
		t.Fatal(err)
	}
	got, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, ws) {
		t.Errorf("loaded\n%+v\nsaved\n%+v", got, ws)
	}
	// Saving what was loaded writes the same bytes: nothing drifts.
	first, _ := os.ReadFile(path)
	if err := Save(path, got); err != nil {
		t.Fatal(err)
	}
	second, _ := os.ReadFile(path)
	if string(first) != string(second) {
		t.Errorf("a second save differs:\n%s\n---\n%s", first, second)
	}
}

func TestSaveLoadZero(t *testing.T) {
	path := filepath.Join(t.TempDir(), "empty.chronomap")
	if err := Save(path, &Workspace{}); err != nil {
		t.Fatal(err)
	}
	got, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if want := (&Workspace{Version: FormatVersion}); !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v, want %+v", got, want)
	}
}

func TestSaveWritesReadableJSON(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "w.chronomap")
	if err := Save(path, full(t, dir)); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(path)
	for _, want := range []string{
		`"version": 1,`,
		`"path": "data/acled.csv"`,
		`"path": "Ereignisse & Orte.xlsx"`, // not \u0026
		`"title": "Chronik «Nord»"`,
		`"from": "-0508"`,
		`"date_order": "dmy"`,
	} {
		if !strings.Contains(string(data), want) {
			t.Errorf("the file lacks %s:\n%s", want, data)
		}
	}
}

func TestSaveDoesNotChangeWorkspace(t *testing.T) {
	dir := t.TempDir()
	ws := full(t, dir)
	before := ws.Clone()
	if err := Save(filepath.Join(dir, "w.chronomap"), ws); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(ws, before) {
		t.Errorf("Save changed the workspace:\n%+v\n%+v", ws, before)
	}
}

func TestSaveFailingWriteKeepsOldFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "w.chronomap")
	old := full(t, dir)
	if err := Save(path, old); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(path)

	// The disk fills half-way through the new content.
	diskFull := errors.New("no space left on device")
	saved := writeData
	t.Cleanup(func() { writeData = saved })
	writeData = func(f *os.File, data []byte) error {
		f.Write(data[:len(data)/2])
		return diskFull
	}
	changed := old.Clone()
	changed.Filter.Query = "something else"
	err := Save(path, changed)
	if err == nil || !strings.Contains(err.Error(), "no space left on device") || !strings.Contains(err.Error(), path) {
		t.Fatalf("Save error = %v, want one naming %s and the disk", err, path)
	}
	after, _ := os.ReadFile(path)
	if string(after) != string(before) {
		t.Errorf("the old file changed after a failed save:\n%s", after)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") {
			t.Errorf("temporary file %s left behind", e.Name())
		}
	}
	if _, err := Load(path); err != nil {
		t.Errorf("the old file no longer loads: %v", err)
	}
}

func TestSaveRefusesInvalidWorkspace(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "w.chronomap")
	ws := full(t, dir)
	if err := Save(path, ws); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(path)
	bad := ws.Clone()
	bad.Selection = &Selection{Source: 5}
	err := Save(path, bad)
	if err == nil || !strings.Contains(err.Error(), "source 6, but there are 2 sources") {
		t.Errorf("Save error = %v", err)
	}
	if after, _ := os.ReadFile(path); string(after) != string(before) {
		t.Error("a refused save changed the file")
	}
}

func TestSaveThroughSymlinkKeepsLink(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real.chronomap")
	link := filepath.Join(dir, "link.chronomap")
	if err := Save(real, &Workspace{}); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(real, link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	if err := Save(link, &Workspace{Theme: ThemeLight}); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Lstat(link); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced by a file")
	}
	if ws, err := Load(real); err != nil || ws.Theme != ThemeLight {
		t.Errorf("the linked file was not written: %v, %v", ws, err)
	}
}

func TestSaveKeepsPermissions(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "w.chronomap")
	if err := Save(path, &Workspace{}); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o644 {
		t.Errorf("a new workspace has mode %v, want 0644", st.Mode().Perm())
	}
	if err := os.Chmod(path, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := Save(path, &Workspace{}); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o600 {
		t.Errorf("a replaced workspace has mode %v, want 0600 as before", st.Mode().Perm())
	}
}

func TestLoadNewerVersion(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.chronomap")
	// A newer format may change any field's type; only the version counts.
	os.WriteFile(path, []byte(`{"version": 2, "sources": {"new": "shape"}}`), 0o644)
	_, err := Load(path)
	want := path + " was saved by a newer Chronomap (format 2); this one reads format 1"
	if err == nil || err.Error() != want {
		t.Errorf("error = %v\nwant    %s", err, want)
	}
}

func TestLoadErrors(t *testing.T) {
	for _, c := range []struct {
		name, content, want string
	}{
		{"empty", "  \n", "x.chronomap is empty"},
		{"not an object", `[1, 2]`, "x.chronomap is not a Chronomap workspace: it holds a list, not an object"},
		{"no version", `{"sources": []}`, "x.chronomap is not a Chronomap workspace: it has no format version"},
		{"cut short", "{\n  \"version\": 1,\n  \"sources\": [\n    {\"path\": \"a.csv\"", "x.chronomap line 4, column 20: unexpected end of JSON input (the file is not valid JSON)"},
		{"bad token", "{\n  \"version\": 1,\n  \"theme\": dark\n}", "x.chronomap line 3, column 12: invalid character 'd' looking for beginning of value (the file is not valid JSON)"},
		{"wrong type", "{\"version\": 1,\n \"sources\": [{\"path\": \"a.csv\", \"hidden\": \"yes\"}]}", "x.chronomap line 2, column 46: sources.hidden should be true or false, not text"},
		{"fractional version", `{"version": 1.5}`, "x.chronomap line 1, column 15: version should be a whole number, not number 1.5"},
		{"umlauts count as one column", "{\"version\": 1, \"theme\": \"dunkel\", \"filter\": {\"query\": \"Köln\"}, x}", "x.chronomap line 1, column 64: invalid character 'x'"},
		{"theme", `{"version": 1, "theme": "dunkel"}`, `x.chronomap: theme "dunkel" is not "light", "dark" or "system"`},
		{"no path", `{"version": 1, "sources": [{"title": "a"}]}`, "x.chronomap: source 1 has no path"},
		{"colour", `{"version": 1, "sources": [{"path": "/d/a.csv", "colour": "red"}]}`, `x.chronomap: source 1 (a.csv): colour "red" is not written #rrggbb`},
		{"role", `{"version": 1, "sources": [{"path": "/d/a.csv", "mapping": {"roles": {"when": ["d"]}}}]}`, `x.chronomap: source 1 (a.csv): mapping: "when" is not a role`},
		{"role twice", `{"version": 1, "sources": [{"path": "/d/a.csv", "mapping": {"roles": {"start": ["d"], "date": ["e"]}}}]}`, `x.chronomap: source 1 (a.csv): mapping: role start is given twice`},
		{"date order", `{"version": 1, "sources": [{"path": "/d/a.csv", "mapping": {"date_order": "ymd"}}]}`, `x.chronomap: source 1 (a.csv): mapping: date order "ymd" is neither "dmy" (day first) nor "mdy" (month first)`},
		{"filter date", `{"version": 1, "filter": {"from": "2023-13"}}`, `x.chronomap: filter from: "2023-13" has month 13`},
		{"filter backwards", `{"version": 1, "filter": {"from": "2024", "to": "2023"}}`, `x.chronomap: filter 2024 to 2023 ends before it starts`},
		{"box", `{"version": 1, "filter": {"box": [0, 50, 10, 40]}}`, `x.chronomap: filter box [0 50 10 40] is not minimum longitude`},
		{"centre", `{"version": 1, "map": {"center": [200, 0]}}`, `x.chronomap: map centre [200 0] is not a longitude and a latitude`},
		{"zoom", `{"version": 1, "map": {"zoom": -1}}`, `x.chronomap: map zoom -1 is not a positive number`},
		{"timeline", `{"version": 1, "timeline": {"from": "2023-05-01T00:00:00Z", "to": "2023-04-01T00:00:00Z"}}`, `x.chronomap: timeline window 2023-05-01T00:00:00Z to 2023-04-01T00:00:00Z ends before it starts`},
		{"selection", `{"version": 1, "selection": {"source": 0, "row": 3}}`, `x.chronomap: the selection is in source 1, but there are 0 sources`},
		{"scene", `{"version": 1, "sources": [{"path": "/d/a.csv"}], "scenes": [{"title": "Eins"}, {"title": "Zwei", "selection": {"source": 0, "row": -2}}]}`, `x.chronomap: scene 2 ("Zwei"): the selection's row -2 is negative`},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, _, err := decode("x.chronomap", []byte(c.content))
			if err == nil || !strings.HasPrefix(err.Error(), c.want) {
				t.Errorf("error = %v\nwant    %s...", err, c.want)
			}
		})
	}
}

func TestLoadMissingFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "gone.chronomap")
	_, err := Load(path)
	if !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("errors.Is(%v, fs.ErrNotExist) is false", err)
	}
	if want := "cannot read " + path + ": no such file or directory"; err == nil || err.Error() != want {
		t.Errorf("error = %v, want %q", err, want)
	}
}

// TestSaveMissingFolder checks that saving into a folder that is not there
// fails in one sentence naming the file, its cause told with errors.Is.
func TestSaveMissingFolder(t *testing.T) {
	path := filepath.Join(t.TempDir(), "gone", "lage.chronomap")
	err := Save(path, &Workspace{})
	if !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("errors.Is(%v, fs.ErrNotExist) is false", err)
	}
	if want := "cannot save " + path + ": no such file or directory"; err == nil || err.Error() != want {
		t.Errorf("error = %v, want %q", err, want)
	}
}

func TestLoadIgnoresUnknownFields(t *testing.T) {
	// A later Chronomap writing format 1 may add fields; this one reads
	// what it knows.
	ws, _, err := decode("/w/x.chronomap", []byte(`{"version": 1, "palette": "viridis", "theme": "light"}`))
	if err != nil || ws.Theme != ThemeLight {
		t.Errorf("got %+v, %v", ws, err)
	}
}

func TestLoadNormalisesEmptyLists(t *testing.T) {
	ws, _, err := decode("/w/x.chronomap", []byte(`{"version": 1, "sources": [], "scenes": [{"timeline": {"collapsed": []}}],
		"filter": {"hidden_categories": []}}`))
	if err != nil {
		t.Fatal(err)
	}
	want := &Workspace{Version: 1, Scenes: []Scene{{}}}
	if !reflect.DeepEqual(ws, want) {
		t.Errorf("got %+v, want %+v", ws, want)
	}
}

func TestCloneSharesNothing(t *testing.T) {
	ws := full(t, t.TempDir())
	c := ws.Clone()
	if !reflect.DeepEqual(c, ws) {
		t.Fatalf("the clone differs:\n%+v\n%+v", c, ws)
	}
	keep := full(t, t.TempDir())
	keep.Sources = ws.Clone().Sources // the same paths as ws
	c.Sources[0].Mapping.Roles["start"][0] = "changed"
	c.Sources[0].Mapping.Why["start"] = "changed"
	c.Sources[1].Title = "changed"
	c.Filter.HiddenCategories[0] = "changed"
	c.Filter.Box[0] = 0
	c.Timeline.Collapsed[0] = "changed"
	c.Selection.Row = 0
	c.Scenes[0].Selection.Row = 9
	c.Scenes[0].Title = "changed"
	if !reflect.DeepEqual(ws, keep) {
		t.Errorf("changing the clone changed the original:\n%+v", ws)
	}
}
