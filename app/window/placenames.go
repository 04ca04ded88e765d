package window

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
)

// placesKey is the preference naming the language of the map's country
// names; unset follows the interface's language where the basemap has it.
const placesKey = "places.language"

// placeLanguages are the languages Natural Earth names countries in,
// besides English, each with its name in itself.
var placeLanguages = []struct{ code, name string }{
	{"", "English"}, {"de", "Deutsch"}, {"fr", "Français"}, {"es", "Español"}, {"ru", "Русский"},
}

// placeLanguage is the language of country names on the map.
func placeLanguage(a fyne.App) string {
	switch code := a.Preferences().String(placesKey); code {
	case "en":
		return ""
	case "":
	default:
		return code
	}
	l := lang.SystemLocale().LanguageString()
	for _, p := range placeLanguages {
		if p.code != "" && len(l) >= 2 && l[:2] == p.code {
			return p.code
		}
	}
	return ""
}

// applyPlaceNames names the countries of a view's map in the chosen
// language.
func (v *fileView) applyPlaceNames(a fyne.App) {
	if v.mapWidget != nil {
		v.mapWidget.Model().Language = placeLanguage(a)
		v.mapWidget.Refresh()
	}
}

// placeItems is the View menu's choice of languages for country names.
func (w *Window) placeItems() *fyne.MenuItem {
	current := placeLanguage(w.App)
	sub := fyne.NewMenu("")
	for _, p := range placeLanguages {
		i := fyne.NewMenuItem(p.name, func() {
			code := p.code
			if code == "" {
				code = "en"
			}
			w.App.Preferences().SetString(placesKey, code)
			for _, v := range w.views {
				v.applyPlaceNames(w.App)
			}
			if w.layers != nil {
				w.layers.mapWidget.Model().Language = placeLanguage(w.App)
				w.layers.mapWidget.Refresh()
			}
			w.setMenu()
		})
		i.Checked = p.code == current
		sub.Items = append(sub.Items, i)
	}
	item := fyne.NewMenuItem(lang.L("Country Names"), nil)
	item.ChildMenu = sub
	return item
}
