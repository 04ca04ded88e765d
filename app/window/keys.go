package window

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
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

// show shows a dialog over the window and keeps it on the window's list
// of open dialogs until it closes, so that Esc can close the one on top.
func (w *Window) show(d dialog.Dialog) {
	w.dialogs = append(w.dialogs, d)
	d.SetOnClosed(func() {
		if k := slices.Index(w.dialogs, d); k >= 0 {
			w.dialogs = slices.Delete(w.dialogs, k, k+1)
		}
	})
	d.Show()
}

// closeDialog closes the dialog on top as its Cancel button would, and
// says whether there was one.
func (w *Window) closeDialog() bool {
	n := len(w.dialogs)
	if n == 0 {
		return false
	}
	switch d := w.dialogs[n-1].(type) {
	case *dialog.FileDialog:
		d.Dismiss() // answers the dialog's callback, as Cancel does
	default:
		d.Hide()
	}
	if len(w.dialogs) == n { // closed without saying so
		w.dialogs = w.dialogs[:n-1]
	}
	return true
}

// dialogEntry is a text box for a dialog: Esc in it closes the dialog.
func (w *Window) dialogEntry(multiLine bool) *escEntry {
	e := newEscEntry(func() { w.closeDialog() })
	e.MultiLine = multiLine
	return e
}
