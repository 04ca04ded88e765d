package draw

import (
	"encoding/binary"
	"image"
	"image/color"
	"image/draw"
	"math"

	"golang.org/x/image/vector"
)

// On raster surfaces, fills and strokes go through x/image/vector's
// accumulating rasterizer rather than the vg backend: a basemap of ten
// thousand points fills and outlines in a few milliseconds instead of a
// few hundred, which is the difference between a smooth zoom and a stall.
// Vector surfaces keep vg, whose paths become SVG and PDF paths.

// rasterFill fills closed rings straight into the pixels.
func (s *Surface) rasterFill(p Path, c color.Color) {
	p = s.toPixels(p)
	var shapes [][][2]float64
	for _, ring := range p {
		if len(ring) >= 3 {
			shapes = append(shapes, ring)
		}
	}
	s.rasterize(shapes, c)
}

// rasterize fills closed shapes, working only over the pixels they cover:
// the rasterizer's cost is its area, and most shapes are small.
func (s *Surface) rasterize(shapes [][][2]float64, c color.Color) {
	if len(shapes) == 0 {
		return
	}
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, sh := range shapes {
		for _, q := range sh {
			minX, minY = math.Min(minX, q[0]), math.Min(minY, q[1])
			maxX, maxY = math.Max(maxX, q[0]), math.Max(maxY, q[1])
		}
	}
	area := image.Rect(int(math.Floor(minX)), int(math.Floor(minY)), int(math.Ceil(maxX))+1, int(math.Ceil(maxY))+1).Intersect(s.Pixels.Rect)
	if area.Empty() {
		return
	}
	ox, oy := float32(area.Min.X), float32(area.Min.Y)
	if s.z == nil {
		s.z = vector.NewRasterizer(area.Dx(), area.Dy())
	} else {
		s.z.Reset(area.Dx(), area.Dy())
	}
	z := s.z
	z.DrawOp = draw.Src // every mask pixel written, so the mask need not be cleared
	for _, sh := range shapes {
		z.MoveTo(float32(sh[0][0])-ox, float32(sh[0][1])-oy)
		for _, q := range sh[1:] {
			z.LineTo(float32(q[0])-ox, float32(q[1])-oy)
		}
		z.ClosePath()
	}
	// Coverage first, into an alpha mask (the rasterizer's SIMD path),
	// then one masked composite of the colour: several times faster than
	// the rasterizer blending a colour itself, pixel by pixel.
	// The rasterizer writes every pixel of the mask: no need to clear it.
	if s.mask == nil || len(s.mask.Pix) < area.Dx()*area.Dy() {
		s.mask = image.NewAlpha(image.Rect(0, 0, area.Dx(), area.Dy()))
	}
	mask := &image.Alpha{Pix: s.mask.Pix[:area.Dx()*area.Dy()], Stride: area.Dx(), Rect: image.Rect(0, 0, area.Dx(), area.Dy())}
	z.Draw(mask, mask.Bounds(), image.Opaque, image.Point{})
	r, g, b, a := c.RGBA()
	if a != 0xFFFF {
		draw.DrawMask(s.Pixels, area, image.NewUniform(c), image.Point{}, mask, image.Point{}, draw.Over)
		return
	}
	composite(s.Pixels, area, mask, uint32(r>>8), uint32(g>>8), uint32(b>>8))
}

// composite paints an opaque colour through a coverage mask: full coverage
// is a plain store, none is skipped, and only the anti-aliased edge is
// blended — most pixels of a filled country are one of the first two.
func composite(dst *image.RGBA, area image.Rectangle, mask *image.Alpha, r, g, b uint32) {
	for y := 0; y < area.Dy(); y++ {
		m := mask.Pix[y*mask.Stride : y*mask.Stride+area.Dx()]
		d := dst.Pix[dst.PixOffset(area.Min.X, area.Min.Y+y):]
		for x := 0; x < len(m); x++ {
			// Strokes leave most of their box empty: skip eight empty
			// pixels at a time.
			if x&7 == 0 && x+8 <= len(m) && binary.LittleEndian.Uint64(m[x:]) == 0 {
				x += 7
				continue
			}
			switch cov := m[x]; cov {
			case 0:
			case 0xFF:
				p := d[4*x : 4*x+4 : 4*x+4]
				p[0], p[1], p[2], p[3] = uint8(r), uint8(g), uint8(b), 0xFF
			default:
				p := d[4*x : 4*x+4 : 4*x+4]
				a, na := uint32(cov), 255-uint32(cov)
				p[0] = uint8((r*a + uint32(p[0])*na) / 255)
				p[1] = uint8((g*a + uint32(p[1])*na) / 255)
				p[2] = uint8((b*a + uint32(p[2])*na) / 255)
				p[3] = 0xFF
			}
		}
	}
}

// rasterStroke draws lines width pixels wide as one quad per segment, all
// wound the same way so that where they overlap (at joints) coverage adds
// up to full rather than cancelling out.
func (s *Surface) rasterStroke(p Path, c color.Color, width float64, closed bool) {
	p = s.toPixels(p)
	h := width * s.k / 2
	var quads [][][2]float64
	seg := func(a, b [2]float64) {
		dx, dy := b[0]-a[0], b[1]-a[1]
		l := math.Hypot(dx, dy)
		if l == 0 {
			return
		}
		nx, ny := -dy/l*h, dx/l*h
		// Extend each end by half the width so joints close.
		ex, ey := dx/l*h, dy/l*h
		quads = append(quads, [][2]float64{
			{a[0] - ex + nx, a[1] - ey + ny}, {b[0] + ex + nx, b[1] + ey + ny},
			{b[0] + ex - nx, b[1] + ey - ny}, {a[0] - ex - nx, a[1] - ey - ny},
		})
	}
	for _, line := range p {
		for i := 1; i < len(line); i++ {
			seg(line[i-1], line[i])
		}
		if closed && len(line) > 2 {
			seg(line[len(line)-1], line[0])
		}
	}
	s.rasterize(quads, c)
}

// toPixels turns a path in layout pixels into picture pixels: itself, but
// on a scaled surface.
func (s *Surface) toPixels(p Path) Path {
	if s.k == 1 {
		return p
	}
	out := make(Path, len(p))
	for i, ring := range p {
		r := make([][2]float64, len(ring))
		for j, q := range ring {
			r[j] = [2]float64{q[0] * s.k, q[1] * s.k}
		}
		out[i] = r
	}
	return out
}
