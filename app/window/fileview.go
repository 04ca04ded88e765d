package window

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"chronomap/app/mapview"
	"chronomap/app/timelineview"
	"chronomap/data/events"
)

// fileView shows one loaded file: its title and facts, its frame as a table
// and its problems. It holds the widgets whose state matters (what is
// selected, where the table is scrolled); its renderer only arranges them.
type fileView struct {
	widget.BaseWidget
	file     Loaded
	grid     *grid         // nil when the file could not be read
	table    *widget.Table // nil when the file could not be read
	problems *widget.List  // nil when the file could not be read
	detail   *widget.Label // the selected cell in full
	// mapWidget is the map, when the file has placed events: the timeline
	// filters it. timelineWidget is the timeline; a selection in either
	// shows in the other and in the table.
	mapWidget      *mapview.Map
	timelineWidget *timelineview.Timeline

	// The filter: events matching the search box, within the timeline's
	// window; status says how many are shown.
	matches  []bool // nil: every event
	from, to float64
	windowed bool
	status   *widget.Label
	selected int // the selected event, -1 for none
}

// shown reports whether event i passes the search and lies in the
// timeline's window.
func (v *fileView) shown(i int) bool {
	if v.matches != nil && (i >= len(v.matches) || !v.matches[i]) {
		return false
	}
	if v.windowed && v.file.Timeline != nil {
		e := v.file.Timeline.Events
		return i < e.Len() && float64(e.Stop[i]) > v.from && float64(e.Start[i]) < v.to
	}
	return true
}

// refilter applies the filter to the map (hidden) and the timeline (faded)
// and counts what is shown.
func (v *fileView) refilter() {
	if v.mapWidget != nil {
		v.mapWidget.Model().Keep = v.shown
		v.mapWidget.Refresh()
	}
	if v.timelineWidget != nil {
		if v.matches == nil {
			v.timelineWidget.Chart().Keep = nil
		} else {
			m := v.matches
			v.timelineWidget.Chart().Keep = func(i int) bool { return i < len(m) && m[i] }
		}
		v.timelineWidget.Refresh()
	}
	if v.status != nil && v.file.Index != nil {
		n, all := 0, v.file.Index.Len()
		for i := range all {
			if v.shown(i) {
				n++
			}
		}
		v.status.SetText(fmt.Sprintf("%s of %s events shown", thousands(n), thousands(all)))
	}
}

// search filters the events to those whose text has every word typed.
func (v *fileView) search(q string) {
	v.matches = nil
	if strings.TrimSpace(q) != "" && v.file.Index != nil {
		v.matches = v.file.Index.Matching(v.file.Frame, q)
	}
	v.refilter()
}

// typedKey handles the window's keys for this file: Esc clears the
// selection, ← and → select the previous or next shown event in time.
func (v *fileView) typedKey(e *fyne.KeyEvent) {
	n := 0
	if v.file.Index != nil {
		n = v.file.Index.Len()
	}
	switch e.Name {
	case fyne.KeyEscape:
		v.selectEvent(-1, nil)
	case fyne.KeyRight, fyne.KeyLeft:
		step := 1
		if e.Name == fyne.KeyLeft {
			step = -1
		}
		i := v.selected
		if i < 0 && step < 0 {
			i = n
		}
		// Events are numbered by start time: the next shown one in order.
		for i += step; i >= 0 && i < n; i += step {
			if v.shown(i) {
				v.selectEvent(i, nil)
				return
			}
		}
	}
}

// describe names event i for a tooltip: its title and date at the
// precision known (from the timeline), and its place.
func (v *fileView) describe(i int) string {
	var parts []string
	if c := v.file.Timeline; c != nil {
		parts = append(parts, c.Describe(i))
	}
	if i >= 0 && i < len(v.file.EventRows) {
		for col, role := range v.file.Roles {
			if role != "place" {
				continue
			}
			if c := v.file.Frame.Col(col); c >= 0 {
				if p := v.file.Frame.Text(int(v.file.EventRows[i]), c); p != "" {
					parts = append(parts, p)
				}
			}
		}
	}
	return strings.Join(parts, " — ")
}

// selectEvent shows event i (of the map's and timeline's numbering) as
// selected everywhere: its row in the table, its marker and its mark.
func (v *fileView) selectEvent(i int, from fyne.CanvasObject) {
	v.selected = i
	if v.mapWidget != nil && from != fyne.CanvasObject(v.mapWidget) {
		v.mapWidget.Model().Selected = nil
		if i >= 0 {
			v.mapWidget.Model().Selected = map[int]bool{i: true}
		}
		v.mapWidget.Refresh()
	}
	if v.timelineWidget != nil && from != fyne.CanvasObject(v.timelineWidget) {
		v.timelineWidget.Select(i)
	}
	if i >= 0 && i < len(v.file.EventRows) {
		v.table.Select(widget.TableCellID{Row: int(v.file.EventRows[i]), Col: 0})
		v.detail.SetText(v.eventDetail(i)) // after the table's own cell detail
	}
}

