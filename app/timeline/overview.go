package timeline

import (
	"math"

	"chronomap/app/draw"
)

// overviewCache keeps the overview's histogram, which depends only on the
// data and the picture's width, not on the window.
type overviewCache struct {
	events   *Events
	cols     int
	from, to float64
	bins     []int32
	peak     int32
}

// drawOverview draws the band above the axis: every event over the whole
// span as a histogram, and the window as a bright box on it.
func (c *Chart) drawOverview(s *draw.Surface, l *layout) {
	t := c.Theme
	e := c.Events
	if e.Len() == 0 {
		return
	}
	o := &c.over
	cols := int(l.x1 - l.x0)
	if o.events != e || o.cols != cols {
		lo, hi := spanOf(e)
		pad := (hi - lo) * 0.02
		if pad == 0 {
			pad = 86400
		}
		*o = overviewCache{events: e, cols: cols, from: lo - pad, to: hi + pad, bins: make([]int32, cols)}
		x := e.laneIndex()
		for k := range e.Lanes {
			x.histogram(k, o.from, (o.to-o.from)/float64(cols), o.bins)
		}
		for _, v := range o.bins {
			o.peak = max(o.peak, v)
		}
	}
	// The band spans the data and the window, whichever is wider.
	from, to := math.Min(o.from, c.From), math.Max(o.to, c.To)
	px := func(u float64) float64 { return l.x0 + (u-from)/(to-from)*(l.x1-l.x0) }
	y0, y1 := l.overY0, l.overY1
	s.Block(l.x0, y0, l.x1, y1, t.Panel, 1)
	if o.peak > 0 {
		p := math.Sqrt(float64(o.peak))
		h := y1 - y0 - 16
		for i, v := range o.bins {
			if v == 0 {
				continue
			}
			// Bins were counted over the data's span; place them in the band's.
			a := o.from + float64(i)*(o.to-o.from)/float64(cols)
			b := a + (o.to-o.from)/float64(cols)
			bh := max(1, h*math.Sqrt(float64(v))/p)
			s.Block(px(a), y1-bh, math.Max(px(b), px(a)+1), y1, t.Muted, 0.55)
		}
	}
	// The overview's own years or months, small, at its top.
	ax := Axis{From: from, To: to, Width: l.x1 - l.x0, Lang: c.Lang, Zone: c.Zone, Measure: draw.Sans(10.5, false).Width,
		Finest: UnitOf(e.Finest())}
	f := draw.Sans(10.5, false)
	for _, tk := range ax.Ticks() {
		if tk.Label == "" {
			continue
		}
		x := px(tk.At)
		s.Block(x-0.5, y0, x+0.5, y0+4, t.Muted, 0.7)
		if x+3+f.Width(tk.Label) < l.x1 {
			s.Label(f, x+3, y0+11, tk.Label, t.Muted)
		}
	}
	// The window: the rest of the band dimmed, the window outlined.
	wx0, wx1 := px(c.From), px(c.To)
	if wx1-wx0 < 3 {
		m := (wx0 + wx1) / 2
		wx0, wx1 = m-1.5, m+1.5
	}
	s.Block(l.x0, y0, wx0, y1, t.Background, 0.55)
	s.Block(wx1, y0, l.x1, y1, t.Background, 0.55)
	outline(s, wx0, y0, wx1, y1, t.Text)
	// In the gutter: how many events there are in all.
	small := draw.Sans(11.5, false)
	word := "events in all"
	if c.Lang == German {
		word = "Ereignisse gesamt"
	}
	s.Label(draw.Sans(12, true), l.gutter+6, y0+15, c.Lang.marks().Int(c.keptCount()), t.Text)
	s.Label(small, l.gutter+6, y0+30, draw.Fit(small, word, l.x0-l.gutter-14), t.Muted)
}

// Band is the overview band's place in a picture and the time span it
// shows, as of the last frame: what a brush on it turns into a window.
type Band struct {
	X0, X1, Y0, Y1 float64 // pixels
	From, To       float64 // Unix seconds at X0 and X1
}

// Overview returns the overview band of a picture w×h pixels large, once a
// frame has been drawn; ok is false before.
func (c *Chart) Overview(w, h float64) (Band, bool) {
	o := &c.over
	if o.events == nil || c.Events == nil || o.events != c.Events {
		return Band{}, false
	}
	l := c.layout(&draw.Surface{W: w, H: h})
	return Band{X0: l.x0, X1: l.x1, Y0: l.overY0, Y1: l.overY1,
		From: math.Min(o.from, c.From), To: math.Max(o.to, c.To)}, true
}

// Time returns the time under pixel column x of the band.
func (b Band) Time(x float64) float64 {
	return b.From + (x-b.X0)/(b.X1-b.X0)*(b.To-b.From)
}
