package timeline

import (
	"math"
	"slices"

	"chronomap/app/draw"
	"chronomap/data/dates"
)

// mode is how a lane is drawn this frame.
type mode uint8

const (
	expanded  mode = iota // events one by one, stacked in rows
	dense                 // a density strip: too many events for their room
	collapsed             // a thin density strip, by the user's choice
)

// laneView is one lane as this frame draws it.
type laneView struct {
	lane   int
	vis    []int32 // events in view, by start
	mode   mode
	items  []item
	rows   int
	y0, y1 float64
	// group is the lanes the view draws: its own, or, for the "Other"
	// lane a picture that cannot scroll folds the rest into, theirs.
	group []int
	other bool
	bins  []int32 // events per pixel column, for strips
	// edges, when set, bound the periods bins count instead of pixel
	// columns (len(bins)+1 times, ascending): a lane of days is counted
	// per day.
	edges []float64
}

// item is an event placed in a lane: its mark and its label.
type item struct {
	id     int32
	x0, x1 float64 // the mark's extent, in pixels
	marker bool    // a disc rather than a bar
	row    int
	lx     float64 // where its label starts (its room's left end, when left)
	room   float64 // how wide its label may be
	inside bool    // the label is written inside the bar
	left   bool    // the label stands before the mark, ending labelGapLeft short of it
}

// start is the left end of what an item takes in its row: its label's,
// when the label stands before the mark.
func (it *item) start() float64 {
	if it.left && it.room > 0 {
		return it.lx
	}
	return it.x0
}

// labelGapLeft is the room between a label written before its mark and
// the mark.
const labelGapLeft = 4

// scratch is memory a chart reuses from frame to frame.
type scratch struct {
	vis        []int32
	lanes      []laneView
	hard, soft []float64
	all        []int32   // the strips' bins
	edges      []float64 // the strips' period edges
	heights    []float64 // a strip's bars, in pixels
	more       more      // the events outside the window, and their markers
	singles    [][]int   // {k} for each lane k: the group of a lane of its own
	groups     [][]int
	extent     float64 // the lanes' height in the last frame, which may pass their room
	view0      float64 // the top and bottom of the lanes' room in the last frame
	view1      float64
}

// gap is the least room between two marks in a row, in pixels.
const gap = 6

// placeLanes finds each lane's events in view, decides how the lane is
// drawn, stacks its events and shares the height among the lanes.
func (c *Chart) placeLanes(s *draw.Surface, l *layout) []laneView {
	e := c.Events
	x := e.laneIndex()
	from, to := int64(math.Floor(c.From)), int64(math.Ceil(c.To))
	c.scr.vis = c.scr.vis[:0]
	lanes := c.scr.lanes[:0]
	width := l.x1 - l.x0
	area := l.lanesY1 - l.lanesY0
	maxRows := max(1, int((area-2*lanePad)/rowH))
	for _, g := range c.laneGroups(x, area) {
		k := g[0]
		lv := laneView{lane: k, group: g, other: len(g) > 1, items: reuseItems(c.scr.lanes, len(lanes))}
		switch {
		case !lv.other && c.Collapsed[k]:
			lv.mode = collapsed
		case c.Density != nil:
			lv.mode = dense
		case c.tooMany(x, lv.group, from, to, int(width/densePx)):
			lv.mode = dense
		default:
			n0 := len(c.scr.vis)
			for _, m := range lv.group {
				c.scr.vis = x.visible(e, m, from, to, c.scr.vis)
			}
			c.scr.vis = c.keepOnly(c.scr.vis, n0)
			lv.vis = c.scr.vis[n0:len(c.scr.vis):len(c.scr.vis)]
			if len(lv.group) > 1 {
				sortByStart(e, lv.vis)
			}
			if len(lv.vis) > int(width/densePx) || !c.fit(l, &lv, maxRows) {
				lv.mode = dense
			}
		}
		lanes = append(lanes, lv)
	}
	c.shareHeight(l, lanes)
	c.scr.lanes = lanes
	return lanes
}

