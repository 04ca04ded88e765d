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
