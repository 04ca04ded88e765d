package window

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"chronomap/app/draw/drawtest"
	"chronomap/app/release"
	"chronomap/app/timeline"
	"chronomap/assets"
	"chronomap/data/dataset"
	"chronomap/data/frame"
)

// sampleWindow opens the window on the bundled sample, as main does with
// no file given, at the size of a small laptop screen, drawn once.
func sampleWindow(t *testing.T) (*Window, *fileView) {
	t.Helper()
	a := test.NewTempApp(t)
	name, data := assets.Sample()
	f, err := frame.ReadBytes(name, data, frame.Options{})
	if err != nil {
		t.Fatal(err)
	}
	w := New(a, []Loaded{loadFrame(assets.SampleTitle, f, true)})
	t.Cleanup(w.Win.Close)
	w.Win.Resize(fyne.NewSize(1280, 800))
	w.Win.Canvas().Capture() // lays out and draws the map and the timeline once
	v := w.active()
	if v == nil || v.mapWidget == nil || v.timelineWidget == nil {
		t.Fatal("the sample shows no map or no timeline")
	}
	return w, v
}

// TestFlowSelectOnTimeline clicks an event on the timeline: the detail
// card shows that event, and the map rings the same event.
func TestFlowSelectOnTimeline(t *testing.T) {
	_, v := sampleWindow(t)
	tl := v.timelineWidget
	c := tl.Chart()
	size := tl.Size()
	id, at := -1, fyne.Position{}
	for y := float32(0); y < size.Height && id < 0; y += 3 {
		for x := float32(0); x < size.Width; x += 4 {
			if i, ok := c.At(float64(x), float64(y)); ok {
				id, at = i, fyne.NewPos(x, y)
				break
			}
		}
	}
	if id < 0 {
		t.Fatal("no event under any point of the timeline")
	}
	test.TapAt(tl, at)
	if v.selected() != id {
		t.Fatalf("clicked event %d, the window selected %d", id, v.selected())
	}
	if !v.mapWidget.Model().Selected[id] || len(v.mapWidget.Model().Selected) != 1 {
		t.Errorf("the map selects %v, want only %d", v.mapWidget.Model().Selected, id)
	}
	title, _, _ := v.eventFields(id)
	if !strings.HasPrefix(v.card.text, title) || !strings.Contains(v.card.text, "Row: "+thousands(int(v.file.index().Row[id])+1)) {
		t.Errorf("the card reads %q, want event %d (%q)", v.card.text, id, title)
	}
	// The label in the timeline names the same event the card does.
	if d := c.Describe(id); !strings.HasPrefix(d, title) {
		t.Errorf("the timeline describes %q, the card %q", d, title)
	}
	if v.grid.frameRow(v.cell.Row) != int(v.file.index().Row[id]) {
		t.Errorf("the table selects %v, want the row of event %d", v.cell, id)
	}
	if !strings.HasPrefix(v.detail.Text, "Row ") {
		t.Errorf("the detail line reads %q, want the selected row", v.detail.Text)
	}
	// Clearing the selection clears the row named in the detail line.
	v.typedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if v.selected() >= 0 || v.detail.Text != noSelection() {
		t.Errorf("after Esc: selected %d, the detail line reads %q", v.selected(), v.detail.Text)
	}
}

// TestFlowBrush brushes the first days of the overview band: fewer events
// are on the map and in the table.
func TestFlowBrush(t *testing.T) {
	_, v := sampleWindow(t)
	before := v.counts()
	rows, _ := v.table.Length()
	tl := v.timelineWidget
	size := tl.Size()
	b, ok := tl.Chart().Overview(float64(size.Width), float64(size.Height))
	if !ok {
		t.Fatal("no overview band")
	}
	y := float32(b.Y0+b.Y1) / 2
	x0, x1 := float32(b.X0), float32(b.X0+(b.X1-b.X0)*0.15)
	tl.MouseDown(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(x0, y)}})
	tl.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(x1, y)}})
	tl.DragEnd()
	after := v.counts()
	rowsAfter, _ := v.table.Length()
	if !(after.mapped < before.mapped && after.mapped > 0) {
		t.Errorf("on the map: %d events before brushing, %d after", before.mapped, after.mapped)
	}
	if rowsAfter != after.shown || rowsAfter >= rows {
		t.Errorf("table rows: %d before, %d after, with %d events shown", rows, rowsAfter, after.shown)
	}
	kept := 0
	for i := range v.file.index().Len() {
		if mapShows(v.mapWidget.Model(), i) {
			kept++
		}
	}
	if kept != after.shown {
		t.Errorf("the map keeps %d events, the status says %d", kept, after.shown)
	}
	if !strings.HasPrefix(v.status.Text, thousands(after.shown)+" of 6") {
		t.Errorf("status %q", v.status.Text)
	}
}

