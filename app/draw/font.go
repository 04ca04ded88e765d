package draw

import (
	"sync"

	stdfont "golang.org/x/image/font"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/font/liberation"
)

// Liberation Sans covers Latin with every European accent, Greek and
// Cyrillic, and is embedded with the code: text in German, French,
// Spanish and Russian, the en dash and "№" all draw without a system font.
var cache = sync.OnceValue(func() *font.Cache { return font.NewCache(liberation.Collection()) })

// Sans returns Liberation Sans at a size in pixels, bold or regular.
func Sans(size float64, bold bool) Face {
	f := font.Font{Typeface: "Liberation", Variant: "Sans"}
	if bold {
		f.Weight = stdfont.WeightBold
	}
	return Face{face: cache().Lookup(f, font.Length(size))}
}
