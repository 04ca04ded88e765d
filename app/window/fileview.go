package window

import (
	"fmt"
	"strings"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"chronomap/app/mapview"
	"chronomap/app/timelineview"
	"chronomap/app/workspace"
	"chronomap/app/worldmap"
	"chronomap/data/dataset"
	"chronomap/data/engine"
)

// fileView shows one loaded file: its title and facts, the filter bar,
// the map and the timeline, its frame as a table beside the selected
// event's details, and its problems. It holds the widgets whose state
// matters (what is selected, where the table is scrolled); its renderer
// only arranges them.
type fileView struct {
	widget.BaseWidget
	file     Loaded
	grid     *grid         // nil when the file could not be read
	table    *escTable     // nil when the file could not be read
	problems *widget.List  // nil when the file could not be read
	detail   *widget.Label // the selected cell in full
	card     *detailCard   // the selected event in full
	// mapWidget is the map, when the file has placed events: the timeline
	// filters it. timelineWidget is the timeline; a selection in either
	// shows in the other and in the table.
	mapWidget      *mapview.Map
	timelineWidget *timelineview.Timeline

	// layer is the file's events, filter, mask and selection, without a
	// display: the filter bar, the timeline and the map edit it, and all
	// of them, the table, the counts and the exports show its mask. It is
	// nil when the file could not be read.
	layer     *workspace.Layer
	searchBox *escEntry
	clearArea *widget.Button  // shown while a map box filters
	barRow    *fyne.Container // the filter bar's row of boxes
	status    *widget.Label
	cancelAsk *widget.Button // a table's Cancel, shown while its engine is slow
	// tableSearch is a table's search box; rows lists the rows of its
	// events in view, under rowsNote.
	tableSearch *widget.Entry
	rows        *widget.Table
	rowsNote    *widget.Label
	// do runs a function on the UI goroutine, for a table's timers: the
	// window's do.
	do      func(func())
	bar     fyne.CanvasObject  // the filter bar, nil for a file without events
	cell    widget.TableCellID // the table's selected cell
	chips   []*widget.Check    // the categories' switches, by legend index
	located *widget.Check      // "located only"
	side    *container.AppTabs // the event's details and the problems, beside the table
	// onWindow shows the timeline's window in the date boxes, dates.
	onWindow func(from, to float64)
	dates    [2]*escEntry
	splits   splits
	// tableLater refills a big table once the filter has rested.
	tableLater *time.Timer
	// searchGen numbers the searches, so that a slow one's answer is
	// dropped when the user has typed on.
	searchGen atomic.Int64
}

// shown reports whether event i passes every part of the filter.
func (v *fileView) shown(i int) bool { return v.layer != nil && v.layer.Mask.IsShown(i) }

// selected is the selected event, -1 for none.
func (v *fileView) selected() int {
	if v.layer == nil {
		return -1
	}
	return v.layer.Selected
}

// eventOfRow is the event frame row r made, -1 for none.
func (v *fileView) eventOfRow(r int) int {
	if v.file.Data == nil {
		return -1
	}
	return v.file.Data.EventOfRow(r)
}

// refilter shows the layer's mask, as its filter left it: on the map, in
// the timeline, the table and the counts.
func (v *fileView) refilter() {
	if v.layer == nil {
		return
	}
	d, mask := v.file.Data, v.layer.Mask
	if v.mapWidget != nil {
		m := v.mapWidget.Model()
		m.Shown, m.Counts, m.Area = mask.Shown, mask.Counts.ShownBy, v.layer.Filter.Box
		v.mapWidget.Refresh()
	}
	if v.timelineWidget != nil {
		v.timelineWidget.Chart().Kept = mask.Kept
		v.timelineWidget.Refresh()
	}
	if v.status != nil {
		v.status.SetText(v.counts().String())
	}
	if v.clearArea != nil && v.clearArea.Visible() != (v.layer.Filter.Box != nil) {
		if v.layer.Filter.Box != nil {
			v.clearArea.Show()
		} else {
			v.clearArea.Hide()
		}
		v.barRow.Refresh() // lays the row out again around the button
	}
	if d.Len() <= syncSearch {
		v.refillTable()
		return
	}
	// A big table is refilled once the filter rests: dragging the
	// timeline's window moves the map at once, the rows follow.
	if v.tableLater == nil {
		v.tableLater = time.AfterFunc(tableDelay, func() { fyne.Do(v.refillTable) })
	} else {
		v.tableLater.Reset(tableDelay)
	}
}

