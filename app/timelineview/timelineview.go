// Package timelineview is the timeline's Fyne widget: it holds the
// timeline's window and turns pointer and keyboard input into changes of
// it; drawing is app/timeline's, into a canvas.Raster.
package timelineview

import (
	"image"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"chronomap/app/draw"
	"chronomap/app/palette"
	"chronomap/app/startup"
	"chronomap/app/timeline"
	"chronomap/app/tooltip"
)

// Timeline shows events in time. The wheel zooms about the pointer, a drag
// pans, a drag on the overview band brushes a new window, + and − zoom
// about the middle, the arrows pan, Home shows all and space plays the
// window through time.
type Timeline struct {
	widget.BaseWidget
	chart *timeline.Chart
	// OnWindow is called with the new window (Unix seconds) after each
	// zoom or pan, so that other views can follow it.
	OnWindow func(from, to float64)
	// Colours, when set, draws files shown together: category k is layer
	// k, in the layer colour Colours[k] (its chosen colour).
	Colours []int
	// OnSelect is called with the event clicked, or -1 when the click hit
	// none, so that other views can follow.
	OnSelect func(event int)
	// OnEscape is called when Esc is pressed while the timeline has the
	// keyboard: the window clears what Esc clears wherever the focus is.
	OnEscape func()
	// Describe names an event for the tooltip; nil gives its label and date.
	Describe func(event int) string

	width, height float64 // the raster's size in pixels, as of the last frame
	scale         float32 // canvas pixels per Fyne unit

	pressAt fyne.Position  // where the pointer went down
	brush   *timeline.Band // the overview band as it was when a brush began
	play    *playback      // nil when not playing
	tip     string         // what the pointer is over
	tipAt   fyne.Position
}

// MouseIn starts hovering.
func (t *Timeline) MouseIn(e *desktop.MouseEvent) { t.MouseMoved(e) }

// MouseMoved names the event under the pointer, with its date at the
// precision it is known.
func (t *Timeline) MouseMoved(e *desktop.MouseEvent) {
	tip := ""
	if id, ok := t.chart.At(float64(e.Position.X*t.scale), float64(e.Position.Y*t.scale)); ok {
		tip = t.chart.Describe(id)
		if t.Describe != nil {
			tip = t.Describe(id)
		}
	}
	if tip != t.tip || (tip != "" && e.Position != t.tipAt) {
		t.tip, t.tipAt = tip, e.Position
		t.Refresh()
	}
}

// MouseOut hides the tooltip.
func (t *Timeline) MouseOut() {
	if t.tip != "" {
		t.tip = ""
		t.Refresh()
	}
}

// MouseDown notes where a drag may start: on the overview band it brushes
// a new window, elsewhere it pans.
func (t *Timeline) MouseDown(e *desktop.MouseEvent) {
	t.pressAt = e.Position
	t.brush = nil
	if b, ok := t.chart.Overview(t.width, t.height); ok {
		y := float64(e.Position.Y * t.scale)
		if y >= b.Y0 && y <= b.Y1 {
			t.brush = &b
		}
	}
}

// MouseUp is part of desktop.Mouseable.
func (t *Timeline) MouseUp(*desktop.MouseEvent) {}

// New returns a timeline widget over a chart; an unset window is fitted to
// the events.
func New(c *timeline.Chart) *Timeline {
	if !(c.To > c.From) {
		c.Fit()
	}
	t := &Timeline{chart: c, scale: 1}
	t.ExtendBaseWidget(t)
	return t
}

// Chart returns the chart the widget shows.
func (t *Timeline) Chart() *timeline.Chart { return t.chart }

// SetWindow shows the span from to to, in Unix seconds, as a drag or the
// wheel would, and tells OnWindow.
func (t *Timeline) SetWindow(from, to float64) {
	t.chart.From, t.chart.To = from, to
	t.changed()
}

func (t *Timeline) changed() {
	t.Refresh()
	if t.OnWindow != nil {
		t.OnWindow(t.chart.From, t.chart.To)
	}
}

// Scrolled zooms about the pointer: a notch of the wheel is a quarter.
// Over the lane headers, when the lanes pass the bottom, it scrolls them.
func (t *Timeline) Scrolled(e *fyne.ScrollEvent) {
	x := float64(e.Position.X * t.scale)
	if x0, _ := t.chart.PlotSpan(t.width); x < x0 && t.chart.Overflow() > 0 {
		t.scrollLanes(-float64(e.Scrolled.DY * t.scale))
		return
	}
	t.chart.ZoomAt(t.width, x, math.Pow(1.25, float64(e.Scrolled.DY)/10))
	t.changed()
}

// scrollLanes moves the lanes up by dy pixels, within what there is.
func (t *Timeline) scrollLanes(dy float64) {
	if dy != 0 && t.chart.Overflow() > 0 {
		t.chart.Scroll = math.Max(0, math.Min(t.chart.Scroll+dy, t.chart.Overflow()))
		t.Refresh()
	}
}

