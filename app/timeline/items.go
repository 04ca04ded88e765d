package timeline

import (
	"image/color"

	"chronomap/app/draw"
)

// drawLaneBands draws each lane's band and its header in the gutter:
// name, colour when lanes are the categories, and how many events.
func (c *Chart) drawLaneBands(s *draw.Surface, l *layout, lanes []laneView) {
	t := c.Theme
	e := c.Events
	name := draw.Sans(13, true)
	small := draw.Sans(11.5, false)
	x := c.Events.laneIndex()
	for k, lv := range lanes {
		if k%2 == 1 {
			s.Block(l.gutter, lv.y0, l.x1, lv.y1, t.Panel, 1)
		}
		s.Block(l.gutter, lv.y1-1, l.x1, lv.y1, t.Grid, 1)
		hx := l.gutter + 6
		if e.ByCategory || len(e.Lanes) > 1 {
			s.Block(l.gutter, lv.y0+1, l.gutter+3, lv.y1-1, c.lvColour(&lv), 1)
			hx += 4
		}
		ny := lv.y0 + 17
		if lv.mode == collapsed {
			ny = lv.y0 + collapsedH/2 + 4.5
		}
		label := e.Lanes[lv.lane]
		if lv.other {
			label = "Other (" + itoa(len(lv.group)) + ")"
			if c.Lang == German {
				label = "Weitere (" + itoa(len(lv.group)) + ")"
			}
		}
		if lv.mode == collapsed {
			label = "+ " + label
		}
		s.Label(name, hx, ny, draw.Fit(name, label, l.x0-hx-8), t.Text)
		if lv.mode == collapsed || lv.y1-lv.y0 < 36 {
			continue
		}
		total := 0
		for _, m := range lv.group {
			total += c.laneTotal(x, m)
		}
		note := c.count(total)
		if lv.mode == expanded && len(lv.vis) < total {
			note = c.Lang.marks().Int(len(lv.vis)) + " of " + note + " in view"
			if c.Lang == German {
				note = c.Lang.marks().Int(len(lv.vis)) + " von " + c.count(total) + " im Bild"
			}
		}
		if lv.mode == dense {
			if c.Lang == German {
				note += " · Dichte"
			} else {
				note += " · density"
			}
		}
		s.Label(small, hx, ny+16, draw.Fit(small, note, l.x0-hx-8), t.Muted)
	}
}

// count writes a number of events: "1 event", "1,234 events".
func (c *Chart) count(n int) string {
	switch {
	case c.Lang == German && n == 1:
		return "1 Ereignis"
	case c.Lang == German:
		return c.Lang.marks().Int(n) + " Ereignisse"
	case n == 1:
		return "1 event"
	}
	return c.Lang.marks().Int(n) + " events"
}

// lvColour is the colour a lane is drawn in: its lane's, and for the
// "Other" lane, of many categories, the muted text colour.
func (c *Chart) lvColour(lv *laneView) color.RGBA {
	if lv.other {
		return c.Theme.Muted
	}
	return c.laneColour(lv.lane)
}

// laneColour is the colour of a lane: its category's when lanes are the
// categories, else the muted text colour.
func (c *Chart) laneColour(lane int) color.RGBA {
	if c.Events.ByCategory && lane < len(c.Events.Legend) {
		return c.Theme.Category(lane)
	}
	return c.Theme.Muted
}

// drawLanes draws each lane's events, or its density strip.
func (c *Chart) drawLanes(s *draw.Surface, l *layout, lanes []laneView) {
	peak := c.densities(l, lanes)
	for k := range lanes {
		lv := &lanes[k]
		band := c.Theme.Background
		if k%2 == 1 {
			band = c.Theme.Panel
		}
		if lv.mode == expanded {
			c.drawItems(s, l, lv, band)
			continue
		}
		c.drawDensity(s, l, lv, peak, band)
	}
}

