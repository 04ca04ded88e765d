package timeline

import (
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // Europe/Berlin for the summer-time tests, wherever they run

	"chronomap/app/draw"
	"chronomap/data/dates"
)

func unix(y int, m time.Month, d, h, min int) float64 {
	return float64(time.Date(y, m, d, h, min, 0, 0, time.UTC).Unix())
}

// labels returns the labels of a window's labelled ticks, in order.
func labels(ts []Tick) []string {
	var out []string
	for _, t := range ts {
		if t.Label != "" {
			out = append(out, t.Label)
		}
	}
	return out
}

func contexts(ts []Tick) []string {
	var out []string
	for _, t := range ts {
		if t.Context != "" {
			out = append(out, t.Context)
		}
	}
	return out
}

// TestAxisScales walks every scale, from minutes to millennia, checking
// the step, the labels and the context each window gets.
func TestAxisScales(t *testing.T) {
	cases := []struct {
		name     string
		from, to float64
		lang     Lang
		step     string
		first    []string // the first labels
		context  string   // the pinned context
		majors   []string // contexts of major ticks, when any
	}{
		{"half an hour", unix(2023, 11, 7, 14, 0), unix(2023, 11, 7, 14, 30), English, "minutes", []string{"14:00", "14:05", "14:10"}, "Tue 7 Nov 2023", nil},
		{"half an hour, German", unix(2023, 11, 7, 14, 0), unix(2023, 11, 7, 14, 30), German, "minutes", []string{"14:00", "14:05"}, "Di., 7. Nov. 2023", nil},
		{"two hours", unix(2023, 11, 7, 13, 0), unix(2023, 11, 7, 15, 0), English, "minutes", []string{"13:00", "13:15", "13:30"}, "Tue 7 Nov 2023", nil},
		{"a day and a half", unix(2023, 11, 6, 12, 0), unix(2023, 11, 8, 0, 0), English, "hours", []string{"12:00", "15:00", "18:00", "21:00", "00:00", "03:00"}, "Mon 6 Nov 2023", []string{"Tue 7 Nov 2023", "Wed 8 Nov 2023"}},
		{"a week", unix(2023, 11, 1, 0, 0), unix(2023, 11, 8, 0, 0), English, "days", []string{"Wed 1", "Thu 2", "Fri 3"}, "November 2023", []string{"November 2023"}},
		{"a week, German", unix(2023, 11, 1, 0, 0), unix(2023, 11, 8, 0, 0), German, "days", []string{"Mi. 1.", "Do. 2."}, "November 2023", nil},
		{"ten days", unix(2023, 10, 27, 0, 0), unix(2023, 11, 6, 0, 0), English, "days", []string{"Fri 27", "Sat 28", "Sun 29"}, "October 2023", []string{"November 2023"}},
		{"a month", unix(2023, 10, 20, 0, 0), unix(2023, 11, 20, 0, 0), English, "weeks", []string{"23 Oct", "30 Oct", "6 Nov", "13 Nov", "20 Nov"}, "October 2023", []string{"November 2023"}},
		{"six weeks", unix(2023, 10, 1, 0, 0), unix(2023, 11, 12, 0, 0), English, "weeks", []string{"2 Oct", "9 Oct"}, "October 2023", []string{"October 2023", "November 2023"}},
		{"a quarter", unix(2023, 10, 1, 0, 0), unix(2024, 1, 10, 0, 0), English, "months", []string{"Oct", "Nov", "Dec", "Jan"}, "2023", []string{"2024"}},
		{"six weeks, German", unix(2023, 10, 1, 0, 0), unix(2023, 11, 12, 0, 0), German, "weeks", []string{"2. Okt.", "9. Okt."}, "Oktober 2023", nil},
		{"a quarter, German", unix(2023, 10, 1, 0, 0), unix(2024, 1, 10, 0, 0), German, "months", []string{"Okt.", "Nov.", "Dez.", "Jan."}, "2023", nil},
		{"a year", unix(2023, 1, 1, 0, 0), unix(2024, 1, 1, 0, 0), English, "months", []string{"Jan", "Feb", "Mar"}, "2023", []string{"2023", "2024"}},
		{"a year, German", unix(2023, 1, 1, 0, 0), unix(2024, 1, 1, 0, 0), German, "months", []string{"Jan.", "Feb.", "März"}, "2023", nil},
		{"two years", unix(2022, 1, 1, 0, 0), unix(2024, 1, 1, 0, 0), English, "quarters", []string{"Q1", "Q2", "Q3", "Q4", "Q1"}, "2022", []string{"2022", "2023", "2024"}},
		{"six years", unix(2020, 1, 1, 0, 0), unix(2026, 1, 1, 0, 0), English, "years", []string{"2020", "2021", "2022"}, "", nil},
		{"thirty years", unix(1994, 1, 1, 0, 0), unix(2024, 1, 1, 0, 0), English, "years", []string{"1995", "2000", "2005"}, "", nil},
		{"170 years", unix(1815, 1, 1, 0, 0), unix(1986, 1, 1, 0, 0), English, "decades", []string{"1820", "1840", "1860"}, "", nil},
		{"509 BC to AD 2100", unix(-508, 1, 1, 0, 0), unix(2100, 1, 1, 0, 0), English, "centuries", []string{"400 BC", "200 BC", "AD 1", "AD 200", "AD 400"}, "", nil},
		{"509 BC to AD 2100, German", unix(-508, 1, 1, 0, 0), unix(2100, 1, 1, 0, 0), German, "centuries", []string{"500 v. Chr.", "1 n. Chr.", "500 n. Chr."}, "", nil},
		{"100,000 years", unix(-50000, 1, 1, 0, 0), unix(50000, 1, 1, 0, 0), English, "millennia", []string{"50000 BC"}, "", nil},
	}
	for _, c := range cases {
		a := Axis{From: c.from, To: c.to, Width: 1200, Lang: c.lang}
		ts := a.Ticks()
		if got := a.Step().Name(); got != c.step {
			t.Errorf("%s: step %s (%v), want %s", c.name, got, a.Step(), c.step)
		}
		got := labels(ts)
		if len(got) < len(c.first) || strings.Join(got[:len(c.first)], "|") != strings.Join(c.first, "|") {
			t.Errorf("%s: labels %q, want them to begin %q", c.name, got, c.first)
		}
		if got := a.Context(); got != c.context {
			t.Errorf("%s: context %q, want %q", c.name, got, c.context)
		}
		if c.majors != nil && strings.Join(contexts(ts), "|") != strings.Join(c.majors, "|") {
			t.Errorf("%s: major contexts %q, want %q", c.name, contexts(ts), c.majors)
		}
	}
}