// laneGroups returns the lanes to draw, in order, each a group of one —
// but for the lanes the filter emptied, which are left out — unless the
// chart folds and they would not all have room for their headers: the
// first lanes then keep theirs, and the rest are folded into one last
// group, the "Other" lane.
func (c *Chart) laneGroups(x *laneIndex, area float64) [][]int {
	e := c.Events
	if len(c.scr.singles) != len(e.Lanes) {
		c.scr.singles = make([][]int, len(e.Lanes))
		for k := range c.scr.singles {
			c.scr.singles[k] = []int{k}
		}
	}
	groups := c.scr.groups[:0]
	need := 0.0
	for k := range e.Lanes {
		if c.Kept != nil && c.laneTotal(x, k) == 0 {
			continue // a lane the filter emptied: a switched-off category
		}
		groups = append(groups, c.scr.singles[k])
		need += c.leastHeight(k)
	}
	c.scr.groups = groups
	if !c.Fold || need <= area || len(groups) < 2 {
		return groups
	}
	// Keep lanes while they and the "Other" lane fit.
	kept, used := 0, 0.0
	for kept < len(groups)-1 && used+c.leastHeight(groups[kept][0])+headerMinH <= area {
		used += c.leastHeight(groups[kept][0])
		kept++
	}
	if kept == len(groups)-1 {
		kept-- // "Other" stands for two lanes at the least
	}
	if kept < 1 {
		return groups // too low a chart for even one lane and "Other"
	}
	var rest []int
	for _, g := range groups[kept:] {
		rest = append(rest, g[0])
	}
	return append(groups[:kept:kept], rest)
}

// leastHeight is the least height lane k is drawn in: its header's.
func (c *Chart) leastHeight(k int) float64 {
	if c.Collapsed[k] {
		return collapsedH
	}
	return headerMinH
}

// sortByStart sorts events by start, then by index, as visible does.
func sortByStart(e *Events, v []int32) {
	slices.SortFunc(v, func(a, b int32) int {
		if d := e.Start[a] - e.Start[b]; d != 0 {
			return int(d>>63 | 1)
		}
		return int(a - b)
	})
}

// tooMany reports whether lane k surely has more events in view than it
// can draw one by one. The events starting in the window are some of
// those in view: counting them first keeps a million events in view from
// being listed only to be binned. Under a filter the count says less, as
// it counts every event, so only a count far past room settles it.
func (c *Chart) tooMany(x *laneIndex, group []int, from, to int64, room int) bool {
	n := 0
	for _, k := range group {
		n += x.count(k, from, to)
	}
	return n > room && (c.Kept == nil || n > 20*room)
}

// reuseItems returns the item slice lane k had last frame, emptied.
func reuseItems(prev []laneView, k int) []item {
	if k < cap(prev) {
		return prev[:k+1][k].items[:0]
	}
	return nil
}

// want returns the height a lane asks for.
func (lv *laneView) want() float64 {
	switch lv.mode {
	case collapsed:
		return collapsedH
	case dense:
		return denseH
	}
	return max(headerMinH, float64(lv.rows)*rowH+2*lanePad)
}

