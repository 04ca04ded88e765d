package worldmap

import (
	"image/color"
	"math"

	"chronomap/app/draw"
)

// occupiedBlocks counts the k×k blocks of cells that hold any event:
// how many clusters the view would have.
func occupiedBlocks(counts []int32, cols, rows, k int) int {
	bc := (cols + k - 1) / k
	seen := make([]bool, bc*((rows+k-1)/k))
	n := 0
	for r := range rows {
		for c, v := range counts[r*cols : (r+1)*cols] {
			if b := (r/k)*bc + c/k; v > 0 && !seen[b] {
				seen[b] = true
				n++
			}
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
	if s.Pixels == nil || s.Scale() != 1 {
		drawDensityPaths(s, g, c, ramp)
		return
	}
	// Straight into the pixels with integer blending: a million events
	// fill a few hundred thousand cells, and this is the frame's inner loop.
	img := s.Pixels
	w, h := img.Rect.Dx(), img.Rect.Dy()
	cr, cg, cb := uint32(c.R), uint32(c.G), uint32(c.B)
	// Weights out of 256, so that blending is a shift; looked up for the
	// small counts most cells hold, as a logarithm per cell would cost
	// more than the blending.
	weight := func(n int32) uint32 { return uint32(ramp(n)*256 + 0.5) }
	table := make([]uint32, min(int(peak), 4096)+1)
	for n := range table {
		table[n] = weight(int32(n))
	}
	for r := range g.Rows {
		y0, y1 := r*g.Cell, min((r+1)*g.Cell, h)
		for col := range g.Cols {
			n := g.Count[r*g.Cols+col]
			if n == 0 {
				continue
			}
			var a uint32
			if int(n) < len(table) {
				a = table[n]
			} else {
				a = weight(n)
			}
			na := 256 - a
			pr, pg, pb := cr*a, cg*a, cb*a
			x0, x1 := col*g.Cell, min((col+1)*g.Cell, w)
			for y := y0; y < y1; y++ {
				row := img.Pix[y*img.Stride+4*x0 : y*img.Stride+4*x1]
				for i := 0; i+3 < len(row); i += 4 {
					row[i] = uint8((pr + uint32(row[i])*na) >> 8)
					row[i+1] = uint8((pg + uint32(row[i+1])*na) >> 8)
					row[i+2] = uint8((pb + uint32(row[i+2])*na) >> 8)
				}
			}
		}
	}
}

// densityLevels is how many opacities a vector density layer uses: steps
// of about 3% between 0.25 and 0.95, finer than the eye tells apart on a
// ramp of one colour.
const densityLevels = 24

// drawDensityPaths draws the density layer of a vector picture: one filled
// path per opacity level, each row's run of cells of the same level one
// rectangle — a few thousand rectangles in two dozen paths, where a
// rectangle per cell would be hundreds of thousands of paths, and where a
// bitmap would not be a vector at all.
func drawDensityPaths(s *draw.Surface, g *Grid, c color.RGBA, ramp func(int32) float64) {
	level := func(n int32) int {
		if n == 0 {
			return -1
		}
		return int(math.Round((ramp(n) - 0.25) / 0.7 * (densityLevels - 1)))
	}
	paths := make([]draw.Path, densityLevels)
	cell := float64(g.Cell)
	for r := range g.Rows {
		row := g.Count[r*g.Cols : (r+1)*g.Cols]
		y0, y1 := float64(r)*cell, math.Min(float64(r+1)*cell, s.H)
		for col := 0; col < len(row); {
			l := level(row[col])
			end := col + 1
			for end < len(row) && level(row[end]) == l {
				end++
			}
			if l >= 0 {
				x0, x1 := float64(col)*cell, math.Min(float64(end)*cell, s.W)
				paths[l] = append(paths[l], [][2]float64{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}})
			}
			col = end
		}
	}
	for l, p := range paths {
		s.Fill(p, draw.Translucent(c, 0.25+0.7*float64(l)/(densityLevels-1)))
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
	head, cell := m.densityWords(total, g.Cell)
	top := m.marks().Int(int(peak))
	// Wide enough that the cell's words, centred, keep clear of the
	// numbers either side: "per 4 px cell" ran into a peak of 12,250,421.
	const gap = 10
	w := max(title.Width(head), 180, f.Width(cell)+2*(max(f.Width("1"), f.Width(top))+gap))
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
	s.Text(f, x+12, y+54, "1", m.Theme.Text)
	s.Text(f, x+12+w/2-f.Width(cell)/2, y+54, cell, m.Theme.Muted)
	s.Text(f, x+12+w-f.Width(top), y+54, top, m.Theme.Text)
}
