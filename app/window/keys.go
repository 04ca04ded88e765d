package window

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// Esc clears wherever the keyboard is. A focused widget takes the keys
// before the window does, and Fyne's table and entry ignore Esc, so the
// widgets that take the keyboard in a file's view pass it on: these two
// wrap Fyne's, and the map and the timeline have OnEscape of their own.

// escTable is a table that passes Esc on.
type escTable struct {
	widget.Table
	onEscape func()
}

// TypedKey is part of fyne.Focusable.
func (t *escTable) TypedKey(e *fyne.KeyEvent) {
	if e.Name == fyne.KeyEscape && t.onEscape != nil {
		t.onEscape()
		return
	}
	t.Table.TypedKey(e)
}

// escEntry is a text box that passes Esc on, and lets go of the keyboard
// so that the arrows step through the events again.
type escEntry struct {
	widget.Entry
	onEscape func()
}

func newEscEntry(onEscape func()) *escEntry {
	e := &escEntry{onEscape: onEscape}
	e.Wrapping = fyne.TextWrap(fyne.TextTruncateClip) // as widget.NewEntry
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey is part of fyne.Focusable.
func (e *escEntry) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape && e.onEscape != nil {
		if c := fyne.CurrentApp().Driver().CanvasForObject(e); c != nil {
			c.Unfocus()
		}
		e.onEscape()
		return
	}
	e.Entry.TypedKey(k)
}
