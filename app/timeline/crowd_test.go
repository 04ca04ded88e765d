package timeline

import (
	"testing"

	"chronomap/app/draw"
	"chronomap/data/dates"
)

// TestFewEventsStayMarks squeezes a lane of four events, three on the same
// day, into a chart too low to stack them: they stay marks, overlapping,
// rather than becoming a density strip, and a hundred do become one.
func TestFewEventsStayMarks(t *testing.T) {
	events := func(n int) *Events {
		e := &Events{Lanes: []string{"Meetings"}, Legend: []string{"Meetings"}, ByCategory: true}
		for i := range n {
			day := int64(1699315200) // 7 Nov 2023
			if i == 0 {
				day -= 4 * 86400
			}
			e.Start = append(e.Start, day)
			e.Stop = append(e.Stop, day+86400)
			e.Sure0 = append(e.Sure0, day+86400)
			e.Sure1 = append(e.Sure1, day)
			e.Prec = append(e.Prec, dates.Day)
			e.Lane = append(e.Lane, 0)
			e.Category = append(e.Category, 0)
			e.Label = append(e.Label, "Shoigu meets a guest")
		}
		return e
	}
	for _, c := range []struct {
		n    int
		want mode
	}{{4, expanded}, {100, dense}} {
		ch := &Chart{Events: events(c.n), Theme: draw.Light, NoOverview: true}
		ch.Fit()
		ch.Render(draw.NewRaster(900, 110, draw.Light.Background))
		if got := ch.scr.lanes[0].mode; got != c.want {
			t.Errorf("%d events in a low chart: mode %d, want %d", c.n, got, c.want)
		}
		if c.want == expanded && len(ch.scr.lanes[0].items) != c.n {
			t.Errorf("%d marks drawn of %d events", len(ch.scr.lanes[0].items), c.n)
		}
	}
}

// TestLowLanesKeepMarks gives six lanes of two events a chart with room
// for less than a full lane each: each keeps one row of marks.
func TestLowLanesKeepMarks(t *testing.T) {
	e := &Events{ByCategory: true}
	for k := range 6 {
		name := string(rune('A' + k))
		e.Lanes, e.Legend = append(e.Lanes, name), append(e.Legend, name)
		for i := range 2 {
			day := int64(1583020800 + (k*5+i*14)*86400) // March 2020
			e.Start, e.Stop = append(e.Start, day), append(e.Stop, day+86400)
			e.Sure0, e.Sure1 = append(e.Sure0, day+86400), append(e.Sure1, day)
			e.Prec = append(e.Prec, dates.Day)
			e.Lane, e.Category = append(e.Lane, int32(k)), append(e.Category, int32(k))
			e.Label = append(e.Label, "Armed clash")
		}
	}
	ch := &Chart{Events: e, Theme: draw.Light}
	ch.Fit()
	ch.Render(draw.NewRaster(560, 280, draw.Light.Background))
	for _, lv := range ch.scr.lanes {
		if lv.mode != expanded || len(lv.items) != 2 {
			t.Errorf("lane %d: mode %d with %d marks, want its 2 events as marks", lv.lane, lv.mode, len(lv.items))
		}
	}
}
