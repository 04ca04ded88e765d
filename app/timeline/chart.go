// Package timeline is the timeline view: events on a time axis, in lanes,
// from 509 BC to the minute and from six events to a million. It draws on
// a draw.Surface and knows nothing of windows; the widget wraps it.
package timeline

import (
	"math"
	"time"

	"chronomap/app/draw"
	"chronomap/data/dates"
)

// Chart is what the timeline view draws: the events, the window of time
// it shows, and how.
type Chart struct {
	Events   *Events
	From, To float64 // the window, in Unix seconds
	Theme    draw.Theme
	Lang     Lang
	// Zone is the time zone the axis reads in; nil is UTC.
	Zone *time.Location
	// Title and Subtitle, when set, head the picture (exports, briefings).
	Title, Subtitle string
	// Collapsed lanes are drawn as a thin density strip.
	Collapsed map[int]bool
	// Selected events are ringed and labelled first.
	Selected map[int]bool
	// Kept, when set, says which events pass the filter (its time window
	// aside: that is the chart's own window); the others are not drawn
	// and not counted, as on the map and in every export. Lanes left
	// without a kept event are left out.
	Kept []bool
	// Density, when set, counts the kept events of lane k that start in
	// each of cols equal columns from from to to: the timeline of a table
	// that stays in its engine, asked for its histogram at the chart's
	// resolution. The Events then name the lanes and hold no events, and
	// every lane is a density strip.
	Density func(lane int, from, to float64, cols int) []int32
	// Beyond, with Density, counts the kept events wholly outside a
	// window (see Outside), which the Events do not hold.
	Beyond func(from, to float64) (earlier, later int)
	// Today, when not 0, is the Unix time of the "today" marker.
	Today int64
	// NoOverview leaves out the overview band, a handle for moving the
	// window on screen that a printed slide has no use for; its room goes
	// to the lanes.
	NoOverview bool
	// Fold is for pictures that cannot scroll (slides, exports): lanes
	// that would not all have room for their headers keep it for the
	// first of them, and the rest are drawn as one lane, "Other (N)".
	// Without it, such lanes pass the chart's bottom, and Scroll says how
	// far down they are looked at (see Overflow).
	Fold bool
	// Scroll is how many pixels the lanes are scrolled up by, when they
	// are taller than their room; each frame keeps it within them.
	Scroll float64

	widths []float32 // label widths by event, measured on first use
	totals keptTotals
	over   overviewCache
	scr    scratch
}

// Fit sets the window to the span of the events, with a little room on
// either side; an empty or instant span gets a day. A few events far from
// the rest are left out of it (see fitSpan), and counted by markers at the
// window's ends ("← +1 earlier") that Widen, on a click, brings in.
func (c *Chart) Fit() {
	e := c.Events
	if e != nil && e.Len() == 0 && e.Span != [2]int64{} {
		c.FitSpan(float64(e.Span[0]), float64(e.Span[1]+86400)) // the last start's day, as a file's last date spans it
		return
	}
	if e == nil || e.Len() == 0 {
		now := float64(time.Now().Unix())
		c.From, c.To = now-86400*15, now+86400*15
		return
	}
	c.FitSpan(e.fitted())
}

// FitSpan sets the window to a span of time, lo to hi in Unix seconds,
// with the room on either side that Fit gives it.
func (c *Chart) FitSpan(lo, hi float64) {
	if hi-lo < 86400 {
		mid := (lo + hi) / 2
		lo, hi = mid-43200, mid+43200
	}
	pad := (hi - lo) * fitPad
	c.From, c.To = lo-pad, hi+pad
}

// spanOf returns the earliest start and latest stop.
func spanOf(e *Events) (lo, hi float64) {
	a, b := e.Start[0], e.Stop[0]
	for i := range e.Start {
		a, b = min(a, e.Start[i]), max(b, e.Stop[i])
	}
	return float64(a), float64(b)
}

// sizes, in pixels.
const (
	margin     = 16
	overviewH  = 38
	axisH      = 46
	rowH       = 20
	markerR    = 4.5
	barH       = 10
	softH      = 14
	lanePad    = 6
	collapsedH = 26
	denseH     = 72
	headerMinH = 44
	labelMin   = 30 // the least room a label is shortened to before it is dropped
	// densePx is how many pixels of lane an event needs to be drawn one
	// by one; where a lane has more events in view than its width over
	// this, a density strip takes over.
	densePx = 3
)

