package window

import (
	"fmt"
	"time"

	"chronomap/data/dataset"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// loadBar is the strip at the foot of the window while files load: what is
// being done, a progress bar, and Cancel. It is blank when nothing loads,
// except to say that a load was cancelled; blank, it keeps its height, so
// that a line coming and going never moves the views above it (nor
// changes the map's zoom).
type loadBar struct {
	widget.BaseWidget
	text   *widget.Label
	bar    *widget.ProgressBar
	cancel *widget.Button
	last   Progress
}

func newLoadBar(cancel func()) *loadBar {
	b := &loadBar{text: widget.NewLabel(""), bar: widget.NewProgressBar()}
	b.text.Truncation = fyne.TextTruncateEllipsis
	b.cancel = widget.NewButtonWithIcon(lang.L("Cancel"), theme.CancelIcon(), cancel)
	b.ExtendBaseWidget(b)
	b.blank()
	return b
}

// blank empties the strip, keeping its place.
func (b *loadBar) blank() {
	b.text.SetText("")
	b.bar.Hide()
	b.cancel.Hide()
}

// MinSize is part of fyne.Widget: the height of a line with its Cancel
// button, shown or not.
func (b *loadBar) MinSize() fyne.Size {
	m := b.BaseWidget.MinSize()
	return fyne.NewSize(m.Width, max(m.Height, b.cancel.MinSize().Height, b.bar.MinSize().Height))
}

// start shows that a file begins to load.
func (b *loadBar) start(file string) {
	b.show(Progress{File: file})
}

// show updates the bar with how far a load has come.
func (b *loadBar) show(p Progress) {
	b.last = p
	b.text.SetText(p.String())
	b.bar.SetValue(p.Fraction())
	b.bar.Show()
	b.cancel.Show()
}

// cancelled says the load of file was stopped; the message stays until the
// next load.
func (b *loadBar) cancelled(file string) {
	b.text.SetText(fmt.Sprintf(lang.L("Loading cancelled: %s"), file))
	b.bar.Hide()
	b.cancel.Hide()
}

// note shows a line of news (a scene captured, an export written) for a
// few seconds; "" hides it.
func (b *loadBar) note(text string) {
	if b.cancel.Visible() && b.bar.Visible() {
		return // a load is under way: its progress comes first
	}
	b.last = Progress{File: text, Progress: dataset.Progress{Stage: dataset.Done}}
	b.text.SetText(text)
	b.bar.Hide()
	b.cancel.Hide()
	if text == "" {
		return
	}
	shown := b.last
	time.AfterFunc(6*time.Second, func() {
		fyne.Do(func() {
			if b.last == shown {
				b.blank()
			}
		})
	})
}

// finished says how long the last file took; the line stays a few
// seconds once nothing else loads.
func (b *loadBar) finished(p Progress) {
	b.last = p
	b.text.SetText(p.String())
	b.bar.SetValue(1)
}

// idle hides the bar a few seconds after every file has loaded; a message
// that a load was cancelled stays until the next load.
func (b *loadBar) idle() {
	if !b.cancel.Visible() {
		return
	}
	b.cancel.Hide()
	shown := b.last
	time.AfterFunc(4*time.Second, func() {
		fyne.Do(func() {
			if b.last == shown && !b.cancel.Visible() {
				b.blank()
			}
		})
	})
}

// CreateRenderer is part of fyne.Widget.
func (b *loadBar) CreateRenderer() fyne.WidgetRenderer {
	bar := container.NewGridWrap(fyne.NewSize(280, b.bar.MinSize().Height), b.bar)
	return widget.NewSimpleRenderer(container.NewBorder(nil, nil, nil, container.NewHBox(bar, b.cancel), b.text))
}