// TestFlowSearch types in the search box: the count shown changes, and
// Ctrl+F's action puts the keyboard there.
func TestFlowSearch(t *testing.T) {
	w, v := sampleWindow(t)
	w.find()
	if w.Win.Canvas().Focused() != v.searchBox {
		t.Error("Find does not focus the search box")
	}
	test.Type(v.searchBox, "Nicaragua")
	if got := v.status.Text; !strings.HasPrefix(got, "2 of 6 events shown") {
		t.Errorf("status %q after typing Nicaragua", got)
	}
	if n, _ := v.table.Length(); n != 2 {
		t.Errorf("the table shows %d rows, want 2", n)
	}
	v.searchBox.SetText("")
	if got := v.status.Text; !strings.HasPrefix(got, "6 of 6") {
		t.Errorf("status %q after clearing the search", got)
	}
}

// TestFlowFilters switches a category off, asks for located events only,
// and draws a box on the map.
func TestFlowFilters(t *testing.T) {
	_, v := sampleWindow(t)
	v.chips[0].SetChecked(false) // the most frequent category
	c := v.counts()
	if c.shown != 3 {
		t.Errorf("%d events shown with the first category off, want 3", c.shown)
	}
	if got := v.mapWidget.Model().Counts; got[0] != 0 || got[1] != 2 {
		t.Errorf("the legend counts %v with the first category off", got)
	}
	v.chips[0].SetChecked(true)
	// Drawn round the two events in Yerevan: a box on the map.
	v.mapWidget.OnBoxSelect([]int{0, 1})
	if n, _ := v.table.Length(); n != 2 || v.counts().shown != 2 {
		t.Errorf("a box of two events shows %d rows, %d events", n, v.counts().shown)
	}
	v.typedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if v.counts().shown != 6 {
		t.Errorf("Esc left %d events shown", v.counts().shown)
	}
}

// TestFlowSort sorts the table by a column with a tap on its header, then
// the other way, then back to the file's order.
func TestFlowSort(t *testing.T) {
	_, v := sampleWindow(t)
	col := v.grid.columnIndex("title")
	v.sortBy(col)
	first := v.grid.cell(0, col)
	for r := 1; r < 6; r++ {
		if strings.ToLower(v.grid.cell(r, col)) < strings.ToLower(first) {
			t.Errorf("row %d %q sorts before the first %q", r, v.grid.cell(r, col), first)
		}
	}
	v.sortBy(col)
	if v.grid.cell(5, col) != first {
		t.Errorf("descending ends with %q, want %q", v.grid.cell(5, col), first)
	}
	v.sortBy(col)
	if v.grid.rows != nil {
		t.Error("a third tap does not return to the file's order")
	}
}

// TestDatePreferences switches the timeline to German dates and local
// time through the View menu's actions, for every open file.
func TestDatePreferences(t *testing.T) {
	w, v := sampleWindow(t)
	for _, it := range w.dateItems() {
		if strings.HasPrefix(it.Label, "Dates in German") {
			it.Action()
		}
	}
	for _, it := range w.dateItems() {
		if strings.HasPrefix(it.Label, "Times in Local Time") {
			it.Action()
		}
	}
	c := v.timelineWidget.Chart()
	if c.Lang != timeline.German || c.Zone != time.Local {
		t.Errorf("timeline in %v, zone %v after choosing German and local time", c.Lang, c.Zone)
	}
	if v2 := w.newView(v.file); v2.timelineWidget.Chart().Lang != timeline.German {
		t.Error("a file opened later does not follow the preference")
	}
}

