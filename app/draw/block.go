package draw

import (
	"image/color"
	"math"
)

// Block fills the rectangle from (x0, y0) to (x1, y1) with c at opacity a
// (0–1). On raster surfaces it writes the pixels directly, its edges
// anti-aliased by how much of each edge pixel they cover: bars, spans,
// grid lines and histogram columns by the thousand cost no more than the
// pixels they cover. On vector surfaces it is a Rect.
func (s *Surface) Block(x0, y0, x1, y1 float64, c color.RGBA, a float64) {
	if x1 <= x0 || y1 <= y0 || a <= 0 {
		return
	}
	if s.Pixels == nil {
		if a >= 1 {
			s.Rect(x0, y0, x1-x0, y1-y0, c)
		} else {
			s.Rect(x0, y0, x1-x0, y1-y0, Translucent(c, a))
		}
		return
	}
	if k := s.k; k != 1 {
		x0, y0, x1, y1 = x0*k, y0*k, x1*k, y1*k
	}
	b := s.Pixels.Rect
	x0, x1 = math.Max(x0, float64(b.Min.X)), math.Min(x1, float64(b.Max.X))
	y0, y1 = math.Max(y0, float64(b.Min.Y)), math.Min(y1, float64(b.Max.Y))
	if x1 <= x0 || y1 <= y0 {
		return
	}
	px0, px1 := int(math.Floor(x0)), int(math.Ceil(x1))
	py0, py1 := int(math.Floor(y0)), int(math.Ceil(y1))
	// The first and last columns may be partly covered; those between
	// are covered whole, and when opaque are copied in rather than blended.
	first, last := coverage(float64(px0), x0, x1), coverage(float64(px1-1), x0, x1)
	solid := []byte{c.R, c.G, c.B, 0xFF}
	for py := py0; py < py1; py++ {
		cy := a
		if py == py0 || py == py1-1 { // only the first and last rows may be cut
			cy = coverage(float64(py), y0, y1) * a
		}
		row := s.Pixels.Pix[s.Pixels.PixOffset(px0, py) : s.Pixels.PixOffset(px1-1, py)+4]
		n := px1 - px0
		if cy >= 1 && n > 2 {
			fill(row[4:4*(n-1)], solid)
		} else {
			for k := 1; k < n-1; k++ {
				blend(row[4*k:4*k+4:4*k+4], c, cy)
			}
		}
		blend(row[0:4:4], c, cy*first)
		if n > 1 {
			blend(row[4*(n-1):4*n:4*n], c, cy*last)
		}
	}
}

// fill repeats a 4-byte pixel over p, doubling what is copied each time.
func fill(p, px []byte) {
	if len(p) == 0 {
		return
	}
	copy(p, px)
	for k := 4; k < len(p); k *= 2 {
		copy(p[k:], p[:k])
	}
}

// blend paints colour c at opacity a (0–1) over one pixel.
func blend(p []byte, c color.RGBA, a float64) {
	if a >= 1 {
		p[0], p[1], p[2], p[3] = c.R, c.G, c.B, 0xFF
		return
	}
	k := uint32(a*256 + 0.5)
	n := 256 - k
	p[0] = uint8((uint32(c.R)*k + uint32(p[0])*n) >> 8)
	p[1] = uint8((uint32(c.G)*k + uint32(p[1])*n) >> 8)
	p[2] = uint8((uint32(c.B)*k + uint32(p[2])*n) >> 8)
	p[3] = 0xFF
}

// coverage is how much of the pixel [p, p+1) the interval [lo, hi) covers.
func coverage(p, lo, hi float64) float64 {
	return math.Max(0, math.Min(p+1, hi)-math.Max(p, lo))
}

// Column paints pixel column x from y0 down to y1 in an opaque colour, the
// top pixel blended by how much of it is covered (y1 is taken to be a
// whole pixel, as a baseline is): the bar of a histogram
// with one bar per pixel, a million of them a second. On vector and
// scaled surfaces it is a Block.
func (s *Surface) Column(x int, y0, y1 float64, c color.RGBA) {
	if s.Pixels == nil || s.k != 1 {
		s.Block(float64(x), y0, float64(x+1), y1, c, 1)
		return
	}
	b := s.Pixels.Rect
	y0, y1 = math.Max(y0, float64(b.Min.Y)), math.Min(y1, float64(b.Max.Y))
	if x < b.Min.X || x >= b.Max.X || y1 <= y0 {
		return
	}
	top := int(math.Floor(y0))
	i := s.Pixels.PixOffset(x, top)
	blend(s.Pixels.Pix[i:i+4:i+4], c, coverage(float64(top), y0, y1))
	end := int(math.Ceil(y1))
	for py := top + 1; py < end; py++ {
		i += s.Pixels.Stride
		p := s.Pixels.Pix[i : i+4 : i+4]
		p[0], p[1], p[2], p[3] = c.R, c.G, c.B, 0xFF
	}
}

// Histogram draws bars one pixel wide standing on the baseline at y
// bottom, the first at pixel column x0, heights[i] pixels tall (none where
// 0): a density strip. On raster surfaces each is a Column; on vector
// surfaces each run of bars is one filled outline rather than a rectangle
// per pixel, which keeps the file small and its edges clean when zoomed.
func (s *Surface) Histogram(x0 int, bottom float64, heights []float64, c color.RGBA) {
	if s.Pixels != nil {
		for i, h := range heights {
			if h > 0 {
				s.Column(x0+i, bottom-h, bottom, c)
			}
		}
		return
	}
	var p Path
	for i := 0; i < len(heights); {
		if !(heights[i] > 0) {
			i++
			continue
		}
		x := float64(x0 + i)
		ring := [][2]float64{{x, bottom}}
		for ; i < len(heights) && heights[i] > 0; i++ {
			x := float64(x0 + i)
			top := bottom - heights[i]
			ring = append(ring, [2]float64{x, top}, [2]float64{x + 1, top})
		}
		ring = append(ring, [2]float64{float64(x0 + i), bottom})
		p = append(p, ring)
	}
	s.Fill(p, c)
}