// layout is where the parts of the picture go.
type layout struct {
	x0, x1           float64 // the plot's left and right
	gutter           float64 // left of the lane headers
	titleY           float64
	overY0, overY1   float64
	axisY0, axisY1   float64
	lanesY0, lanesY1 float64
}

// x returns the pixel column of a Unix time.
func (c *Chart) x(l *layout, u float64) float64 {
	return l.x0 + (u-c.From)/(c.To-c.From)*(l.x1-l.x0)
}

func (c *Chart) layout(s *draw.Surface) layout {
	var l layout
	y := float64(margin)
	if c.Title != "" {
		y += 22
		l.titleY = y
		y += 8
		if c.Subtitle != "" {
			y += 18
		}
		y += 8
	}
	l.gutter = margin
	l.x0 = margin + c.gutterWidth()
	l.x1 = s.W - margin
	l.overY0, l.overY1 = y, y+overviewH
	l.axisY0 = l.overY1 + 10
	if c.NoOverview {
		l.overY0, l.overY1, l.axisY0 = y, y, y
	}
	l.axisY1 = l.axisY0 + axisH
	l.lanesY0, l.lanesY1 = l.axisY1, s.H-margin
	return l
}

// PlotSpan returns the pixel columns the time axis spans in a picture w
// pixels wide, for turning pointer positions into times.
func (c *Chart) PlotSpan(w float64) (x0, x1 float64) {
	if c.Events == nil {
		return margin, w - margin
	}
	return margin + c.gutterWidth(), w - margin
}

// TimeAt returns the Unix time under pixel column x of a picture w wide.
func (c *Chart) TimeAt(w, x float64) float64 {
	x0, x1 := c.PlotSpan(w)
	return c.From + (x-x0)/(x1-x0)*(c.To-c.From)
}

// ZoomAt narrows the window by factor (2 = twice as close) about the time
// under pixel column x, as a wheel zooms about the pointer. The window
// stays between a minute and twenty thousand years.
func (c *Chart) ZoomAt(w, x, factor float64) {
	at := c.TimeAt(w, x)
	span := math.Max(60, math.Min((c.To-c.From)/factor, 20000*365.25*86400))
	frac := (at - c.From) / (c.To - c.From)
	c.From = at - frac*span
	c.To = c.From + span
}

// Pan moves the window by a drag of dx pixels in a picture w wide.
func (c *Chart) Pan(w, dx float64) {
	x0, x1 := c.PlotSpan(w)
	d := dx / (x1 - x0) * (c.To - c.From)
	c.From -= d
	c.To -= d
}

// gutterWidth is the width of the lane headers: the longest name, within
// bounds, so that long names are shortened rather than crowd the plot.
func (c *Chart) gutterWidth() float64 {
	f := draw.Sans(13, true)
	w := 110.0
	for _, name := range c.Events.Lanes {
		w = max(w, f.Width(name)+30)
	}
	return math.Ceil(min(w, 210)) // whole pixels: strips draw a column per pixel
}

// Render draws the chart on s: overview band, axis, lanes with their
// events or density strips, and the today marker.
func (c *Chart) Render(s *draw.Surface) {
	t := c.Theme
	s.Block(0, 0, s.W, s.H, t.Background, 1)
	if c.Events == nil || !(c.To > c.From) {
		return
	}
	l := c.layout(s)
	c.drawTitle(s, &l)
	ax := Axis{From: c.From, To: c.To, Width: l.x1 - l.x0, Lang: c.Lang, Zone: c.Zone, Measure: draw.Sans(axisSize, false).Width,
		Finest: UnitOf(c.Events.Finest())}
	ticks := ax.Ticks()
	room := l.lanesY1 - l.lanesY0
	lanes := c.placeLanes(s, &l)
	c.scr.view0, c.scr.view1 = l.lanesY0, l.lanesY1
	c.drawLaneBands(s, &l, lanes)
	c.drawGrid(s, &l, ticks)
	c.drawToday(s, &l)
	c.drawLanes(s, &l, lanes)
	if c.scr.extent > room {
		c.drawScrolled(s, &l)
	}
	c.placeMore(&l)
	c.drawAxis(s, &l, ax, ticks)
	c.drawMore(s)
	if !c.NoOverview {
		c.drawOverview(s, &l)
	}
}

