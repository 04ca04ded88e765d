package timeline

import (
	"math"
	"testing"

	"chronomap/app/draw"
	"chronomap/data/dates"
)

// TestCount checks the number of events a lane's note gives, grouped as
// the chart's language groups digits.
func TestCount(t *testing.T) {
	for _, c := range []struct {
		lang Lang
		n    int
		want string
	}{
		{English, 1, "1 event"},
		{English, 0, "0 events"},
		{English, 1234567, "1,234,567 events"},
		{German, 1, "1 Ereignis"},
		{German, 1234567, "1.234.567 Ereignisse"},
	} {
		if got := (&Chart{Lang: c.lang}).count(c.n); got != c.want {
			t.Errorf("count(%d) in language %d = %q, want %q", c.n, c.lang, got, c.want)
		}
	}
}

// TestDayEventIsTheDay zooms to a week of daily events: each is drawn as
// its day, from midnight to midnight, not as a point at noon; zoomed out
// to years, where a day is a pixel, it is a marker again.
func TestDayEventIsTheDay(t *testing.T) {
	day := int64(1699315200) // 7 Nov 2023
	e := &Events{Lanes: []string{"Meetings"}, Start: []int64{day}, Stop: []int64{day + 86400},
		Sure0: []int64{day + 86400}, Sure1: []int64{day}, Prec: []dates.Precision{dates.Day},
		Lane: []int32{0}, Category: []int32{-1}, Label: []string{"Shoigu meets a guest"}}
	e.noneLane()
	for _, c := range []struct {
		span   float64
		marker bool
	}{{7 * 86400, false}, {10 * 365 * 86400, true}} {
		ch := &Chart{Events: e, Theme: draw.Light, From: float64(day) - c.span/2, To: float64(day) + c.span/2}
		s := draw.NewRaster(1200, 300, draw.Light.Background)
		ch.Render(s)
		l := ch.layout(s)
		it := ch.scr.lanes[0].items[0]
		if it.marker != c.marker {
			t.Errorf("over %.0f days: marker %v, want %v", c.span/86400, it.marker, c.marker)
		}
		if !c.marker && (math.Abs(it.x0-ch.x(&l, float64(day))) > 0.01 || math.Abs(it.x1-ch.x(&l, float64(day+86400))) > 0.01) {
			t.Errorf("over a week: the day is drawn from %.1f to %.1f, want %.1f to %.1f", it.x0, it.x1, ch.x(&l, float64(day)), ch.x(&l, float64(day+86400)))
		}
	}
}
