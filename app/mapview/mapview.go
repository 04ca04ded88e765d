// Package mapview is the map's Fyne widget: it holds the map's state (the
// view, the selection) and turns pointer and keyboard input into changes of
// it; drawing is app/worldmap's, into a canvas.Raster.
package mapview

import (
	"image"
	"math"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/paulmach/orb"

	"chronomap/app/draw"
	"chronomap/app/palette"
	"chronomap/app/startup"
	"chronomap/app/tooltip"
	"chronomap/app/worldmap"
	"chronomap/data/dataset"
)

// Map shows events on the world map. Drag pans, the wheel zooms about the
// pointer, + and − zoom about the centre, Home fits the events, a click
// selects the marker under it and hovering names it.
type Map struct {
	widget.BaseWidget
	model *worldmap.Map
	// OnSelect is called with the event clicked (or -1 when the click hit
	// no marker), so that other views can follow.
	OnSelect func(event int)
	// Describe names an event for the tooltip; nil shows its label.
	Describe func(event int) string
	// OnBoxSelect is called with the events inside a shift-drag box.
	OnBoxSelect func(events []int)
	// OnArea, when set, is called instead with the place on Earth the box
	// covers, which a filter can keep and the map outline.
	OnArea func(area *dataset.Box)
	// OnEscape is called when Esc is pressed while the map has the
	// keyboard: the window clears what Esc clears wherever the focus is.
	OnEscape func()
	// Colours, when set, draws files shown together: category k is layer
	// k, in the layer colour Colours[k] (its chosen colour).
	Colours []int

	boxing   bool          // a shift-drag is drawing a selection box
	boxFrom  fyne.Position // where it started
	boxTo    fyne.Position
	pressAt  fyne.Position
	shiftNow bool

	tip    string
	tipAt  fyne.Position
	fitted bool
	moved  bool // the user has panned or zoomed: a resize keeps their view
	// settle draws the map sharp once a zoom has rested, through do:
	// fyne.Do, or in tests a queue the test drains, since the test driver
	// runs fyne.Do's functions on the calling goroutine.
	settle *time.Timer
	do     func(func())
	// want is a view asked for before the widget knew its size (a
	// workspace being opened), set at the next frame.
	want *struct {
		center orb.Point
		zoom   float64
	}
	scale float32 // canvas pixels per Fyne unit, as of the last frame
}

// New returns a map widget over a map model. The model's view is refitted
// to the widget's size the first time it is drawn.
func New(m *worldmap.Map) *Map {
	w := &Map{model: m, scale: 1, do: fyne.Do}
	w.ExtendBaseWidget(w)
	// A zoom's basemap is drawn in the background, the frames rescaling
	// the last sharp one until it is ready: the UI never waits the
	// 50-100 ms the countries take to draw at a new scale.
	m.Redraw = func() { fyne.Do(w.Refresh) }
	return w
}

// Model returns the map the widget shows.
func (w *Map) Model() *worldmap.Map { return w.model }

// CreateRenderer builds the raster the map is drawn into and the tooltip.
func (w *Map) CreateRenderer() fyne.WidgetRenderer {
	r := &renderer{w: w}
	r.raster = canvas.NewRaster(r.draw)
	r.tip = tooltip.New()
	r.box = canvas.NewRectangle(theme.Color(theme.ColorNameSelection))
	r.box.StrokeColor = theme.Color(theme.ColorNamePrimary)
	r.box.StrokeWidth = 1.5
	r.box.Hide()
	return r
}

// pixel turns a position in the widget into a raster pixel.
func (w *Map) pixel(p fyne.Position) orb.Point {
	return orb.Point{float64(p.X * w.scale), float64(p.Y * w.scale)}
}

// MouseDown notes whether shift is held, which turns the drag that may
// follow into a box selection.
func (w *Map) MouseDown(e *desktop.MouseEvent) {
	w.shiftNow = e.Modifier&fyne.KeyModifierShift != 0
	w.pressAt = e.Position
}

// MouseUp is part of desktop.Mouseable.
func (w *Map) MouseUp(*desktop.MouseEvent) {}

// Dragged pans the map with the pointer, or with shift held draws a
// selection box.
func (w *Map) Dragged(e *fyne.DragEvent) {
	if w.shiftNow {
		if !w.boxing {
			w.boxing, w.boxFrom = true, w.pressAt
		}
		w.boxTo = e.Position
		w.Refresh()
		return
	}
	w.model.View = w.model.View.Pan(float64(e.Dragged.DX*w.scale), float64(e.Dragged.DY*w.scale))
	w.moved = true
	w.tip = ""
	w.Refresh()
}

