package window

import (
	"errors"
	"math"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"

	"chronomap/app/draw/drawtest"
	"chronomap/assets"
	"chronomap/data/dataset"
	"chronomap/data/events"
	"chronomap/data/frame"
)

// smallFrame is built by hand, so that these tests do not depend on the
// frame readers.
func smallFrame() *frame.Frame {
	df := dataframe.New(
		series.New([]string{"ev-01", "ev-02", "ev-03"}, series.String, "id"),
		series.New([]string{"2023-11-03", "n/a", "2023-11-07"}, series.String, "date"),
		series.New([]string{"Meeting in Yerevan", "Milblogger warns over Russia's base in Gyumri, Armenia", "Shoigu meets Nicaragua's army commander"}, series.String, "title"),
		series.New([]string{"Yerevan", "Gyumri", "Moscow"}, series.String, "place"),
		series.New([]float64{40.1792, math.NaN(), 55.7558}, series.Float, "lat"),
		series.New([]float64{44.4991, 43.8475, 37.6173}, series.Float, "lon"),
		series.New([]int{2, 1, 12}, series.Int, "actors"),
	)
	f, err := frame.FromDataFrame(frame.Source{
		Path: "/home/analyst/events.csv", Format: "csv", Encoding: "utf-8",
		Delimiter: ",", HasHeader: true,
	}, df)
	if err != nil {
		panic(err)
	}
	f.Problems = []frame.Problem{
		{Row: 2, Column: "date", Value: "n/a", Reason: "not a date"},
		{Row: 2, Column: "lat", Reason: "missing latitude"},
		{Row: 0, Reason: "header repeated in line 9"},
	}
	return f
}

func TestFacts(t *testing.T) {
	f := smallFrame()
	if got, want := facts(f), `CSV · UTF-8 · delimiter "," · no preset · 3 rows · 7 columns`; got != want {
		t.Errorf("facts\n got %s\nwant %s", got, want)
	}
	f.Source = frame.Source{Format: "tsv", Encoding: "utf-16le", Delimiter: "\t", Preset: "gdelt2", DecimalComma: true}
	if got, want := facts(f), "TSV · UTF-16 LE · delimiter tab · no header row · decimal comma · preset GDELT 2.0 · 3 rows · 7 columns"; got != want {
		t.Errorf("facts\n got %s\nwant %s", got, want)
	}
	f.Source = frame.Source{Format: "xlsx", Sheet: "Events"}
	if got, want := facts(f), `XLSX, sheet "Events" · no preset · 3 rows · 7 columns`; got != want {
		t.Errorf("facts\n got %s\nwant %s", got, want)
	}
}

func TestThousands(t *testing.T) {
	for n, want := range map[int]string{0: "0", 999: "999", 1000: "1,000", 1000000: "1,000,000", -12345: "-12,345"} {
		if got := thousands(n); got != want {
			t.Errorf("thousands(%d) = %q, want %q", n, got, want)
		}
	}
	if got := plural(1, "1 row", "%s rows"); got != "1 row" {
		t.Errorf("plural(1) = %q", got)
	}
	if got := plural(1200, "1 row", "%s rows"); got != "1,200 rows" {
		t.Errorf("plural(1200) = %q", got)
	}
}

func TestWindowTitle(t *testing.T) {
	sample := Loaded{Title: assets.SampleTitle, Sample: true}
	file := Loaded{Title: "/data/acled.csv"}
	for _, c := range []struct {
		files []Loaded
		want  string
	}{
		{nil, "Chronomap"},
		{[]Loaded{sample}, "Chronomap — Sample data"},
		{[]Loaded{file}, "Chronomap — acled.csv"},
		{[]Loaded{file, {Title: "b.xlsx"}}, "Chronomap — acled.csv and b.xlsx"},
		{[]Loaded{file, {Title: "b.xlsx"}, {Title: "c.json"}}, "Chronomap — acled.csv and 2 more files"},
	} {
		if got := windowTitle(c.files, ""); got != c.want {
			t.Errorf("windowTitle(%d files) = %q, want %q", len(c.files), got, c.want)
		}
	}
}

