package events

import (
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	"chronomap/data/dates"
	"chronomap/data/frame"
)

// build detects the mapping of CSV text and builds its index.
func build(t *testing.T, text string) (*frame.Frame, *Index, []frame.Problem) {
	t.Helper()
	f := readCSV(t, text)
	x, probs := Build(f, Detect(f))
	checkIndex(t, x)
	return f, x, probs
}

// checkIndex checks what holds for every index: columns of one length,
// starts ascending, ends not before starts, Located counting the placed.
func checkIndex(t *testing.T, x *Index) {
	t.Helper()
	n := x.Len()
	for name, l := range map[string]int{"StartPrec": len(x.StartPrec), "End": len(x.End), "EndPrec": len(x.EndPrec),
		"Lat": len(x.Lat), "Lon": len(x.Lon), "Row": len(x.Row)} {
		if l != n {
			t.Fatalf("len(%s) = %d, want %d", name, l, n)
		}
	}
	located := 0
	for i := range n {
		if i > 0 && x.Start[i] < x.Start[i-1] {
			t.Errorf("event %d starts before event %d", i, i-1)
		}
		if x.EndPrec[i] != dates.None && x.EndTime(i).End() <= x.Start[i] {
			t.Errorf("event %d ends before it starts", i)
		}
		if x.EndPrec[i] == dates.None && x.End[i] != x.Start[i] {
			t.Errorf("event %d has no end but End %d != Start %d", i, x.End[i], x.Start[i])
		}
		if x.IsLocated(i) {
			located++
		} else if !math.IsNaN(x.Lon[i]) {
			t.Errorf("event %d has a longitude but no latitude", i)
		}
	}
	if located != x.Located {
		t.Errorf("Located = %d, but %d events have coordinates", x.Located, located)
	}
}

// problemsOf returns the problems as "row column value reason" lines.
func problemsOf(probs []frame.Problem) []string {
	var out []string
	for _, p := range probs {
		out = append(out, fmt.Sprintf("%d %s %q %s", p.Row, p.Column, p.Value, p.Reason))
	}
	return out
}

// wantProblems checks the problems, in order, as problemsOf writes them,
// and that each says why in a detail naming its value.
func wantProblems(t *testing.T, probs []frame.Problem, want ...string) {
	t.Helper()
	got := problemsOf(probs)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
	for _, p := range probs {
		if p.Detail == "" {
			t.Errorf("row %d %s: no detail", p.Row, p.Reason)
		}
		if p.Value != "" && !strings.Contains(p.Detail, p.Value) {
			t.Errorf("row %d %s: detail %q does not name the value %q", p.Row, p.Reason, p.Detail, p.Value)
		}
	}
}

func iso(t dates.Time) string { return t.String() }

func TestBuildSortsAndPointsBack(t *testing.T) {
	f, x, probs := build(t, "id,date,title\n"+
		"a,2023-11-07,Moscow 1\n"+
		"b,2023-11-03,Yerevan\n"+
		"c,2023-11-07,Moscow 2\n"+
		"d,2023-11-01,Early\n"+
		"e,2023-11-07,Moscow 3\n")
	wantProblems(t, probs)
	ids := f.Texts(f.Col("id"))
	var got []string
	for i := range x.Len() {
		got = append(got, ids[x.Row[i]])
	}
	if strings.Join(got, "") != "dbace" {
		t.Errorf("order by row id = %q, want dbace (ties in file order)", strings.Join(got, ""))
	}
	if x.Located != 0 || x.IsLocated(0) {
		t.Errorf("located %d without coordinates", x.Located)
	}
}

func TestBuildSortsFarApartDates(t *testing.T) {
	// Starts more than the packed sort's span apart take the other path.
	_, x, _ := build(t, "n,date\n1,9999-12-31\n2,-50000\n3,2023-11-07\n4,2023-11-07\n5,-50000\n")
	var rows []int32
	for i := range x.Len() {
		rows = append(rows, x.Row[i])
	}
	if fmt.Sprint(rows) != "[1 4 2 3 0]" {
		t.Errorf("rows = %v, want [1 4 2 3 0]", rows)
	}
}