// tableDelay is how long the filter must rest before a big table follows.
const tableDelay = 150 * time.Millisecond

// counts counts the events shown and those of them on the map.
func (v *fileView) counts() counts {
	c := v.layer.Mask.Counts
	return counts{shown: c.Shown, mapped: c.Located, all: c.All}
}

// refillTable shows in the table the rows of the events shown, in the
// order sorted by; with no filter, every row of the frame.
func (v *fileView) refillTable() {
	g := v.grid
	if g == nil {
		return
	}
	var order []int32
	if g.sortCol >= 0 {
		order = g.sorted(g.sortCol, g.sortDesc)
	}
	g.rows = order
	if v.layer != nil && v.layer.Mask.Shown != nil {
		rowEvent := v.file.Data.RowEvent
		rows := make([]int32, 0, v.layer.Mask.Counts.Shown)
		each := func(r int32) {
			if e := rowEvent[r]; e >= 0 && v.shown(int(e)) {
				rows = append(rows, r)
			}
		}
		if order != nil {
			for _, r := range order {
				each(r)
			}
		} else {
			for r := range int32(len(rowEvent)) {
				each(r)
			}
		}
		g.rows = rows
	}
	if v.table != nil {
		v.table.UnselectAll()
		v.table.Refresh()
		v.table.ScrollToTop()
	}
}

// sortBy sorts the table by a column: ascending first, then descending,
// then back to file order.
func (v *fileView) sortBy(col int) {
	g := v.grid
	switch {
	case g.sortCol != col:
		g.sortCol, g.sortDesc = col, false
	case !g.sortDesc:
		g.sortDesc = true
	default:
		g.sortCol = -1
	}
	v.refillTable()
}

// syncSearch is the most events searched while the user waits; above it
// the search runs in the background, after a pause in the typing, and a
// newer query makes an older one's answer moot.
const syncSearch = 50_000

// search filters the events to those whose text has every word typed.
// A big file without its search index yet is searched in the background,
// after a pause in the typing; a newer query makes an older one's answer
// moot.
func (v *fileView) search(q string) {
	gen := v.searchGen.Add(1)
	d := v.file.Data
	if d == nil {
		return
	}
	if strings.TrimSpace(q) == "" || d.Len() <= syncSearch || d.Searchable() {
		// The index answers within a few milliseconds on a million events.
		v.layer.SetQuery(q)
		v.refilter()
		return
	}
	v.status.SetText(lang.L("Searching…"))
	go func() {
		time.Sleep(150 * time.Millisecond) // a pause in the typing
		if v.searchGen.Load() != gen {
			return
		}
		d.Matching(q) // kept: Apply finds it answered
		fyne.Do(func() {
			if v.searchGen.Load() == gen {
				v.layer.SetQuery(q) // answered: Matching kept it
				v.refilter()
			}
		})
	}()
}

// escape is what Esc does wherever the keyboard is, a step a press: it
// clears the selection and a box drawn on the map first, and then, with
// nothing left selected, every filter.
func (v *fileView) escape() {
	if v.layer == nil {
		return
	}
	if v.selected() >= 0 || v.layer.Filter.Box != nil {
		v.selectEvent(-1, nil)
		if v.layer.Filter.Box != nil {
			v.layer.BoxAround(nil)
			v.refilter()
		}
		return
	}
	v.clearFilter()
}

