// Package tooltip is the small label views show beside the pointer to
// name what is under it.
package tooltip

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Tip is a tooltip inside a widget: the widget puts Object among its
// renderer's objects and calls Show or Hide as the pointer moves.
type Tip struct {
	Object *fyne.Container
	bg     *canvas.Rectangle
	text   *widget.Label
}

// New returns a hidden tooltip.
func New() *Tip {
	t := &Tip{text: widget.NewLabel("")}
	t.bg = canvas.NewRectangle(theme.Color(theme.ColorNameOverlayBackground))
	t.bg.CornerRadius = theme.InputRadiusSize()
	t.Object = container.NewStack(t.bg, t.text)
	t.Object.Hide()
	return t
}

// Show writes text near the pointer at at, inside a widget of the given
// size: below and right of the pointer, or on the other side where it
// would run out. Empty text hides the tip.
func (t *Tip) Show(text string, at fyne.Position, size fyne.Size) {
	if text == "" {
		t.Hide()
		return
	}
	t.bg.FillColor = theme.Color(theme.ColorNameOverlayBackground)
	t.text.SetText(text)
	m := t.Object.MinSize()
	pos := at.Add(fyne.NewPos(14, 14))
	if pos.X+m.Width > size.Width {
		pos.X = at.X - m.Width - 8
	}
	if pos.Y+m.Height > size.Height {
		pos.Y = at.Y - m.Height - 8
	}
	// Wider than either side: keep it inside the widget, which clips.
	pos.X = max(0, min(pos.X, size.Width-m.Width))
	pos.Y = max(0, pos.Y)
	t.Object.Move(pos)
	t.Object.Resize(m)
	t.Object.Show()
}

// Hide hides the tip.
func (t *Tip) Hide() { t.Object.Hide() }