func TestBuildPrecisionsAndRanges(t *testing.T) {
	_, x, probs := build(t, "title,date,end\n"+
		"year,1985,\n"+
		"month,2023-11,\n"+
		"day,2023-11-07,\n"+
		"second,2023-11-07T10:15:30Z,\n"+
		"range,2023-11-03/2023-11-07,\n"+
		"ended,2023-11-08,2023-11-09\n"+
		"bad end,2023-11-10,01.11.2023\n"+
		"same day,2023-11-11,2023-11-11\n"+
		"unreadable end,2023-11-12,soon\n"+
		"month end,2023-11-13,2023-12\n")
	wantProblems(t, probs,
		`7 end "01.11.2023" end before start`,
		`9 end "soon" unparseable end date`)
	type ev struct{ start, prec, end, endPrec string }
	want := []ev{
		{"1985", "year", "", ""},
		{"2023-11", "month", "", ""},
		{"2023-11-03", "day", "2023-11-07", "day"},
		{"2023-11-07", "day", "", ""},
		{"2023-11-07T10:15:30Z", "second", "", ""},
		{"2023-11-08", "day", "2023-11-09", "day"},
		{"2023-11-10", "day", "", ""}, // the end before the start is dropped
		{"2023-11-11", "day", "2023-11-11", "day"},
		{"2023-11-12", "day", "", ""},
		{"2023-11-13", "day", "2023-12", "month"},
	}
	if x.Len() != len(want) {
		t.Fatalf("%d events, want %d", x.Len(), len(want))
	}
	for i, w := range want {
		got := ev{iso(x.StartTime(i)), x.StartPrec[i].String(), iso(x.EndTime(i)), x.EndPrec[i].String()}
		if got != w {
			t.Errorf("event %d = %+v, want %+v", i, got, w)
		}
	}
	for _, p := range probs {
		if !strings.Contains(p.Detail, "without an end") {
			t.Errorf("row %d: detail %q does not say the event keeps its start", p.Row, p.Detail)
		}
	}
	lo, hi, ok := x.Span()
	if !ok || dates.ISO(lo) != "1985-01-01T00:00:00Z" || dates.ISO(hi) != "2023-12-01T00:00:00Z" {
		t.Errorf("Span = %s, %s, %v", dates.ISO(lo), dates.ISO(hi), ok)
	}
}

func TestBuildSpan(t *testing.T) {
	// The latest end may belong to an event that does not start last.
	_, x, _ := build(t, "date,end\n2023-01-01,2023-12-31\n2023-06-01,\n")
	lo, hi, ok := x.Span()
	if !ok || dates.ISO(lo) != "2023-01-01T00:00:00Z" || dates.ISO(hi) != "2023-12-31T00:00:00Z" {
		t.Errorf("Span = %s, %s, %v", dates.ISO(lo), dates.ISO(hi), ok)
	}
	// An end known only to the year that holds the start: the event ends
	// within 2023, and the span still reaches its start.
	_, x, probs := build(t, "date,end\n2023-01-05,\n2023-11-07,2023\n")
	wantProblems(t, probs)
	lo, hi, _ = x.Span()
	if iso(x.EndTime(1)) != "2023" || dates.ISO(lo) != "2023-01-05T00:00:00Z" || dates.ISO(hi) != "2023-11-07T00:00:00Z" {
		t.Errorf("end %s, Span = %s, %s; want 2023, 2023-01-05, 2023-11-07", iso(x.EndTime(1)), dates.ISO(lo), dates.ISO(hi))
	}

	var empty Index
	if _, _, ok := empty.Span(); ok {
		t.Error("Span of no events is ok")
	}
}

func TestBuildDateProblems(t *testing.T) {
	_, x, probs := build(t, "title,date\n"+
		"a,2023-11-07\n"+
		"b,\n"+
		"c,n/a\n"+
		"d,32.13.2023\n"+
		"e,2023-11-03\n")
	if x.Len() != 2 {
		t.Errorf("%d events, want 2", x.Len())
	}
	wantProblems(t, probs,
		`2 date "" no date`,
		`3 date "n/a" unparseable date`,
		`4 date "32.13.2023" unparseable date`)
	for _, p := range probs {
		if !strings.Contains(p.Detail, "not on the timeline") {
			t.Errorf("row %d: detail %q does not say the row is left out", p.Row, p.Detail)
		}
	}
}