// Overflow returns how many pixels of lanes the last frame left below its
// room (0 when they fit): how far Scroll may go.
func (c *Chart) Overflow() float64 { return max(0, c.scr.extent-(c.scr.view1-c.scr.view0)) }

// drawScrolled finishes a frame whose lanes pass their room: what they
// drew above and below it is painted over (the title and the today
// marker drawn again), and a bar at the right says where the view is.
func (c *Chart) drawScrolled(s *draw.Surface, l *layout) {
	t := c.Theme
	s.Block(0, 0, s.W, l.lanesY0, t.Background, 1)
	s.Block(0, l.lanesY1, s.W, s.H, t.Background, 1)
	c.drawTitle(s, l)
	c.drawToday(s, l)
	room := l.lanesY1 - l.lanesY0
	h := math.Max(20, room*room/c.scr.extent)
	y := l.lanesY0 + (room-h)*c.Scroll/(c.scr.extent-room)
	s.RoundRect(s.W-margin/2-2, y, 4, h, 2, draw.Translucent(t.Muted, 0.6))
}

func (c *Chart) drawTitle(s *draw.Surface, l *layout) {
	if c.Title == "" {
		return
	}
	s.Label(draw.Sans(20, true), margin, l.titleY, c.Title, c.Theme.Text)
	if c.Subtitle != "" {
		s.Label(draw.Sans(13, false), margin, l.titleY+20, c.Subtitle, c.Theme.Muted)
	}
}

// drawToday marks the present where it falls in the window.
func (c *Chart) drawToday(s *draw.Surface, l *layout) {
	if c.Today == 0 || float64(c.Today) < c.From || float64(c.Today) > c.To {
		return
	}
	x := c.x(l, float64(c.Today))
	s.Block(x-0.75, l.axisY0+14, x+0.75, l.lanesY1, c.Theme.Accent, 1)
	word := "Today"
	if c.Lang == German {
		word = "Heute"
	}
	f := draw.Sans(11, true)
	w := f.Width(word)
	s.RoundRect(x-w/2-5, l.axisY0, w+10, 15, 3, c.Theme.Accent)
	s.Label(f, x-w/2, l.axisY0+11.5, word, c.Theme.Background)
}

// clampX keeps a pixel column inside the plot.
func clampX(l *layout, x float64) float64 { return math.Max(l.x0, math.Min(l.x1, x)) }

// At returns the event drawn under pixel (x, y) of the last frame: its
// marker or bar, or its label. Density strips name no single event.
func (c *Chart) At(x, y float64) (int, bool) {
	font := draw.Sans(labelSize, false)
	if y < c.scr.view0 || y >= c.scr.view1 {
		return 0, false // lanes scrolled out of view
	}
	for _, lv := range c.scr.lanes {
		if lv.mode != expanded || y < lv.y0 || y >= lv.y1 {
			continue
		}
		for _, it := range lv.items {
			cy := lv.y0 + lanePad + float64(it.row)*rowH + rowH/2
			if math.Abs(y-cy) > rowH/2 {
				continue
			}
			x0, x1 := it.x0-markerR-2, it.x1+markerR+2
			if it.room >= labelMin {
				w := math.Min(it.room, font.Width(c.Events.Label[it.id]))
				if it.left {
					x0 = math.Min(x0, it.x0-labelGapLeft-w)
				} else {
					x1 = math.Max(x1, it.lx+w)
				}
			}
			if x >= x0 && x <= x1 {
				return int(it.id), true
			}
		}
	}
	return 0, false
}

// LaneAt returns the lane whose header is at pixel (x, y) of the last
// frame: a click there collapses or expands it.
func (c *Chart) LaneAt(w, x, y float64) (int, bool) {
	if x0, _ := c.PlotSpan(w); x >= x0 || y < c.scr.view0 || y >= c.scr.view1 {
		return 0, false
	}
	for _, lv := range c.scr.lanes {
		if y >= lv.y0 && y < lv.y1 && !lv.other {
			return lv.lane, true
		}
	}
	return 0, false
}

// Describe names an event for a tooltip: its label and its date, at the
// precision it is known.
func (c *Chart) Describe(i int) string {
	e := c.Events
	if i < 0 || i >= e.Len() {
		return ""
	}
	when := c.Lang.Format(dates.Time{Unix: e.Start[i], Prec: e.Prec[i]})
	if e.Label[i] == "" {
		return when
	}
	return e.Label[i] + " — " + when
}
