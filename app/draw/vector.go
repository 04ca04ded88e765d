package draw

import (
	"errors"
	"image"
	"image/draw"
	"image/png"
	"io"
	"math"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/vgsvg"
)

// NewSVG returns a vector surface w×h pixels large that writes an SVG
// document. Text stays text (<text> elements, any language), and Liberation
// Sans is embedded so that the picture looks the same on a machine without
// it — a briefing room's laptop, an air-gapped office.
func NewSVG(w, h int) *Surface {
	c := vgsvg.NewWith(vgsvg.UseWH(vg.Length(w), vg.Length(h)), vgsvg.EmbedFonts(true))
	return &Surface{Canvas: c, W: float64(w), H: float64(h), canvasH: float64(h), clip: Box{0, 0, float64(w), float64(h)}}
}

// WriteTo writes the picture: a PNG for a raster surface, the SVG or PDF
// document for a vector one (the whole document, when s is a Part of it).
// A PDF is closed by it and takes no more drawing.
func (s *Surface) WriteTo(w io.Writer) (int64, error) {
	if wt, ok := s.Canvas.(io.WriterTo); ok && s.Pixels == nil {
		return wt.WriteTo(w)
	}
	if s.Pixels == nil {
		return 0, errors.New("this surface cannot be written: it has neither pixels nor a document")
	}
	cw := &counter{w: w}
	err := png.Encode(cw, s.Pixels)
	return cw.n, err
}

// Part calls paint with a surface for the w×h pixels of s whose top-left
// corner is (x, y), on which the picture's part (a map above a timeline)
// is drawn as on a picture of its own: from (0, 0), with W and H its size,
// and nothing spilling out. On a raster surface the part is drawn on a
// raster of its own and copied in — the views' pixel paths and caches
// then need no offsets; on a vector surface it is the same document,
// shifted and cut to the box.
func (s *Surface) Part(x, y, w, h int, paint func(part *Surface)) {
	if w <= 0 || h <= 0 {
		return
	}
	if s.Pixels == nil {
		b := Box{s.ox + float64(x), s.oy + float64(y), s.ox + float64(x+w), s.oy + float64(y+h)}
		b = Box{max(b.X0, s.clip.X0), max(b.Y0, s.clip.Y0), min(b.X1, s.clip.X1), min(b.Y1, s.clip.Y1)}
		paint(&Surface{Canvas: s.Canvas, W: float64(w), H: float64(h), ox: s.ox + float64(x), oy: s.oy + float64(y), canvasH: s.canvasH, clip: b, pdf: s.pdf})
		return
	}
	part := NewRasterScaled(w, h, s.Scale(), image.Transparent)
	at := func(v int) int { return int(math.Round(float64(v) * s.Scale())) }
	r := image.Rect(at(x), at(y), at(x)+part.Pixels.Rect.Dx(), at(y)+part.Pixels.Rect.Dy())
	copyPixels(part.Pixels, image.Point{}, s.Pixels, r)
	paint(part)
	copyPixels(s.Pixels, r.Min, part.Pixels, part.Pixels.Rect)
}

// copyPixels copies the pixels of src inside r to dst at at.
func copyPixels(dst *image.RGBA, at image.Point, src *image.RGBA, r image.Rectangle) {
	draw.Draw(dst, image.Rectangle{at, at.Add(r.Size())}, src, r.Min, draw.Src)
}