// eventDetail says what is known of event i and how it was read: its
// title, when (at the precision known, and from which column), where (and
// whether from coordinates or found by name, how surely), and its source.
func (v *fileView) eventDetail(i int) string {
	x, f := v.file.Index, v.file.Frame
	if x == nil || i < 0 || i >= x.Len() {
		return ""
	}
	row := int(x.Row[i])
	col := func(role string) string {
		for c, r := range v.file.Roles {
			if r == role {
				if k := f.Col(c); k >= 0 {
					if t := f.Text(row, k); t != "" {
						return t
					}
				}
			}
		}
		return ""
	}
	var parts []string
	if t := col("title"); t != "" {
		parts = append(parts, t)
	}
	when := x.StartTime(i).String() + " (" + x.StartTime(i).Prec.String() + ")"
	if end := x.EndTime(i); !end.IsZero() {
		when += " to " + end.String() + " (" + end.Prec.String() + ")"
	}
	parts = append(parts, "when: "+when)
	where := "not placed"
	if x.IsLocated(i) {
		where = fmt.Sprintf("%.4f, %.4f", x.Lat[i], x.Lon[i])
		if p := col("place"); p != "" {
			where = p + " (" + where + ")"
		}
		how := "coordinates in the file"
		if x.How != nil {
			switch x.How[i] {
			case events.ByPlace:
				how = fmt.Sprintf("found by place name, %.0f%% sure", x.Confidence[i]*100)
			case events.ByCountry:
				how = "at its country's centre: only the country is known"
			}
		}
		where += ", " + how
	}
	parts = append(parts, "where: "+where)
	for _, r := range []string{"actor", "source", "url"} {
		if t := col(r); t != "" {
			parts = append(parts, r+": "+t)
		}
	}
	return fmt.Sprintf("Row %s · ", thousands(row+1)) + strings.Join(parts, " · ")
}

func newFileView(f Loaded) *fileView {
	v := &fileView{file: f, selected: -1}
	v.ExtendBaseWidget(v)
	if f.Err != nil || f.Frame == nil {
		return v
	}
	v.grid = newGrid(f.Frame)
	v.grid.roles = f.Roles
	v.detail = widget.NewLabel(noSelection)
	v.detail.Wrapping = fyne.TextWrapWord
	v.table = v.newTable()
	v.problems = v.newProblemList()
	return v
}

// noSelection is what the detail line says before a cell is selected.
const noSelection = "Select a cell to read it in full."

func (v *fileView) newTable() *widget.Table {
	g := v.grid
	t := widget.NewTableWithHeaders(g.size,
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			l.Alignment = fyne.TextAlignLeading
			if g.numeric(id.Col) {
				l.Alignment = fyne.TextAlignTrailing
			}
			l.SetText(g.cell(id.Row, id.Col))
		})
	t.CreateHeader = newHeaderCell
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) { updateHeaderCell(g, id, o) }
	t.OnSelected = func(id widget.TableCellID) { v.detail.SetText(cellDetail(g, id)) }

	// A label needs its inner padding on both sides, and a little slack
	// because its truncation rounds differently from MeasureText.
	pad := 2*theme.InnerPadding() + 2*theme.Padding()
	for c, w := range g.widths(measureText) {
		t.SetColumnWidth(c, w+pad)
	}
	rows, _ := g.size()
	t.SetColumnWidth(-1, measureText(thousands(max(rows, 10)), true)+pad)
	t.SetRowHeight(-1, headerHeight())
	return t
}

func (v *fileView) newProblemList() *widget.List {
	ps := v.file.problems()
	l := widget.NewList(func() int { return len(ps) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(problemLine(ps[i])) })
	l.OnSelected = func(i widget.ListItemID) {
		v.showProblem(i)
		// The table's selection shows where the problem is; clearing the
		// list's lets the same problem be clicked again after scrolling away.
		l.Unselect(i)
	}
	return l
}

// showProblem scrolls the table to the i-th problem's cell and selects it.
func (v *fileView) showProblem(i int) {
	if id, ok := problemCell(v.grid, v.file.problems()[i]); ok {
		v.table.Select(id) // Select scrolls the cell into view
	}
}

