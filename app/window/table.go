package window

import (
	"context"
	"fmt"
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
	src, err := server.Open(octx, r.Path)
	if ctx.Err() != nil {
		return Loaded{}, ctx.Err()
	}
	if err != nil {
		return Loaded{Title: name, Path: name, Err: err}, nil
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
		return Loaded{Title: name, Path: name, Err: err}, nil
	}
	ft.Ctx = context.Background()
	l := Loaded{Title: name, Path: name, Table: ft}
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

// liveTable makes a table's views ask in the background, each answer
// drawn when it arrives, and says on the status line what failed.
func (w *Window) liveTable(v *fileView) {
	t := v.file.Table
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
	if v.status == nil {
		return
	}
	if err := t.Err(); err != nil {
		v.status.Importance = widget.DangerImportance
		v.status.SetText(err.Error())
		t.ClearErr() // the next view asks again: a server back is used again
		return
	}
	v.status.Importance = widget.MediumImportance
	l := t.Legend()
	v.status.SetText(counts{shown: int(l.Shown), mapped: int(l.Located), all: int(l.All)}.String())
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
	search.OnSubmitted = func(q string) { v.setTableFilter(func(f *dataset.Filter) { f.Query = q }) }
	v.status = widget.NewLabel("")
	v.status.Truncation = fyne.TextTruncateEllipsis
	v.refreshTable()
	top := container.NewVBox(title, widget.NewLabel(line), search, v.status)
	var views fyne.CanvasObject = widget.NewLabel(lang.L("The table has no events to show."))
	switch m, tl := v.mapWidget, v.timelineWidget; {
	case m != nil && tl != nil:
		s := container.NewVSplit(m, tl)
		s.Offset = 0.6
		views = s
	case m != nil:
		views = m
	case tl != nil:
		views = tl
	}
	return widget.NewSimpleRenderer(container.NewBorder(top, nil, nil, nil, views))
}