func TestBuildAmbiguousDayMonth(t *testing.T) {
	_, x, probs := build(t, "title,date\na,04/05/2023\nb,03/02/2023\nc,12/11/2023\n")
	if x.Len() != 0 {
		t.Errorf("%d events from an ambiguous column, want none until the order is chosen", x.Len())
	}
	wantProblems(t, probs,
		`0 date "" ambiguous date order`,
		`1 date "04/05/2023" ambiguous date`,
		`2 date "03/02/2023" ambiguous date`,
		`3 date "12/11/2023" ambiguous date`)
	if len(probs) > 0 && !strings.Contains(probs[0].Detail, `"04/05/2023"`) {
		t.Errorf("column problem %q does not show a value of the column", probs[0].Detail)
	}
	if len(probs) > 1 && !strings.Contains(probs[1].Detail, "4 May") {
		t.Errorf("row problem %q does not give both readings", probs[1].Detail)
	}

	// One value past 12 settles the column: day first.
	_, x, probs = build(t, "title,date\na,04/05/2023\nb,13/11/2023\n")
	wantProblems(t, probs)
	if x.Len() != 2 || iso(x.StartTime(0)) != "2023-05-04" {
		t.Errorf("%d events, first %s; want 2023-05-04 first", x.Len(), iso(x.StartTime(0)))
	}
}

func TestBuildBC(t *testing.T) {
	_, x, probs := build(t, "Year,Headline\n-509,Republic\n1985,Later\n-44,Caesar\n")
	wantProblems(t, probs)
	if x.Len() != 3 {
		t.Fatalf("%d events, want 3", x.Len())
	}
	for i, want := range []string{"-0508", "-0043", "1985"} {
		if got := iso(x.StartTime(i)); got != want || x.StartPrec[i] != dates.Year {
			t.Errorf("event %d = %s (%s), want %s (year)", i, got, x.StartPrec[i], want)
		}
	}
	lo, hi, _ := x.Span()
	if dates.ISO(lo) != "-0508-01-01T00:00:00Z" || dates.ISO(hi) != "1985-01-01T00:00:00Z" {
		t.Errorf("Span = %s … %s", dates.ISO(lo), dates.ISO(hi))
	}

	_, x, probs = build(t, "Datum;Ereignis\n509 v. Chr.;Republik\n44 v. Chr.;Caesar\n")
	wantProblems(t, probs)
	if x.Len() != 2 || iso(x.StartTime(0)) != "-0508" || iso(x.StartTime(1)) != "-0043" {
		t.Errorf("events %d: %s, %s; want -0508, -0043", x.Len(), iso(x.StartTime(0)), iso(x.StartTime(1)))
	}
}

func TestBuildSplitDate(t *testing.T) {
	_, x, probs := build(t, "Year,Month,Day,Headline\n"+
		"-509,,,Republic\n"+
		"2023,11,7,Moscow\n"+
		"2023,11,,November\n"+
		",,,Title row\n"+
		"2023,13,,Bad month\n"+
		",5,,No year\n"+
		"2023,2,30,No such day\n")
	wantProblems(t, probs,
		`4 Year "" no date`,
		`5 Month "13" unparseable date`,
		`6 Year "" unparseable date`,
		`7 Year "2023-2-30" unparseable date`)
	want := []string{"-0508", "2023-11", "2023-11-07"}
	if x.Len() != len(want) {
		t.Fatalf("%d events, want %d", x.Len(), len(want))
	}
	for i, w := range want {
		if got := iso(x.StartTime(i)); got != w {
			t.Errorf("event %d = %s, want %s", i, got, w)
		}
	}
}

