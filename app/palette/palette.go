// Package palette gives the widgets the colours their views draw with:
// the light or the dark theme of app/draw, as the window is drawn. The
// app's theme can be forced to either by the user's preference, so the
// system's variant (Settings().ThemeVariant()) is not enough: what counts
// is the background colour the theme actually gives.
package palette

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"chronomap/app/draw"
)

// Dark reports whether the current theme draws light text on a dark
// background.
func Dark() bool {
	if fyne.CurrentApp() == nil {
		return false
	}
	r, g, b, _ := theme.Color(theme.ColorNameBackground).RGBA()
	// Relative luminance by the sRGB weights, on 16-bit channels.
	return 0.2126*float64(r)+0.7152*float64(g)+0.0722*float64(b) < 0.5*0xffff
}

// Current is the views' theme as the window is drawn, light or dark, with
// category k drawn in the palette's colour order[k] when order is set (a
// layer's chosen colour).
func Current(order []int) draw.Theme {
	t := draw.Light
	if Dark() {
		t = draw.Dark
	}
	return t.Reordered(order)
}

// Layers is the views' theme for files shown together: layer k in the
// layer colour order[k] (its own slot without an order), twelve apart.
func Layers(order []int) draw.Theme {
	t := draw.Light
	if Dark() {
		t = draw.Dark
	}
	return t.ForLayers(order)
}
