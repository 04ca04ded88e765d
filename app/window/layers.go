package window

import (
	"fmt"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"chronomap/app/draw"
	"chronomap/app/mapview"
	"chronomap/app/palette"
	"chronomap/app/timeline"
	"chronomap/app/timelineview"
	"chronomap/app/worldmap"
	"chronomap/data/dataset"
	"chronomap/data/dates"
)

// combined is several files' events as one set, in time order: the layers
// of one map and one timeline. Category k is file k.
type combined struct {
	Map      *worldmap.Events
	Timeline *timeline.Events
	// Layer and Event say where each event came from: which file, and
	// which event of that file's index.
	Layer, Event []int32
}

// combine merges the events of files, each already in time order, into
// one set in time order; names name the layers.
func combine(files []Loaded, names []string) combined {
	n := 0
	for _, f := range files {
		if f.Timeline != nil && f.Timeline.Events != nil {
			n += f.Timeline.Events.Len()
		}
	}
	c := combined{Layer: make([]int32, 0, n), Event: make([]int32, 0, n)}
	// A merge of sorted lists: the next event is the earliest at the head
	// of any file. Files are few, so the heads are scanned.
	head := make([]int, len(files))
	for len(c.Layer) < n {
		best := -1
		var at int64
		for k, f := range files {
			if f.Timeline == nil || f.Timeline.Events == nil || head[k] >= f.Timeline.Events.Len() {
				continue
			}
			if s := f.Timeline.Events.Start[head[k]]; best < 0 || s < at {
				best, at = k, s
			}
		}
		c.Layer = append(c.Layer, int32(best))
		c.Event = append(c.Event, int32(head[best]))
		head[best]++
	}

	t := &timeline.Events{LaneTitle: lang.L("Layer"), ByCategory: true, Lanes: names, Legend: names,
		Start: make([]int64, n), Stop: make([]int64, n), Sure0: make([]int64, n), Sure1: make([]int64, n),
		Lane: make([]int32, n), Category: make([]int32, n), Label: make([]string, n)}
	t.Prec = make([]dates.Precision, n)
	m := &worldmap.Events{LegendTitle: lang.L("Layer"), Legend: names, Counts: make([]int, len(files)),
		Lon: make([]float64, n), Lat: make([]float64, n), Category: make([]int32, n), Label: make([]string, n),
		Place: make([]string, n)}
	where := make([][]int32, len(files)) // each file's events → the combined ones, for arcs
	for k, f := range files {
		if f.Timeline != nil && f.Timeline.Events != nil {
			where[k] = make([]int32, f.Timeline.Events.Len())
		}
	}
	for i := range n {
		k, e := c.Layer[i], c.Event[i]
		src := files[k].Timeline.Events
		where[k][e] = int32(i)
		t.Start[i], t.Stop[i], t.Sure0[i], t.Sure1[i] = src.Start[e], src.Stop[e], src.Sure0[e], src.Sure1[e]
		t.Prec[i], t.Label[i] = src.Prec[e], src.Label[e]
		t.Lane[i], t.Category[i] = k, k
		m.Category[i] = k
		m.Lon[i], m.Lat[i] = math.NaN(), math.NaN()
		if me := files[k].Map; me != nil && me.Events != nil && int(e) < len(me.Events.Lon) {
			m.Lon[i], m.Lat[i], m.Label[i] = me.Events.Lon[e], me.Events.Lat[e], me.Events.Label[e]
			if me.Events.Place != nil {
				m.Place[i] = me.Events.Place[e] // a cluster of one place is named after it
			}
			if me.Events.Lon[e] == me.Events.Lon[e] { // not NaN: on the map
				m.Counts[k]++
			}
		}
	}
	for k, f := range files {
		if f.Map == nil || f.Map.Events == nil {
			continue
		}
		for _, a := range f.Map.Events.Arcs {
			if a.Event >= 0 && a.Event < len(where[k]) {
				m.Arcs = append(m.Arcs, worldmap.Arc{From: a.From, To: a.To, Category: int32(k), Event: int(where[k][a.Event])})
			}
		}
	}
	c.Map, c.Timeline = m, t
	return c
}

