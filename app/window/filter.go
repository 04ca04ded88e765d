package window

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"chronomap/data/dataset"
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
	v.filter = dataset.Filter{}
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
	v.searchBox = widget.NewEntry()
	v.searchBox.SetPlaceHolder(lang.L("Search events: every word, in any text column"))
	v.searchBox.OnChanged = v.search
	v.status = widget.NewLabel("")
	located := widget.NewCheck(lang.L("Located only"), func(on bool) {
		v.filter.LocatedOnly = on
		v.refilter()
	})
	v.located = located
	right := container.NewHBox(located, v.status)
	if tl := v.timelineWidget; tl != nil {
		right = container.NewHBox(v.dateRange(), located, v.status)
	}
	bar := container.NewBorder(nil, nil, nil, right, v.searchBox)
	if chips := v.categoryChips(); chips != nil {
		return container.NewVBox(bar, chips)
	}
	return bar
}

// dateRange is two boxes showing the timeline's window, in which a range
// can be typed; Enter applies it to the timeline, and so to the map and
// the table.
func (v *fileView) dateRange() fyne.CanvasObject {
	from, to := widget.NewEntry(), widget.NewEntry()
	from.SetPlaceHolder(lang.L("From"))
	to.SetPlaceHolder(lang.L("To"))
	show := func(a, b float64) {
		from.SetText(day(a))
		to.SetText(day(b))
	}
	apply := func(string) {
		c := v.timelineWidget.Chart()
		a, b := c.From, c.To
		if r, err := dates.Parse(from.Text); err == nil {
			a0, _ := r.Span()
			a = float64(a0)
		}
		if r, err := dates.Parse(to.Text); err == nil {
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

// day writes Unix seconds as an ISO date ("2023-11-07", "-0508-03-01").
func day(unix float64) string {
	s := dates.ISO(int64(math.Floor(unix)))
	if i := strings.IndexByte(s, 'T'); i > 0 {
		return s[:i]
	}
	return s
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
		check := widget.NewCheck(fmt.Sprintf("%s (%s)", cats.Labels[k], thousands(cats.Counts[k])), func(on bool) {
			hidden := slices.DeleteFunc(v.filter.HiddenCategories, func(h string) bool { return h == name })
			if !on {
				hidden = append(hidden, name)
			}
			v.filter.HiddenCategories = hidden
			v.refilter()
		})
		check.SetChecked(true)
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
