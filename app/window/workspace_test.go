package window

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/paulmach/orb"

	"chronomap/app/workspace"
)

// waitIdle starts loading and waits until the window has loaded every
// file asked for. Meanwhile the test's goroutine plays the UI goroutine:
// it runs what the loads hand to the window, one at a time, as Fyne's
// event loop does.
func waitIdle(t testing.TB, w *Window, start func()) {
	t.Helper()
	done := false
	w.idle = func() { done = true }
	pump(t, w, start, func() bool { return done })
	w.idle = nil
}

// uiQueues hold what the windows' background work hands to their UI
// goroutine, until a test plays it.
var uiQueues = map[*Window]chan func(){}

// pump starts something and plays the UI goroutine until until holds.
func pump(t testing.TB, w *Window, start func(), until func() bool) {
	t.Helper()
	ui, ok := uiQueues[w]
	if !ok {
		ui = make(chan func(), 64)
		uiQueues[w] = ui
		w.do = func(f func()) { ui <- f }
	}
	start()
	deadline := time.After(60 * time.Second)
	for !until() {
		select {
		case f := <-ui:
			f()
		case <-deadline:
			t.Fatal("not done within 60 s")
		}
	}
}

// TestWorkspaceRoundTrip sets a search, a category off, "located only", a
// timeline window, a map view and a selection, saves the workspace, opens
// it in a new window, and finds the same state.
func TestWorkspaceRoundTrip(t *testing.T) {
	w, _ := sampleWindow(t)
	p := bigCSV(t, 3000)
	waitIdle(t, w, func() { w.Open(p) })
	v := w.active()
	w.Win.Canvas().Capture()

	v.searchBox.SetText("Event number 1")
	v.chips[1].SetChecked(false)
	v.located.SetChecked(true)
	c := v.timelineWidget.Chart()
	from, to := float64(time.Date(2023, 3, 1, 0, 0, 0, 0, time.UTC).Unix()), float64(time.Date(2023, 9, 1, 0, 0, 0, 0, time.UTC).Unix())
	c.From, c.To = from, to
	v.timelineWidget.OnWindow(from, to)
	v.mapWidget.SetView(orb.Point{44.5, 40.2}, 12)
	w.Win.Canvas().Capture()
	shown := v.counts()
	if shown.shown == 0 || shown.shown >= 3000 {
		t.Fatalf("the filter shows %d events", shown.shown)
	}
	var sel int
	for i := range v.file.index().Len() {
		if v.shown(i) {
			sel = i
			break
		}
	}
	v.selectEvent(sel, nil)
	before, _ := json.Marshal(w.snapshot())

	path := filepath.Join(t.TempDir(), "brief.chronomap")
	if err := w.SaveWorkspace(path); err != nil {
		t.Fatal(err)
	}
	if got := w.Win.Title(); got != "Chronomap — brief" {
		t.Errorf("title %q after saving", got)
	}
	if r := w.recent.List(); len(r) == 0 || r[0] != path {
		t.Errorf("recent %v, want the workspace first", r)
	}

	w2 := New(test.NewTempApp(t), nil)
	t.Cleanup(w2.Win.Close)
	w2.Win.Resize(fyne.NewSize(1280, 800))
	waitIdle(t, w2, func() { w2.Open(path) })
	w2.Win.Canvas().Capture()
	v2 := w2.active()
	if v2 == nil || v2.file.Path != p {
		t.Fatalf("the workspace opened %v", v2)
	}
	after, _ := json.Marshal(w2.snapshot())
	if string(before) != string(after) {
		t.Errorf("state before saving:\n%s\nafter opening:\n%s", before, after)
	}
	if got := v2.counts(); got != shown {
		t.Errorf("shown %+v after opening, %+v before", got, shown)
	}
	if v2.selected() != sel || v2.searchBox.Text != "Event number 1" || v2.chips[1].Checked || !v2.located.Checked {
		t.Errorf("selected %d (want %d), search %q, chips %v, located %v", v2.selected(), sel, v2.searchBox.Text, v2.chips[1].Checked, v2.located.Checked)
	}
	// The selection brought its event into view: the map is centred
	// there, at the zoom set.
	if center, zoom, ok := v2.mapWidget.View(); !ok || zoom < 11.99 || zoom > 12.01 ||
		math.Abs(center[0]-v2.file.index().Lon[sel]) > 0.01 || math.Abs(center[1]-v2.file.index().Lat[sel]) > 0.01 {
		t.Errorf("map at %v ×%.2f, want event %d at %v, %v", center, zoom, sel, v2.file.index().Lon[sel], v2.file.index().Lat[sel])
	}
}

