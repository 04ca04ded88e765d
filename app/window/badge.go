package window

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// badge is a short label on a coloured pill, used to mark sample data so
// that nobody takes it for a real dataset. It uses the theme's warning
// colour, which both the light and the dark theme define with a readable
// foreground.
type badge struct {
	widget.BaseWidget
	Text string
}

func newBadge(text string) *badge {
	b := &badge{Text: text}
	b.ExtendBaseWidget(b)
	return b
}

// CreateRenderer is part of fyne.Widget.
func (b *badge) CreateRenderer() fyne.WidgetRenderer {
	r := &badgeRenderer{b: b, pill: canvas.NewRectangle(color.Transparent), text: canvas.NewText("", color.Black)}
	r.text.TextStyle.Bold = true
	r.Refresh()
	return r
}

// badgeRenderer draws a badge; it holds no state of its own beyond the
// canvas objects.
type badgeRenderer struct {
	b    *badge
	pill *canvas.Rectangle
	text *canvas.Text
}

func (r *badgeRenderer) padding() fyne.Size {
	p := r.b.Theme().Size(theme.SizeNameInnerPadding)
	return fyne.NewSize(p, p/3)
}

func (r *badgeRenderer) Layout(size fyne.Size) {
	r.pill.Resize(size)
	t := r.text.MinSize()
	r.text.Move(fyne.NewPos((size.Width-t.Width)/2, (size.Height-t.Height)/2))
	r.text.Resize(t)
}

func (r *badgeRenderer) MinSize() fyne.Size {
	p := r.padding()
	return r.text.MinSize().AddWidthHeight(2*p.Width, 2*p.Height)
}

func (r *badgeRenderer) Refresh() {
	th := r.b.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	r.text.Text = r.b.Text
	r.text.Color = th.Color(theme.ColorNameForegroundOnWarning, v)
	r.text.TextSize = th.Size(theme.SizeNameText)
	r.pill.FillColor = th.Color(theme.ColorNameWarning, v)
	r.pill.CornerRadius = r.MinSize().Height / 2
	r.pill.Refresh()
	r.text.Refresh()
}

func (r *badgeRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.pill, r.text} }

func (r *badgeRenderer) Destroy() {}