// layersView shows every open file with events as a layer of one map and
// one timeline, each in a colour of its own and switched on or off; a
// selected event shows in full, and opens in its file's tab.
type layersView struct {
	widget.BaseWidget
	layers  []*fileView
	visible []bool
	colour  []int // each layer's palette slot
	all     combined

	mapWidget      *mapview.Map
	timelineWidget *timelineview.Timeline
	card           *detailCard
	rows           *fyne.Container
	status         *widget.Label
	openButton     *widget.Button
	selected       int
	// window is the timeline's window, which filters the map as in a
	// file's view; nil before the timeline reports one.
	window *dataset.Window
	// open shows an event in its file's tab.
	open func(layer *fileView, event int)
}

func newLayersView(layers []*fileView, open func(*fileView, int)) *layersView {
	v := &layersView{layers: layers, selected: -1, open: open,
		visible: make([]bool, len(layers)), colour: make([]int, len(layers))}
	names := make([]string, len(layers))
	files := make([]Loaded, len(layers))
	for k, l := range layers {
		v.visible[k], v.colour[k] = true, k
		names[k], files[k] = tabName(l.file), l.file
	}
	v.all = combine(files, names)
	v.ExtendBaseWidget(v)

	mp := &worldmap.Map{View: worldmap.Viewport{Projection: worldmap.EqualEarth}, Theme: draw.Light, Graticule: true, Events: v.all.Map}
	if a := fyne.CurrentApp(); a != nil {
		mp.View.Projection = projection(a)
	}
	v.mapWidget = mapview.New(mp)
	v.mapWidget.OnSelect = func(i int) { v.selectEvent(i, v.mapWidget) }
	v.mapWidget.Describe = v.describe
	ch := &timeline.Chart{Events: v.all.Timeline}
	v.timelineWidget = timelineview.New(ch)
	v.timelineWidget.OnSelect = func(i int) { v.selectEvent(i, v.timelineWidget) }
	v.timelineWidget.Describe = v.describe
	v.timelineWidget.OnWindow = func(from, to float64) {
		v.window = &dataset.Window{From: int64(math.Floor(from)), To: int64(math.Ceil(to))}
		v.refilter()
	}
	v.card = newDetailCard()
	v.status = widget.NewLabel("")
	v.openButton = widget.NewButtonWithIcon(lang.L("Show in its file"), theme.NavigateNextIcon(), func() {
		if i := v.selected; i >= 0 && v.open != nil {
			v.open(v.layers[v.all.Layer[i]], int(v.all.Event[i]))
		}
	})
	v.openButton.Disable()
	v.rows = container.NewVBox()
	for k := range layers {
		v.rows.Add(v.layerRow(k))
	}
	v.recolour()
	v.refilter()
	return v
}

// keep reports whether combined event i is shown: its layer is on, its
// file's own filter shows it, and it lies in the timeline's window.
func (v *layersView) keep(i int, withWindow bool) bool {
	k, e := v.all.Layer[i], int(v.all.Event[i])
	if !v.visible[k] || !v.layers[k].shown(e) {
		return false
	}
	if withWindow && v.window != nil {
		t := v.all.Timeline
		return v.window.Overlaps(t.Start[i], t.Stop[i])
	}
	return true
}

// refilter applies the layers' switches and filters to both views and
// counts what is shown.
func (v *layersView) refilter() {
	c := counts{all: len(v.all.Layer)}
	shown, kept := make([]bool, c.all), make([]bool, c.all)
	perLayer := make([]int, len(v.layers))
	for i := range c.all {
		kept[i] = v.keep(i, false)
		if shown[i] = kept[i] && v.keep(i, true); shown[i] {
			c.shown++
			if lon := v.all.Map.Lon[i]; lon == lon {
				c.mapped++
				perLayer[v.all.Layer[i]]++
			}
		}
	}
	m := v.mapWidget.Model()
	m.Shown, m.Counts = shown, perLayer
	v.timelineWidget.Chart().Kept = kept
	v.status.SetText(c.String())
	v.mapWidget.Refresh()
	v.timelineWidget.Refresh()
}