// TestAxisAcrossEra checks the turn from 1 BC to AD 1 at every year step:
// no year 0, BC counted back in round numbers, each label where its year
// starts.
func TestAxisAcrossEra(t *testing.T) {
	cases := []struct {
		from, to int // astronomical years
		width    float64
		want     []string
	}{
		{-3, 3, 600, []string{"4 BC", "3 BC", "2 BC", "1 BC", "AD 1", "AD 2", "AD 3"}},
		{-9, 10, 1000, []string{"10 BC", "8 BC", "6 BC", "4 BC", "2 BC", "AD 2", "AD 4", "AD 6", "AD 8", "AD 10"}},
		{-49, 50, 1000, []string{"50 BC", "40 BC", "30 BC", "20 BC", "10 BC", "AD 1", "AD 10", "AD 20", "AD 30", "AD 40", "AD 50"}},
	}
	for _, c := range cases {
		a := Axis{From: unix(c.from, 1, 1, 0, 0), To: unix(c.to, 1, 1, 0, 0), Width: c.width}
		ts := a.Ticks()
		var got []string
		for _, tk := range ts {
			if tk.Label == "" {
				continue
			}
			got = append(got, tk.Label)
			// The label names the year the tick starts.
			y := time.Unix(int64(tk.At), 0).UTC().Year()
			if English.Year(y, true) != tk.Label {
				t.Errorf("tick at astronomical %d labelled %q", y, tk.Label)
			}
		}
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%d…%d: %q, want %q", c.from, c.to, got, c.want)
		}
		for _, l := range got {
			if l == "0" || l == "AD 0" || l == "0 BC" {
				t.Errorf("%d…%d: a year 0 (%q)", c.from, c.to, l)
			}
		}
	}
	if got := German.Year(0, true); got != "1 v. Chr." {
		t.Errorf("German year 0 = %q", got)
	}
	if got := German.Year(1, true); got != "1 n. Chr." {
		t.Errorf("German year 1 = %q", got)
	}
}

