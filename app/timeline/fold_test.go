package timeline

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"chronomap/app/draw"
)

// twentyCategories is a table shaped like a GDELT export of a fortnight
// in twenty event categories, the first the busiest.
func twentyCategories() string {
	r := rand.New(rand.NewPCG(7, 8))
	var b strings.Builder
	b.WriteString("SQLDATE,category,title\n")
	for k := range 20 {
		for i := range 4 + (20-k)*2 {
			fmt.Fprintf(&b, "202311%02d,Protest type %02d,Event %d of code %02d\n", 1+r.IntN(14), k+1, i, k+1)
		}
	}
	return b.String()
}

// TestFoldTooManyLanes draws twenty categories in a slide's timeline,
// which cannot scroll: the first lanes keep their own, the rest are one
// lane, "Other (N)", every lane is whole inside the picture, and every
// event is counted in some lane.
func TestFoldTooManyLanes(t *testing.T) {
	e := load(t, "gdelt20.csv", []byte(twentyCategories()))
	if len(e.Lanes) != 20 {
		t.Fatalf("%d lanes, want 20", len(e.Lanes))
	}
	c := &Chart{Events: e, Theme: draw.Light, NoOverview: true, Fold: true}
	c.Fit()
	s := draw.NewRaster(1808, 380, draw.Light.Background)
	c.Render(s)
	lanes := c.scr.lanes
	last := lanes[len(lanes)-1]
	if !last.other || len(lanes)+len(last.group)-1 != 20 {
		t.Fatalf("%d lanes drawn, the last folding %d (other %v): want the rest of 20 folded", len(lanes), len(last.group), last.other)
	}
	total := 0
	x := e.laneIndex()
	for _, lv := range lanes {
		if lv.y1 > s.H-margin+0.5 {
			t.Errorf("lane %q ends at %.0f, past the picture's %.0f", e.Lanes[lv.lane], lv.y1, s.H-margin)
		}
		for _, m := range lv.group {
			total += c.laneTotal(x, m)
		}
	}
	if total != e.Len() {
		t.Errorf("the lanes count %d events of %d", total, e.Len())
	}
	if c.Overflow() != 0 {
		t.Errorf("a folded chart overflows by %.0f px", c.Overflow())
	}
}

// TestScrollTooManyLanes draws the twenty categories in a window's
// timeline: each lane keeps at least its header, the lanes pass the
// bottom, and Scroll moves them up, no further than the last lane's end;
// what is scrolled out of view is not hit.
func TestScrollTooManyLanes(t *testing.T) {
	e := load(t, "gdelt20.csv", []byte(twentyCategories()))
	c := &Chart{Events: e, Theme: draw.Light}
	c.Fit()
	s := draw.NewRaster(1000, 420, draw.Light.Background)
	c.Render(s)
	if len(c.scr.lanes) != 20 {
		t.Fatalf("%d lanes drawn, want 20", len(c.scr.lanes))
	}
	for _, lv := range c.scr.lanes {
		if lv.y1-lv.y0 < headerMinH {
			t.Errorf("lane %q is %.0f px high, less than its header", e.Lanes[lv.lane], lv.y1-lv.y0)
		}
	}
	over := c.Overflow()
	if over <= 0 {
		t.Fatal("twenty lanes fit in 420 px")
	}
	c.Scroll = 1e6
	c.Render(s)
	if c.Scroll != over {
		t.Errorf("Scroll kept at %.0f, want the overflow %.0f", c.Scroll, over)
	}
	end := c.scr.lanes[len(c.scr.lanes)-1]
	if end.y1 != c.scr.view1 {
		t.Errorf("scrolled to the end: the last lane ends at %.0f, the room at %.0f", end.y1, c.scr.view1)
	}
	first := c.scr.lanes[0]
	if _, ok := c.LaneAt(s.W, 20, first.y0+5); ok || first.y1 > c.scr.view0 {
		t.Errorf("the first lane, scrolled out (%.0f–%.0f), is still hit", first.y0, first.y1)
	}
	if lane, ok := c.LaneAt(s.W, 20, end.y0+5); !ok || lane != end.lane {
		t.Errorf("the last lane's header is not hit: %d, %v", lane, ok)
	}
}
