package draw

import (
	"sync"

	stdfont "golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/font/liberation"
)

// Liberation Sans covers Latin with every European accent, Greek and
// Cyrillic, and is embedded with the code: text in German, French,
// Spanish and Russian, the en dash and "№" all draw without a system font.
var cache = sync.OnceValue(func() *font.Cache { return font.NewCache(liberation.Collection()) })

// faces keeps one Face per size and weight, so that the glyphs each has
// rasterized are shared by every view that asks for it.
var faces = struct {
	sync.Mutex
	m map[faceKey]Face
}{m: map[faceKey]Face{}}

type faceKey struct {
	size float64
	bold bool
}

// Sans returns Liberation Sans at a size in pixels, bold or regular.
func Sans(size float64, bold bool) Face {
	faces.Lock()
	defer faces.Unlock()
	k := faceKey{size, bold}
	if f, ok := faces.m[k]; ok {
		return f
	}
	f := font.Font{Typeface: "Liberation", Variant: "Sans"}
	if bold {
		f.Weight = stdfont.WeightBold
	}
	face := cache().Lookup(f, font.Length(size))
	out := Face{face: face, glyphs: newGlyphs(face.FontFace(72), face.Face, size)}
	faces.m[k] = out
	return out
}

// Face is a font at a size, with its measures.
type Face struct {
	face   font.Face
	glyphs *glyphs
}

// Width returns the width of text in pixels.
func (f Face) Width(text string) float64 { return float64(f.face.Width(text)) }

// Ascent and Descent are the font's extents above and below the baseline.
func (f Face) Ascent() float64  { return float64(f.face.Extents().Ascent) }
func (f Face) Descent() float64 { return float64(f.face.Extents().Descent) }

// Covers reports whether the face has a glyph for every letter of text,
// so that callers can check a language before relying on it.
func (f Face) Covers(text string) bool {
	var buf sfnt.Buffer
	for _, r := range text {
		if i, err := f.face.Face.GlyphIndex(&buf, r); err != nil || i == 0 {
			return false
		}
	}
	return true
}

// scaled returns the face at k times its size, for raster surfaces with
// more pixels than their layout.
func (f Face) scaled(k float64) Face {
	return Sans(float64(f.face.Font.Size)*k, f.face.Font.Weight == stdfont.WeightBold)
}
