package window

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"chronomap/app/timeline"
	"chronomap/data/dates"
)

// counts is what the status line says: events shown, of them on the map,
// and all events.
type counts struct{ shown, mapped, all int }

func (c counts) String() string {
	return fmt.Sprintf(lang.L("%s of %s events shown · %s on the map"), thousands(c.shown), thousands(c.all), thousands(c.mapped))
}

// clearFilter shows every event again.
func (v *fileView) clearFilter() {
	v.layer.Clear()
	if v.searchBox != nil {
		v.searchBox.SetText("")
	}
	for _, c := range v.chips {
		c.SetChecked(true)
	}
	if v.located != nil {
		v.located.SetChecked(false)
	}
	if v.timelineWidget != nil {
		v.timelineWidget.Chart().Fit()
		v.timelineWidget.Refresh()
	}
	v.refilter()
}

// filterBar is the search box, the date range, "located only", the
// counts, and under them the categories to switch on and off.
func (v *fileView) filterBar() fyne.CanvasObject {
	v.searchBox = newEscEntry(v.escape)
	v.searchBox.SetPlaceHolder(lang.L("Search events: every word, in any text column"))
	v.searchBox.OnChanged = v.search
	v.status = widget.NewLabel("")
	located := widget.NewCheck(lang.L("Located only"), func(on bool) {
		v.layer.SetLocatedOnly(on)
		v.refilter()
	})
	v.located = located
	clear := widget.NewButtonWithIcon(lang.L("Clear Filters"), theme.ContentClearIcon(), v.clearFilter)
	clear.Importance = widget.LowImportance
	v.clearArea = widget.NewButtonWithIcon(lang.L("Map Area"), theme.ContentClearIcon(), func() {
		v.layer.BoxAround(nil)
		v.refilter()
	})
	v.clearArea.Importance = widget.WarningImportance
	v.clearArea.Hide()
	right := container.NewHBox(v.clearArea, located, clear, v.status)
	if tl := v.timelineWidget; tl != nil {
		right = container.NewHBox(v.dateRange(), v.clearArea, located, clear, v.status)
	}
	bar := container.NewBorder(nil, nil, nil, right, v.searchBox)
	v.barRow = bar
	if chips := v.categoryChips(); chips != nil {
		return container.NewVBox(bar, chips)
	}
	return bar
}

// dateRange is two boxes showing the timeline's window as the timeline
// writes dates ("509 BC", "7 Nov 2023"), in which a range can be typed in
// any form data/dates reads ("509 v. Chr.", "2023-11-07"); Enter applies
// it to the timeline, and so to the map and the table. A box left as it
// was shown keeps the window's own edge, which its text only rounds.
func (v *fileView) dateRange() fyne.CanvasObject {
	from, to := newEscEntry(v.escape), newEscEntry(v.escape)
	v.dates = [2]*escEntry{from, to}
	from.SetPlaceHolder(lang.L("From"))
	to.SetPlaceHolder(lang.L("To"))
	var shownFrom, shownTo string
	show := func(a, b float64) {
		shownFrom, shownTo = windowText(v.timelineWidget.Chart().Lang, a, b)
		from.SetText(shownFrom)
		to.SetText(shownTo)
	}
	apply := func(string) {
		c := v.timelineWidget.Chart()
		a, b := c.From, c.To
		if r, err := dates.Parse(from.Text); err == nil && from.Text != shownFrom {
			a0, _ := r.Span()
			a = float64(a0)
		}
		if r, err := dates.Parse(to.Text); err == nil && to.Text != shownTo {
			_, b1 := r.Span()
			b = float64(b1)
		}
		if b <= a {
			show(c.From, c.To) // not a range: show the window as it is
			return
		}
		v.timelineWidget.SetWindow(a, b) // the map and the table follow
	}
	from.OnSubmitted, to.OnSubmitted = apply, apply
	c := v.timelineWidget.Chart()
	show(c.From, c.To)
	v.onWindow = show
	dash := widget.NewLabel("–")
	return container.NewHBox(container.NewGridWrap(fyne.NewSize(120, from.MinSize().Height), from), dash,
		container.NewGridWrap(fyne.NewSize(120, to.MinSize().Height), to))
}

// windowText writes a window's edges, Unix seconds with to exclusive, as
// the timeline writes dates: in years for a window of years ("509 BC",
// "AD 516", with the era on both when it crosses 1 BC), months for a
// window of months, else days. The end is the period its last second is
// in, so that "2023" to "2023" is the whole year, read back as it was.
func windowText(l timeline.Lang, from, to float64) (string, string) {
	a, b := int64(math.Floor(from)), int64(math.Ceil(to))-1
	b = max(a, b)
	const year = 365 * 24 * 3600
	prec := dates.Day
	switch {
	case b-a >= 3*year:
		prec = dates.Year
	case b-a >= 60*24*3600:
		prec = dates.Month
	}
	if prec == dates.Year {
		ya, yb := dates.Time{Unix: a, Prec: dates.Year}.Year(), dates.Time{Unix: b, Prec: dates.Year}.Year()
		era := ya <= 0 && yb > 0
		return l.Year(ya, era), l.Year(yb, era)
	}
	return l.Format(dates.Time{Unix: a, Prec: prec}), l.Format(dates.Time{Unix: b, Prec: prec})
}

// chipLimit is how many categories get a switch; a file with more (GDELT's
// hundreds of event codes) is filtered by search instead.
const chipLimit = 24

// categoryChips are the file's categories as switches, in their
// colours, with how many events each has; nil when there are fewer than
// two categories.
func (v *fileView) categoryChips() fyne.CanvasObject {
	cats := v.file.Data.Categories
	if len(cats.Names) < 2 {
		return nil
	}
	row := container.NewHBox()
	if name := legendTitle(v.file); name != "" {
		l := widget.NewLabel(name + ":")
		l.TextStyle.Bold = true
		row.Add(l)
	}
	for k, name := range cats.Names[:min(len(cats.Names), chipLimit)] {
		check := widget.NewCheck(fmt.Sprintf("%s (%s)", cats.Labels[k], thousands(cats.Counts[k])), nil)
		// Set before OnChanged: SetChecked would refilter every event
		// once per chip, on the UI thread, while the view is built.
		check.Checked = v.layer == nil || !slices.Contains(v.layer.Filter.HiddenCategories, name)
		check.OnChanged = func(on bool) {
			v.layer.ShowCategory(name, on)
			v.refilter()
		}
		v.chips = append(v.chips, check)
		row.Add(container.NewHBox(newSwatch(k, 12), check))
	}
	return container.NewHScroll(row)
}

// legendTitle names the categories as the map's legend does ("Event
// type"), capitalised.
func legendTitle(l Loaded) string {
	t := ""
	if l.Data != nil {
		t = l.Data.Categories.Title
	}
	if t == "" {
		return ""
	}
	r := []rune(t)
	return strings.ToUpper(string(r[0])) + string(r[1:])
}
