package window

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"chronomap/app/draw"
	"chronomap/app/feed"
	"chronomap/app/timeline"
	"chronomap/app/worldmap"
	"chronomap/data/dataset"
	"chronomap/data/engine"
	"chronomap/data/events"
	"chronomap/data/server"
)

// openTime bounds the questions a table is opened with (its columns, a
// sample, its legend, span and extent).
const openTime = 60 * time.Second

// loadTable opens a table in an engine for the window: no row is read
// but the sample its roles are detected from; its views are fed by the
// engine (see package feed). A table that cannot be opened comes back as
// a Loaded holding the one sentence that says why, without the password.
func loadTable(ctx context.Context, r request) (Loaded, error) {
	a, err := engine.Parse(r.Path)
	if err != nil {
		return Loaded{Title: r.Path, Err: err}, nil
	}
	name := a.String() // what the window shows and keeps: never the password
	octx, cancel := context.WithTimeout(ctx, openTime)
	defer cancel()
	if r.Password != "" {
		a = a.WithPassword(r.Password)
	}
	src, err := server.OpenAt(octx, a, r.Mapping)
	if ctx.Err() != nil {
		return Loaded{}, ctx.Err()
	}
	if err != nil {
		return Loaded{Title: name, Path: name, Err: err, password: r.Password}, nil
	}
	// The table's questions outlive the load; they are bounded each by
	// its view's context.
	ft, err := feed.Open(octx, src, dataset.Filter{})
	var sp engine.Span
	if err == nil {
		sp, err = src.Span(octx)
	}
	if err != nil {
		src.Close()
		return Loaded{Title: name, Path: name, Err: err, password: r.Password}, nil
	}
	ft.Ctx = context.Background()
	l := Loaded{Title: name, Path: name, Table: ft, password: r.Password}
	if sp.OK {
		ev := ft.Timeline()
		ev.Span = [2]int64{sp.First, sp.Last}
		l.Timeline = &timeline.Chart{Events: ev, Density: ft.Density, Beyond: ft.Beyond}
		l.Timeline.Fit()
	}
	if src.Table.HasPlace() {
		l.Map = &worldmap.Map{View: worldmap.Viewport{Projection: worldmap.EqualEarth}, Theme: draw.Light,
			Graticule: true, Density: ft.MapDensity, Extent: ft.Extent()}
	}
	return l, nil
}

// queryTime is the time limit of each question a table's views ask: a
// view the engine takes longer to answer is stopped, and the status line
// says so.
const queryTime = 30 * time.Second

// waitShown is how long a question runs before the status line says the
// window is waiting for the engine, and offers Cancel.
const waitShown = time.Second

// liveTable makes a table's views ask in the background, each answer
// drawn when it arrives, and says on the status line what failed, or,
// when the engine is slow, that the window waits for it.
func (w *Window) liveTable(v *fileView) {
	t := v.file.Table
	t.Limit = queryTime
	v.do = w.do
	t.Asked = func() { time.AfterFunc(waitShown, func() { w.do(v.refreshStatus) }) }
	t.Live(func() { w.do(v.refreshTable) })
}

// refreshTable draws a table's views again with what the engine has
// answered, and says how many events are shown, or what failed: the
// views keep the last good answer.
func (v *fileView) refreshTable() {
	t := v.file.Table
	if v.mapWidget != nil {
		v.mapWidget.Refresh()
	}
	if v.timelineWidget != nil {
		v.timelineWidget.Chart().Events.Totals = t.Timeline().Totals
		v.timelineWidget.Refresh()
	}
	v.refreshStatus()
	v.refreshRows()
}

// refreshRows shows the rows of the events in view, or says why they
// are not listed.
func (v *fileView) refreshRows() {
	if v.rows == nil {
		return
	}
	l := v.file.Table.Legend()
	switch n, _, _, _ := v.file.Table.Rows(0); {
	case l.Shown > feed.MaxRows:
		v.rowsNote.SetText(fmt.Sprintf(lang.L("%s events in view: narrow the view (time, map area, search) to %s or fewer to list their rows."),
			thousands(int(l.Shown)), thousands(feed.MaxRows)))
	default:
		v.rowsNote.SetText(fmt.Sprintf(lang.L("%s rows of the events in view, in time order"), thousands(n)))
	}
	v.rows.Refresh()
}