// shareHeight gives each lane its height. Lanes get what they ask for
// when it fits, and the room left is shared among the open lanes; when it
// does not fit, the open lanes share it evenly, those asking for less
// keeping what they asked for, and a lane left with fewer rows than it
// needs is stacked again into what it has (or becomes a density strip).
func (c *Chart) shareHeight(l *layout, lanes []laneView) {
	area := l.lanesY1 - l.lanesY0
	need, open := 0.0, 0
	for i := range lanes {
		need += lanes[i].want()
		if lanes[i].mode != collapsed {
			open++
		}
	}
	heights := make([]float64, len(lanes))
	if need <= area || open == 0 {
		extra := 0.0
		if open > 0 {
			extra = (area - need) / float64(open)
		}
		// Lanes with few events should not turn into plains: at most
		// three rows more each, the rest stays below.
		extra = min(extra, 3*rowH)
		for i := range lanes {
			heights[i] = lanes[i].want()
			if lanes[i].mode != collapsed {
				heights[i] += extra
			}
		}
	} else {
		left := area
		for i := range lanes {
			if lanes[i].mode == collapsed {
				heights[i] = collapsedH
				left -= collapsedH
			}
		}
		// Water-filling: satisfy the smallest wants first.
		done := make([]bool, len(lanes))
		for {
			fair := left / float64(open)
			changed := false
			for i := range lanes {
				if !done[i] && lanes[i].mode != collapsed && lanes[i].want() <= fair {
					heights[i], done[i] = lanes[i].want(), true
					left -= heights[i]
					open--
					changed = true
				}
			}
			if !changed || open == 0 {
				break
			}
		}
		// Never lower than a header: lanes that then pass the chart's
		// room scroll (in the window; pictures fold them). A lone lane
		// takes the room there is.
		least := float64(headerMinH)
		if len(lanes) == 1 {
			least = collapsedH
		}
		for i := range lanes {
			if !done[i] && lanes[i].mode != collapsed {
				heights[i] = max(left/float64(open), least)
				if lanes[i].mode == expanded {
					rows := int((heights[i] - 2*lanePad) / rowH)
					if rows < 1 && heights[i] >= rowH+lanePad {
						rows = 1 // one row of marks, with less padding, beats a strip
					}
					if rows < 1 || !c.fit(l, &lanes[i], rows) {
						lanes[i].mode = dense
					}
				}
			}
		}
	}
	total := 0.0
	for i := range lanes {
		heights[i] = math.Floor(heights[i]) // whole pixels, for crisp rules and strips
		total += heights[i]
	}
	// Lanes taller than their room are scrolled by Scroll, kept within
	// what there is to see.
	c.scr.extent = total
	c.Scroll = math.Max(0, math.Min(c.Scroll, total-area))
	y := l.lanesY0 - math.Round(c.Scroll)
	for i := range lanes {
		lanes[i].y0, lanes[i].y1 = y, y+heights[i]
		y += heights[i]
	}
	// The chart ends where its lanes do: grid lines running on through
	// empty space would suggest events that are not there.
	l.lanesY1 = min(l.lanesY1, y)
}

// crowdMax is the most events a lane keeps one by one when their marks
// cannot all be kept apart: so few are better seen as marks, some of them
// overlapping, than as a density strip that hides what they are.
const crowdMax = 12

// fit stacks a lane's events into rows rows, letting the marks of a few
// events overlap when they cannot be kept apart.
func (c *Chart) fit(l *layout, lv *laneView, rows int) bool {
	return c.stack(l, lv, rows, false) || (len(lv.vis) <= crowdMax && c.stack(l, lv, rows, true))
}

// stack places a lane's events in at most rows rows, each in the first
// row where it and its whole label fit, else the first where its mark
// fits (the label before it is then shortened). It reports false when
// some event fits in no row, unless crowd is set: then such an event goes
// where its row ends first, over the marks there, without a label.
func (c *Chart) stack(l *layout, lv *laneView, rows int, crowd bool) bool {
	if cap(c.scr.hard) < rows {
		c.scr.hard, c.scr.soft = make([]float64, rows), make([]float64, rows)
	}
	hard, soft := c.scr.hard[:rows], c.scr.soft[:rows]
	for r := range hard {
		hard[r], soft[r] = math.Inf(-1), math.Inf(-1)
	}
	lv.items, lv.rows = lv.items[:0], 0
	for _, id := range lv.vis {
		it := c.geometry(l, id)
		end := it.x1
		if it.room > 0 && !it.inside && !it.left {
			end = it.lx + it.room
		}
		row := -1
		for r := range rows {
			if soft[r]+gap <= it.start() {
				row = r
				break
			}
		}
		if row < 0 {
			for r := range rows {
				if hard[r]+gap <= it.x0 {
					row = r
					break
				}
			}
			if row >= 0 && it.left {
				// Only the mark fits after what the row holds: the label
				// before it takes what room is left (and the label before
				// that is shortened to end before it).
				lx := max(it.lx, hard[row]+gap)
				it.room = max(0, it.x0-labelGapLeft-lx)
				it.lx = it.x0 - labelGapLeft - it.room
			}
		}
		if row < 0 && !crowd {
			return false
		}
		if row < 0 {
			row = 0
			for r := range rows {
				if hard[r] < hard[row] {
					row = r
				}
			}
			it.room, it.inside = 0, false
		}
		it.row = row
		hard[row], soft[row] = it.x1, end
		lv.items = append(lv.items, it)
		lv.rows = max(lv.rows, row+1)
	}
	// A label may run up to the next mark in its row.
	last := make([]int, rows)
	for r := range last {
		last[r] = -1
	}
	for k := range lv.items {
		it := &lv.items[k]
		if p := last[it.row]; p >= 0 {
			prev := &lv.items[p]
			if !prev.inside && !prev.left {
				prev.room = min(prev.room, it.start()-gap-prev.lx)
			}
		}
		last[it.row] = k
	}
	return true
}

