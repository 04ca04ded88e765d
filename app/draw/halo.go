package draw

import (
	"image/color"

	stdfont "golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// HaloText writes text as Text does, ringed by a thin outline of the halo
// colour so that it reads over borders, lines and markers. On raster
// surfaces the halo is the text written eight times a pixel off in every
// direction; on vector surfaces it is the letters' outlines stroked, and
// the text is written once — copies would be read out eight times over by
// anyone who copies or extracts the text of a PDF.
func (s *Surface) HaloText(f Face, x, y float64, text string, fg, halo color.Color) {
	if s.Pixels != nil {
		for _, d := range [][2]float64{{-1, 0}, {1, 0}, {0, -1}, {0, 1}, {-0.7, -0.7}, {0.7, 0.7}, {-0.7, 0.7}, {0.7, -0.7}} {
			s.Text(f, x+d[0], y+d[1], text, halo)
		}
		s.Text(f, x, y, text, fg)
		return
	}
	if !s.fits(f, x, y, text) {
		return
	}
	s.Stroke(f.Outline(x, y, text), halo, 2, true)
	s.Text(f, x, y, text, fg)
}

// Outline returns the outlines of text's letters written at (x, y), as
// closed rings in pixels, curves flattened to short lines. Spacing is the
// font's, as Width measures it.
func (f Face) Outline(x, y float64, text string) Path {
	sf := f.face.Face
	size := float64(f.face.Font.Size)
	ppem := fixed.Int26_6(size * 64)
	var buf sfnt.Buffer
	var out Path
	var ring [][2]float64
	pen := x
	var prev sfnt.GlyphIndex
	at := func(p fixed.Point26_6) [2]float64 {
		return [2]float64{pen + float64(p.X)/64, y + float64(p.Y)/64}
	}
	for i, r := range text {
		idx, err := sf.GlyphIndex(&buf, r)
		if err != nil {
			continue
		}
		if i > 0 {
			// No kerning pair (ErrNotFound) is the common case; Width
			// measures the same way.
			if k, err := sf.Kern(&buf, prev, idx, ppem, stdfont.HintingNone); err == nil {
				pen += float64(k) / 64
			}
		}
		segs, err := sf.LoadGlyph(&buf, idx, ppem, nil)
		if err == nil {
			var last [2]float64
			for _, sg := range segs {
				switch sg.Op {
				case sfnt.SegmentOpMoveTo:
					if len(ring) > 2 {
						out = append(out, ring)
					}
					last = at(sg.Args[0])
					ring = [][2]float64{last}
				case sfnt.SegmentOpLineTo:
					last = at(sg.Args[0])
					ring = append(ring, last)
				case sfnt.SegmentOpQuadTo:
					c, e := at(sg.Args[0]), at(sg.Args[1])
					for k := 1; k <= 4; k++ {
						t := float64(k) / 4
						u := 1 - t
						ring = append(ring, [2]float64{u*u*last[0] + 2*u*t*c[0] + t*t*e[0], u*u*last[1] + 2*u*t*c[1] + t*t*e[1]})
					}
					last = e
				case sfnt.SegmentOpCubeTo:
					c1, c2, e := at(sg.Args[0]), at(sg.Args[1]), at(sg.Args[2])
					for k := 1; k <= 6; k++ {
						t := float64(k) / 6
						u := 1 - t
						a, b, c, d := u*u*u, 3*u*u*t, 3*u*t*t, t*t*t
						ring = append(ring, [2]float64{a*last[0] + b*c1[0] + c*c2[0] + d*e[0], a*last[1] + b*c1[1] + c*c2[1] + d*e[1]})
					}
					last = e
				}
			}
			if len(ring) > 2 {
				out = append(out, ring)
			}
			ring = nil
		}
		if adv, err := sf.GlyphAdvance(&buf, idx, ppem, stdfont.HintingNone); err == nil {
			pen += float64(adv) / 64
		}
		prev = idx
	}
	return out
}