// CreateRenderer is part of fyne.Widget.
func (v *fileView) CreateRenderer() fyne.WidgetRenderer {
	title := widget.NewLabel(v.file.Title)
	title.TextStyle.Bold = true
	title.SizeName = theme.SizeNameSubHeadingText
	title.Truncation = fyne.TextTruncateEllipsis
	head := container.NewBorder(nil, nil, nil, v.sampleBadge(), title)
	if v.grid == nil {
		msg := widget.NewLabel(errorText(v.file.Err))
		msg.Wrapping = fyne.TextWrapWord
		msg.Importance = widget.DangerImportance
		body := container.NewBorder(nil, nil, widget.NewIcon(theme.ErrorIcon()), nil, msg)
		return widget.NewSimpleRenderer(container.NewBorder(head, nil, nil, nil, container.NewVBox(body)))
	}

	line := facts(v.file.Frame)
	if v.file.Events > 0 {
		line += " · " + eventFacts(v.file)
	}
	top := container.NewVBox(head, widget.NewLabel(line))
	if v.file.Index != nil && v.file.Index.Len() > 0 {
		// The filter bar: search every text column as you type.
		box := widget.NewEntry()
		box.SetPlaceHolder("Search events: every word, in any text column")
		box.OnChanged = v.search
		v.status = widget.NewLabel("")
		top.Add(container.NewBorder(nil, nil, nil, v.status, box))
		v.refilter()
	}
	for _, line := range flagLines(v.file.Frame) {
		l := widget.NewLabel(line)
		l.Importance = widget.WarningImportance
		top.Add(l)
	}
	var tableArea fyne.CanvasObject = container.NewBorder(nil, v.detail, nil, nil, v.table)

	// Where and when side by side above what: the map and the timeline
	// share the upper part, the table takes the rest.
	m, tl := v.mapView(), v.timelineView()
	var views fyne.CanvasObject
	switch {
	case m != nil && tl != nil:
		split := container.NewHSplit(m, tl)
		split.Offset = 0.5
		views = split
	case m != nil:
		views = m
	case tl != nil:
		views = tl
	}
	if views != nil {
		split := container.NewVSplit(views, tableArea)
		split.Offset = 0.6
		tableArea = split
	}
	heading := widget.NewLabel(problemsHeading(len(v.file.problems())))
	heading.TextStyle.Bold = true
	var center fyne.CanvasObject
	if len(v.file.problems()) == 0 {
		heading.Importance = widget.SuccessImportance
		center = container.NewBorder(nil, heading, nil, nil, tableArea)
	} else {
		heading.Importance = widget.WarningImportance
		split := container.NewVSplit(tableArea, container.NewBorder(heading, nil, nil, nil, v.problems))
		split.Offset = 0.75
		center = split
	}
	return widget.NewSimpleRenderer(container.NewBorder(top, nil, nil, nil, center))
}

// timelineView is the timeline of the file's events, nil when it has
// none. Zooming or panning it shows on the map only the events of its
// window.
func (v *fileView) timelineView() fyne.CanvasObject {
	c := v.file.Timeline
	if c == nil || c.Events == nil || c.Events.Len() == 0 {
		return nil
	}
	w := timelineview.New(c)
	w.Describe = v.describe
	v.timelineWidget = w
	w.OnSelect = func(i int) { v.selectEvent(i, w) }
	w.OnWindow = func(from, to float64) {
		v.from, v.to, v.windowed = from, to, true
		v.refilter()
	}
	return w
}

// mapView is the map of the file's placed events, nil when it has none.
// Clicking an event selects its row in the table.
func (v *fileView) mapView() fyne.CanvasObject {
	m := v.file.Map
	if m == nil || m.Events == nil || len(m.Events.Lon) == 0 {
		return nil
	}
	w := mapview.New(m)
	w.Describe = v.describe
	v.mapWidget = w
	w.OnSelect = func(i int) { v.selectEvent(i, w) }
	return w
}

// sampleBadge marks sample data; nil for a user's own file.
func (v *fileView) sampleBadge() fyne.CanvasObject {
	if !v.file.Sample {
		return nil
	}
	return container.NewCenter(newBadge("Sample data"))
}

// cellDetail is the selected cell in full, with where it is:
// `Row 3, description: Shoigu held …`.
func cellDetail(g *grid, id widget.TableCellID) string {
	return fmt.Sprintf("Row %s, %s: %s", thousands(id.Row+1), g.name(id.Col), g.value(id.Row, id.Col))
}

// errorText is the sentence shown for a file that could not be read.
func errorText(err error) string {
	if err == nil {
		return "The file could not be read."
	}
	return err.Error()
}

// measureText is the width of text in the current theme's text size.
func measureText(text string, bold bool) float32 {
	return fyne.MeasureText(text, theme.TextSize(), fyne.TextStyle{Bold: bold}).Width
}