// TestAxisEveryZoom zooms from a minute to a million years and checks
// what must hold at every scale: ticks in order, labelled ticks far
// enough apart for their labels, steps growing with the window, and every
// scale met on the way.
func TestAxisEveryZoom(t *testing.T) {
	center := unix(2023, 11, 7, 12, 0)
	seen := map[string]bool{}
	prev := Step{}
	for span := 120.0; span < 3e13; span *= 1.15 {
		for _, c := range []float64{center, unix(1, 1, 1, 0, 0)} { // now, and across the era
			a := Axis{From: c - span/2, To: c + span/2, Width: 1280}
			ts := a.Ticks()
			s := a.Step()
			seen[s.Name()] = true
			if c == center {
				if s.seconds() < prev.seconds() {
					t.Errorf("span %.0fs: step %v finer than %v at a smaller span", span, s, prev)
				}
				prev = s
			}
			lastX := -1e9
			var last Tick
			for i, tk := range ts {
				if i > 0 && tk.At <= ts[i-1].At {
					t.Fatalf("span %.0fs: ticks out of order", span)
				}
				if tk.Label == "" {
					continue
				}
				x := (tk.At - a.From) / (a.To - a.From) * a.Width
				// Around AD 1 a step of n years may leave n-1 between ticks.
				need := a.measure(last.Label)/2 + a.measure(tk.Label)/2 + 2
				if x-lastX < need {
					t.Errorf("span %.0fs step %v: %q and %q %.0f px apart, need %.0f", span, s, last.Label, tk.Label, x-lastX, need)
				}
				lastX, last = x, tk
			}
			if n := len(labels(ts)); n < 2 || n > 60 {
				t.Errorf("span %.0fs: %d labels", span, n)
			}
		}
	}
	for _, name := range []string{"minutes", "hours", "days", "weeks", "months", "quarters", "years", "decades", "centuries", "millennia"} {
		if !seen[name] {
			t.Errorf("no zoom counted in %s", name)
		}
	}
}