// DragEnd ends a pan, or selects the events inside the box.
func (w *Map) DragEnd() {
	if !w.boxing {
		return
	}
	w.boxing = false
	a, b := w.pixel(w.boxFrom), w.pixel(w.boxTo)
	box := orb.Bound{Min: a, Max: a}.Extend(b)
	sel := w.model.In(box)
	w.model.Selected = make(map[int]bool, len(sel))
	for _, i := range sel {
		w.model.Selected[i] = true
	}
	w.Refresh()
	switch {
	case w.OnArea != nil:
		w.OnArea(w.model.View.Area(box))
	case w.OnBoxSelect != nil:
		w.OnBoxSelect(sel)
	}
}

// Scrolled zooms about the pointer: a notch of the wheel is a quarter.
func (w *Map) Scrolled(e *fyne.ScrollEvent) {
	factor := math.Pow(1.25, float64(e.Scrolled.DY)/10)
	w.model.View = w.model.View.ZoomAt(w.pixel(e.Position), factor)
	w.moved = true
	w.zooming()
	w.Refresh()
}

// settleAfter is how long a zoom must rest before the map is drawn sharp
// again: while the wheel turns, frames rescale the last sharp basemap.
const settleAfter = 150 * time.Millisecond

// zooming marks the view as moving until the zoom has rested.
func (w *Map) zooming() {
	w.model.Moving = true
	if w.settle != nil {
		w.settle.Reset(settleAfter)
		return
	}
	w.settle = time.AfterFunc(settleAfter, func() {
		w.do(func() {
			w.model.Moving = false
			w.Refresh()
		})
	})
}

// Tapped selects the marker under the pointer, or clears the selection.
func (w *Map) Tapped(e *fyne.PointEvent) {
	if c := fyne.CurrentApp(); c != nil {
		if d := c.Driver(); d != nil {
			if cv := d.CanvasForObject(w); cv != nil {
				cv.Focus(w)
			}
		}
	}
	hit, ok := w.model.At(w.pixel(e.Position))
	sel := -1
	if ok {
		sel = hit.Event
		w.model.Selected = map[int]bool{hit.Event: true}
	} else {
		w.model.Selected = nil
	}
	w.Refresh()
	if w.OnSelect != nil {
		w.OnSelect(sel)
	}
}

// MouseIn starts hovering.
func (w *Map) MouseIn(e *desktop.MouseEvent) { w.MouseMoved(e) }

// MouseMoved names the marker under the pointer.
func (w *Map) MouseMoved(e *desktop.MouseEvent) {
	tip := ""
	if hit, ok := w.model.At(w.pixel(e.Position)); ok {
		tip = w.describe(hit.Event)
		if hit.Count > 1 {
			tip = tip + " — and " + strconv.Itoa(hit.Count-1) + " more here"
		}
	}
	if tip != w.tip || (tip != "" && e.Position != w.tipAt) {
		w.tip, w.tipAt = tip, e.Position
		w.Refresh()
	}
}

// MouseOut hides the tooltip.
func (w *Map) MouseOut() {
	if w.tip != "" {
		w.tip = ""
		w.Refresh()
	}
}

func (w *Map) describe(i int) string {
	if w.Describe != nil {
		return w.Describe(i)
	}
	if e := w.model.Events; e != nil && i < len(e.Label) {
		return e.Label[i]
	}
	return ""
}

// FocusGained and FocusLost make the map take keys once clicked.
func (w *Map) FocusGained() {}
func (w *Map) FocusLost()   {}

// TypedRune zooms with + and −.
func (w *Map) TypedRune(r rune) {
	c := orb.Point{float64(w.model.View.Width) / 2, float64(w.model.View.Height) / 2}
	switch r {
	case '+', '=':
		w.model.View = w.model.View.ZoomAt(c, 1.5)
	case '-', '−':
		w.model.View = w.model.View.ZoomAt(c, 1/1.5)
	default:
		return
	}
	w.moved = true
	w.zooming()
	w.Refresh()
}

// TypedKey fits the events with Home, pans with the arrows and passes Esc
// on.
func (w *Map) TypedKey(e *fyne.KeyEvent) {
	step := float64(w.model.View.Width) / 8
	switch e.Name {
	case fyne.KeyEscape:
		if w.OnEscape != nil {
			w.OnEscape()
		}
		return
	case fyne.KeyHome:
		w.fitted, w.moved = false, false
	case fyne.KeyLeft:
		w.model.View = w.model.View.Pan(step, 0)
	case fyne.KeyRight:
		w.model.View = w.model.View.Pan(-step, 0)
	case fyne.KeyUp:
		w.model.View = w.model.View.Pan(0, step)
	case fyne.KeyDown:
		w.model.View = w.model.View.Pan(0, -step)
	default:
		return
	}
	if e.Name != fyne.KeyHome {
		w.moved = true
	}
	w.Refresh()
}