func TestBuildCoordinates(t *testing.T) {
	_, x, probs := build(t, "title,date,lat,lon\n"+
		"ok,2023-11-01,55.75,37.62\n"+
		"lat out,2023-11-02,123.4,37.62\n"+
		"lon out,2023-11-03,55.75,-200\n"+
		"no lat,2023-11-04,,37.62\n"+
		"no lon,2023-11-05,55.75,\n"+
		"unreadable,2023-11-06,abc,37.62\n"+
		"dms,2023-11-07,55°45′N,37.62\n"+
		"none,2023-11-08,,\n")
	if x.Len() != 8 {
		t.Errorf("%d events, want all 8: bad coordinates do not lose events", x.Len())
	}
	if x.Located != 2 {
		t.Errorf("Located = %d, want 2", x.Located)
	}
	wantProblems(t, probs,
		`2 lat "123.4" coordinates out of range`,
		`3 lon "-200" coordinates out of range`,
		`4 lat "" incomplete coordinates`,
		`5 lon "" incomplete coordinates`,
		`6 lat "abc" unreadable coordinates`,
		`8 lat "" no place`)
	if len(probs) > 3 && !strings.Contains(probs[2].Detail, `"lon" is 37.62`) {
		t.Errorf("detail %q does not give the other half", probs[2].Detail)
	}
	for i := range x.Len() {
		if x.IsLocated(i) != (x.Row[i] == 0 || x.Row[i] == 6) {
			t.Errorf("event of row %d located = %v", x.Row[i]+1, x.IsLocated(i))
		}
	}
	if x.Lat[0] != 55.75 || x.Lon[0] != 37.62 {
		t.Errorf("event 0 at %v, %v", x.Lat[0], x.Lon[0])
	}
}

func TestBuildCoordinatesNumeric(t *testing.T) {
	// Numeric columns: out-of-range values are reported as written.
	_, x, probs := build(t, "date,lat,lon\n2023-11-01,55.75,37.62\n2023-11-02,-95.5,37.62\n")
	wantProblems(t, probs, `2 lat "-95.5" coordinates out of range`)
	if x.Located != 1 {
		t.Errorf("Located = %d, want 1", x.Located)
	}
}

func TestBuildCombinedCoordinates(t *testing.T) {
	_, x, probs := build(t, "date,coordinates\n"+
		"2023-11-01,\"55.75, 37.62\"\n"+
		"2023-11-02,POINT(44.51 40.18)\n"+
		"2023-11-03,somewhere\n"+
		"2023-11-04,\"95, 10\"\n"+
		"2023-11-05,\n")
	wantProblems(t, probs,
		`3 coordinates "somewhere" unreadable coordinates`,
		`4 coordinates "95, 10" coordinates out of range`,
		`5 coordinates "" no place`)
	if x.Len() != 5 || x.Located != 2 {
		t.Errorf("%d events, %d located; want 5, 2", x.Len(), x.Located)
	}
	if x.Lat[1] != 40.18 || x.Lon[1] != 44.51 {
		t.Errorf("WKT point at %v, %v; want 40.18, 44.51", x.Lat[1], x.Lon[1])
	}
}

func TestBuildCoordsWithOnlyLatitude(t *testing.T) {
	// A lat column without a lon column cannot place anything; the
	// combined column must still be used.
	f := readCSV(t, "date,lat,pos\n2023-11-01,55.75,\"55.75, 37.62\"\n")
	var m Mapping
	if err := m.Apply(f, []string{"start=date", "lat=lat", "coords=pos"}); err != nil {
		t.Fatal(err)
	}
	x, _ := Build(f, m)
	if x.Located != 1 {
		t.Errorf("Located = %d, want 1 from the combined column", x.Located)
	}
}

func TestBuildMissingColumns(t *testing.T) {
	// A mapping saved with a workspace may name columns the file lost.
	f := readCSV(t, "date,lat,lon\n2023-11-01,55.75,37.62\n")
	m := Mapping{Columns: map[Role][]string{Start: {"Year", "Month"}, Lat: {"lat"}, Lon: {"longitude"}}}
	x, probs := Build(f, m)
	checkIndex(t, x)
	if x.Len() != 0 {
		t.Errorf("%d events without a date column", x.Len())
	}
	got := strings.Join(problemsOf(probs), "\n")
	for _, w := range []string{`0 Year "" missing column`, `0 Month "" missing column`, `0 longitude "" missing column`, "no date column"} {
		if !strings.Contains(got, w) {
			t.Errorf("problems lack %q:\n%s", w, got)
		}
	}
}

func TestBuildNoDateColumn(t *testing.T) {
	f := readCSV(t, "name,lat,lon\nMoscow,55.75,37.62\n")
	x, probs := Build(f, Detect(f))
	wantProblems(t, probs, `0  "" no date column`)
	if x.Len() != 0 {
		t.Errorf("%d events without a date", x.Len())
	}
	if _, _, ok := x.Span(); ok {
		t.Error("Span ok without events")
	}
}

