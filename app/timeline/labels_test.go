package timeline

import (
	"testing"

	"chronomap/app/draw"
)

// usDates is a small table in American dates, three of its four events in
// the last weeks of the span: at the right edge of a fitted window.
const usDates = `date,title
01/05/2023,Board approves the budget
11/28/2023,Schoigu trifft den Verteidigungsminister
12/04/2023,Delegation arrives in Managua
12/11/2023,Talks end without a statement
`

// labelBox returns where item it's label is written and how wide, as
// drawItems writes it.
func labelBox(c *Chart, it item) (x0, x1 float64, full bool) {
	f := draw.Sans(labelSize, false)
	label := c.Events.Label[it.id]
	text := draw.Fit(f, label, it.room)
	x0 = it.lx
	if it.left {
		x0 = it.x0 - labelGapLeft - f.Width(text)
	}
	return x0, x0 + f.Width(text), text == label
}

// TestLabelsAtTheRightEdge draws the table in a window-sized chart: every
// event has room for its label, so every label is written in full, and
// none runs past the plot — those at the right edge stand to the left of
// their marks.
func TestLabelsAtTheRightEdge(t *testing.T) {
	e := load(t, "us_dates.csv", []byte(usDates))
	if e.Len() != 4 {
		t.Fatalf("%d events read, want 4", e.Len())
	}
	for _, w := range []int{700, 1000, 1400} {
		c := &Chart{Events: e, Theme: draw.Light}
		c.Fit()
		s := draw.NewRaster(w, 260, draw.Light.Background)
		c.Render(s)
		l := c.layout(s)
		labelled, left := 0, 0
		for _, lv := range c.scr.lanes {
			for _, it := range lv.items {
				if it.room < labelMin {
					continue
				}
				x0, x1, full := labelBox(c, it)
				if !full {
					t.Errorf("%d px: %q is cut to %.0f px", w, e.Label[it.id], it.room)
				}
				if x0 < l.x0-0.5 || x1 > l.x1+0.5 {
					t.Errorf("%d px: %q runs from %.0f to %.0f, outside the plot (%.0f–%.0f)", w, e.Label[it.id], x0, x1, l.x0, l.x1)
				}
				labelled++
				if it.left {
					left++
				}
			}
		}
		if labelled != 4 {
			t.Errorf("%d px: %d of 4 events labelled", w, labelled)
		}
		if left == 0 {
			t.Errorf("%d px: no label stands left of its mark", w)
		}
	}
}