// typedKey handles the window's keys for this file: Esc (see escape), ←
// and → select the previous or next shown event in time.
func (v *fileView) typedKey(e *fyne.KeyEvent) {
	n := 0
	if v.file.index() != nil {
		n = v.file.index().Len()
	}
	switch e.Name {
	case fyne.KeyEscape:
		v.escape()
	case fyne.KeyRight, fyne.KeyLeft:
		step := 1
		if e.Name == fyne.KeyLeft {
			step = -1
		}
		i := v.selected()
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
	if i >= 0 && i < len(v.file.index().Row) {
		for col, role := range v.file.roles() {
			if role != "place" {
				continue
			}
			if c := v.file.frame().Col(col); c >= 0 {
				if p := v.file.frame().Text(int(v.file.index().Row[i]), c); p != "" {
					parts = append(parts, p)
				}
			}
		}
	}
	return strings.Join(parts, " — ")
}

// selectEvent shows event i (of the map's and timeline's numbering) as
// selected everywhere: its row in the table, its marker and its mark, its
// details in the card; from is the widget where it was selected, which
// needs no telling.
func (v *fileView) selectEvent(i int, from fyne.CanvasObject) {
	if v.layer != nil {
		v.layer.Select(i)
	}
	if v.mapWidget != nil && from != fyne.CanvasObject(v.mapWidget) {
		v.mapWidget.Model().Selected = nil
		if i >= 0 {
			v.mapWidget.Model().Selected = map[int]bool{i: true}
			v.mapWidget.Reveal(i)
		}
		v.mapWidget.Refresh()
	}
	if v.timelineWidget != nil && from != fyne.CanvasObject(v.timelineWidget) {
		v.timelineWidget.Select(i)
	}
	if v.card != nil {
		v.card.show(v, i)
		if v.side != nil && i >= 0 {
			v.side.SelectIndex(0)
		}
	}
	if i < 0 && v.table != nil {
		// Nothing selected: the table and its detail line let go too, so
		// the status no longer names a row that is not chosen.
		v.table.UnselectAll()
		v.cell = widget.TableCellID{Row: -1, Col: -1}
		v.detail.SetText(noSelection())
	}
	if i >= 0 && i < len(v.file.index().Row) && from != fyne.CanvasObject(v.table) {
		if r := v.grid.tableRow(int(v.file.index().Row[i])); r >= 0 {
			v.table.Select(widget.TableCellID{Row: r, Col: 0})
		}
	}
}

func newFileView(f Loaded) *fileView {
	v := &fileView{file: f}
	v.ExtendBaseWidget(v)
	if f.Table != nil {
		v.mapWidget, v.timelineWidget = v.newMap(), v.newTimeline()
		return v
	}
	if f.Err != nil || f.Data == nil {
		return v
	}
	v.layer = workspace.NewLayer(f.Data)
	v.grid = newGrid(f.frame())
	v.grid.roles = f.roles()
	if f.Data.Len() > 0 {
		v.card = newDetailCard()
	}
	v.mapWidget, v.timelineWidget = v.newMap(), v.newTimeline()
	if f.Data.Len() > 0 {
		v.bar = v.filterBar()
		v.refilter()
	}
	v.detail = widget.NewLabel(noSelection())
	v.detail.Wrapping = fyne.TextWrapWord
	v.table = v.newTable()
	v.problems = v.newProblemList()
	return v
}

// noSelection is what the detail line says before a cell is selected.
func noSelection() string { return lang.L("Select a cell to read it in full.") }

func (v *fileView) newTable() *escTable {
	g := v.grid
	t := &escTable{onEscape: v.escape}
	// Fyne's table takes every row for visible while its scroller has no
	// height (before its first layout, or squeezed to its header row),
	// and makes a divider for each that it keeps for good: 1M rows cost
	// 1M separators, about 400 MB of the window's heap. It is told of no
	// rows until it has room to show one.
	head := headerHeight()
	t.Length = func() (int, int) {
		rows, cols := g.size()
		if t.Size().Height <= head {
			return 0, cols
		}
		return rows, cols
	}
	t.CreateCell = func() fyne.CanvasObject {
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}
	t.UpdateCell = func(id widget.TableCellID, o fyne.CanvasObject) {
		l := o.(*widget.Label)
		l.Alignment = fyne.TextAlignLeading
		if g.numeric(id.Col) {
			l.Alignment = fyne.TextAlignTrailing
		}
		l.SetText(g.cell(id.Row, id.Col))
	}
	t.ShowHeaderRow, t.ShowHeaderColumn = true, true
	t.ExtendBaseWidget(t)
	t.CreateHeader = func() fyne.CanvasObject { return newHeaderCell(v.sortBy) }
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) { updateHeaderCell(g, id, o) }
	t.OnSelected = func(id widget.TableCellID) {
		v.cell = id
		v.detail.SetText(cellDetail(g, id))
		// A row that made an event selects it in every view.
		if r := g.frameRow(id.Row); r >= 0 {
			if e := v.eventOfRow(r); e >= 0 && e != v.selected() {
				v.selectEvent(e, t)
			}
		}
	}

	// A label needs its inner padding on both sides, and a little slack
	// because its truncation rounds differently from MeasureText.
	pad := 2*theme.InnerPadding() + 2*theme.Padding()
	for c, w := range g.widths(measureText) {
		t.SetColumnWidth(c, w+pad)
	}
	rows, _ := g.size()
	t.SetColumnWidth(-1, measureText(thousands(max(rows, 10)), true)+pad)
	// A row height set, even the header's, makes Fyne's table add up
	// every row's height each time the window lays itself out: 9 s of
	// the UI thread in half a minute of use at ten million rows. A big
	// table has a header of one line, the names, and keeps Fyne's
	// uniform rows.
	if g.oneLine = rows > bigTable; !g.oneLine {
		t.SetRowHeight(-1, headerHeight())
	}
	return t
}