// refreshStatus says on a table's status line what failed (until the
// engine answers again), that the window is waiting for the engine with
// Cancel beside it, or how many events are shown.
func (v *fileView) refreshStatus() {
	t := v.file.Table
	l := t.Legend() // asked again when it failed, like every view's question
	if v.status == nil {
		return
	}
	n, since := t.Waiting()
	waiting := n > 0 && time.Since(since) >= waitShown
	if v.cancelAsk != nil {
		if waiting {
			v.cancelAsk.Show()
		} else {
			v.cancelAsk.Hide()
		}
	}
	switch err := t.Err(); {
	case err != nil:
		v.status.Importance = widget.DangerImportance
		// The tab's title names the table: the sentence says what failed.
		v.status.SetText(strings.TrimPrefix(err.Error(), v.file.Path+": "))
	case waiting:
		v.status.Importance = widget.WarningImportance
		v.status.SetText(fmt.Sprintf(lang.L("Waiting for %s to answer (%s s)…"), t.Src.Table.Dialect().Name(), thousands(int(time.Since(since).Seconds()))))
		// The seconds count on while it waits.
		time.AfterFunc(time.Second, func() { v.do(v.refreshStatus) })
	default:
		v.status.Importance = widget.MediumImportance
		v.status.SetText(counts{shown: int(l.Shown), mapped: int(l.Located), all: int(l.All)}.String())
	}
}

// cancelQuestions stops what the table's views are asking: they keep the
// last answers until the view or the filter changes.
func (v *fileView) cancelQuestions() {
	v.file.Table.Cancel()
	v.refreshStatus()
	v.status.Importance = widget.WarningImportance
	v.status.SetText(lang.L("Stopped: the views show the engine's last answers until they are moved or filtered."))
}

// setTableFilter asks the table's views again under the filter changed
// by change.
func (v *fileView) setTableFilter(change func(*dataset.Filter)) {
	t := v.file.Table
	f := t.Filter()
	change(&f)
	t.SetFilter(f)
	v.refreshTable()
}

// tableRenderer lays out a table's view: its name and what the engine
// holds, a search box, the map and the timeline, the status line.
func (v *fileView) tableRenderer() fyne.WidgetRenderer {
	title := widget.NewLabel(v.file.title())
	title.TextStyle.Bold = true
	title.SizeName = theme.SizeNameSubHeadingText
	title.Truncation = fyne.TextTruncateEllipsis
	if v.file.Err != nil {
		msg := widget.NewLabel(errorText(v.file.Err))
		msg.Wrapping = fyne.TextWrapWord
		msg.Importance = widget.DangerImportance
		body := container.NewBorder(nil, nil, widget.NewIcon(theme.ErrorIcon()), nil, msg)
		return widget.NewSimpleRenderer(container.NewBorder(title, nil, nil, nil, container.NewVBox(body)))
	}
	t := v.file.Table
	line := fmt.Sprintf(lang.L("%s · its views asked of the engine, no row copied"), t.Src.Table.Dialect().Name())
	search := widget.NewEntry()
	search.SetPlaceHolder(lang.L("Search the table"))
	search.SetText(t.Filter().Query) // a workspace's, restored before the tab was drawn
	v.tableSearch = search
	search.OnSubmitted = func(q string) { v.setTableFilter(func(f *dataset.Filter) { f.Query = q }) }
	v.status = widget.NewLabel("")
	v.status.Truncation = fyne.TextTruncateEllipsis
	v.cancelAsk = widget.NewButton(lang.L("Cancel"), v.cancelQuestions)
	v.cancelAsk.Hide()
	v.refreshTable()
	top := container.NewVBox(title, widget.NewLabel(line), search, container.NewBorder(nil, nil, nil, v.cancelAsk, v.status))
	var views fyne.CanvasObject = widget.NewLabel(lang.L("The table has no events to show."))
	switch m, tl := v.mapWidget, v.timelineWidget; {
	case m != nil && tl != nil:
		s := container.NewHSplit(m, tl)
		s.Offset = 0.5
		views = s
	case m != nil:
		views = m
	case tl != nil:
		views = tl
	}
	// Below them, the shown events' rows when they are few enough to
	// list, and the one selected in full.
	v.rows = v.newRows()
	v.card = newDetailCard()
	v.rowsNote = widget.NewLabel("")
	v.rowsNote.Truncation = fyne.TextTruncateEllipsis
	v.refreshRows()
	lower := container.NewHSplit(container.NewBorder(v.rowsNote, nil, nil, nil, v.rows), v.card)
	lower.Offset = 0.7
	split := container.NewVSplit(views, lower)
	split.Offset = 0.6
	return widget.NewSimpleRenderer(container.NewBorder(top, nil, nil, nil, split))
}