// TestPlaceNamePreference names the map's countries in German through the
// View menu.
func TestPlaceNamePreference(t *testing.T) {
	w, v := sampleWindow(t)
	for _, it := range w.placeItems().ChildMenu.Items {
		if it.Label == "Deutsch" {
			it.Action()
		}
	}
	if got := v.mapWidget.Model().Language; got != "de" {
		t.Errorf("map language %q after choosing Deutsch", got)
	}
}

// TestFlowEscapeWherever: Esc clears the selection and then the filters
// wherever the keyboard is: the table, the search box, the map or the
// timeline; Clear Filters in the filter bar clears them too.
func TestFlowEscapeWherever(t *testing.T) {
	w, v := sampleWindow(t)
	c := w.Win.Canvas()
	all := v.counts().all
	for _, focus := range []struct {
		name string
		obj  fyne.Focusable
	}{{"table", v.table}, {"search box", v.searchBox}, {"map", v.mapWidget}, {"timeline", v.timelineWidget}, {"date box", v.dates[0]}} {
		v.searchBox.SetText("Shoigu")
		waitFor(t, func() bool { return v.counts().shown == 3 })
		v.selectEvent(0, nil)
		c.Focus(focus.obj)
		esc := func() { c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape}) }
		esc()
		if v.selected() != -1 || v.counts().shown != 3 {
			t.Errorf("%s: the first Esc leaves event %d selected, %d shown; want none selected, the filter kept", focus.name, v.selected(), v.counts().shown)
		}
		if c.Focused() == nil {
			c.Focus(focus.obj) // an entry lets go of the keyboard on Esc
		}
		esc()
		if v.counts().shown != all || v.searchBox.Text != "" {
			t.Errorf("%s: the second Esc shows %d of %d events, search %q", focus.name, v.counts().shown, all, v.searchBox.Text)
		}
	}
	v.searchBox.SetText("Shoigu")
	waitFor(t, func() bool { return v.counts().shown == 3 })
	clear := findButton(t, v.bar, "Clear Filters")
	test.Tap(clear)
	if v.counts().shown != all {
		t.Errorf("Clear Filters shows %d of %d events", v.counts().shown, all)
	}
}

// waitFor waits until cond holds, for at most five seconds.
func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	for end := time.Now().Add(5 * time.Second); !cond(); {
		if time.Now().After(end) {
			t.Fatal("waited five seconds in vain")
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// TestFlowEscapeClosesDialogs: Esc closes the dialog on top, whether the
// keyboard is in one of its boxes or nowhere, and then clears as usual.
func TestFlowEscapeClosesDialogs(t *testing.T) {
	w, v := sampleWindow(t)
	c := w.Win.Canvas()
	esc := &fyne.KeyEvent{Name: fyne.KeyEscape}
	w.exportDialog()
	if c.Overlays().Top() == nil || len(w.dialogs) != 1 {
		t.Fatal("the export dialog did not open")
	}
	c.OnTypedKey()(esc)
	if c.Overlays().Top() != nil || len(w.dialogs) != 0 {
		t.Errorf("Esc with no box focused leaves the dialog open (%d open)", len(w.dialogs))
	}
	w.openLocation()
	if c.Focused() == nil {
		c.FocusNext()
	}
	if _, ok := c.Focused().(*escEntry); !ok {
		t.Fatalf("the keyboard is in %T, not the dialog's box", c.Focused())
	}
	c.Focused().TypedKey(esc)
	if c.Overlays().Top() != nil || len(w.dialogs) != 0 {
		t.Errorf("Esc in the dialog's box leaves it open (%d open)", len(w.dialogs))
	}
	// With no dialog left, Esc is the window's again.
	v.selectEvent(0, nil)
	c.OnTypedKey()(esc)
	if v.selected() != -1 {
		t.Error("with the dialogs closed, Esc no longer clears the selection")
	}
}

// TestKeyboardSheet: Help ▸ Keyboard Shortcuts lists every menu shortcut,
// read from the menus, and the views' own keys.
func TestKeyboardSheet(t *testing.T) {
	w, _ := sampleWindow(t)
	keys := menuKeys(w.Win.MainMenu())
	want := map[string]string{"Ctrl+K": "Briefing ▸ Capture Scene", "Ctrl+Shift+S": "File ▸ Save Workspace As", "Ctrl+F": "Edit ▸ Find", "Ctrl+Shift+P": "Briefing ▸ Present"}
	found := 0
	for _, k := range keys {
		if d, ok := want[k.keys]; ok {
			if k.does != d {
				t.Errorf("%s does %q, want %q", k.keys, k.does, d)
			}
			found++
		}
	}
	if found != len(want) {
		t.Errorf("the sheet lists %v, without some of %v", keys, want)
	}
	w.keyboardSheet()
	var texts []string
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Label:
			texts = append(texts, x.Text)
		case *fyne.Container:
			for _, k := range x.Objects {
				walk(k)
			}
		case fyne.Widget:
			for _, k := range test.WidgetRenderer(x).Objects() {
				walk(k)
			}
		}
	}
	walk(w.Win.Canvas().Overlays().Top())
	all := strings.Join(texts, "\n")
	for _, s := range []string{"Ctrl+K", "Briefing ▸ Capture Scene", "Esc", "Shift + drag", "Leave the presentation"} {
		if !strings.Contains(all, s) {
			t.Errorf("the sheet does not show %q", s)
		}
	}
	drawtest.Check(t, "testdata/keyboard-sheet.png", w.Win.Canvas().Capture())
}