// drawItems draws a stacked lane: soft spans and bars first, then
// markers over them, then labels.
func (c *Chart) drawItems(s *draw.Surface, l *layout, lv *laneView, band color.RGBA) {
	e := c.Events
	t := c.Theme
	font := draw.Sans(labelSize, false)
	bold := draw.Sans(labelSize, true)
	rowY := func(r int) float64 { return lv.y0 + lanePad + float64(r)*rowH + rowH/2 }
	for pass := 0; pass < 2; pass++ {
		for _, it := range lv.items {
			if it.marker != (pass == 1) {
				continue
			}
			id := it.id
			col, kept := c.colour(id)
			sel := c.Selected[int(id)]
			cy := rowY(it.row)
			if it.marker {
				if sel {
					s.Disc((it.x0+it.x1)/2, cy, markerR+1, col, 1, t.Selection, 2)
				} else if kept {
					s.Disc((it.x0+it.x1)/2, cy, markerR, col, 1, t.Background, 1)
				} else {
					s.Disc((it.x0+it.x1)/2, cy, markerR-1, col, 0.35, col, 0)
				}
				continue
			}
			x0, x1 := clampX(l, it.x0), clampX(l, it.x1)
			soft, sure := 0.3, 0.9
			if !kept {
				soft, sure = 0.12, 0.25
			}
			// The whole extent soft, the certain part solid: how well the
			// ends are known is what the eye sees.
			s.Block(x0, cy-barH/2, x1, cy+barH/2, col, soft)
			if e.Sure1[id] > e.Sure0[id] {
				sx0 := clampX(l, c.x(l, float64(e.Sure0[id])))
				sx1 := clampX(l, c.x(l, float64(e.Sure1[id])))
				s.Block(sx0, cy-barH/2, sx1, cy+barH/2, col, sure)
			} else {
				// A period known only to the year or month: a solid
				// edge at its start, so that it reads as one thing.
				s.Block(x0, cy-barH/2, x0+2, cy+barH/2, col, sure)
			}
			if sel {
				outline(s, x0-1.5, cy-barH/2-1.5, x1+1.5, cy+barH/2+1.5, t.Selection)
			}
		}
	}
	for _, it := range lv.items {
		if it.room < labelMin {
			continue
		}
		id := it.id
		f := font
		if c.Selected[int(id)] {
			f = bold
		}
		text := draw.Fit(f, e.Label[id], it.room)
		if text == "" {
			continue
		}
		cy := rowY(it.row)
		lx := it.lx
		if it.left {
			lx = it.x0 - labelGapLeft - f.Width(text)
		}
		col := t.Text
		if it.inside && e.Sure1[id] > e.Sure0[id] {
			bg, _ := c.colour(id)
			col = contrast(bg)
		} else if !it.inside {
			// The label's room is free of marks: clear the grid lines
			// under it, so that they do not strike through letters.
			s.Block(lx-1, cy-9, lx+f.Width(text)+2, cy+5, band, 1)
		}
		s.Label(f, lx, cy+4, text, col)
	}
}

// colour returns an event's colour, and whether it passes the filter.
func (c *Chart) colour(id int32) (color.RGBA, bool) {
	kept := c.kept(id)
	if !kept {
		return c.Theme.Muted, false
	}
	k := int(c.Events.Category[id])
	if len(c.Events.Legend) == 0 {
		k = 0 // no categories at all: the first colour, not grey
	}
	return c.Theme.Category(k), true
}

// contrast returns white or near-black, whichever reads better on bg.
func contrast(bg color.RGBA) color.RGBA {
	lum := 0.2126*float64(bg.R) + 0.7152*float64(bg.G) + 0.0722*float64(bg.B)
	if lum > 150 {
		return color.RGBA{0x11, 0x11, 0x11, 0xFF}
	}
	return color.RGBA{0xFF, 0xFF, 0xFF, 0xFF}
}

// outline draws a rectangle's edges 1.5 pixels wide.
func outline(s *draw.Surface, x0, y0, x1, y1 float64, c color.RGBA) {
	const w = 1.5
	s.Block(x0, y0, x1, y0+w, c, 1)
	s.Block(x0, y1-w, x1, y1, c, 1)
	s.Block(x0, y0, x0+w, y1, c, 1)
	s.Block(x1-w, y0, x1, y1, c, 1)
}
