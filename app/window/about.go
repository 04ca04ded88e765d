package window

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"chronomap/app/release"
)

// credits are what Chronomap ships that others made, with their licences:
// assets/LICENSES.md says the same at length.
var credits = []struct{ what, who, licence string }{
	{"Basemap", "Natural Earth admin-0 countries, 1:110m and 1:10m (v5). Made with Natural Earth.", "public domain"},
	{"Gazetteer", "GeoNames cities500: place data © GeoNames", "CC BY 4.0"},
	{"Country names", "Natural Earth; i18n-iso-countries 7.14", "public domain; MIT"},
	{"Fonts", "Liberation Sans (slides and exports); Noto Sans (the window, with Fyne)", "SIL Open Font License 1.1"},
	{"Libraries", "Fyne (BSD 3-Clause), gota (Apache 2.0), orb (MIT), Go (BSD 3-Clause)", ""},
}

// about shows the version and the licences of what Chronomap ships.
func (w *Window) about() {
	version := w.Release.Version
	if version == "" {
		version = lang.L("unknown")
	}
	head := widget.NewLabel(fmt.Sprintf(lang.L("Chronomap %s"), version))
	head.TextStyle.Bold = true
	lines := container.NewVBox(head)
	if r := release.Revision(); r != "" {
		build := widget.NewLabel(fmt.Sprintf(lang.L("built from commit %s"), r))
		build.Importance = widget.LowImportance
		lines.Add(build)
	}
	lines.Add(widget.NewLabel(lang.L("Dated events on a timeline and a world map, offline.")))
	rows := container.New(&sheetLayout{})
	for _, c := range credits {
		k := widget.NewLabel(lang.L(c.what))
		k.TextStyle.Bold = true
		text := c.who
		if c.licence != "" {
			text += " — " + c.licence
		}
		v := widget.NewLabel(text)
		v.Wrapping = fyne.TextWrapWord
		rows.Add(k)
		rows.Add(v)
	}
	lines.Add(rows)
	d := dialog.NewCustom(lang.L("About Chronomap"), lang.L("Close"), lines, w.Win)
	d.Resize(fyne.NewSize(640, 420))
	w.show(d)
}