// Dragged pans the window with the pointer (and the lanes up and down,
// when they pass the bottom), or, from the overview band, brushes the
// window: from where the drag began to where it is.
func (t *Timeline) Dragged(e *fyne.DragEvent) {
	if b := t.brush; b != nil {
		a, z := b.Time(float64(t.pressAt.X*t.scale)), b.Time(float64(e.Position.X*t.scale))
		if a > z {
			a, z = z, a
		}
		if z-a >= 60 {
			t.chart.From, t.chart.To = a, z
			t.changed()
		}
		return
	}
	t.chart.Pan(t.width, float64(e.Dragged.DX*t.scale))
	t.scrollLanes(-float64(e.Dragged.DY * t.scale))
	t.changed()
}

// DragEnd ends a pan.
func (t *Timeline) DragEnd() {}

// Tapped selects the event under the pointer (or clears the selection),
// widens the window on a click on a marker of the events outside it,
// and takes the keyboard focus, for the keys below.
func (t *Timeline) Tapped(e *fyne.PointEvent) {
	if a := fyne.CurrentApp(); a != nil {
		if c := a.Driver().CanvasForObject(t); c != nil {
			c.Focus(t)
		}
	}
	x, y := float64(e.Position.X*t.scale), float64(e.Position.Y*t.scale)
	if side, ok := t.chart.MoreAt(x, y); ok {
		// "← +3 earlier": out to those events.
		t.chart.Widen(side)
		t.changed()
		return
	}
	if lane, ok := t.chart.LaneAt(t.width, x, y); ok {
		// A click on a lane's header collapses it, or expands it again.
		if t.chart.Collapsed == nil {
			t.chart.Collapsed = map[int]bool{}
		}
		t.chart.Collapsed[lane] = !t.chart.Collapsed[lane]
		t.Refresh()
		return
	}
	sel := -1
	if id, ok := t.chart.At(x, y); ok {
		sel = id
	}
	t.Select(sel)
	if t.OnSelect != nil {
		t.OnSelect(sel)
	}
}

// Select marks one event as selected (-1 for none), as when another view
// selects it, and brings it into the window when it lies outside.
func (t *Timeline) Select(event int) {
	if event < 0 {
		t.chart.Selected = nil
		t.Refresh()
		return
	}
	t.chart.Selected = map[int]bool{event: true}
	if e := t.chart.Events; event < e.Len() {
		start, stop := float64(e.Start[event]), float64(e.Stop[event])
		if stop < t.chart.From || start > t.chart.To {
			span := t.chart.To - t.chart.From
			t.chart.From = (start+stop)/2 - span/2
			t.chart.To = t.chart.From + span
		}
	}
	t.Refresh()
}

// FocusGained and FocusLost make the timeline take keys once clicked.
func (t *Timeline) FocusGained() {}
func (t *Timeline) FocusLost()   {}

// TypedRune zooms with + and −.
func (t *Timeline) TypedRune(r rune) {
	x0, x1 := t.chart.PlotSpan(t.width)
	mid := (x0 + x1) / 2
	switch r {
	case '+', '=':
		t.chart.ZoomAt(t.width, mid, 1.5)
	case '-', '−':
		t.chart.ZoomAt(t.width, mid, 1/1.5)
	default:
		return
	}
	t.changed()
}

// TypedKey pans with the arrows, shows every event with Home, plays or
// pauses with the space bar, and passes Esc on.
func (t *Timeline) TypedKey(e *fyne.KeyEvent) {
	step := t.width / 8
	switch e.Name {
	case fyne.KeyEscape:
		if t.OnEscape != nil {
			t.OnEscape()
		}
		return
	case fyne.KeySpace:
		if t.Playing() {
			t.Pause()
		} else {
			t.Play(0.1, true)
		}
		return
	case fyne.KeyHome:
		t.chart.Fit()
	case fyne.KeyLeft:
		t.chart.Pan(t.width, step)
	case fyne.KeyRight:
		t.chart.Pan(t.width, -step)
	default:
		return
	}
	t.changed()
}

// CreateRenderer draws the chart into a raster at the widget's pixel size.
func (t *Timeline) CreateRenderer() fyne.WidgetRenderer {
	r := &renderer{t: t, tip: tooltip.New()}
	r.raster = canvas.NewRaster(r.draw)
	return r
}

type renderer struct {
	t      *Timeline
	raster *canvas.Raster
	tip    *tooltip.Tip
	size   fyne.Size
}

func (r *renderer) draw(w, h int) image.Image {
	t := r.t
	if r.size.Width > 0 {
		t.scale = float32(w) / r.size.Width
	}
	t.width, t.height = float64(w), float64(h)
	t.chart.Theme = palette.Current(nil)
	if t.Colours != nil {
		t.chart.Theme = palette.Layers(t.Colours)
	}
	s := draw.NewRaster(w, h, t.chart.Theme.Background)
	t.chart.Render(s)
	startup.Mark("timeline drawn")
	return s.Pixels
}

func (r *renderer) Layout(size fyne.Size) {
	r.size = size
	r.raster.Resize(size)
	r.tip.Show(r.t.tip, r.t.tipAt, size)
}

func (r *renderer) MinSize() fyne.Size { return fyne.NewSize(320, 160) }
func (r *renderer) Refresh() {
	r.tip.Show(r.t.tip, r.t.tipAt, r.size)
	r.raster.Refresh()
}

func (r *renderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.raster, r.tip.Object}
}
func (r *renderer) Destroy() {}
