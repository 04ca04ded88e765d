package timeline

import (
	"image/color"
	"math"
	"slices"
	"time"

	"chronomap/app/draw"
	"chronomap/data/dates"
)

// densities counts the events of each dense or collapsed lane per pixel
// column, or per period where the lane's events are known only to the
// hour, day, month or year and such a period is at least periodPx wide
// (a pixel column of daily data holds a day or nothing: one-pixel
// spikes), into the chart's scratch memory. It returns the highest count
// of a pixel column, which scales every such strip alike so that lanes
// compare; strips of periods write their counts and are scaled each by
// its own.
func (c *Chart) densities(l *layout, lanes []laneView) int32 {
	cols := int(l.x1 - l.x0)
	if cols <= 0 {
		return 0
	}
	n := 0
	for _, lv := range lanes {
		if lv.mode != expanded {
			n++
		}
	}
	if cap(c.scr.all) < n*cols {
		c.scr.all = make([]int32, n*cols)
	}
	if cap(c.scr.edges) < n*(cols+1) {
		c.scr.edges = make([]float64, n*(cols+1))
	}
	all := c.scr.all[:n*cols]
	clear(all)
	x := c.Events.laneIndex()
	step := (c.To - c.From) / float64(cols)
	var peak int32
	k := 0
	for i := range lanes {
		lv := &lanes[i]
		if lv.mode == expanded {
			continue
		}
		bins := all[k*cols : (k+1)*cols]
		if c.Density != nil {
			k++
			for _, m := range lv.group {
				for i, v := range c.Density(m, c.From, c.To, cols) {
					if i < len(bins) {
						bins[i] += v
					}
				}
			}
			for _, v := range bins {
				peak = max(peak, v)
			}
			lv.bins, lv.edges = bins, nil
			continue
		}
		grain := dates.None
		for _, m := range lv.group {
			grain = max(grain, x.grain[m])
		}
		edges := periodEdges(grain, c.From, c.To, float64(cols), c.scr.edges[k*(cols+1):(k+1)*(cols+1):(k+1)*(cols+1)])
		k++
		if edges != nil {
			bins = bins[:len(edges)-1]
		}
		for _, m := range lv.group {
			switch {
			case c.Kept != nil:
				c.keptHistogram(m, step, edges, bins)
			case edges != nil:
				x.histogramEdges(m, edges, bins)
			default:
				x.histogram(m, c.From, step, bins)
			}
		}
		if edges == nil {
			for _, v := range bins {
				peak = max(peak, v)
			}
		}
		lv.bins, lv.edges = bins, edges
	}
	return peak
}

// periodPx is the least width, in pixels, of the periods a strip counts
// by: narrower, pixel columns count as well.
const periodPx = 3

// periodEdges returns the starts of the periods of precision p from the
// one holding from to the one after to (in UTC, as dates are read), in
// out's memory; nil where p is finer than an hour, or where the periods
// would be narrower than periodPx in a window cols pixels wide.
func periodEdges(p dates.Precision, from, to, cols float64, out []float64) []float64 {
	var length float64
	switch p {
	case dates.Hour:
		length = 3600
	case dates.Day:
		length = 86400
	case dates.Month:
		length = 28 * 86400
	case dates.Year:
		length = 365 * 86400
	default:
		return nil
	}
	if length/(to-from)*cols < periodPx {
		return nil
	}
	out = out[:0]
	switch p {
	case dates.Hour, dates.Day:
		u := math.Floor(from/length) * length
		for ; len(out) < cap(out); u += length {
			out = append(out, u)
			if u >= to {
				break
			}
		}
	default:
		c := time.Unix(int64(math.Floor(from)), 0).UTC()
		y, m := c.Year(), c.Month()
		if p == dates.Year {
			m = time.January
		}
		for len(out) < cap(out) {
			u := float64(time.Date(y, m, 1, 0, 0, 0, 0, time.UTC).Unix())
			out = append(out, u)
			if u >= to {
				break
			}
			if p == dates.Year {
				y++
			} else {
				m++
			}
		}
	}
	if len(out) < 2 {
		return nil
	}
	return out
}

// keptHistogram counts only the events the filter keeps, per pixel column
// step seconds wide or per period between edges, which needs each event
// in view: the price of a filter is the events it looks at.
func (c *Chart) keptHistogram(lane int, step float64, edges []float64, bins []int32) {
	e := c.Events
	from, to := int64(math.Floor(c.From)), int64(math.Ceil(c.To))
	if edges != nil {
		from, to = int64(edges[0]), int64(edges[len(edges)-1])
	}
	c.scr.vis = c.Events.laneIndex().visible(e, lane, from, to, c.scr.vis[:0])
	b := 0
	for _, id := range c.scr.vis {
		if !c.Kept[id] {
			continue
		}
		st := float64(e.Start[id])
		if edges == nil {
			if b := int((st - c.From) / step); b >= 0 && b < len(bins) {
				bins[b]++
			}
			continue
		}
		// Events come by start: the period only moves on.
		for b < len(bins) && st >= edges[b+1] {
			b++
		}
		if b < len(bins) && st >= edges[b] {
			bins[b]++
		}
	}
}

