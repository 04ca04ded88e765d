package window

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/widget"
)

// swatch is a dot in a palette colour, as the map and the timeline draw
// that colour: it takes the light or the dark palette's with the theme.
type swatch struct {
	widget.BaseWidget
	slot int // the palette's colour
	size float32
}

func newSwatch(slot int, size float32) *swatch {
	s := &swatch{slot: slot, size: size}
	s.ExtendBaseWidget(s)
	return s
}

// setSlot shows another colour of the palette.
func (s *swatch) setSlot(slot int) {
	s.slot = slot
	s.Refresh()
}

// CreateRenderer is part of fyne.Widget.
func (s *swatch) CreateRenderer() fyne.WidgetRenderer {
	dot := canvas.NewCircle(layerTheme().Category(s.slot))
	return &swatchRenderer{s: s, dot: dot}
}

type swatchRenderer struct {
	s   *swatch
	dot *canvas.Circle
}

func (r *swatchRenderer) Layout(size fyne.Size) {
	d := min(size.Width, size.Height, r.s.size)
	r.dot.Resize(fyne.NewSize(d, d))
	r.dot.Move(fyne.NewPos((size.Width-d)/2, (size.Height-d)/2))
}

func (r *swatchRenderer) MinSize() fyne.Size { return fyne.NewSize(r.s.size, r.s.size) }

// Refresh takes the colour again: the theme may have changed.
func (r *swatchRenderer) Refresh() {
	r.dot.FillColor = layerTheme().Category(r.s.slot)
	r.dot.Refresh()
}

func (r *swatchRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.dot} }
func (r *swatchRenderer) Destroy()                     {}
