package draw

import (
	"image/color"
	"math"
)

// Disc paints an anti-aliased disc straight into a raster surface's
// pixels, with an optional ring: the fast path for thousands of markers
// and clusters, which as vector paths would take a frame's time many
// times over. On a vector surface it draws a Circle.
func (s *Surface) Disc(x, y, r float64, fill color.RGBA, alpha float64, ring color.RGBA, ringWidth float64) {
	if s.Pixels == nil {
		var rc color.Color
		if ringWidth > 0 {
			rc = ring
		}
		s.Circle(x, y, r, Translucent(fill, alpha), rc, ringWidth)
		return
	}
	if k := s.k; k != 1 {
		x, y, r, ringWidth = x*k, y*k, r*k, ringWidth*k
	}
	outer := r + ringWidth/2
	x0, x1 := int(math.Floor(x-outer-1)), int(math.Ceil(x+outer+1))
	y0, y1 := int(math.Floor(y-outer-1)), int(math.Ceil(y+outer+1))
	b := s.Pixels.Rect
	x0, y0 = max(x0, b.Min.X), max(y0, b.Min.Y)
	x1, y1 = min(x1, b.Max.X-1), min(y1, b.Max.Y-1)
	inner := r - ringWidth/2
	for py := y0; py <= y1; py++ {
		dy := float64(py) + 0.5 - y
		for px := x0; px <= x1; px++ {
			dx := float64(px) + 0.5 - x
			d := math.Sqrt(dx*dx + dy*dy)
			// Coverage of a one-pixel-wide edge.
			if ringWidth > 0 {
				if a := clamp01(outer+0.5-d) * clamp01(d-inner+0.5); a > 0 {
					s.Blend(px, py, ring, a)
				}
				if a := clamp01(inner + 0.5 - d); a > 0 {
					s.Blend(px, py, fill, a*alpha)
				}
				continue
			}
			if a := clamp01(r + 0.5 - d); a > 0 {
				s.Blend(px, py, fill, a*alpha)
			}
		}
	}
}

func clamp01(v float64) float64 { return math.Max(0, math.Min(1, v)) }
