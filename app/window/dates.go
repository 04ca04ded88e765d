package window

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"chronomap/app/timeline"
)

// Date preferences: how the timeline writes dates, and the zone it reads
// them in.
const (
	datesStyleKey = "dates.style" // "en" or "de"; unset follows the interface's language
	datesZoneKey  = "dates.zone"  // "utc" or "local"
)

// dateStyle is the timeline's date style from the preferences, else from
// the language the interface speaks.
func dateStyle(a fyne.App) timeline.Lang {
	style := a.Preferences().String(datesStyleKey)
	if style == "" {
		style = uiLanguage()
	}
	if style == "de" {
		return timeline.German
	}
	return timeline.English
}

// dateZone is the zone the timeline reads in: nil for UTC.
func dateZone(a fyne.App) *time.Location {
	if a.Preferences().String(datesZoneKey) == "local" {
		return time.Local
	}
	return nil
}

// applyDates sets a view's timeline to the date preferences.
func (v *fileView) applyDates(a fyne.App) {
	if v.timelineWidget == nil {
		return
	}
	c := v.timelineWidget.Chart()
	c.Lang, c.Zone = dateStyle(a), dateZone(a)
	if v.onWindow != nil { // the date boxes write dates as the timeline does
		v.onWindow(c.From, c.To)
	}
	v.timelineWidget.Refresh()
}

// dateItems are the View menu's date styles and zones, those in use ticked.
func (w *Window) dateItems() []*fyne.MenuItem {
	style, zone := dateStyle(w.App), w.App.Preferences().StringWithFallback(datesZoneKey, "utc")
	set := func(key, value string) func() {
		return func() {
			w.App.Preferences().SetString(key, value)
			for _, v := range w.views {
				v.applyDates(w.App)
			}
			w.setMenu()
		}
	}
	en := fyne.NewMenuItem(lang.L("Dates in English (7 Nov 2023)"), set(datesStyleKey, "en"))
	en.Checked = style == timeline.English
	de := fyne.NewMenuItem(lang.L("Dates in German (7. Nov. 2023)"), set(datesStyleKey, "de"))
	de.Checked = style == timeline.German
	utc := fyne.NewMenuItem(lang.L("Times in UTC"), set(datesZoneKey, "utc"))
	utc.Checked = zone != "local"
	local := fyne.NewMenuItem(fmt.Sprintf(lang.L("Times in Local Time (%s)"), time.Now().Format("MST")), set(datesZoneKey, "local"))
	local.Checked = zone == "local"
	return []*fyne.MenuItem{en, de, fyne.NewMenuItemSeparator(), utc, local}
}
