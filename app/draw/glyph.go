package draw

import (
	"image"
	"image/color"
	"image/draw"
	"math"
	"sync"

	stdfont "golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// Text on raster surfaces is drawn from glyph masks rasterized once per
// face and kept: the vg backend rasterizes every glyph of every string
// through a transform (about 240 µs for a 30-letter label), which a
// timeline of a few hundred labels cannot pay sixty times a second. Each
// glyph is kept at four sub-pixel offsets across, so spacing matches the
// vector path to a quarter pixel; baselines snap to whole pixels.
//
// Kerning is read from the font at the face's size, as Width reads it:
// x/image's opentype face returns a pair's kerning in font units taken as
// pixels (as if every face were 64 pixels tall), which set "11" apart as
// "1 1" in large type and ran ", A" together in small type.

const subpixels = 4

// glyphs is the cache of one face: masks, advances and kerning.
type glyphs struct {
	mu      sync.Mutex
	face    stdfont.Face // not safe for concurrent use: guarded by mu
	font    *sfnt.Font
	ppem    fixed.Int26_6 // the face's size in pixels, for kerning
	buf     sfnt.Buffer
	masks   map[glyphKey]*glyph
	advance map[rune]fixed.Int26_6
	kern    map[[2]rune]fixed.Int26_6
}

type glyphKey struct {
	r      rune
	sx, sy uint8 // sub-pixel offsets, in 1/subpixels of a pixel (sy is kept 0 for now)
}

// glyph is one rasterized glyph: its mask and where the mask sits relative
// to the pen (dot) at the baseline.
type glyph struct {
	mask *image.Alpha
	at   image.Point
}

func newGlyphs(face stdfont.Face, font *sfnt.Font, size float64) *glyphs {
	return &glyphs{face: face, font: font, ppem: fixed.Int26_6(math.Round(size * 64)), masks: map[glyphKey]*glyph{}, advance: map[rune]fixed.Int26_6{}, kern: map[[2]rune]fixed.Int26_6{}}
}

// advanceOf returns how far r moves the pen. The caller holds g.mu.
func (g *glyphs) advanceOf(r rune) fixed.Int26_6 {
	a, ok := g.advance[r]
	if !ok {
		a, _ = g.face.GlyphAdvance(r)
		g.advance[r] = a
	}
	return a
}

// kerning returns the adjustment between prev and r (none when prev is
// 0). The caller holds g.mu.
func (g *glyphs) kerning(prev, r rune) fixed.Int26_6 {
	if prev == 0 {
		return 0
	}
	k, ok := g.kern[[2]rune{prev, r}]
	if !ok {
		k = 0
		a, err1 := g.font.GlyphIndex(&g.buf, prev)
		b, err2 := g.font.GlyphIndex(&g.buf, r)
		if err1 == nil && err2 == nil && a != 0 && b != 0 {
			// No pair (sfnt.ErrNotFound) is the common case: no kerning.
			if v, err := g.font.Kern(&g.buf, a, b, g.ppem, stdfont.HintingNone); err == nil {
				k = v
			}
		}
		g.kern[[2]rune{prev, r}] = k
	}
	return k
}

// runs cuts s where a pair of its letters is kerned, and returns each
// piece with where its pen starts, in pixels from the start of s: for
// backends that kern wrongly (the raster backend's face) or not at all
// (fpdf writes advances only), which then write piece by piece, each
// where the font puts it. Text without a kerned pair is one piece.
func (g *glyphs) runs(s string) []run {
	g.mu.Lock()
	defer g.mu.Unlock()
	out := []run{{}}
	var pen fixed.Int26_6
	var prev rune
	start := 0
	for i, r := range s {
		if k := g.kerning(prev, r); k != 0 {
			out[len(out)-1].text = s[start:i]
			pen += k
			out = append(out, run{at: float64(pen) / 64})
			start = i
		}
		pen += g.advanceOf(r)
		prev = r
	}
	out[len(out)-1].text = s[start:]
	return out
}

// run is a piece of text and where its pen starts.
type run struct {
	text string
	at   float64
}

// mask returns r rasterized at a sub-pixel offset. The caller holds g.mu.
func (g *glyphs) mask(r rune, sx, sy uint8) *glyph {
	k := glyphKey{r, sx, sy}
	if m, ok := g.masks[k]; ok {
		return m
	}
	dot := fixed.Point26_6{X: fixed.Int26_6(int(sx) * 64 / subpixels), Y: fixed.Int26_6(int(sy) * 64 / subpixels)}
	dr, mask, mp, _, ok := g.face.Glyph(dot, r)
	m := &glyph{}
	if ok && !dr.Empty() {
		// The face reuses its mask buffer: keep a copy.
		a := image.NewAlpha(image.Rect(0, 0, dr.Dx(), dr.Dy()))
		draw.Draw(a, a.Rect, mask, mp, draw.Src)
		m.mask, m.at = a, dr.Min
	}
	g.masks[k] = m
	return m
}

// text draws s with its pen starting at x and its baseline at y.
func (g *glyphs) text(dst *image.RGBA, x, y float64, s string, c color.Color) {
	g.mu.Lock()
	defer g.mu.Unlock()
	src := image.NewUniform(c)
	// Baselines snap to whole pixels, which keeps text crisp.
	by := int(math.Round(y))
	pen := fixed.Int26_6(math.Round(x * 64))
	var prev rune
	for _, r := range s {
		pen += g.kerning(prev, r)
		ix := pen.Floor()
		sx := uint8((int(pen) - ix*64) * subpixels / 64)
		m := g.mask(r, sx, 0)
		if m.mask != nil {
			at := m.at.Add(image.Point{ix, by})
			rect := image.Rectangle{at, at.Add(m.mask.Rect.Size())}
			draw.DrawMask(dst, rect, src, image.Point{}, m.mask, image.Point{}, draw.Over)
		}
		pen += g.advanceOf(r)
		prev = r
	}
}
