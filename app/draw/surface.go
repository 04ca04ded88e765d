// Package draw is the surface every view draws on. It is gonum's
// vg.Canvas — one drawing interface with raster (PNG, the window) and
// vector (SVG, PDF) backends — seen in pixels with y pointing down, as
// screens and layouts count, plus a direct pixel path for dense layers on
// raster surfaces, where a million points would be too slow as paths.
//
// Every method draws on every surface: the pixel paths are taken only when
// Pixels is set, and vector surfaces get the same shapes as paths and the
// same words as text, so that an export is the picture on the screen.
package draw

import (
	"image"
	"image/color"
	"image/draw"
	"math"

	"golang.org/x/image/vector"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgsvg"
)

// Surface is a picture W×H pixels large. Its Canvas takes vg units; at
// the 72 dots per inch used here one unit is one pixel.
type Surface struct {
	Canvas vg.Canvas
	W, H   float64
	// Pixels is the raster behind a raster surface, for layers drawn pixel
	// by pixel; nil on vector surfaces.
	Pixels *image.RGBA

	z    *vector.Rasterizer // kept between fills: its buffers are as big as the picture
	mask *image.Alpha
	k    float64 // picture pixels per layout pixel on raster surfaces

	// On vector surfaces: where this surface lies on the canvas (a Part of
	// a page is offset), the canvas' height (vg counts y up from its
	// bottom), and the box paths are cut to, in canvas pixels.
	ox, oy, canvasH float64
	clip            Box
	pdf             *PDF // the PDF canvas, for pages; nil otherwise
}

// NewRaster returns a raster surface filled with bg.
func NewRaster(w, h int, bg color.Color) *Surface { return NewRasterScaled(w, h, 1, bg) }

// NewRasterScaled returns a raster surface w×h pixels large, as views and
// layouts count, whose picture has scale times as many pixels each way:
// at 2, a 1920×1080 slide written as 3840×2160, the same layout twice as
// sharp. The scale is rounded to a 72nd (the backend counts dots per inch).
func NewRasterScaled(w, h int, scale float64, bg color.Color) *Surface {
	// At 72 dots per inch a vg point is a pixel (at 72·scale, scale
	// pixels). The canvas draws into an image of its own (UseImage would
	// copy ours), which is the one the pixel path writes to.
	dpi := max(1, int(math.Round(72*scale)))
	c := vgimg.NewWith(vgimg.UseWH(vg.Length(w), vg.Length(h)), vgimg.UseDPI(dpi), vgimg.UseBackgroundColor(bg))
	img, _ := c.Image().(*image.RGBA)
	return &Surface{Canvas: c, W: float64(w), H: float64(h), Pixels: img, canvasH: float64(h), k: float64(dpi) / 72}
}

// Scale returns how many picture pixels a raster surface has per pixel of
// its layout (1 but for NewRasterScaled); vector surfaces have no pixels
// and return 1.
func (s *Surface) Scale() float64 {
	if s.Pixels == nil || s.k == 0 {
		return 1
	}
	return s.k
}

// PDF returns the PDF canvas of a PDF surface, for its pages and title;
// nil for other surfaces.
func (s *Surface) PDF() *PDF { return s.pdf }

// pt turns a pixel position into the canvas' coordinates (y up).
func (s *Surface) pt(x, y float64) vg.Point {
	return vg.Point{X: vg.Length(x + s.ox), Y: vg.Length(s.canvasH - y - s.oy)}
}

// Path is a shape in pixels: rings or lines of x, y pairs.
type Path [][][2]float64

func (s *Surface) vgPath(p Path, closed bool) vg.Path {
	if s.Pixels == nil {
		p = s.cut(p, closed)
	}
	var out vg.Path
	for _, ring := range p {
		if len(ring) == 0 {
			continue
		}
		out.Move(s.pt(ring[0][0], ring[0][1]))
		for _, q := range ring[1:] {
			out.Line(s.pt(q[0], q[1]))
		}
		if closed {
			out.Close()
		}
	}
	return out
}

// Fill fills closed rings (holes by the even-odd rule of the backends).
func (s *Surface) Fill(p Path, c color.Color) {
	if len(p) == 0 {
		return
	}
	if s.Pixels != nil {
		s.rasterFill(p, c)
		return
	}
	if vp := s.vgPath(p, true); len(vp) > 0 && !invisible(c) {
		s.Canvas.SetColor(c)
		s.Canvas.Fill(vp)
	}
}

// Stroke draws lines (or rings, when closed) width pixels wide.
func (s *Surface) Stroke(p Path, c color.Color, width float64, closed bool) {
	if len(p) == 0 {
		return
	}
	if s.Pixels != nil {
		s.rasterStroke(p, c, width, closed)
		return
	}
	vp := s.vgPath(p, closed)
	if len(vp) == 0 || invisible(c) {
		return
	}
	s.Canvas.SetColor(c)
	s.Canvas.SetLineWidth(vg.Length(width))
	s.Canvas.SetLineDash(nil, 0)
	s.Canvas.Stroke(vp)
}