// bigTable is the most rows a table has with two-line headers (the name
// over the kind): summing that many row heights costs a layout well
// under a millisecond.
const bigTable = 100_000

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
// Rows with problems made no event, so a filter hides them: it is cleared
// first.
func (v *fileView) showProblem(i int) {
	p := v.file.problems()[i]
	if p.Row >= 1 && v.grid.tableRow(p.Row-1) < 0 {
		v.clearFilter()
	}
	if id, ok := problemCell(v.grid, p); ok {
		v.table.Select(id) // Select scrolls the cell into view
	}
}

// CreateRenderer is part of fyne.Widget.
func (v *fileView) CreateRenderer() fyne.WidgetRenderer {
	if v.file.Table != nil || (v.file.Err != nil && engine.IsURL(v.file.Path)) {
		return v.tableRenderer()
	}
	title := widget.NewLabel(v.file.title())
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

	line := facts(v.file.frame())
	if v.file.index() != nil && v.file.index().Len() > 0 {
		line += " · " + eventFacts(v.file)
	}
	top := container.NewVBox(head, widget.NewLabel(line))
	if v.bar != nil {
		top.Add(v.bar)
	}
	for _, line := range flagLines(v.file.frame()) {
		l := widget.NewLabel(line)
		l.Importance = widget.WarningImportance
		top.Add(l)
	}
	// Beside the table: the selected event in full, and the problems,
	// each a tab, so that the table keeps the height of the lower half.
	heading := widget.NewLabel(problemsHeading(len(v.file.problems())))
	heading.TextStyle.Bold = true
	heading.Importance = widget.WarningImportance
	var probs fyne.CanvasObject = container.NewBorder(heading, nil, nil, nil, v.problems)
	if len(v.file.problems()) == 0 {
		heading.Importance = widget.SuccessImportance
		probs = container.NewVBox(heading)
	}
	side := probs
	if v.card != nil {
		v.side = container.NewAppTabs(
			container.NewTabItem(lang.L("Event"), v.card),
			container.NewTabItem(problemsHeading(len(v.file.problems())), probs))
		if len(v.file.problems()) > 0 && v.selected() < 0 {
			v.side.SelectIndex(1)
		}
		side = v.side
	}
	v.splits.card = container.NewHSplit(container.NewBorder(nil, v.detail, nil, nil, v.table), side)
	v.splits.card.Offset = splitOffset("split.card", 0.7)
	center := fyne.CanvasObject(v.splits.card)

	// Where and when side by side above what: the map and the timeline
	// share the upper part, the table takes the rest.
	var views fyne.CanvasObject
	switch m, tl := v.mapWidget, v.timelineWidget; {
	case m != nil && tl != nil:
		v.splits.views = container.NewHSplit(m, tl)
		v.splits.views.Offset = splitOffset("split.views", 0.5)
		views = v.splits.views
	case m != nil:
		views = m
	case tl != nil:
		views = tl
	}
	if views != nil {
		v.splits.table = container.NewVSplit(views, center)
		v.splits.table.Offset = splitOffset("split.table", 0.6)
		center = v.splits.table
	}
	return widget.NewSimpleRenderer(container.NewBorder(top, nil, nil, nil, center))
}