func TestGrid(t *testing.T) {
	g := newGrid(smallFrame())
	if r, c := g.size(); r != 3 || c != 7 {
		t.Fatalf("size = %d×%d, want 3×7", r, c)
	}
	for _, c := range []struct {
		row, col int
		want     string
	}{
		{0, 0, "ev-01"}, {1, 1, "n/a"}, {0, 4, "40.1792"}, {1, 4, ""}, {2, 5, "37.6173"}, {2, 6, "12"},
	} {
		if got := g.cell(c.row, c.col); got != c.want {
			t.Errorf("cell(%d, %d) = %q, want %q", c.row, c.col, got, c.want)
		}
	}
	if g.name(4) != "lat" || g.kind(4) != frame.Number || g.kind(6) != frame.Integer || g.kind(0) != frame.Text {
		t.Errorf("header of column 4: %s %s", g.name(4), g.kind(4))
	}
	if g.numeric(0) || !g.numeric(4) {
		t.Error("numeric: id should be text, lat a number")
	}
	w := g.widths(func(s string, bold bool) float32 { return float32(len(s) * 7) })
	// id: narrower than the minimum; title: cut at the maximum; lat: its
	// widest cell, "40.1792"; date: its widest cell.
	if w[0] != minWidth || w[2] != maxWidth || w[4] != 7*7 || w[1] != float32(7*len("2023-11-03")) {
		t.Errorf("widths = %v", w)
	}
}

// TestGridOfGotaFrame checks that a frame made of a gota frame, whose
// column kinds come from its series' types, shows numbers as numbers.
func TestGridOfGotaFrame(t *testing.T) {
	g := newGrid(smallFrame())
	if g.kind(4) != frame.Number || g.kind(6) != frame.Integer || g.cell(0, 4) != "40.1792" {
		t.Errorf("kinds %v, cell %q", g.kinds, g.cell(0, 4))
	}
}

func TestProblems(t *testing.T) {
	f := smallFrame()
	g := newGrid(f)
	want := []string{
		`Row 2, column "date": "n/a" — not a date`,
		`Row 2, column "lat" — missing latitude`,
		`File — header repeated in line 9`,
	}
	for i, p := range f.Problems {
		if got := problemLine(p); got != want[i] {
			t.Errorf("problemLine %d\n got %s\nwant %s", i, got, want[i])
		}
	}
	if id, ok := problemCell(g, f.Problems[0]); !ok || id != (widget.TableCellID{Row: 1, Col: 1}) {
		t.Errorf("problemCell(date) = %v, %v", id, ok)
	}
	if id, ok := problemCell(g, frame.Problem{Row: 3, Reason: "ragged row"}); !ok || id != (widget.TableCellID{Row: 2, Col: 0}) {
		t.Errorf("problemCell(whole row) = %v, %v", id, ok)
	}
	for _, p := range []frame.Problem{f.Problems[2], {Row: 4}} {
		if _, ok := problemCell(g, p); ok {
			t.Errorf("problemCell(%+v) points into the table", p)
		}
	}
	if problemsHeading(0) != "No problems" || problemsHeading(1) != "1 problem" || problemsHeading(1200) != "1,200 problems" {
		t.Error("problemsHeading")
	}
}

