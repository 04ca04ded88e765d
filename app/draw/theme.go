package draw

import (
	"image/color"
	"math"
	"slices"
)

// Theme is the colours of a picture. Light is for paper and bright rooms,
// Dark for screens at night; both keep text at a contrast of at least 7:1
// against their background.
type Theme struct {
	Name       string
	Background color.RGBA // outside the world, and behind panels
	Water      color.RGBA
	Land       color.RGBA
	Border     color.RGBA // between countries
	Coast      color.RGBA
	Graticule  color.RGBA
	Text       color.RGBA
	Muted      color.RGBA // secondary text: country names, scale bar
	Halo       color.RGBA // behind text drawn over the map
	Selection  color.RGBA
	Grid       color.RGBA // axis grid lines and lane rules
	Panel      color.RGBA // behind headers and overview bands
	Accent     color.RGBA // the one mark that must stand out: "today"
	// Palette colours categories, in order. It is Okabe and Ito's
	// colour-blind-safe set, ordered so the first colours stand apart for
	// every kind of colour vision and against land and water.
	Palette []color.RGBA
	// Layers colours files shown together, one each: the palette, then
	// five more of Paul Tol's, so that twelve layers stay apart for every
	// kind of colour vision (draw's tests measure it).
	Layers []color.RGBA
}

// moreLayers follow the palette in Layers: picked from Tol's schemes for
// the largest smallest difference from the rest, under normal vision and
// simulated deuteranopia, protanopia and tritanopia.
var moreLayers = []color.RGBA{
	{0x33, 0x22, 0x88, 0xFF}, // indigo
	{0x88, 0x22, 0x55, 0xFF}, // wine
	{0x22, 0x55, 0x22, 0xFF}, // dark green
	{0xFF, 0xAA, 0xBB, 0xFF}, // pale pink
	{0x99, 0xDD, 0xFF, 0xFF}, // pale blue
}

// Okabe–Ito colours, without black (kept for text) and with yellow last: it
// is hard to see on light land.
var okabeIto = []color.RGBA{
	{0x00, 0x72, 0xB2, 0xFF}, // blue
	{0xD5, 0x5E, 0x00, 0xFF}, // vermillion
	{0x00, 0x9E, 0x73, 0xFF}, // bluish green
	{0xCC, 0x79, 0xA7, 0xFF}, // reddish purple
	{0xE6, 0x9F, 0x00, 0xFF}, // orange
	{0x56, 0xB4, 0xE9, 0xFF}, // sky blue
	{0xF0, 0xE4, 0x42, 0xFF}, // yellow
}

// Light is the light theme.
var Light = Theme{
	Name:       "light",
	Background: color.RGBA{0xFF, 0xFF, 0xFF, 0xFF},
	Water:      color.RGBA{0xDD, 0xE7, 0xEF, 0xFF},
	Land:       color.RGBA{0xF6, 0xF4, 0xEF, 0xFF},
	Border:     color.RGBA{0xC9, 0xC4, 0xBA, 0xFF},
	Coast:      color.RGBA{0xA9, 0xB8, 0xC4, 0xFF},
	Graticule:  color.RGBA{0xC8, 0xD6, 0xE2, 0xFF},
	Text:       color.RGBA{0x1F, 0x23, 0x28, 0xFF},
	Muted:      color.RGBA{0x5F, 0x66, 0x6E, 0xFF},
	Halo:       color.RGBA{0xFF, 0xFF, 0xFF, 0xFF},
	Selection:  color.RGBA{0x11, 0x11, 0x11, 0xFF},
	Grid:       color.RGBA{0xE3, 0xE6, 0xEA, 0xFF},
	Panel:      color.RGBA{0xF3, 0xF4, 0xF6, 0xFF},
	Accent:     color.RGBA{0xB4, 0x23, 0x18, 0xFF},
	Palette:    okabeIto,
	Layers:     append(slices.Clone(okabeIto), moreLayers...),
}

// Dark is the dark theme.
var Dark = Theme{
	Name:       "dark",
	Background: color.RGBA{0x12, 0x16, 0x1C, 0xFF},
	Water:      color.RGBA{0x16, 0x1D, 0x27, 0xFF},
	Land:       color.RGBA{0x2B, 0x32, 0x3C, 0xFF},
	Border:     color.RGBA{0x45, 0x4E, 0x5A, 0xFF},
	Coast:      color.RGBA{0x3A, 0x4A, 0x5C, 0xFF},
	Graticule:  color.RGBA{0x24, 0x2E, 0x3A, 0xFF},
	Text:       color.RGBA{0xEE, 0xF1, 0xF4, 0xFF},
	Muted:      color.RGBA{0xA8, 0xB1, 0xBC, 0xFF},
	Halo:       color.RGBA{0x12, 0x16, 0x1C, 0xFF},
	Selection:  color.RGBA{0xFF, 0xFF, 0xFF, 0xFF},
	Grid:       color.RGBA{0x26, 0x2D, 0x37, 0xFF},
	Panel:      color.RGBA{0x1A, 0x20, 0x28, 0xFF},
	Accent:     color.RGBA{0xFF, 0x6B, 0x5E, 0xFF},
	Palette:    darkPalette,
	Layers:     append(slices.Clone(darkPalette), moreLayers...),
}

// darkPalette is Dark's: the same hue in each slot as Light's, so that
// a category keeps its colour from the window to the slide; only blue,
// too dark on dark land, trades places with sky blue.
var darkPalette = []color.RGBA{
	{0x56, 0xB4, 0xE9, 0xFF}, // sky blue, for blue
	{0xD5, 0x5E, 0x00, 0xFF}, // vermillion
	{0x00, 0x9E, 0x73, 0xFF}, // bluish green
	{0xCC, 0x79, 0xA7, 0xFF}, // reddish purple
	{0xE6, 0x9F, 0x00, 0xFF}, // orange
	{0x00, 0x72, 0xB2, 0xFF}, // blue, for sky blue
	{0xF0, 0xE4, 0x42, 0xFF}, // yellow
}

// Category returns the colour of category i (cycling past the palette's
// end); a negative i, no category, is grey.
func (t Theme) Category(i int) color.RGBA {
	if i < 0 {
		return t.Muted
	}
	return t.Palette[i%len(t.Palette)]
}

// Translucent returns c at opacity a (0–1), as a colour the backends blend
// correctly (colour.RGBA is premultiplied: lowering its A alone is wrong).
func Translucent(c color.RGBA, a float64) color.NRGBA {
	return color.NRGBA{c.R, c.G, c.B, uint8(math.Round(a * 255))}
}

// Reordered returns the theme with its palette taken in the given order:
// category k gets the colour of slot order[k], so that a user can give a
// layer the colour they choose. Categories beyond order keep the palette's
// own colours.
func (t Theme) Reordered(order []int) Theme {
	if len(order) == 0 {
		return t
	}
	p := slices.Clone(t.Palette)
	for k, slot := range order {
		if k < len(p) && slot >= 0 {
			p[k] = t.Palette[slot%len(t.Palette)]
		}
	}
	t.Palette = p
	return t
}

// ForLayers returns the theme for files shown together: layer k in the
// layer colour order[k], or its own slot without an order.
func (t Theme) ForLayers(order []int) Theme {
	if len(t.Layers) > 0 {
		t.Palette = t.Layers
	}
	return t.Reordered(order)
}