// TestWorkspaceMovedFile opens a workspace whose file moved: the window
// asks where it is, and opens it from there.
func TestWorkspaceMovedFile(t *testing.T) {
	w, _ := sampleWindow(t)
	p := bigCSV(t, 100)
	waitIdle(t, w, func() { w.Open(p) })
	path := filepath.Join(t.TempDir(), "moved.chronomap")
	if err := w.SaveWorkspace(path); err != nil {
		t.Fatal(err)
	}
	moved := filepath.Join(t.TempDir(), "elsewhere.csv")
	if err := os.Rename(p, moved); err != nil {
		t.Fatal(err)
	}
	w2 := New(test.NewTempApp(t), nil)
	t.Cleanup(w2.Win.Close)
	asked := ""
	w2.ask = func(q string, answer func(string)) { asked = q; answer(moved) }
	waitIdle(t, w2, func() { w2.Open(path) })
	if asked == "" {
		t.Error("the window did not ask where the file went")
	}
	if v := w2.active(); v == nil || v.file.Path != moved || v.file.index().Len() != 100 {
		t.Errorf("opened %+v", v)
	}
}

// TestRecovery leaves a recovery file as a crash would, and checks that a
// new window offers it and brings the files back.
func TestRecovery(t *testing.T) {
	p := bigCSV(t, 50)
	a := test.NewTempApp(t)
	as := workspace.NewAutosaver(storageDir(a), time.Hour, func(error) {})
	as.Changed(&workspace.Workspace{Version: 1, Sources: []workspace.Source{{Path: p}}, View: workspace.View{Filter: workspace.Filter{Query: "number 4"}}})
	if err := as.Flush(); err != nil {
		t.Fatal(err)
	}
	left, _ := workspace.Pending(storageDir(a))
	if len(left) != 1 {
		t.Fatalf("%d recovery files after a crash, want 1", len(left))
	}
	// No Close: the session "crashed".
	w := New(a, nil)
	t.Cleanup(w.Win.Close)
	w.Win.Resize(fyne.NewSize(1280, 800))
	// The offer is a confirmation dialog on the window: press its default.
	waitIdle(t, w, func() { test.Tap(findButton(t, w.Win.Canvas().Overlays().Top(), "Yes")) })
	v := w.active()
	if v == nil || v.file.Path != p || v.searchBox.Text != "number 4" {
		t.Fatalf("recovered %+v", v)
	}
	// The old recovery file is gone; the recovered state, still unsaved,
	// is kept in the new session's own.
	if _, err := os.Stat(left[0].Path); !os.IsNotExist(err) {
		t.Errorf("the crash's recovery file is still there: %v", err)
	}
	w.closed()
	if pending, _ := workspace.Pending(w.dir); len(pending) != 0 {
		t.Errorf("%d recovery files left after a clean exit", len(pending))
	}
}

// findButton finds a button by its text among the objects under o.
func findButton(t *testing.T, o fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	var found *widget.Button
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Button:
			if x.Text == text {
				found = x
			}
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(x).Objects() {
				walk(c)
			}
		}
	}
	if o != nil {
		walk(o)
	}
	if found == nil {
		t.Fatalf("no %q button", text)
	}
	return found
}

// TestSnapshotOfUnreadableFile saves and reloads a workspace holding a
// file that could not be read: its tab keeps the error, and neither the
// snapshot nor a reload fails on it.
func TestSnapshotOfUnreadableFile(t *testing.T) {
	w, _ := sampleWindow(t)
	bad := filepath.Join(t.TempDir(), "broken.xlsx")
	if err := os.WriteFile(bad, []byte("PK\x03\x04 not a workbook"), 0o644); err != nil {
		t.Fatal(err)
	}
	waitIdle(t, w, func() { w.Open(bad) })
	v := w.active()
	if v.file.Err == nil {
		t.Fatalf("%s read without an error", bad)
	}
	ws := w.snapshot()
	if len(ws.Sources) != 1 || ws.Sources[0].Path != bad || len(ws.Sources[0].Mapping.Roles) != 0 {
		t.Errorf("snapshot sources %+v", ws.Sources)
	}
	waitIdle(t, w, w.reload)
	if v := w.active(); v.file.Err == nil || v.file.Path != bad {
		t.Errorf("after a reload: %v, %q", v.file.Err, v.file.Path)
	}
}