// TestAbout: Help ▸ About shows the version and the licences of the
// basemap, the gazetteer and the fonts.
func TestAbout(t *testing.T) {
	w, _ := sampleWindow(t)
	w.Release = release.Info{Name: "Chronomap", Version: "9.8.7"}
	w.about()
	var texts []string
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Label:
			texts = append(texts, x.Text)
		case *fyne.Container:
			for _, k := range x.Objects {
				walk(k)
			}
		case fyne.Widget:
			for _, k := range test.WidgetRenderer(x).Objects() {
				walk(k)
			}
		}
	}
	walk(w.Win.Canvas().Overlays().Top())
	all := strings.Join(texts, "\n")
	for _, s := range []string{"Chronomap 9.8.7", "Natural Earth", "public domain", "GeoNames", "CC BY 4.0", "Liberation Sans", "SIL Open Font License 1.1"} {
		if !strings.Contains(all, s) {
			t.Errorf("About does not say %q:\n%s", s, all)
		}
	}
	drawtest.Check(t, "testdata/about.png", w.Win.Canvas().Capture())
}

// TestFlowMapArea: a box drawn on the map filters, stays outlined on the
// map, and the filter bar's Map Area button clears it.
func TestFlowMapArea(t *testing.T) {
	_, v := sampleWindow(t)
	v.mapWidget.OnArea(&dataset.Box{MinLon: 25, MinLat: 35, MaxLon: 50, MaxLat: 50})
	if v.counts().shown != 3 || v.mapWidget.Model().Area == nil || !v.clearArea.Visible() {
		t.Fatalf("after a box over Armenia: %d shown, outlined %v, button %v", v.counts().shown, v.mapWidget.Model().Area, v.clearArea.Visible())
	}
	test.Tap(v.clearArea)
	if v.counts().shown != 6 || v.mapWidget.Model().Area != nil || v.clearArea.Visible() {
		t.Errorf("after Map Area ×: %d shown, outlined %v, button %v", v.counts().shown, v.mapWidget.Model().Area, v.clearArea.Visible())
	}
}

// TestFlowStatusKeepsLayout: a line of news or progress at the window's
// foot, coming and going, moves nothing above it: the map keeps its size
// and its zoom.
func TestFlowStatusKeepsLayout(t *testing.T) {
	w, v := sampleWindow(t)
	c := w.Win.Canvas()
	size, zoom := v.mapWidget.Size(), v.mapWidget.Model().View.MetresPerPx
	for _, step := range []struct {
		name string
		do   func()
	}{
		{"a note", func() { w.bar.note("Scene 1 captured") }},
		{"progress", func() { w.bar.start("big.csv") }},
		{"cancelled", func() { w.bar.cancelled("big.csv") }},
		{"blank", func() { w.bar.note("") }},
	} {
		step.do()
		w.Win.Content().Refresh() // lays the window out again, as a frame would
		c.Capture()
		if got := v.mapWidget.Size(); got != size || v.mapWidget.Model().View.MetresPerPx != zoom {
			t.Errorf("after %s the map is %v at %.0f m/px, was %v at %.0f", step.name, got, v.mapWidget.Model().View.MetresPerPx, size, zoom)
		}
	}
}