// splits are the file view's movable dividers, whose places are kept in
// the preferences when the window closes.
type splits struct {
	views, table, card *container.Split
}

// splitOffset is a divider's place as last left, or def.
func splitOffset(key string, def float64) float64 {
	if a := fyne.CurrentApp(); a != nil {
		if o := a.Preferences().FloatWithFallback(key, def); o > 0.05 && o < 0.95 {
			return o
		}
	}
	return def
}

// saveSplits keeps the dividers' places for the next file and session.
func (v *fileView) saveSplits(p fyne.Preferences) {
	for key, s := range map[string]*container.Split{"split.views": v.splits.views, "split.table": v.splits.table,
		"split.card": v.splits.card} {
		if s != nil {
			p.SetFloat(key, s.Offset)
		}
	}
}

// newTimeline makes the timeline widget of the file's events, nil when it
// has none. Zooming, panning or brushing it filters the map and the table.
func (v *fileView) newTimeline() *timelineview.Timeline {
	c := v.file.Timeline
	if c == nil || c.Events == nil || (c.Events.Len() == 0 && c.Density == nil) {
		return nil
	}
	w := timelineview.New(c)
	w.Describe = v.describe
	w.OnSelect = func(i int) { v.selectEvent(i, w) }
	w.OnEscape = v.escape
	w.OnWindow = func(from, to float64) {
		if v.file.Table != nil {
			v.setTableFilter(func(f *dataset.Filter) { f.Window = &dataset.Window{From: int64(from), To: int64(to)} })
			return
		}
		v.layer.SetWindow(from, to)
		if v.onWindow != nil {
			v.onWindow(from, to)
		}
		v.refilter()
	}
	return w
}

// newMap makes the map widget of the file's placed events, nil when it
// has none. A click selects an event everywhere; a box drawn with shift
// held filters the timeline and the table to the events inside.
func (v *fileView) newMap() *mapview.Map {
	m := v.file.Map
	if m == nil || ((m.Events == nil || len(m.Events.Lon) == 0) && m.Density == nil) {
		return nil
	}
	if a := fyne.CurrentApp(); a != nil {
		m.View.Projection = projection(a)
	}
	w := mapview.New(m)
	w.Describe = v.describe
	w.OnSelect = func(i int) { v.selectEvent(i, w) }
	w.OnEscape = v.escape
	w.OnBoxSelect = func(sel []int) {
		if v.layer == nil {
			return // a table's map has no markers to select
		}
		// The box is the bounds of the events drawn round: a place on
		// Earth, which exports and scenes keep, not a list of events.
		v.layer.BoxAround(sel)
		v.refilter()
	}
	// A box drawn by hand keeps the place it was drawn round, which the
	// map then outlines while it filters.
	w.OnArea = func(b *dataset.Box) {
		if v.file.Table != nil {
			v.setTableFilter(func(f *dataset.Filter) { f.Box = b })
			return
		}
		v.layer.SetBox(b)
		v.refilter()
	}
	return w
}

// setProjection shows the file's map in another projection.
func (v *fileView) setProjection(p worldmap.Projection) {
	if v.mapWidget != nil {
		v.mapWidget.SetProjection(p)
	}
}

// sampleBadge marks sample data; nil for a user's own file.
func (v *fileView) sampleBadge() fyne.CanvasObject {
	if !v.file.Sample {
		return nil
	}
	return container.NewCenter(newBadge(lang.L("Sample data")))
}

// cellDetail is the selected cell in full, with where it is:
// `Row 3, description: Shoigu held …`.
func cellDetail(g *grid, id widget.TableCellID) string {
	r := g.frameRow(id.Row)
	if r < 0 || id.Col < 0 {
		return ""
	}
	return fmt.Sprintf(lang.L("Row %s, %s: %s"), thousands(r+1), g.name(id.Col), g.value(r, id.Col))
}

// errorText is the sentence shown for a file that could not be read.
func errorText(err error) string {
	if err == nil {
		return lang.L("The file could not be read.")
	}
	return err.Error()
}

// measureText is the width of text in the current theme's text size.
func measureText(text string, bold bool) float32 {
	return fyne.MeasureText(text, theme.TextSize(), fyne.TextStyle{Bold: bold}).Width
}