// TestSaveFolder: the first save dialog opens beside the data, then
// beside the workspace, then where the last save went.
func TestSaveFolder(t *testing.T) {
	w, v := sampleWindow(t)
	if got := w.saveFolder(); got != "" {
		t.Errorf("the sample, a file of no folder, saves to %q", got)
	}
	v.file.Path = filepath.Join("/data", "acled", "events.csv")
	if got, want := w.saveFolder(), filepath.Join("/data", "acled"); got != want {
		t.Errorf("saves to %q, want the data's folder %q", got, want)
	}
	w.workspace = filepath.Join("/briefings", "week.chronomap")
	if got, want := w.saveFolder(), "/briefings"; got != want {
		t.Errorf("saves to %q, want the workspace's folder %q", got, want)
	}
	w.savedIn = "/out"
	if got := w.saveFolder(); got != "/out" {
		t.Errorf("saves to %q, want the last save's folder", got)
	}
}

// TestExportRemembersTitles: the export dialog offers again the title and
// subtitle it was last given, and the workspace keeps them.
func TestExportRemembersTitles(t *testing.T) {
	w, _ := sampleWindow(t)
	c := w.Win.Canvas()
	w.exportDialog()
	form := c.Overlays().Top()
	var boxes []*escEntry
	test.WidgetRenderer(form.(fyne.Widget)) // lays the form out
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if e, ok := o.(*escEntry); ok {
			boxes = append(boxes, e)
		}
		if ct, ok := o.(*fyne.Container); ok {
			for _, k := range ct.Objects {
				walk(k)
			}
		} else if wd, ok := o.(fyne.Widget); ok {
			for _, k := range test.WidgetRenderer(wd).Objects() {
				walk(k)
			}
		}
	}
	walk(form)
	if len(boxes) < 2 {
		t.Fatalf("found %d text boxes in the export dialog", len(boxes))
	}
	boxes[0].SetText("Shoigu courts Nicaragua")
	boxes[1].SetText("Moscow, 7 November 2023")
	test.Tap(findButton(t, form, "Export…"))
	w.closeDialog() // the save dialog it opens
	ws := w.snapshot()
	if ws.Export == nil || ws.Export.Title != "Shoigu courts Nicaragua" || ws.Export.Subtitle != "Moscow, 7 November 2023" {
		t.Fatalf("the workspace keeps %+v", ws.Export)
	}
	// A workspace opened later offers them again.
	b, err := json.Marshal(ws)
	if err != nil || !strings.Contains(string(b), `"export":{"title":"Shoigu courts Nicaragua","subtitle":"Moscow, 7 November 2023"}`) {
		t.Errorf("the workspace file holds %s (%v)", b, err)
	}
	w3, _ := sampleWindow(t)
	if w3.loadWorkspace("", ws); w3.export == nil || *w3.export != *ws.Export {
		t.Errorf("opening the workspace gives the export dialog %+v", w3.export)
	}
	w2, _ := sampleWindow(t)
	w2.export = ws.Export
	w2.exportDialog()
	boxes = nil
	walk(w2.Win.Canvas().Overlays().Top())
	if boxes[0].Text != "Shoigu courts Nicaragua" || boxes[1].Text != "Moscow, 7 November 2023" {
		t.Errorf("the dialog offers %q, %q", boxes[0].Text, boxes[1].Text)
	}
}

// TestWorkspaceEndsOnSavedTab: a workspace reopens on the tab that was on
// show when it was saved, a file's or All layers.
func TestWorkspaceEndsOnSavedTab(t *testing.T) {
	w := New(test.NewTempApp(t), nil)
	t.Cleanup(w.Win.Close)
	w.Win.Resize(fyne.NewSize(1280, 800))
	a, b := bigCSV(t, 300), bigCSV(t, 400)
	waitIdle(t, w, func() { w.Open(a, b) })
	dir := t.TempDir()
	reopen := func(name string) *Window {
		path := filepath.Join(dir, name)
		if err := w.SaveWorkspace(path); err != nil {
			t.Fatal(err)
		}
		w2 := New(test.NewTempApp(t), nil)
		t.Cleanup(w2.Win.Close)
		w2.Win.Resize(fyne.NewSize(1280, 800))
		waitIdle(t, w2, func() { w2.Open(path) })
		if len(w2.views) != 2 || w2.tabs == nil {
			t.Fatalf("%s reopened %d files", name, len(w2.views))
		}
		return w2
	}
	w.showTab(w.views[0])
	if got := reopen("first.chronomap").active(); got == nil || got.file.Path != a {
		t.Errorf("saved on %s's tab, reopened on %v", a, got)
	}
	w.showTab(w.views[1])
	if got := reopen("second.chronomap").active(); got == nil || got.file.Path != b {
		t.Errorf("saved on %s's tab, reopened on %v", b, got)
	}
	w.tabs.SelectIndex(0)
	if w2 := reopen("layers.chronomap"); w2.active() != nil || w2.tabs.SelectedIndex() != 0 {
		t.Errorf("saved on All layers, reopened on tab %d", w2.tabs.SelectedIndex())
	}
}