// TestAxisSummerTime reads ticks in Berlin across both changes of 2023:
// hours follow the clock, which skips 02:00 in March and reads it twice
// in October, and days start at local midnight, 23 and 25 hours apart.
func TestAxisSummerTime(t *testing.T) {
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Skip(err)
	}
	at := func(y int, m time.Month, d, h int) float64 {
		return float64(time.Date(y, m, d, h, 0, 0, 0, berlin).Unix())
	}
	// 26 March 2023: 02:00 CET becomes 03:00 CEST.
	a := Axis{From: at(2023, 3, 26, 0), To: at(2023, 3, 26, 5), Width: 500, Zone: berlin}
	if got, want := strings.Join(labels(a.Ticks()), " "), "00:00 01:00 03:00 04:00 05:00"; !strings.HasPrefix(got, want) {
		t.Errorf("March: %q, want %q", got, want)
	}
	// 29 October 2023: 03:00 CEST becomes 02:00 CET.
	a = Axis{From: at(2023, 10, 29, 0), To: at(2023, 10, 29, 0) + 5*3600, Width: 500, Zone: berlin}
	ts := a.Ticks()
	if got, want := strings.Join(labels(ts), " "), "00:00 01:00 02:00 02:00 03:00 04:00"; got != want {
		t.Errorf("October: %q, want %q", got, want)
	}
	for i := 1; i < len(ts); i++ {
		if ts[i].Label != "" && ts[i-1].Label != "" && ts[i].At-ts[i-1].At != 3600 {
			t.Errorf("October: hour ticks %v apart", ts[i].At-ts[i-1].At)
		}
	}
	// Days across both changes.
	for _, c := range []struct {
		m    time.Month
		d    int
		hour float64
	}{{3, 26, 23}, {10, 29, 25}} {
		a := Axis{From: at(2023, c.m, c.d-3, 0), To: at(2023, c.m, c.d+3, 0), Width: 600, Zone: berlin}
		var days []float64
		for _, tk := range a.Ticks() {
			if tk.Label != "" {
				days = append(days, tk.At)
			}
		}
		for i := 1; i < len(days); i++ {
			c0 := time.Unix(int64(days[i-1]), 0).In(berlin)
			if c0.Hour() != 0 {
				t.Errorf("day tick at %v, not midnight", c0)
			}
			if c0.Day() == c.d && (days[i]-days[i-1])/3600 != c.hour {
				t.Errorf("%v lasts %v hours, want %v", c0, (days[i]-days[i-1])/3600, c.hour)
			}
		}
	}
	// In UTC the same window has no gap.
	a = Axis{From: unix(2023, 3, 26, 0, 0), To: unix(2023, 3, 26, 5, 0), Width: 500}
	if got := strings.Join(labels(a.Ticks()), " "); !strings.HasPrefix(got, "00:00 01:00 02:00 03:00") {
		t.Errorf("UTC: %q", got)
	}
}

// TestFormat writes times at each precision in both styles.
func TestFormat(t *testing.T) {
	cases := []struct {
		t      dates.Time
		en, de string
	}{
		{dates.Date(2023, 11, 7, 0, 0, 0, dates.Day), "7 Nov 2023", "7. Nov. 2023"},
		{dates.Date(2023, 11, 1, 0, 0, 0, dates.Month), "Nov 2023", "Nov. 2023"},
		{dates.Date(2023, 3, 1, 0, 0, 0, dates.Month), "Mar 2023", "März 2023"},
		{dates.Date(2023, 1, 1, 0, 0, 0, dates.Year), "2023", "2023"},
		{dates.Date(-508, 1, 1, 0, 0, 0, dates.Year), "509 BC", "509 v. Chr."},
		{dates.Date(0, 1, 1, 0, 0, 0, dates.Year), "1 BC", "1 v. Chr."},
		{dates.Date(-43, 3, 15, 0, 0, 0, dates.Day), "15 Mar 44 BC", "15. März 44 v. Chr."},
		{dates.Date(2023, 11, 7, 14, 5, 0, dates.Minute), "7 Nov 2023, 14:05", "7. Nov. 2023, 14:05"},
		{dates.Date(2023, 11, 7, 14, 5, 9, dates.Second), "7 Nov 2023, 14:05:09", "7. Nov. 2023, 14:05:09"},
		{dates.Time{}, "", ""},
	}
	for _, c := range cases {
		if got := English.Format(c.t); got != c.en {
			t.Errorf("English %v = %q, want %q", c.t, got, c.en)
		}
		if got := German.Format(c.t); got != c.de {
			t.Errorf("German %v = %q, want %q", c.t, got, c.de)
		}
	}
}

