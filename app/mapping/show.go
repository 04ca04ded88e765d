package mapping

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"

	"chronomap/data/events"
	"chronomap/data/frame"
)

// dialogSize is the size the dialog asks for: room for about six columns
// and the ten preview rows, and never more than the window it opens over
// (1200×740 on a 1280×800 screen) leaves around it.
func dialogSize(window fyne.Size) fyne.Size {
	return fyne.NewSize(min(1040, window.Width-60), min(620, window.Height-60))
}

// Show opens the mapping dialog over parent for frame f, starting from
// mapping m. onDone gets the edited mapping and true on OK, or m as it came
// and false on Cancel or when the dialog is dismissed otherwise.
func Show(parent fyne.Window, f *frame.Frame, m events.Mapping, onDone func(events.Mapping, bool)) *dialog.ConfirmDialog {
	return show(parent, NewEditor(f, m), m, onDone)
}

// show opens the dialog around an editor of m.
func show(parent fyne.Window, e *Editor, m events.Mapping, onDone func(events.Mapping, bool)) *dialog.ConfirmDialog {
	orig := clone(m)
	d := dialog.NewCustomConfirm(title(e.frame.Source.Path), lang.L("OK"), lang.L("Cancel"), e, func(ok bool) {
		e.stop()
		if onDone == nil {
			return
		}
		if ok {
			onDone(e.Mapping(), true)
		} else {
			onDone(orig, false)
		}
	}, parent)
	d.Resize(dialogSize(parent.Canvas().Size()))
	d.Show()
	return d
}