// drawDensity draws a lane's histogram: a column per pixel whose height
// goes with the square root of its count, so that quiet days still show
// beside the busiest; or a bar per period, each with its count written
// over it where there is room.
func (c *Chart) drawDensity(s *draw.Surface, l *layout, lv *laneView, peak int32, band color.RGBA) {
	bins := lv.bins
	if lv.edges != nil {
		peak = 0
		for _, v := range bins {
			peak = max(peak, v)
		}
	}
	if peak == 0 {
		return
	}
	top, bottom := lv.y0+lanePad, lv.y1-lanePad
	if lv.mode == collapsed {
		top, bottom = lv.y0+4, lv.y1-4
	}
	col := c.lvColour(lv)
	alpha := 0.85
	if lv.mode == collapsed {
		alpha = 0.55
	}
	s.Block(l.x0, bottom-0.5, l.x1, bottom+0.5, col, 0.4)
	// Mixed once with the band behind, the colour is opaque: columns are
	// then stored, not blended, pixel by pixel.
	col = mix(col, band, alpha)
	if lv.edges != nil {
		c.drawPeriods(s, l, lv, top, bottom, peak, col)
		c.drawSelectedIn(s, l, lv)
		return
	}
	h := bottom - top
	p := math.Sqrt(float64(peak))
	if cap(c.scr.heights) < len(bins) {
		c.scr.heights = make([]float64, len(bins))
	}
	heights := c.scr.heights[:len(bins)]
	for i, v := range bins {
		heights[i] = 0
		if v > 0 {
			// At least a pixel and a half, so that a lone event shows.
			heights[i] = max(1.5, h*math.Sqrt(float64(v))/p)
		}
	}
	s.Histogram(int(l.x0), bottom, heights, col)
	c.drawSelectedIn(s, l, lv)
}

// countSize is the size of the counts written over a strip's periods.
const countSize = 10.5

// drawPeriods draws a strip counted by periods: a bar per period as wide
// as it, a pixel apart where it is wide enough, its height going with its
// count (linearly: the counts are written) and the count over it where it
// fits. Collapsed lanes are too low for counts.
func (c *Chart) drawPeriods(s *draw.Surface, l *layout, lv *laneView, top, bottom float64, peak int32, col color.RGBA) {
	f := draw.Sans(countSize, false)
	counts := lv.mode != collapsed
	if counts {
		top += countSize + 3 // room for the tallest bar's count
	}
	h := bottom - top
	for i, v := range lv.bins {
		if v == 0 {
			continue
		}
		x0, x1 := c.x(l, lv.edges[i]), c.x(l, lv.edges[i+1])
		if x1-x0 >= 4 {
			x1-- // a gap between periods
		}
		x0, x1 = clampX(l, x0), clampX(l, x1)
		if x1 <= x0 {
			continue
		}
		bh := max(1.5, h*float64(v)/float64(peak))
		s.Block(x0, bottom-bh, x1, bottom, col, 1)
		if !counts {
			continue
		}
		text := c.Lang.marks().Int(int(v))
		if w := f.Width(text); w+2 <= x1-x0 {
			s.Label(f, (x0+x1)/2-w/2, bottom-bh-3, text, c.Theme.Text)
		}
	}
}

// drawSelectedIn rings the selected events of a strip lane, which would
// otherwise vanish into their column.
func (c *Chart) drawSelectedIn(s *draw.Surface, l *layout, lv *laneView) {
	e := c.Events
	cy := (lv.y0 + lv.y1) / 2
	for i := range c.Selected {
		if i < 0 || i >= e.Len() || !slices.Contains(lv.group, int(e.Lane[i])) || !c.Selected[i] {
			continue
		}
		x := c.x(l, float64(e.Start[i]+e.Stop[i])/2)
		if x < l.x0 || x > l.x1 {
			continue
		}
		col, _ := c.colour(int32(i))
		s.Disc(x, cy, markerR+1, col, 1, c.Theme.Selection, 2)
	}
}

// mix returns a at opacity t over b.
func mix(a, b color.RGBA, t float64) color.RGBA {
	m := func(x, y uint8) uint8 { return uint8(float64(x)*t + float64(y)*(1-t) + 0.5) }
	return color.RGBA{m(a.R, b.R), m(a.G, b.G), m(a.B, b.B), 0xFF}
}