// TestSpan writes spans of time: a span that crosses 1 BC says the era at
// both ends, as Rome's 509 BC to AD 516 must; one that does not says it
// only where it is BC.
func TestSpan(t *testing.T) {
	cases := []struct {
		from, to dates.Time
		en, de   string
	}{
		{dates.Date(-508, 1, 1, 0, 0, 0, dates.Year), dates.Date(516, 1, 1, 0, 0, 0, dates.Year), "509 BC – AD 516", "509 v. Chr. – 516 n. Chr."},
		{dates.Date(-43, 3, 15, 0, 0, 0, dates.Day), dates.Date(14, 8, 19, 0, 0, 0, dates.Day), "15 Mar 44 BC – 19 Aug AD 14", "15. März 44 v. Chr. – 19. Aug. 14 n. Chr."},
		{dates.Date(-508, 1, 1, 0, 0, 0, dates.Year), dates.Date(-263, 1, 1, 0, 0, 0, dates.Year), "509 BC – 264 BC", "509 v. Chr. – 264 v. Chr."},
		{dates.Date(1815, 1, 1, 0, 0, 0, dates.Year), dates.Date(1985, 1, 1, 0, 0, 0, dates.Year), "1815 – 1985", "1815 – 1985"},
		{dates.Date(2023, 11, 1, 0, 0, 0, dates.Month), dates.Date(2023, 11, 1, 0, 0, 0, dates.Month), "Nov 2023", "Nov. 2023"},
		{dates.Date(0, 1, 1, 0, 0, 0, dates.Year), dates.Time{}, "1 BC", "1 v. Chr."},
	}
	for _, c := range cases {
		if got := English.Span(c.from, c.to); got != c.en {
			t.Errorf("English %v – %v = %q, want %q", c.from, c.to, got, c.en)
		}
		if got := German.Span(c.from, c.to); got != c.de {
			t.Errorf("German %v – %v = %q, want %q", c.from, c.to, got, c.de)
		}
	}
}

// TestAxisReadableAtEverySize fits the bundled sample (a month of
// November 2023) into plots from a narrow window's to a 4K slide's: the
// axis writes at least three labels that fit between its ends without
// touching, never the lone "Nov" a narrow window had. (Under 220 pixels,
// the least timeline widget's plot, a month has room for no three.)
func TestAxisReadableAtEverySize(t *testing.T) {
	e := sample(t)
	c := &Chart{Events: e}
	c.Fit()
	f := draw.Sans(axisSize, false)
	for w := 220.0; w <= 3600; w += 20 {
		a := Axis{From: c.From, To: c.To, Width: w, Measure: f.Width, Finest: UnitOf(e.Finest())}
		step := a.Step()
		after := step.Unit >= Day && step.Unit <= Month
		var shown []string
		last := -1e9
		for _, tk := range a.Ticks() {
			if tk.Label == "" {
				continue
			}
			x := (tk.At - a.From) / (a.To - a.From) * w
			lx := x - f.Width(tk.Label)/2
			if after {
				lx = x + 4
			}
			if lx < -2 || lx+f.Width(tk.Label) > w+2 {
				continue // drawAxis leaves it out
			}
			if lx < last+4 {
				t.Errorf("%.0f px: %q touches the label before it", w, tk.Label)
			}
			last = lx + f.Width(tk.Label)
			shown = append(shown, tk.Label)
		}
		if len(shown) < minLabels {
			t.Errorf("%.0f px (%s): labels %q, want at least %d", w, step.Name(), shown, minLabels)
		}
	}
}

// TestAxisNoFinerThanData zooms daily data to two days: the axis counts in
// days, with no hour ticks, however much room it has; data known to the
// minute gets hours at the same zoom.
func TestAxisNoFinerThanData(t *testing.T) {
	from, to := unix(2023, 11, 6, 0, 0), unix(2023, 11, 8, 0, 0)
	for _, c := range []struct {
		prec dates.Precision
		want string
	}{{dates.Day, "days"}, {dates.Minute, "hours"}} {
		a := Axis{From: from, To: to, Width: 1600, Finest: UnitOf(c.prec)}
		if got := a.Step().Name(); got != c.want {
			t.Errorf("%v data over two days: step %s, want %s", c.prec, got, c.want)
		}
		if c.prec != dates.Day {
			continue
		}
		for _, tk := range a.Ticks() {
			if int64(tk.At)%86400 != 0 {
				t.Errorf("daily data: a tick at %s", time.Unix(int64(tk.At), 0).UTC())
			}
		}
	}
	if UnitOf(dates.Year) != Year || UnitOf(dates.Month) != Month || UnitOf(dates.Second) != Minute {
		t.Error("UnitOf maps precisions to the wrong units")
	}
}
