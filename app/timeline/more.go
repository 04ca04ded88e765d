package timeline

import (
	"math"
	"slices"

	"chronomap/app/draw"
)

// Side is an end of the window: the events before it or after it.
type Side uint8

const (
	Earlier Side = iota + 1 // the events that end before the window starts
	Later                   // the events that start after the window ends
)

// more is what the last frame said of the events outside the window: how
// many there are on each side and where their markers ("← +3 earlier",
// "+1 later →") stand, for hit tests.
type more struct {
	earlier, later int
	boxes          [2]draw.Box // the markers' boxes, zero when not drawn
}

// Outside returns how many events the filter keeps that lie wholly
// outside the window: ending before it starts, starting after it ends.
// Its cost is a few binary searches per lane and the events that start
// just before the window, never all events.
func (c *Chart) Outside() (earlier, later int) {
	if c.Density != nil && c.Beyond != nil {
		return c.Beyond(c.From, c.To)
	}
	e := c.Events
	if e == nil || e.Len() == 0 {
		return 0, 0
	}
	x := e.laneIndex()
	from, to := int64(math.Floor(c.From)), int64(math.Ceil(c.To))
	var pre [][][]int32
	if c.Kept != nil {
		pre = c.keptPrefix(x)
	}
	for l, cs := range x.lanes {
		for k, cl := range cs {
			// Every event of the class lasts less than its span: those
			// starting a span before the window have ended by then, and
			// only those starting in the last span before it need a look.
			lo, _ := slices.BinarySearch(cl.start, from-cl.span)
			mid, _ := slices.BinarySearch(cl.start, from+1)
			hi, _ := slices.BinarySearch(cl.start, to)
			if pre == nil {
				earlier += lo
				later += len(cl.start) - hi
			} else {
				p := pre[l][k]
				earlier += int(p[lo])
				later += int(p[len(p)-1] - p[hi])
			}
			for j := lo; j < mid; j++ {
				if id := cl.id[j]; e.Stop[id] <= from && c.kept(id) {
					earlier++
				}
			}
		}
	}
	return earlier, later
}

// keptPrefix returns, for each class of each lane, how many of its first
// j events the filter keeps, for j from 0 to all: counted once per mask.
func (c *Chart) keptPrefix(x *laneIndex) [][][]int32 {
	t := &c.totals
	c.countKept()
	if t.prefix != nil {
		return t.prefix
	}
	t.prefix = make([][][]int32, len(x.lanes))
	for l, cs := range x.lanes {
		t.prefix[l] = make([][]int32, len(cs))
		for k, cl := range cs {
			p := make([]int32, len(cl.id)+1)
			for j, id := range cl.id {
				p[j+1] = p[j]
				if c.Kept[id] {
					p[j+1]++
				}
			}
			t.prefix[l][k] = p
		}
	}
	return t.prefix
}

// MoreAt returns the side whose marker of events outside the window lies
// under pixel (x, y) of the last frame: a click on it widens the window
// to them (see Widen).
func (c *Chart) MoreAt(x, y float64) (Side, bool) {
	for k, b := range c.scr.more.boxes {
		if b.X1 > b.X0 && x >= b.X0 && x <= b.X1 && y >= b.Y0 && y <= b.Y1 {
			return Side(k + 1), true
		}
	}
	return 0, false
}

// Widen moves one end of the window out to the events beyond it that the
// filter keeps, with the room Fit leaves; the other end stays.
func (c *Chart) Widen(side Side) {
	e := c.Events
	if e == nil {
		return
	}
	lo, hi, any := math.Inf(1), math.Inf(-1), false
	for i := range e.Start {
		if c.kept(int32(i)) {
			lo, hi, any = math.Min(lo, float64(e.Start[i])), math.Max(hi, float64(e.Stop[i])), true
		}
	}
	if !any {
		return
	}
	switch side {
	case Earlier:
		if lo < c.From {
			c.From = lo - (c.To-lo)*fitPad
		}
	case Later:
		if hi > c.To {
			c.To = hi + (hi-c.From)*fitPad
		}
	}
}

// moreWords are the markers' words: "+3 earlier", "+3 früher".
func (c *Chart) moreWords(side Side, n int) string {
	// Short above 100,000: two markers of eight digits would leave the
	// axis of a narrow timeline no room for a label.
	count := "+" + c.Lang.marks().Short(n)
	switch {
	case side == Earlier && c.Lang == German:
		return "← " + count + " früher"
	case side == Earlier:
		return "← " + count + " earlier"
	case c.Lang == German:
		return count + " später →"
	}
	return count + " later →"
}

// placeMore counts the events outside the window and places their
// markers at the ends of the axis' label row, before the axis is drawn,
// which leaves labels out of their way.
func (c *Chart) placeMore(l *layout) {
	m := &c.scr.more
	m.earlier, m.later = c.Outside()
	m.boxes = [2]draw.Box{}
	f := draw.Sans(moreSize, true)
	y1 := l.axisY1 - 6
	y0 := y1 - 16
	if m.earlier > 0 {
		w := f.Width(c.moreWords(Earlier, m.earlier)) + 12
		m.boxes[0] = draw.Box{X0: l.x0 + 2, Y0: y0, X1: l.x0 + 2 + w, Y1: y1}
	}
	if m.later > 0 {
		w := f.Width(c.moreWords(Later, m.later)) + 12
		b := draw.Box{X0: l.x1 - 2 - w, Y0: y0, X1: l.x1 - 2, Y1: y1}
		if m.earlier == 0 || b.X0 > m.boxes[0].X1+8 {
			m.boxes[1] = b
		}
	}
}

// moreSize is the size of the markers' words.
const moreSize = 11

// drawMore draws the markers placed by placeMore.
func (c *Chart) drawMore(s *draw.Surface) {
	m := &c.scr.more
	f := draw.Sans(moreSize, true)
	for k, n := range []int{m.earlier, m.later} {
		b := m.boxes[k]
		if b.X1 <= b.X0 {
			continue
		}
		s.RoundRect(b.X0, b.Y0, b.X1-b.X0, b.Y1-b.Y0, 4, c.Theme.Muted)
		s.Label(f, b.X0+6, b.Y1-4.5, c.moreWords(Side(k+1), n), c.Theme.Background)
	}
}

// fitPad is the room Fit leaves on either side of the events, as a
// fraction of their span.
const fitPad = 0.03

// fitSpan returns the span Fit shows: every event's, unless a few lie far
// from the rest — one event a year before a fortnight of others would
// leave the fortnight a pixel wide. Those (at most one in twenty, each
// further from the middle half than three times its length) are left
// out where that shows the rest at least four times as wide; the
// window's markers then count them.
func fitSpan(e *Events) (lo, hi float64) {
	lo, hi = spanOf(e)
	n := e.Len()
	if n < 20 {
		return lo, hi
	}
	starts := e.Start
	if !slices.IsSorted(starts) {
		starts = slices.Clone(starts)
		slices.Sort(starts)
	}
	q1, q3 := float64(starts[n/4]), float64(starts[3*n/4])
	iqr := math.Max(q3-q1, 86400)
	fence0, fence1 := q1-3*iqr, q3+3*iqr
	out := 0
	a, b := math.Inf(1), math.Inf(-1)
	for i, st := range e.Start {
		if s := float64(st); s < fence0 || s > fence1 {
			out++
			continue
		}
		a, b = math.Min(a, float64(st)), math.Max(b, float64(e.Stop[i]))
	}
	if out == 0 || out > n/20 || !(b > a) || (b-a)*4 > hi-lo {
		return lo, hi
	}
	return a, b
}
