package worldmap

import (
	"fmt"
	"image/color"
	"math"

	"chronomap/app/draw"
)

// occupiedCells counts the cells that hold any event.
func occupiedCells(g *Grid) int {
	n := 0
	for _, c := range g.Count {
		if c > 0 {
			n++
		}
	}
	return n
}

// drawDensity paints how many events each small cell holds, on a
// logarithmic ramp of the theme's first colour, straight into the pixels:
// the only honest and fast picture of a million events.
func (m *Map) drawDensity(s *draw.Surface, g *Grid) {
	peak := maxCount(g)
	if peak == 0 {
		return
	}
	c := m.Theme.Category(0)
	ramp := densityRamp(c, peak)
	for r := range g.Rows {
		for col := range g.Cols {
			n := g.Count[r*g.Cols+col]
			if n == 0 {
				continue
			}
			a := ramp(n)
			if s.Pixels == nil {
				s.Rect(float64(col*g.Cell), float64(r*g.Cell), float64(g.Cell), float64(g.Cell), draw.Translucent(c, a))
				continue
			}
			for y := r * g.Cell; y < (r+1)*g.Cell; y++ {
				for x := col * g.Cell; x < (col+1)*g.Cell; x++ {
					s.Blend(x, y, c, a)
				}
			}
		}
	}
}

func maxCount(g *Grid) int32 {
	var peak int32
	for _, c := range g.Count {
		peak = max(peak, c)
	}
	return peak
}

// densityRamp maps a count to an opacity from 0.25 (one event, still
// visible) to 0.95 (the densest cell), logarithmically.
func densityRamp(_ color.RGBA, peak int32) func(int32) float64 {
	l := math.Log1p(float64(peak))
	return func(n int32) float64 {
		if l == 0 {
			return 0.95
		}
		return 0.25 + 0.7*math.Log1p(float64(n))/l
	}
}

// drawDensityLegend explains the density ramp in the lower left corner.
func (m *Map) drawDensityLegend(s *draw.Surface, g *Grid) {
	peak := maxCount(g)
	title := draw.Sans(11.5, true)
	f := draw.Sans(12, false)
	total := 0
	for _, c := range g.Count {
		total += int(c)
	}
	head := fmt.Sprintf("%s events, by density", thousands(total))
	w := math.Max(title.Width(head), 180)
	x, y, h := 12.0, s.H-12-64, 64.0
	s.RoundRect(x, y, w+24, h, 6, draw.Translucent(m.Theme.Background, 0.9))
	s.Text(title, x+12, y+18, head, m.Theme.Muted)
	c := m.Theme.Category(0)
	ramp := densityRamp(c, peak)
	const steps = 24
	for i := range steps {
		n := int32(math.Round(math.Expm1(float64(i) / (steps - 1) * math.Log1p(float64(peak)))))
		s.Rect(x+12+float64(i)*(w/steps), y+26, w/steps+0.5, 10, m.Theme.Land)
		s.Rect(x+12+float64(i)*(w/steps), y+26, w/steps+0.5, 10, draw.Translucent(c, ramp(max(n, 1))))
	}
	cell := fmt.Sprintf("per %d px cell", g.Cell)
	s.Text(f, x+12, y+54, "1", m.Theme.Text)
	s.Text(f, x+12+w/2-f.Width(cell)/2, y+54, cell, m.Theme.Muted)
	top := thousands(int(peak))
	s.Text(f, x+12+w-f.Width(top), y+54, top, m.Theme.Text)
}
