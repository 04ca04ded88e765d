package timeline

import (
	"image/color"
	"math"

	"chronomap/app/draw"
)

// densities counts the events of each dense or collapsed lane per pixel
// column, into the chart's scratch memory, and returns the highest count,
// which scales every strip alike so that lanes compare.
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
		k++
		if c.Kept == nil {
			x.histogram(lv.lane, c.From, step, bins)
		} else {
			c.keptHistogram(lv.lane, step, bins)
		}
		for _, v := range bins {
			peak = max(peak, v)
		}
		lv.bins = bins
	}
	return peak
}

// keptHistogram counts only the events the filter keeps, which needs
// each event in view: the price of a filter is the events it looks at.
func (c *Chart) keptHistogram(lane int, step float64, bins []int32) {
	e := c.Events
	from, to := int64(math.Floor(c.From)), int64(math.Ceil(c.To))
	c.scr.vis = c.Events.laneIndex().visible(e, lane, from, to, c.scr.vis[:0])
	for _, id := range c.scr.vis {
		if !c.Kept[id] {
			continue
		}
		if b := int((float64(e.Start[id]) - c.From) / step); b >= 0 && b < len(bins) {
			bins[b]++
		}
	}
}

// drawDensity draws a lane's histogram: a column per pixel whose height
// goes with the square root of its count, so that quiet days still show
// beside the busiest.
func (c *Chart) drawDensity(s *draw.Surface, l *layout, lv *laneView, peak int32, band color.RGBA) {
	bins := lv.bins
	if peak == 0 {
		return
	}
	top, bottom := lv.y0+lanePad, lv.y1-lanePad
	if lv.mode == collapsed {
		top, bottom = lv.y0+4, lv.y1-4
	}
	h := bottom - top
	col := c.laneColour(lv.lane)
	alpha := 0.85
	if lv.mode == collapsed {
		alpha = 0.55
	}
	s.Block(l.x0, bottom-0.5, l.x1, bottom+0.5, col, 0.4)
	// Mixed once with the band behind, the colour is opaque: columns are
	// then stored, not blended, pixel by pixel.
	col = mix(col, band, alpha)
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

// drawSelectedIn rings the selected events of a strip lane, which would
// otherwise vanish into their column.
func (c *Chart) drawSelectedIn(s *draw.Surface, l *layout, lv *laneView) {
	e := c.Events
	cy := (lv.y0 + lv.y1) / 2
	for i := range c.Selected {
		if i < 0 || i >= e.Len() || int(e.Lane[i]) != lv.lane || !c.Selected[i] {
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