func TestBuildEmptyFrame(t *testing.T) {
	f := readCSV(t, "date,lat,lon\n")
	x, probs := Build(f, Detect(f))
	checkIndex(t, x)
	if x.Len() != 0 || len(probs) != 0 {
		t.Errorf("%d events, problems %v", x.Len(), problemsOf(probs))
	}
}

func TestBuildLarge(t *testing.T) {
	// Enough rows to take the parallel path; problems stay in row order.
	x, probs := buildGenerated(t, 30_000)
	if x.Len() != 30_000 || x.Located != 30_000 || len(probs) != 0 {
		t.Fatalf("%d events, %d located, %d problems", x.Len(), x.Located, len(probs))
	}
	checkIndex(t, x)
}

func buildGenerated(t *testing.T, n int) (*Index, []frame.Problem) {
	t.Helper()
	f, err := frame.ReadBytes("acled.csv", acledLike(n), frame.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return Build(f, Detect(f))
}

// TestBuildChosenDateOrder checks that the user's choice of day-first or
// month-first reads a column no value settles, and wins over the values.
func TestBuildChosenDateOrder(t *testing.T) {
	for _, c := range []struct {
		order dates.Order
		want  string
	}{{dates.DayFirst, "2023-05-04"}, {dates.MonthFirst, "2023-04-05"}} {
		f, err := frame.ReadBytes("x.csv", []byte("title,date\na,04/05/2023\nb,03/02/2023\n"), frame.Options{})
		if err != nil {
			t.Fatal(err)
		}
		m := Detect(f)
		m.Order = c.order
		x, probs := Build(f, m)
		if x.Len() != 2 || len(probs) != 0 {
			t.Fatalf("%v: %d events, problems %v", c.order, x.Len(), probs)
		}
		if got := x.StartTime(1).String(); got != c.want {
			t.Errorf("%v: 04/05/2023 read as %s, want %s", c.order, got, c.want)
		}
	}
}

// TestDatesOfEveryColumnForm checks that a date column reads the same
// whether the frame keeps it as a dictionary (dates parsed once a value)
// or row by row (dates all distinct): the same starts, and the same
// problems in the same rows.
func TestDatesOfEveryColumnForm(t *testing.T) {
	const n = 6000 // past the frame's probe for mostly distinct columns
	var distinct, repeated strings.Builder
	distinct.WriteString("id,date\n")
	repeated.WriteString("id,date\n")
	day := time.Date(2023, 11, 1, 0, 0, 0, 0, time.UTC)
	for i := range n {
		d := day.Add(time.Duration(i) * time.Minute).Format("2006-01-02 15:04")
		r := day.AddDate(0, 0, i%40).Format("2006-01-02")
		if i%1000 == 7 {
			d, r = "n/a", "n/a"
		}
		fmt.Fprintf(&distinct, "%d,%s\n", i, d)
		fmt.Fprintf(&repeated, "%d,%s\n", i, r)
	}
	for name, text := range map[string]string{"distinct": distinct.String(), "repeated": repeated.String()} {
		f, x, probs := build(t, text)
		if _, dict := f.Distinct(f.Col("date")); dict != (name == "repeated") {
			t.Errorf("%s: kept as a dictionary %v", name, dict)
		}
		if x.Len() != n-n/1000 {
			t.Errorf("%s: %d events, want %d", name, x.Len(), n-n/1000)
		}
		var rows []string
		for _, p := range probs {
			rows = append(rows, fmt.Sprintf("%d %s %s", p.Row, p.Value, p.Reason))
		}
		if want := "8 n/a unparseable date|1008 n/a unparseable date|2008 n/a unparseable date|3008 n/a unparseable date|4008 n/a unparseable date|5008 n/a unparseable date"; strings.Join(rows, "|") != want {
			t.Errorf("%s: problems %q", name, rows)
		}
		for i := range x.Len() {
			row := int(x.Row[i])
			want := day.Add(time.Duration(row) * time.Minute)
			if name == "repeated" {
				want = day.AddDate(0, 0, row%40)
			}
			if x.Start[i] != want.Unix() {
				t.Fatalf("%s: row %d starts %d, want %s", name, row+1, x.Start[i], want)
			}
		}
	}
}
