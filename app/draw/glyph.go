package draw

import (
	"image"
	"image/color"
	"image/draw"
	"math"
	"sync"

	stdfont "golang.org/x/image/font"
	"golang.org/x/image/math/fixed"
)

// Text on raster surfaces is drawn from glyph masks rasterized once per
// face and kept: the vg backend rasterizes every glyph of every string
// through a transform (about 240 µs for a 30-letter label), which a
// timeline of a few hundred labels cannot pay sixty times a second. Each
// glyph is kept at four sub-pixel offsets across, so spacing matches the
// vector path to a quarter pixel; baselines snap to whole pixels.

const subpixels = 4

// glyphs is the cache of one face: masks, advances and kerning.
type glyphs struct {
	mu      sync.Mutex
	face    stdfont.Face // not safe for concurrent use: guarded by mu
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

func newGlyphs(face stdfont.Face) *glyphs {
	return &glyphs{face: face, masks: map[glyphKey]*glyph{}, advance: map[rune]fixed.Int26_6{}, kern: map[[2]rune]fixed.Int26_6{}}
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
		k = g.face.Kern(prev, r)
		g.kern[[2]rune{prev, r}] = k
	}
	return k
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