// Fit shows all the events again.
func (w *Map) Fit() {
	w.fitted, w.moved = false, false
	w.Refresh()
}

// fit sets the view to show every event at the given size.
func (w *Map) fit(width, height int) {
	w.model.FitEvents(width, height)
	w.fitted = true
}

type renderer struct {
	w      *Map
	raster *canvas.Raster
	box    *canvas.Rectangle
	tip    *tooltip.Tip
	size   fyne.Size
}

// draw renders the map at the raster's pixel size, keeping the view's
// centre and scale when the size changes.
func (r *renderer) draw(width, height int) image.Image {
	w := r.w
	if r.size.Width > 0 {
		w.scale = float32(width) / r.size.Width
	}
	v := &w.model.View
	if w.want != nil && v.Projection.Forward != nil {
		v.Width, v.Height = width, height
		*v = v.Centred(w.want.center, w.want.zoom)
		w.want, w.fitted, w.moved = nil, true, true
	}
	if !w.fitted || v.Projection.Forward == nil || (!w.moved && (v.Width != width || v.Height != height)) {
		if v.Projection.Forward == nil {
			v.Projection = worldmap.EqualEarth
		}
		w.fit(width, height)
	}
	v.Width, v.Height = width, height
	// The map follows the window's light or dark theme.
	w.model.Theme = palette.Current(nil)
	if w.Colours != nil {
		w.model.Theme = palette.Layers(w.Colours)
	}
	s := draw.NewRaster(width, height, w.model.Theme.Background)
	w.model.Render(s)
	startup.Mark("map drawn")
	return s.Pixels
}

func (r *renderer) Layout(size fyne.Size) {
	r.size = size
	r.raster.Resize(size)
	r.layoutTip()
}

func (r *renderer) layoutTip() {
	r.tip.Show(r.w.tip, r.w.tipAt, r.size)
}

func (r *renderer) MinSize() fyne.Size { return fyne.NewSize(320, 200) }

func (r *renderer) Refresh() {
	r.layoutTip()
	if w := r.w; w.boxing {
		x0, y0 := min(w.boxFrom.X, w.boxTo.X), min(w.boxFrom.Y, w.boxTo.Y)
		r.box.Move(fyne.NewPos(x0, y0))
		r.box.Resize(fyne.NewSize(abs32(w.boxTo.X-w.boxFrom.X), abs32(w.boxTo.Y-w.boxFrom.Y)))
		r.box.Show()
		r.box.Refresh()
		return // the map itself does not change while a box is drawn
	}
	r.box.Hide()
	r.raster.Refresh()
}

func abs32(v float32) float32 {
	if v < 0 {
		return -v
	}
	return v
}

func (r *renderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.raster, r.box, r.tip.Object}
}
func (r *renderer) Destroy() {}

// Reveal brings event i into view, centring the map on it when it lies
// outside, as when another view selects it; the zoom stays.
func (w *Map) Reveal(i int) {
	e := w.model.Events
	if e == nil || i < 0 || i >= len(e.Lon) || math.IsNaN(e.Lon[i]) || math.IsNaN(e.Lat[i]) || !w.fitted {
		return
	}
	v := w.model.View
	p := v.Pixel(orb.Point{e.Lon[i], e.Lat[i]})
	margin := 24.0
	if p[0] >= margin && p[1] >= margin && p[0] <= float64(v.Width)-margin && p[1] <= float64(v.Height)-margin {
		return
	}
	w.model.View = v.Pan(float64(v.Width)/2-p[0], float64(v.Height)/2-p[1])
	w.moved = true
	w.Refresh()
}

// SetProjection shows the map in another projection, fitted to the events.
func (w *Map) SetProjection(p worldmap.Projection) {
	if w.model.View.Projection.Name == p.Name {
		return
	}
	w.model.View.Projection = p
	w.Fit()
}

// SetView centres the map on a longitude/latitude point at a zoom relative
// to the whole world (worldmap.Viewport.WorldZoom), at the next frame,
// when the widget knows its size.
func (w *Map) SetView(center orb.Point, zoom float64) {
	w.want = &struct {
		center orb.Point
		zoom   float64
	}{center, zoom}
	w.Refresh()
}

// View is the map's centre (longitude, latitude) and zoom relative to the
// whole world; ok is false while the map has not been drawn or still fits
// the events as first shown.
func (w *Map) View() (center orb.Point, zoom float64, ok bool) {
	if w.want != nil {
		return w.want.center, w.want.zoom, true
	}
	v := w.model.View
	if !w.fitted || !w.moved || v.Width == 0 {
		return orb.Point{}, 0, false
	}
	return v.LonLat(orb.Point{float64(v.Width) / 2, float64(v.Height) / 2}), v.WorldZoom(), true
}
