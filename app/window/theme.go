package window

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
)

// forced is the default theme held to one variant, for a user who wants
// the window light or dark whatever the system says.
type forced struct {
	fyne.Theme
	variant fyne.ThemeVariant
}

func (f forced) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return f.Theme.Color(n, f.variant)
}

// themes are the choices of the View menu, by preference value.
var themes = []string{"system", "light", "dark"}

// themeLabel names a theme in the View menu.
func themeLabel(key string) string {
	switch key {
	case "light":
		return lang.L("Light Theme")
	case "dark":
		return lang.L("Dark Theme")
	}
	return lang.L("System Theme")
}

// applyTheme sets the app's theme to the preference's choice.
func applyTheme(a fyne.App) {
	switch a.Preferences().StringWithFallback("theme", "system") {
	case "light":
		a.Settings().SetTheme(forced{theme.DefaultTheme(), theme.VariantLight})
	case "dark":
		a.Settings().SetTheme(forced{theme.DefaultTheme(), theme.VariantDark})
	default:
		a.Settings().SetTheme(theme.DefaultTheme())
	}
}

// themeItems are the View menu's themes, the one in use ticked.
func (w *Window) themeItems() []*fyne.MenuItem {
	current := w.App.Preferences().StringWithFallback("theme", "system")
	var items []*fyne.MenuItem
	for _, t := range themes {
		i := fyne.NewMenuItem(themeLabel(t), func() {
			w.App.Preferences().SetString("theme", t)
			applyTheme(w.App)
			w.setMenu()
		})
		i.Checked = t == current
		items = append(items, i)
	}
	return items
}
