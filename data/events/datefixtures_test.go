package events

import (
	"testing"

	"chronomap/data/dates"
	"chronomap/data/frame"
)

// indexFile reads a fixture with the detected mapping plus overrides.
func indexFile(t *testing.T, path string, overrides ...string) (*frame.Frame, *Index, []frame.Problem) {
	t.Helper()
	f, err := frame.ReadFile(path, frame.Options{})
	if err != nil {
		t.Fatal(err)
	}
	m := Detect(f)
	if err := m.Apply(f, overrides); err != nil {
		t.Fatal(err)
	}
	x, probs := Build(f, m)
	return f, x, probs
}

// startOfRow returns the start of the event built from a frame row.
func startOfRow(x *Index, row int) (dates.Time, bool) {
	for i, r := range x.Row {
		if int(r) == row {
			return x.StartTime(i), true
		}
	}
	return dates.Time{}, false
}

// TestDateFormsFixture reads every date form of testdata/date_forms.csv as
// a file, end to end, and checks each row's start and precision against
// the want and precision columns written beside it.
func TestDateFormsFixture(t *testing.T) {
	f, x, probs := indexFile(t, "testdata/date_forms.csv", "start=value")
	if len(probs) != 0 {
		t.Errorf("problems: %v", probs)
	}
	form, want, prec := f.Col("form"), f.Col("want"), f.Col("precision")
	for row := range f.Rows() {
		got, ok := startOfRow(x, row)
		if !ok {
			t.Errorf("%s: no event", f.Text(row, form))
			continue
		}
		if dates.ISO(got.Unix) != f.Text(row, want) || got.Prec.String() != f.Text(row, prec) {
			t.Errorf("%s: %s (%s), want %s (%s)", f.Text(row, form), dates.ISO(got.Unix), got.Prec, f.Text(row, want), f.Text(row, prec))
		}
	}
}

// TestDateColumnFixtures reads columns whose values only make sense
// together: epochs, Excel serials, BC year columns, day- or month-first
// orders settled by one value, split dates and start/end columns.
func TestDateColumnFixtures(t *testing.T) {
	cases := []struct {
		file  string
		map_  []string
		want  []string // ISO start of each row, in file order; "" for no event
		prec  dates.Precision
		probs int
	}{
		{"date_unix_ms.csv", nil, []string{"2013-07-02T07:37:02Z", "2013-07-21T05:09:31Z"}, dates.Second, 0},
		{"date_unix_s.csv", nil, []string{"2023-11-07T10:00:00Z", "2023-11-03T08:26:40Z"}, dates.Second, 0},
		{"date_excel.csv", nil, []string{"2023-11-07T00:00:00Z", "2023-11-07T12:00:00Z"}, 0, 0},
		{"date_years.csv", nil, []string{"-0508-01-01T00:00:00Z", "-0043-01-01T00:00:00Z", "0476-01-01T00:00:00Z", "0516-01-01T00:00:00Z"}, dates.Year, 0},
		{"date_dayfirst.csv", nil, []string{"2023-05-04T00:00:00Z", "2023-11-13T00:00:00Z"}, dates.Day, 0},
		{"date_monthfirst.csv", nil, []string{"2023-04-05T00:00:00Z", "2023-11-13T00:00:00Z"}, dates.Day, 0},
		{"date_split.csv", nil, []string{"2023-11-07T00:00:00Z", "2023-11-01T00:00:00Z", "2023-01-01T00:00:00Z", "-0508-01-01T00:00:00Z"}, 0, 0},
		{"date_start_end.csv", nil, []string{"2023-11-03T00:00:00Z", "2023-11-07T00:00:00Z", "2023-11-05T00:00:00Z"}, dates.Day, 1},
	}
	for _, c := range cases {
		f, x, probs := indexFile(t, "testdata/"+c.file, c.map_...)
		if len(probs) != c.probs {
			t.Errorf("%s: %d problems, want %d: %v", c.file, len(probs), c.probs, probs)
		}
		for row, want := range c.want {
			got, ok := startOfRow(x, row)
			if !ok || dates.ISO(got.Unix) != want {
				t.Errorf("%s row %d: %s (event %v), want %s", c.file, row+1, dates.ISO(got.Unix), ok, want)
			}
			if ok && c.prec != 0 && got.Prec != c.prec {
				t.Errorf("%s row %d: precision %v, want %v", c.file, row+1, got.Prec, c.prec)
			}
		}
		if f.Rows() != len(c.want) {
			t.Errorf("%s: %d rows, want %d", c.file, f.Rows(), len(c.want))
		}
	}
}

// TestSplitDatePrecision checks that a date split over columns keeps the
// precision of the parts given: a year-only row is the year, not 1 January.
func TestSplitDatePrecision(t *testing.T) {
	_, x, _ := indexFile(t, "testdata/date_split.csv")
	for row, want := range []dates.Precision{dates.Day, dates.Month, dates.Year, dates.Year} {
		if got, ok := startOfRow(x, row); !ok || got.Prec != want {
			t.Errorf("row %d: precision %v, want %v", row+1, got.Prec, want)
		}
	}
}

// TestStartEndFixture checks ranges from start and end columns: the end
// is kept where it follows the start and dropped, with a problem, where it
// does not.
func TestStartEndFixture(t *testing.T) {
	_, x, probs := indexFile(t, "testdata/date_start_end.csv")
	for row, want := range []string{"2023-11-07T00:00:00Z", "", ""} {
		i := -1
		for j, r := range x.Row {
			if int(r) == row {
				i = j
			}
		}
		end := x.EndTime(i)
		if got := map[bool]string{true: "", false: dates.ISO(end.Unix)}[end.IsZero()]; got != want {
			t.Errorf("row %d: end %q, want %q", row+1, got, want)
		}
	}
	if len(probs) != 1 || probs[0].Row != 2 || probs[0].Reason != "end before start" {
		t.Errorf("problems %v, want row 2 end before start", probs)
	}
}
