package workspace

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestRelative(t *testing.T) {
	if filepath.Separator != '/' {
		t.Skip("the cases are written with Unix paths")
	}
	for _, c := range []struct {
		abs, dir string
		want     string // "" when it stays absolute
	}{
		{"/home/ana/proj/a.csv", "/home/ana/proj", "a.csv"},
		{"/home/ana/proj/data/2023/a.csv", "/home/ana/proj", "data/2023/a.csv"},
		{"/home/ana/proj/data/a.csv", "/home/ana/proj/workspaces", "../data/a.csv"},
		{"/home/ana/other/a.csv", "/home/ana/proj/workspaces", ""}, // two levels up
		{"/data/a.csv", "/home", ""},                               // only / is shared
		{"/a.csv", "/", ""},
		{"/home/ana/a.csv", "/home/ana", "a.csv"},
	} {
		got, ok := relative(c.abs, c.dir)
		if got != c.want || ok != (c.want != "") {
			t.Errorf("relative(%q, %q) = %q, %v; want %q", c.abs, c.dir, got, ok, c.want)
		}
	}
}

func TestSavePathsRelativeAndAbsolute(t *testing.T) {
	root := t.TempDir()
	proj := filepath.Join(root, "proj")
	inside := touch(t, filepath.Join(proj, "workspaces", "in.csv"))
	beside := touch(t, filepath.Join(proj, "data", "beside.csv"))
	far := touch(t, filepath.Join(root, "elsewhere", "deep", "far.csv"))
	ws := &Workspace{Sources: []Source{{Path: inside}, {Path: beside}, {Path: far}}}
	path := filepath.Join(proj, "workspaces", "w.chronomap")
	if err := Save(path, ws); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(path)
	for _, want := range []string{`"path": "in.csv"`, `"path": "../data/beside.csv"`, `"path": "` + far + `"`} {
		if !strings.Contains(string(data), want) {
			t.Errorf("the file lacks %s:\n%s", want, data)
		}
	}
	got, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got.Sources, ws.Sources) {
		t.Errorf("loaded sources %+v, want %+v", got.Sources, ws.Sources)
	}
}

func TestSaveMakesCurrentDirectoryPathsAbsolute(t *testing.T) {
	dir := t.TempDir()
	touch(t, filepath.Join(dir, "a.csv"))
	t.Chdir(dir)
	ws := &Workspace{Sources: []Source{{Path: "a.csv"}}}
	other := t.TempDir()
	if err := Save(filepath.Join(other, "w.chronomap"), ws); err != nil {
		t.Fatal(err)
	}
	got, err := Load(filepath.Join(other, "w.chronomap"))
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(dir, "a.csv"); got.Sources[0].Path != want {
		t.Errorf("path %q, want %q", got.Sources[0].Path, want)
	}
}

func TestLoadMovedProjectFindsRelativeSources(t *testing.T) {
	root := t.TempDir()
	old := filepath.Join(root, "old")
	ws := &Workspace{Sources: []Source{{Path: touch(t, filepath.Join(old, "data", "a.csv"))}}}
	if err := Save(filepath.Join(old, "w.chronomap"), ws); err != nil {
		t.Fatal(err)
	}
	moved := filepath.Join(root, "moved")
	if err := os.Rename(old, moved); err != nil {
		t.Fatal(err)
	}
	got, err := Load(filepath.Join(moved, "w.chronomap"))
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(moved, "data", "a.csv"); got.Sources[0].Path != want {
		t.Errorf("path %q, want %q", got.Sources[0].Path, want)
	}
	if m := Missing(got); len(m) != 0 {
		t.Errorf("missing %v after moving the whole folder", m)
	}
}

func TestLoadCopiedWorkspaceFindsDataWhereItWas(t *testing.T) {
	root := t.TempDir()
	proj := filepath.Join(root, "proj")
	src := touch(t, filepath.Join(proj, "a.csv"))
	if err := Save(filepath.Join(proj, "w.chronomap"), &Workspace{Sources: []Source{{Path: src}}}); err != nil {
		t.Fatal(err)
	}
	// The workspace file alone is copied to the desktop.
	data, _ := os.ReadFile(filepath.Join(proj, "w.chronomap"))
	desk := filepath.Join(root, "Desktop")
	os.MkdirAll(desk, 0o755)
	os.WriteFile(filepath.Join(desk, "w.chronomap"), data, 0o644)
	got, err := Load(filepath.Join(desk, "w.chronomap"))
	if err != nil {
		t.Fatal(err)
	}
	if got.Sources[0].Path != src {
		t.Errorf("path %q, want the data where it was saved, %q", got.Sources[0].Path, src)
	}
}

func TestMissingAndRelocate(t *testing.T) {
	root := t.TempDir()
	old := filepath.Join(root, "usb", "proj")
	ws := &Workspace{Sources: []Source{
		{Path: filepath.Join(old, "data", "a.csv")},
		{Path: filepath.Join(old, "data", "b.csv")},
		{Path: filepath.Join(old, "reports", "c.csv")}, // beside the data folder
		{Path: filepath.Join(root, "gone", "d.csv")},   // elsewhere, but its name is in the new folder
		{Path: filepath.Join(root, "gone", "e.csv")},   // nowhere to be found
		{Path: touch(t, filepath.Join(root, "here.csv"))},
	}}
	if got, want := Missing(ws), []int{0, 1, 2, 3, 4}; !reflect.DeepEqual(got, want) {
		t.Fatalf("Missing = %v, want %v", got, want)
	}
	// The project folder was copied to the home folder.
	proj := filepath.Join(root, "home", "proj")
	a := touch(t, filepath.Join(proj, "data", "a.csv"))
	b := touch(t, filepath.Join(proj, "data", "b.csv"))
	c := touch(t, filepath.Join(proj, "reports", "c.csv"))
	d := touch(t, filepath.Join(proj, "data", "d.csv"))
	also, err := Relocate(ws, 0, a)
	if err != nil {
		t.Fatal(err)
	}
	if want := []int{1, 2, 3}; !reflect.DeepEqual(also, want) {
		t.Errorf("Relocate re-pointed %v, want %v", also, want)
	}
	for i, want := range []string{a, b, c, d, filepath.Join(root, "gone", "e.csv"), filepath.Join(root, "here.csv")} {
		if ws.Sources[i].Path != want {
			t.Errorf("source %d at %q, want %q", i, ws.Sources[i].Path, want)
		}
	}
	if got, want := Missing(ws), []int{4}; !reflect.DeepEqual(got, want) {
		t.Errorf("Missing after Relocate = %v, want %v", got, want)
	}
}

func TestRelocateRefuses(t *testing.T) {
	dir := t.TempDir()
	ws := &Workspace{Sources: []Source{{Path: filepath.Join(dir, "a.csv")}}}
	if _, err := Relocate(ws, 1, dir); err == nil || !strings.Contains(err.Error(), "there is no source 2; the workspace has 1") {
		t.Errorf("index out of range: %v", err)
	}
	if _, err := Relocate(ws, 0, dir); err == nil || !strings.Contains(err.Error(), "is a folder") {
		t.Errorf("a folder: %v", err)
	}
	if _, err := Relocate(ws, 0, filepath.Join(dir, "nope.csv")); !os.IsNotExist(err) {
		t.Errorf("a missing file: %v", err)
	}
	if ws.Sources[0].Path != filepath.Join(dir, "a.csv") {
		t.Errorf("a refused Relocate changed the path to %q", ws.Sources[0].Path)
	}
}
