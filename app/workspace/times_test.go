package workspace

import (
	"math"
	"strings"
	"testing"
	"time"
)

func TestStampReadsBack(t *testing.T) {
	for _, c := range []struct {
		unix float64
		want string
	}{
		{float64(time.Date(2023, 11, 7, 10, 0, 5, 0, time.UTC).Unix()) + 0.75, "2023-11-07T10:00:05Z"},
		{float64(time.Date(-508, 1, 1, 0, 0, 0, 0, time.UTC).Unix()), "-0508-01-01T00:00:00Z"},
		{-0.5, "1969-12-31T23:59:59Z"},
	} {
		got := Stamp(c.unix)
		if got != c.want {
			t.Errorf("Stamp(%v) = %q, want %q", c.unix, got, c.want)
			continue
		}
		from, to, ok, err := TimelineView{From: got, To: Stamp(c.unix + 3600)}.Window()
		if err != nil || !ok || from != math.Floor(c.unix) || to != math.Floor(c.unix)+3600 {
			t.Errorf("Window of %q = %v, %v, %v, %v", got, from, to, ok, err)
		}
	}
}

func TestWindowEmptyFits(t *testing.T) {
	for _, v := range []TimelineView{{}, {From: "2023"}, {To: "2023"}} {
		if _, _, ok, err := v.Window(); ok || err != nil {
			t.Errorf("Window of %+v: ok %v, err %v; want a fit", v, ok, err)
		}
	}
}

func TestFilterSpanKeepsPrecision(t *testing.T) {
	unix := func(y int, m time.Month, d int) int64 { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() }
	for _, c := range []struct {
		f        Filter
		from, to int64
	}{
		{Filter{}, math.MinInt64, math.MaxInt64},
		{Filter{From: "2023-11", To: "2023-11"}, unix(2023, 11, 1), unix(2023, 12, 1)},
		{Filter{To: "2023"}, math.MinInt64, unix(2024, 1, 1)},
		{Filter{From: "509 BC"}, unix(-508, 1, 1), math.MaxInt64},
		{Filter{From: "7 November 2023", To: "2023-11-07"}, unix(2023, 11, 7), unix(2023, 11, 8)},
	} {
		from, to, err := c.f.Span()
		if err != nil || from != c.from || to != c.to {
			t.Errorf("Span of %+v = %d, %d, %v; want %d, %d", c.f, from, to, err, c.from, c.to)
		}
	}
	if _, _, err := (Filter{From: "soon"}).Span(); err == nil || !strings.HasPrefix(err.Error(), `filter from: "soon"`) {
		t.Errorf("an unreadable bound: %v", err)
	}
}