// geometry returns an event's mark and label room, before stacking.
func (c *Chart) geometry(l *layout, id int32) item {
	e := c.Events
	it := item{id: id}
	x0, x1 := c.x(l, float64(e.Start[id])), c.x(l, float64(e.Stop[id]))
	ranged := e.Sure1[id] > e.Sure0[id] || e.Stop[id] > endOfStart(e, id)
	// An event known to the hour, day, month or year is that period: it
	// is drawn as the period, soft, where the period is wide enough to
	// show (a day-precision event is the day, not a point at its noon).
	soft := !ranged && e.Prec[id] != dates.None && e.Prec[id] <= dates.Hour
	if x1-x0 < 2*markerR+3 || (!ranged && !soft) {
		// Too short to show its length, or an instant known to the
		// minute or better: a marker at the middle of its period.
		mid := (x0 + x1) / 2
		it.x0, it.x1, it.marker = mid-markerR, mid+markerR, true
	} else {
		it.x0, it.x1 = x0, x1
	}
	kept := c.kept(id)
	if !kept || e.Label[id] == "" {
		return it
	}
	w := c.labelWidth(id)
	// Inside a bar only where the label fits on one tone: the solid part
	// of a range (in white or black), or a soft span without one.
	vx0, vx1 := clampX(l, it.x0), clampX(l, it.x1)
	if e.Sure1[id] > e.Sure0[id] {
		vx0, vx1 = clampX(l, c.x(l, float64(e.Sure0[id]))), clampX(l, c.x(l, float64(e.Sure1[id])))
	}
	if !it.marker && vx1-vx0 >= w+12 {
		it.inside, it.lx, it.room = true, vx0+6, vx1-vx0-12
		return it
	}
	it.lx = it.x1 + 4
	if it.marker {
		it.lx = it.x1 + 3
	}
	// A label that would run past the plot's right end stands before its
	// mark instead, where there is more room there: cut at the edge, it
	// reads as another word ("Schoigu trifft d…").
	right, left := l.x1-it.lx, it.x0-labelGapLeft-l.x0
	if w > right && left > right {
		it.left = true
		it.room = min(w, left)
		it.lx = it.x0 - labelGapLeft - it.room
		return it
	}
	it.room = min(w, right)
	if it.lx < l.x0 {
		it.room = 0
	}
	return it
}

// endOfStart returns the end of the period of event id's start: where an
// event without an end stops.
func endOfStart(e *Events, id int32) int64 { return e.Sure0[id] }

// labelSize is the size of event labels, in pixels.
const labelSize = 12

// labelWidth returns the width of event id's label, measured once.
func (c *Chart) labelWidth(id int32) float64 {
	if len(c.widths) != c.Events.Len() {
		c.widths = make([]float32, c.Events.Len())
		for i := range c.widths {
			c.widths[i] = -1
		}
	}
	if w := c.widths[id]; w >= 0 {
		return float64(w)
	}
	w := draw.Sans(labelSize, false).Width(c.Events.Label[id])
	c.widths[id] = float32(w)
	return w
}