// close lets go of what a view holds outside the window: a table's
// connections to its engine, and the questions under way on them.
func (v *fileView) close() {
	if t := v.file.Table; t != nil {
		t.Close()
	}
}

// tableColumns are the columns a table's rows show, by their index in
// the engine's pages: the table's own, without those import added.
func tableColumns(p engine.Page) []int {
	var out []int
	for i, name := range p.Columns {
		if !slices.Contains(engine.Imported, name) {
			out = append(out, i)
		}
	}
	return out
}

// newRows makes a table's list of rows: the shown events in time order,
// a page of them at a time asked of the engine, while the view holds at
// most feed.MaxRows of them. A row selected shows in full in the card.
func (v *fileView) newRows() *widget.Table {
	t := v.file.Table
	var cols []int // known with the first page
	var names []string
	for _, c := range t.Src.Table.Columns {
		if c.Name != engine.TextColumn {
			names = append(names, c.Name)
		}
	}
	cols = tableColumns(engine.Page{Columns: names})
	rows := widget.NewTable(func() (int, int) {
		n, _, _, _ := t.Rows(0)
		return n, len(cols)
	}, func() fyne.CanvasObject {
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}, func(id widget.TableCellID, o fyne.CanvasObject) {
		l := o.(*widget.Label)
		_, p, first, ok := t.Rows(id.Row)
		if r := id.Row - first; ok && r >= 0 && r < len(p.Rows) && id.Col < len(cols) {
			l.SetText(p.Rows[r][cols[id.Col]])
			return
		}
		l.SetText("…")
	})
	rows.ShowHeaderRow = true
	rows.CreateHeader = func() fyne.CanvasObject {
		l := widget.NewLabel("")
		l.TextStyle.Bold = true
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}
	rows.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 && id.Col < len(cols) {
			o.(*widget.Label).SetText(names[cols[id.Col]])
		}
	}
	pad := 2*theme.InnerPadding() + 2*theme.Padding()
	for c, k := range cols {
		rows.SetColumnWidth(c, min(max(measureText(names[k], true)+pad, 90), 260))
	}
	rows.OnSelected = func(id widget.TableCellID) { v.showRow(id.Row) }
	return rows
}

// showRow shows row r of a table's list in the card: its title, when,
// where, and every column.
func (v *fileView) showRow(r int) {
	t := v.file.Table
	_, p, first, ok := t.Rows(r)
	i := r - first
	if !ok || i < 0 || i >= len(p.Rows) {
		v.card.empty()
		return
	}
	m := t.Src.Table.Mapping
	cell := func(name string) string {
		if k := slices.Index(p.Columns, name); k >= 0 {
			return p.Rows[i][k]
		}
		return ""
	}
	title := ""
	for _, c := range m.Get(events.Title) {
		title = cmp.Or(title, cell(c))
	}
	if title == "" {
		title = fmt.Sprintf(lang.L("Event %s of the view"), thousands(r+1))
	}
	when := time.Unix(p.Start[i], 0).UTC().Format("2006-01-02 15:04:05")
	if p.Start[i]%86400 == 0 {
		when = when[:10]
	}
	head := []field{{Name: lang.L("When"), Value: when}}
	where := lang.L("not placed")
	if !math.IsNaN(p.Lat[i]) {
		where = fmt.Sprintf("%.4f, %.4f", p.Lat[i], p.Lon[i])
		for _, c := range m.Get(events.Place) {
			if s := cell(c); s != "" {
				where = s + " (" + where + ")"
				break
			}
		}
	}
	head = append(head, field{Name: lang.L("Where"), Value: where})
	roles := map[string]string{}
	for role, cs := range m.Columns {
		for _, c := range cs {
			roles[c] = string(role)
		}
	}
	var cols []field
	parts := []string{title, when, where}
	for _, k := range tableColumns(p) {
		name := p.Columns[k]
		cols = append(cols, field{Name: name, Value: p.Rows[i][k], Role: roles[name]})
		parts = append(parts, name+": "+p.Rows[i][k])
	}
	v.card.fill(title, head, cols, strings.Join(parts, " · "))
}