// TestWindow builds the real window on the test driver and works it as a
// user would: the table shows the frame, a click on a problem selects its
// cell.
func TestWindow(t *testing.T) {
	a := test.NewTempApp(t)
	w := New(a, []Loaded{{Title: "events.csv", Data: tableOnly(smallFrame())}})
	defer w.Win.Close()
	if w.Win.Title() != "Chronomap — events.csv" {
		t.Errorf("title %q", w.Win.Title())
	}
	v := w.active()
	if v == nil {
		t.Fatal("no file view on show")
	}
	w.Win.Resize(fyne.NewSize(1000, 600))
	if r, c := v.table.Length(); r != 3 || c != 7 {
		t.Errorf("table is %d×%d, want 3×7", r, c)
	}
	if n := v.problems.Length(); n != 3 {
		t.Errorf("problems list has %d items, want 3", n)
	}
	texts := shownTexts(w.Win.Canvas().Content())
	for _, s := range []string{"events.csv", "id", "text", "lat", "number", "ev-01", "40.1792", "37.6173", "Gyumri", "3 problems",
		`Row 2, column "date": "n/a" — not a date`, `CSV · UTF-8 · delimiter "," · no preset · 3 rows · 7 columns`} {
		if !texts[s] {
			t.Errorf("%q is not shown", s)
		}
	}
	if texts["Sample data"] {
		t.Error("a user's file is marked as sample data")
	}

	v.problems.Select(0)
	if v.detail.Text != "Row 2, date: n/a" {
		t.Errorf("after clicking the first problem the detail line reads %q", v.detail.Text)
	}
	v.problems.Select(1)
	if v.detail.Text != "Row 2, lat: " {
		t.Errorf("after clicking the second problem the detail line reads %q", v.detail.Text)
	}
	v.problems.Select(2) // a file problem: nothing to scroll to, nothing changes
	if v.detail.Text != "Row 2, lat: " {
		t.Errorf("after clicking the file problem the detail line reads %q", v.detail.Text)
	}
}

func TestWindowTabs(t *testing.T) {
	a := test.NewTempApp(t)
	w := New(a, []Loaded{
		{Title: assets.SampleTitle, Sample: true, Data: tableOnly(smallFrame())},
		{Title: "broken.xlsx", Err: errors.New("broken.xlsx: not an XLSX file")},
	})
	defer w.Win.Close()
	w.Win.Resize(fyne.NewSize(1000, 600))
	if w.Win.Title() != "Chronomap — Sample data and broken.xlsx" {
		t.Errorf("title %q", w.Win.Title())
	}
	texts := shownTexts(w.Win.Canvas().Content())
	for _, s := range []string{"Sample data", assets.SampleTitle, "broken.xlsx"} {
		if !texts[s] {
			t.Errorf("%q is not shown", s)
		}
	}
}

func TestWindowError(t *testing.T) {
	a := test.NewTempApp(t)
	w := New(a, []Loaded{{Title: "broken.xlsx", Err: errors.New("broken.xlsx: not an XLSX file")}})
	defer w.Win.Close()
	w.Win.Resize(fyne.NewSize(600, 300))
	if texts := shownTexts(w.Win.Canvas().Content()); !texts["broken.xlsx: not an XLSX file"] {
		t.Errorf("error sentence not shown; shown: %v", texts)
	}
}

// TestWindowImage renders the sample-marked window in the light and the
// dark theme and compares it with testdata/; run with -update to rewrite
// the images after a deliberate change, and look at them.
func TestWindowImage(t *testing.T) {
	for _, c := range []struct {
		name    string
		variant fyne.ThemeVariant
	}{{"window-light.png", theme.VariantLight}, {"window-dark.png", theme.VariantDark}} {
		t.Run(c.name, func(t *testing.T) {
			a := test.NewTempApp(t)
			a.Settings().SetTheme(forced{theme.DefaultTheme(), c.variant})
			w := New(a, []Loaded{{Title: assets.SampleTitle, Sample: true, Data: tableOnly(smallFrame())}})
			defer w.Win.Close()
			w.Win.Resize(fyne.NewSize(900, 520))
			v := w.active()
			v.table.Select(widget.TableCellID{Row: 1, Col: 2})
			drawtest.Check(t, filepath.Join("testdata", c.name), w.Win.Canvas().Capture())
		})
	}
}

