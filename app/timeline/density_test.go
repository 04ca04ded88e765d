package timeline

import (
	"math/rand/v2"
	"path/filepath"
	"testing"

	"chronomap/app/draw"
	"chronomap/app/draw/drawtest"
	"chronomap/data/dates"
)

// daily makes a lane of n events known to the day over days days from
// 1 March 2024, busier towards the middle, and a second lane of a few.
func daily(n, days int) *Events {
	r := rand.New(rand.NewPCG(3, 4))
	e := &Events{Lanes: []string{"Protests", "Riots"}, Legend: []string{"Protests", "Riots"}, ByCategory: true}
	first := int64(1709251200) // 1 March 2024
	add := func(lane int32, day int64) {
		t := first + day*86400
		e.Start, e.Stop = append(e.Start, t), append(e.Stop, t+86400)
		e.Sure0, e.Sure1 = append(e.Sure0, t+86400), append(e.Sure1, t)
		e.Prec = append(e.Prec, dates.Day)
		e.Lane, e.Category = append(e.Lane, lane), append(e.Category, lane)
		e.Label = append(e.Label, "Protest")
	}
	for range n {
		add(0, int64((r.IntN(days)+r.IntN(days))/2))
	}
	for d := range int64(6) {
		add(1, 3+d*5)
	}
	return e
}

// TestDensityByDay draws a lane of thousands of day-precision events as a
// density strip: a bar per day, as wide as the day and a pixel apart,
// with the day's count over it; before, a one-pixel spike per day. The
// bars count every event, and the strip is a golden image.
func TestDensityByDay(t *testing.T) {
	const days = 40
	e := daily(4000, days)
	c := &Chart{Events: e, Theme: draw.Light, NoOverview: true}
	c.Fit()
	s := draw.NewRaster(1200, 300, draw.Light.Background)
	c.Render(s)
	l := c.layout(s)
	lv := c.scr.lanes[0]
	if lv.mode != dense || lv.edges == nil {
		t.Fatalf("the busy lane is mode %d with edges %v, want a strip of days", lv.mode, lv.edges != nil)
	}
	total := 0
	for i, v := range lv.bins {
		if d := lv.edges[i+1] - lv.edges[i]; d != 86400 {
			t.Fatalf("period %d lasts %.0f s, not a day", i, d)
		}
		total += int(v)
	}
	if total != 4000 {
		t.Errorf("the days count %d events, want 4000", total)
	}
	// Every day with events is a bar across its width, a pixel short:
	// look at the strip's bottom row, a quarter and three quarters in.
	bottom := int(lv.y1-lanePad) - 2
	bg := s.Pixels.RGBAAt(int(l.x0)+2, int(lv.y0)+2)
	for i, v := range lv.bins {
		x0, x1 := c.x(&l, lv.edges[i]), c.x(&l, lv.edges[i+1])
		if v == 0 || x0 < l.x0 || x1 > l.x1 {
			continue
		}
		for _, f := range []float64{0.25, 0.5, 0.75} {
			if got := s.Pixels.RGBAAt(int(x0+f*(x1-x0-1)), bottom); got == bg {
				t.Errorf("day %d (%d events): no bar at %.0f%% of its width", i, v, 100*f)
			}
		}
	}
	drawtest.Check(t, filepath.Join("testdata", "density-days.png"), s.Pixels)

	// Under a filter, the days count what it keeps.
	c.Kept = make([]bool, e.Len())
	want := 0
	for i := range c.Kept {
		c.Kept[i] = i%3 == 0
		if c.Kept[i] && e.Lane[i] == 0 {
			want++
		}
	}
	c.Render(s)
	total = 0
	for _, v := range c.scr.lanes[0].bins {
		total += int(v)
	}
	if c.scr.lanes[0].edges == nil || total != want {
		t.Errorf("filtered: the days count %d events, want %d", total, want)
	}
}

// TestPeriodEdges cuts windows into days, months and years, BC too, and
// refuses periods finer than an hour or narrower than a few pixels.
func TestPeriodEdges(t *testing.T) {
	buf := make([]float64, 2000)
	day := func(y, m, d int) float64 { return float64(dates.Date(y, m, d, 0, 0, 0, dates.Day).Unix) }
	if got := periodEdges(dates.Day, day(2024, 3, 1)+3600, day(2024, 3, 4), 600, buf); len(got) != 4 || got[0] != day(2024, 3, 1) || got[3] != day(2024, 3, 4) {
		t.Errorf("days: %v", got)
	}
	if got := periodEdges(dates.Month, day(2024, 1, 15), day(2024, 4, 2), 600, buf); len(got) != 5 || got[1] != day(2024, 2, 1) || got[2] != day(2024, 3, 1) || got[4] != day(2024, 5, 1) {
		t.Errorf("months: %v", got)
	}
	if got := periodEdges(dates.Year, day(-510, 6, 1), day(-505, 1, 1), 600, buf); len(got) != 6 || got[0] != day(-510, 1, 1) || got[5] != day(-505, 1, 1) {
		t.Errorf("years BC: %v", got)
	}
	if periodEdges(dates.Minute, day(2024, 3, 1), day(2024, 3, 2), 600, buf) != nil {
		t.Error("minutes are counted by pixel columns")
	}
	if periodEdges(dates.Day, day(2000, 1, 1), day(2024, 1, 1), 600, buf) != nil {
		t.Error("days a fraction of a pixel wide are counted by pixel columns")
	}
}
