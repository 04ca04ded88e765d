package window

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"chronomap/app/timeline"
	"chronomap/assets"
	"chronomap/data/dates"
	"chronomap/data/frame"
)

// sampleLoaded prepares the sample as the window's caller does.
func sampleLoaded(t *testing.T) Loaded {
	name, data := assets.Sample()
	f, err := frame.ReadBytes(name, data, frame.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return loadFrame(assets.SampleTitle, f, true)
}

// TestFilterAndKeys checks the filter bar and the window's keys: a search
// narrows the map and counts what is shown, → selects the next shown event
// in time, Esc clears the selection.
func TestFilterAndKeys(t *testing.T) {
	test.NewTempApp(t)
	v := newFileView(sampleLoaded(t))
	win := test.NewTempWindow(t, v)
	win.Resize(fyne.NewSize(1200, 740))
	if got := v.status.Text; got != "6 of 6 events shown · 6 on the map" {
		t.Errorf("status %q before a search", got)
	}
	v.search("burkina")
	if got := v.status.Text; got != "1 of 6 events shown · 1 on the map" {
		t.Errorf("status %q after searching burkina", got)
	}
	shown := 0
	for i := range v.file.index().Len() {
		if mapShows(v.mapWidget.Model(), i) {
			shown++
		}
	}
	if shown != 1 {
		t.Errorf("the map keeps %d events, want 1", shown)
	}
	v.typedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	if v.selected() < 0 || !v.shown(v.selected()) || !v.mapWidget.Model().Selected[v.selected()] {
		t.Errorf("→ selected %d", v.selected())
	}
	if d := v.card.text; !strings.Contains(d, "Burkina") || !strings.Contains(d, "When: 2023-11-07 (day)") || !strings.Contains(d, "coordinates in the file") || !strings.Contains(d, "ISW") {
		t.Errorf("detail %q", d)
	}
	v.typedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if v.selected() != -1 || v.mapWidget.Model().Selected != nil {
		t.Errorf("Esc left %d selected", v.selected())
	}
	v.search("")
	v.typedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	v.typedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	if v.selected() != 1 {
		t.Errorf("two → from nothing selected event %d, want the second in time", v.selected())
	}
}

// TestCodedCategoriesNamed opens a GDELT file: the category switches
// name the CAMEO root codes, and the table and the card show the names of
// the root code and the QuadClass beside the codes.
func TestCodedCategoriesNamed(t *testing.T) {
	test.NewTempApp(t)
	f, err := frame.ReadFile("../../data/frame/testdata/preset_gdelt2.export.CSV", frame.Options{})
	if err != nil {
		t.Fatal(err)
	}
	v := newFileView(loadFrame("gdelt", f, false))
	test.NewTempWindow(t, v)
	var chips []string
	for _, c := range v.chips {
		chips = append(chips, c.Text)
	}
	if len(chips) == 0 || !strings.HasPrefix(chips[0], "Consult (") {
		t.Errorf("switches %q, want the root codes' names", chips)
	}
	root, quad := v.grid.columnIndex("EventRootCode"), v.grid.columnIndex("QuadClass")
	if got := v.grid.value(0, root); got != "Consult (04)" {
		t.Errorf("EventRootCode of row 1 shows %q", got)
	}
	if got := v.grid.value(0, quad); got != "Verbal cooperation (1)" {
		t.Errorf("QuadClass of row 1 shows %q", got)
	}
}

// TestDateBoxesBC opens battles from 509 BC to AD 516: the date boxes
// write the window as the timeline does, with eras, and read "509 BC" and
// "509 v. Chr." typed into them.
func TestDateBoxesBC(t *testing.T) {
	test.NewTempApp(t)
	f, err := frame.ReadFile("testdata/roman_years.csv", frame.Options{})
	if err != nil {
		t.Fatal(err)
	}
	v := newFileView(loadFrame("battles", f, false))
	test.NewTempWindow(t, v)
	from, to := v.dates[0], v.dates[1]
	if !strings.HasSuffix(from.Text, " BC") || !strings.HasPrefix(to.Text, "AD ") {
		t.Errorf("the boxes show %q – %q, want years BC and AD", from.Text, to.Text)
	}
	from.SetText("509 BC")
	to.SetText("AD 516")
	from.OnSubmitted(from.Text)
	c := v.timelineWidget.Chart()
	if got, want := dates.ISO(int64(c.From)), "-0508-01-01T00:00:00Z"; got != want {
		t.Errorf("window from %s, want %s", got, want)
	}
	if got, want := dates.ISO(int64(c.To)), "0517-01-01T00:00:00Z"; got != want {
		t.Errorf("window to %s, want %s", got, want)
	}
	if from.Text != "509 BC" || to.Text != "AD 516" {
		t.Errorf("the boxes show %q – %q after the window was typed", from.Text, to.Text)
	}
	// In German, and one box typed again: the other keeps its edge.
	c.Lang = timeline.German
	v.onWindow(c.From, c.To)
	if from.Text != "509 v. Chr." || to.Text != "516 n. Chr." {
		t.Errorf("German boxes %q – %q", from.Text, to.Text)
	}
	from.SetText("216 v. Chr.")
	from.OnSubmitted(from.Text)
	if got := dates.ISO(int64(c.From)); got != "-0215-01-01T00:00:00Z" || dates.ISO(int64(c.To)) != "0517-01-01T00:00:00Z" {
		t.Errorf("window %s … %s after typing 216 v. Chr.", got, dates.ISO(int64(c.To)))
	}
	// A window of days is written in days.
	lo, hi := windowText(timeline.English, 1699315200, 1699315200+3*86400)
	if lo != "7 Nov 2023" || hi != "9 Nov 2023" {
		t.Errorf("three days written %q – %q", lo, hi)
	}
}

// TestTableShowsNoRowsBeforeItHasRoom checks that the table is told of
// its rows only once it has room for one: before, Fyne would make a
// divider for every row of the file and keep them.
func TestTableShowsNoRowsBeforeItHasRoom(t *testing.T) {
	test.NewTempApp(t)
	v := newFileView(sampleLoaded(t))
	if rows, _ := v.table.Length(); rows != 0 {
		t.Errorf("before its first layout the table has %d rows, want 0", rows)
	}
	w := test.NewTempWindow(t, v)
	w.Resize(fyne.NewSize(1280, 800))
	want, _ := v.grid.size()
	if rows, _ := v.table.Length(); rows != want || want == 0 {
		t.Errorf("laid out, the table has %d rows, want %d", rows, want)
	}
}
