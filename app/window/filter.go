package window

import (
	"fmt"
	"math"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"chronomap/data/dates"
)

// filter is what narrows the events shown: the search, the timeline's
// window, categories switched off in the legend, "located only", and a box
// drawn on the map. Its zero value shows everything.
type filter struct {
	matches []bool // events matching the search; nil when there is none
	// from and to are the timeline's window in Unix seconds, set once the
	// timeline reports it; first and last bound every event, so that a
	// window holding them all does not count as narrowing.
	windowed    bool
	from, to    float64
	first, last float64
	hidden      map[int32]bool // categories switched off, by legend index
	locatedOnly bool
	box         map[int]bool // events inside a box drawn on the map; nil for none
}

// narrows reports whether the filter hides any event, counting the
// timeline's window only when withWindow.
func (f *filter) narrows(withWindow bool) bool {
	return f.matches != nil || len(f.hidden) > 0 || f.locatedOnly || f.box != nil ||
		(withWindow && f.windowed && (f.from > f.first || f.to < f.last))
}

// keep reports whether event i of l passes the filter; the timeline's
// window counts only when withWindow (the timeline itself shows it).
func (f *filter) keep(l Loaded, i int, withWindow bool) bool {
	if f.matches != nil && (i >= len(f.matches) || !f.matches[i]) {
		return false
	}
	if f.box != nil && !f.box[i] {
		return false
	}
	if f.locatedOnly && (l.Index == nil || !l.Index.IsLocated(i)) {
		return false
	}
	e := l.Timeline
	if e == nil || e.Events == nil || i >= e.Events.Len() {
		return true
	}
	if len(f.hidden) > 0 && f.hidden[e.Events.Category[i]] {
		return false
	}
	if withWindow && f.windowed {
		return float64(e.Events.Stop[i]) > f.from && float64(e.Events.Start[i]) < f.to
	}
	return true
}

// counts is what the status line says: events shown, of them on the map,
// and all events.
type counts struct{ shown, mapped, all int }

func (c counts) String() string {
	return fmt.Sprintf(lang.L("%s of %s events shown · %s on the map"), thousands(c.shown), thousands(c.all), thousands(c.mapped))
}

// clearFilter shows every event again.
func (v *fileView) clearFilter() {
	f := &v.filter
	f.matches, f.hidden, f.locatedOnly, f.box = nil, nil, false, nil
	if v.searchBox != nil {
		v.searchBox.SetText("")
	}
	if v.timelineWidget != nil {
		v.timelineWidget.Chart().Fit()
		f.from, f.to = v.timelineWidget.Chart().From, v.timelineWidget.Chart().To
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
		v.filter.locatedOnly = on
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
		c.From, c.To = a, b
		v.filter.windowed, v.filter.from, v.filter.to = true, a, b
		v.timelineWidget.Refresh()
		v.refilter()
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

// categoryChips are the timeline's legend as switches, in its colours;
// nil when there are fewer than two categories.
func (v *fileView) categoryChips() fyne.CanvasObject {
	tl := v.file.Timeline
	if tl == nil || tl.Events == nil || len(tl.Events.Legend) < 2 {
		return nil
	}
	e := tl.Events
	n := make([]int, len(e.Legend))
	for _, c := range e.Category {
		if c >= 0 {
			n[c]++
		}
	}
	row := container.NewHBox()
	if name := legendTitle(v.file); name != "" {
		l := widget.NewLabel(name + ":")
		l.TextStyle.Bold = true
		row.Add(l)
	}
	for k, name := range e.Legend[:min(len(e.Legend), chipLimit)] {
		check := widget.NewCheck(fmt.Sprintf("%s (%s)", name, thousands(n[k])), func(on bool) {
			if v.filter.hidden == nil {
				v.filter.hidden = map[int32]bool{}
			}
			if on {
				delete(v.filter.hidden, int32(k))
			} else {
				v.filter.hidden[int32(k)] = true
			}
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
	if l.Map != nil && l.Map.Events != nil {
		t = l.Map.Events.LegendTitle
	} else if l.Timeline != nil && l.Timeline.Events != nil {
		t = l.Timeline.Events.LaneTitle
	}
	t = strings.ReplaceAll(t, "_", " ")
	if t == "" {
		return ""
	}
	r := []rune(t)
	return strings.ToUpper(string(r[0])) + string(r[1:])
}