// Dashed draws lines with a dash pattern in pixels.
func (s *Surface) Dashed(p Path, c color.Color, width float64, dash ...float64) {
	vp := s.vgPath(p, false)
	if len(vp) == 0 || invisible(c) {
		return
	}
	pat := make([]vg.Length, len(dash))
	for i, d := range dash {
		pat[i] = vg.Length(d)
	}
	s.Canvas.SetColor(c)
	s.Canvas.SetLineWidth(vg.Length(width))
	s.Canvas.SetLineDash(pat, 0)
	s.Canvas.Stroke(vp)
	s.Canvas.SetLineDash(nil, 0)
}

// Clear fills the whole picture with c.
func (s *Surface) Clear(c color.Color) {
	if s.Pixels != nil {
		draw.Draw(s.Pixels, s.Pixels.Rect, image.NewUniform(c), image.Point{}, draw.Src)
		return
	}
	s.Rect(0, 0, s.W, s.H, c)
}

// Rect fills a rectangle given by its top-left corner and size.
func (s *Surface) Rect(x, y, w, h float64, c color.Color) {
	s.Fill(Path{{{x, y}, {x + w, y}, {x + w, y + h}, {x, y + h}}}, c)
}

// RoundRect fills a rectangle with rounded corners.
func (s *Surface) RoundRect(x, y, w, h, r float64, c color.Color) {
	r = math.Min(r, math.Min(w, h)/2)
	var ring [][2]float64
	corner := func(cx, cy, from float64) {
		for i := 0; i <= 6; i++ {
			a := from + float64(i)*math.Pi/12
			ring = append(ring, [2]float64{cx + r*math.Cos(a), cy - r*math.Sin(a)})
		}
	}
	corner(x+w-r, y+r, 0)
	corner(x+r, y+r, math.Pi/2)
	corner(x+r, y+h-r, math.Pi)
	corner(x+w-r, y+h-r, 3*math.Pi/2)
	s.Fill(Path{ring}, c)
}

// Circle fills a disc, and rings it when ring is not nil.
func (s *Surface) Circle(x, y, r float64, fill, ring color.Color, ringWidth float64) {
	n := 24
	if s.Pixels == nil {
		// Vectors are looked at closer: sides no longer than about 1.5
		// pixels keep a zoomed-in marker round.
		n = max(n, min(96, int(2*math.Pi*r/1.5)))
	}
	pts := make([][2]float64, n)
	for i := range pts {
		a := 2 * math.Pi * float64(i) / float64(n)
		pts[i] = [2]float64{x + r*math.Cos(a), y + r*math.Sin(a)}
	}
	if fill != nil {
		s.Fill(Path{pts}, fill)
	}
	if ring != nil && ringWidth > 0 {
		s.Stroke(Path{pts}, ring, ringWidth, true)
	}
}

// Text writes text with its left end at x and its baseline at y, its
// letters spaced as Width measures them, kerning included, on every
// backend: the raster one and fpdf are handed the text in pieces cut at
// its kerned pairs (see glyphs.runs); SVG keeps whole strings, which its
// readers kern from the embedded font themselves.
func (s *Surface) Text(f Face, x, y float64, text string, c color.Color) {
	if s.Pixels == nil && (invisible(c) || !s.fits(f, x, y, text)) {
		return
	}
	s.Canvas.SetColor(c)
	if _, svg := s.Canvas.(*vgsvg.Canvas); svg {
		s.Canvas.FillString(f.face, s.pt(x, y), text)
		return
	}
	for _, r := range f.glyphs.runs(text) {
		s.Canvas.FillString(f.face, s.pt(x+r.at, y), r.text)
	}
}

// Label writes text as Text does, but on raster surfaces from glyphs
// rasterized once and kept (see glyph.go): some fifty times faster, for
// views that write hundreds of labels a frame. Its anti-aliasing differs
// slightly from Text's, which goes through the backend's transform.
func (s *Surface) Label(f Face, x, y float64, text string, c color.Color) {
	if s.Pixels == nil {
		s.Text(f, x, y, text, c)
		return
	}
	if s.k != 1 {
		f, x, y = f.scaled(s.k), x*s.k, y*s.k
	}
	f.glyphs.text(s.Pixels, x, y, text, c)
}

// Blend paints one pixel of a raster surface with colour c at opacity a
// (0–1) over what is there: a pixel of the picture, not of the layout,
// where the two differ (see NewRasterScaled). It does nothing on vector surfaces or outside
// the picture.
func (s *Surface) Blend(x, y int, c color.RGBA, a float64) {
	if s.Pixels == nil || !(image.Point{x, y}.In(s.Pixels.Rect)) {
		return
	}
	i := s.Pixels.PixOffset(x, y)
	p := s.Pixels.Pix[i : i+4 : i+4]
	p[0] = uint8(float64(p[0])*(1-a) + float64(c.R)*a)
	p[1] = uint8(float64(p[1])*(1-a) + float64(c.G)*a)
	p[2] = uint8(float64(p[2])*(1-a) + float64(c.B)*a)
	p[3] = 255
}

// invisible reports whether c is wholly transparent: nothing to draw, and
// nothing a vector file should hold.
func invisible(c color.Color) bool {
	_, _, _, a := c.RGBA()
	return a == 0
}