// shownTexts is every text drawn in o, whole.
func shownTexts(o fyne.CanvasObject) map[string]bool {
	texts := map[string]bool{}
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if !o.Visible() {
			return
		}
		switch o := o.(type) {
		case *fyne.Container:
			for _, c := range o.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(o).Objects() {
				walk(c)
			}
		case *canvas.Text:
			texts[strings.TrimSpace(o.Text)] = true
		}
	}
	walk(o)
	return texts
}

func TestCellOnOneLine(t *testing.T) {
	df := dataframe.New(series.New([]string{"<p>First\r\nsecond</p>\tthird", "plain  spaced"}, series.String, "text"))
	f, err := frame.FromDataFrame(frame.Source{}, df)
	if err != nil {
		t.Fatal(err)
	}
	g := newGrid(f)
	if got := g.cell(0, 0); got != "<p>First second</p> third" {
		t.Errorf("cell = %q", got)
	}
	if got := g.cell(1, 0); got != "plain  spaced" {
		t.Errorf("cell without line breaks changed: %q", got)
	}
	if got := cellDetail(g, widget.TableCellID{Row: 0, Col: 0}); got != "Row 1, text: <p>First\r\nsecond</p>\tthird" {
		t.Errorf("cellDetail = %q", got)
	}
}

// TestSampleFrame reads the bundled sample as the app does, once the CSV
// reader exists, and checks that the window would show all of it.
func TestSampleFrame(t *testing.T) {
	name, data := assets.Sample()
	f, err := frame.ReadBytes(name, data, frame.Options{})
	if err != nil {
		if strings.Contains(err.Error(), "not built yet") {
			t.Skip(err)
		}
		t.Fatal(err)
	}
	if len(f.Problems) != 0 {
		t.Errorf("the sample has problems: %v", f.Problems)
	}
	g := newGrid(f)
	if r, c := g.size(); r != 6 || c != 17 {
		t.Errorf("sample is %d×%d, want 6×17", r, c)
	}
	for _, c := range []struct {
		col  string
		kind frame.Kind
	}{{"id", frame.Text}, {"date", frame.Text}, {"lat", frame.Number}, {"origin_lon", frame.Number}, {"url", frame.Text}} {
		if i := g.columnIndex(c.col); i < 0 || g.kind(i) != c.kind {
			t.Errorf("column %s: index %d, want kind %s", c.col, i, c.kind)
		}
	}
	rows, _ := g.size()
	if got := g.cell(rows-1, g.columnIndex("date")); got != "2023-11" {
		t.Errorf("last date = %q, want 2023-11", got)
	}
	if got := facts(f); got != `CSV · UTF-8 · delimiter "," · no preset · 6 rows · 17 columns` {
		t.Errorf("facts = %s", got)
	}
}

// TestCaptionShowsRole checks that a mapped column's header says the role
// it plays beside its kind, and an unmapped one only its kind.
func TestCaptionShowsRole(t *testing.T) {
	g := newGrid(smallFrame())
	g.roles = map[string]string{g.name(1): "start"}
	if got := g.caption(1); got != g.kind(1).String()+" · start" {
		t.Errorf("mapped column caption %q", got)
	}
	if got := g.caption(0); got != g.kind(0).String() {
		t.Errorf("unmapped column caption %q", got)
	}
}

// TestEventFacts checks the line that counts events and placed events.
func TestEventFacts(t *testing.T) {
	with := func(x *events.Index) Loaded { return Loaded{Data: &dataset.Dataset{Index: x}} }
	for l, want := range map[*Loaded]string{
		ptr(with(&events.Index{Start: make([]int64, 6), Located: 6})):              "6 events · 6 placed",
		ptr(with(&events.Index{Start: make([]int64, 1), Located: 1, Geocoded: 1})): "1 event · 1 placed (1 by place name)",
		{}: "no events",
	} {
		if got := eventFacts(*l); got != want {
			t.Errorf("eventFacts = %q, want %q", got, want)
		}
	}
}

func ptr[T any](v T) *T { return &v }
