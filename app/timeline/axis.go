package timeline

import (
	"chronomap/app/draw"
)

// axisSize is the size of the axis labels, in pixels.
const axisSize = 12

// drawGrid draws the ticks' lines through the lanes: faint at labels,
// stronger at the starts of larger units.
func (c *Chart) drawGrid(s *draw.Surface, l *layout, ticks []Tick) {
	t := c.Theme
	for _, tk := range ticks {
		x := c.x(l, tk.At)
		if x < l.x0 || x > l.x1 || tk.Level == 0 {
			continue
		}
		if tk.Level == 2 {
			s.Block(x-0.5, l.lanesY0, x+0.5, l.lanesY1, t.Muted, 0.35)
			continue
		}
		s.Block(x-0.5, l.lanesY0, x+0.5, l.lanesY1, t.Grid, 1)
	}
}

// drawAxis draws the axis above the lanes: a row naming the larger unit
// (the month, the day) and a row of labels, over tick marks.
func (c *Chart) drawAxis(s *draw.Surface, l *layout, ax Axis, ticks []Tick) {
	t := c.Theme
	label := draw.Sans(axisSize, false)
	bold := draw.Sans(12.5, true)
	base := l.axisY1 - 1
	s.Block(l.x0, base, l.x1, base+1, t.Muted, 0.6)
	ctxY, labY := l.axisY0+14, l.axisY1-11
	step := ax.Step()
	// Labels of periods (days, weeks, months, quarters) stand after their
	// tick, inside the period; labels of instants (hours, years) centre
	// on it.
	after := step.Unit >= Day && step.Unit <= Month
	var occ draw.Occupied
	// The context of the window's start stays pinned at the left, unless
	// a major tick's own context is about to take its place.
	pinned := ax.Context()
	var majors []Tick
	for _, tk := range ticks {
		if tk.Context != "" {
			majors = append(majors, tk)
		}
	}
	for _, tk := range ticks {
		x := c.x(l, tk.At)
		if x < l.x0-0.5 || x > l.x1+0.5 {
			continue
		}
		switch tk.Level {
		case 0:
			s.Block(x-0.5, base-3, x+0.5, base, t.Muted, 0.7)
		case 1:
			s.Block(x-0.5, base-6, x+0.5, base, t.Muted, 1)
		case 2:
			s.Block(x-0.5, l.axisY0+20, x+0.5, base, t.Muted, 1)
		}
		if tk.Label == "" {
			continue
		}
		w := label.Width(tk.Label)
		lx := x - w/2
		if after {
			lx = x + 4
		}
		if lx < l.x0-2 || lx+w > l.x1+2 || c.underMore(lx, lx+w) {
			continue
		}
		s.Label(label, lx, labY, tk.Label, t.Text)
	}
	if pinned != "" {
		w := bold.Width(pinned)
		free := true
		for _, m := range majors {
			if x := c.x(l, m.At); x > l.x0+1 && x < l.x0+w+24 {
				free = false
			}
		}
		if free {
			s.Label(bold, l.x0+4, ctxY, pinned, t.Text)
			occ.Take(draw.Box{X0: l.x0, X1: l.x0 + w + 16, Y0: 0, Y1: 1})
		}
	}
	for _, m := range majors {
		x := c.x(l, m.At) + 4
		w := bold.Width(m.Context)
		b := draw.Box{X0: x, X1: x + w + 16, Y0: 0, Y1: 1}
		if x < l.x0 || x+w > l.x1 || !occ.Free(b) {
			continue
		}
		s.Label(bold, x, ctxY, m.Context, t.Text)
		occ.Take(b)
	}
}

// underMore reports whether a label from x0 to x1 on the axis' label row
// would run under a marker of the events outside the window.
func (c *Chart) underMore(x0, x1 float64) bool {
	for _, b := range c.scr.more.boxes {
		if b.X1 > b.X0 && x0 < b.X1+4 && x1 > b.X0-4 {
			return true
		}
	}
	return false
}