// recolour gives each layer its chosen colour in both views.
func (v *layersView) recolour() {
	v.mapWidget.Colours = v.colour
	v.timelineWidget.Colours = v.colour
	v.mapWidget.Refresh()
	v.timelineWidget.Refresh()
}

// palette is the palette the views draw with now.
func layerTheme() draw.Theme { return palette.Layers(nil) }

// layerRow is a layer's line in the list: on or off, its colour (a tap
// takes the next one), its name and its counts.
func (v *layersView) layerRow(k int) fyne.CanvasObject {
	l := v.layers[k].file
	on := widget.NewCheck("", func(b bool) {
		v.visible[k] = b
		v.refilter()
	})
	on.SetChecked(true)
	dot := newSwatch(v.colour[k], 22)
	swatch := widget.NewButton("", func() {
		v.colour[k] = (v.colour[k] + 1) % len(layerTheme().Palette)
		dot.setSlot(v.colour[k])
		v.recolour()
	})
	swatchBox := container.NewGridWrap(fyne.NewSize(34, 34), container.NewStack(swatch, dot))
	name := widget.NewLabel(tabName(l))
	name.TextStyle.Bold = true
	name.Truncation = fyne.TextTruncateEllipsis
	facts := widget.NewLabel(eventFacts(l))
	facts.Importance = widget.LowImportance
	return container.NewBorder(nil, nil, container.NewHBox(on, swatchBox), facts, name)
}

// describe names combined event i for a tooltip, as its file does.
func (v *layersView) describe(i int) string {
	if i < 0 || i >= len(v.all.Layer) {
		return ""
	}
	return v.layers[v.all.Layer[i]].describe(int(v.all.Event[i]))
}

// selectEvent selects combined event i in both views and shows it in the
// card; from is the view it was selected in.
func (v *layersView) selectEvent(i int, from fyne.CanvasObject) {
	v.selected = i
	if from != fyne.CanvasObject(v.mapWidget) {
		v.mapWidget.Model().Selected = nil
		if i >= 0 {
			v.mapWidget.Model().Selected = map[int]bool{i: true}
			v.mapWidget.Reveal(i)
		}
		v.mapWidget.Refresh()
	}
	if from != fyne.CanvasObject(v.timelineWidget) {
		v.timelineWidget.Select(i)
	}
	if i < 0 {
		v.card.empty()
		v.openButton.Disable()
		return
	}
	v.card.show(v.layers[v.all.Layer[i]], int(v.all.Event[i]))
	v.openButton.Enable()
}

// typedKey: Esc clears the selection.
func (v *layersView) typedKey(e *fyne.KeyEvent) {
	if e.Name == fyne.KeyEscape {
		v.selectEvent(-1, nil)
	}
}

// CreateRenderer is part of fyne.Widget.
func (v *layersView) CreateRenderer() fyne.WidgetRenderer {
	title := widget.NewLabel(fmt.Sprintf(lang.L("All layers: %d files"), len(v.layers)))
	title.TextStyle.Bold = true
	title.SizeName = theme.SizeNameSubHeadingText
	hint := widget.NewLabel(lang.L("Each file's own filter applies here; switch layers on and off, tap a colour to change it."))
	hint.Importance = widget.LowImportance
	hint.Wrapping = fyne.TextWrapWord
	top := container.NewVBox(container.NewBorder(nil, nil, nil, v.status, title))
	views := container.NewHSplit(v.mapWidget, v.timelineWidget)
	views.Offset = splitOffset("split.views", 0.5)
	list := container.NewBorder(nil, hint, nil, nil, container.NewVScroll(v.rows))
	side := container.NewBorder(nil, container.NewHBox(v.openButton), nil, nil, v.card)
	lower := container.NewHSplit(list, side)
	lower.Offset = 0.55
	body := container.NewVSplit(views, lower)
	body.Offset = splitOffset("split.table", 0.6)
	return widget.NewSimpleRenderer(container.NewBorder(top, nil, nil, nil, body))
}
