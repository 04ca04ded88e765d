// Package mapping is the dialog in which the analyst checks and changes
// which column of a file plays which role: a preview of the first rows
// with, over each column, the role Chronomap chose for it and why, and a
// live count of what the mapping makes of the whole file.
//
// The Editor widget holds the mapping being edited; its renderers only
// place and draw it. Show puts an Editor in a dialog with OK and Cancel.
package mapping

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"chronomap/data/dates"
	"chronomap/data/events"
	"chronomap/data/frame"
)

// previewRows is how many rows the preview shows: enough to judge a
// column by, few enough to fit a dialog on a laptop screen.
const previewRows = 10

// Editor shows a frame's first rows under a menu of roles per column and
// counts the events the chosen mapping makes, recounting in the background
// as the roles change.
type Editor struct {
	widget.BaseWidget

	// OnChanged, when set, is called with the new mapping after each
	// change the user makes.
	OnChanged func(events.Mapping)
	// OnCounted, when set, is called with the counts of the current
	// mapping each time they arrive, e.g. to enable a button only when the
	// mapping makes events. Both run on the UI goroutine.
	OnCounted func(Counts)

	frame   *frame.Frame
	mapping events.Mapping
	counts  Counts
	known   bool // counts are those of mapping
	counter *counter

	roles     []*widget.Select // one per frame column
	order     *widget.RadioGroup
	orderNote *widget.Label
	orderBand *fyne.Container
	status    *widget.Label
	sheet     *sheet
	syncing   bool // menus are being set from the mapping, not by the user
}

// NewEditor returns an editor of mapping m for frame f; m itself is never
// changed. Counting starts when the editor is first shown.
func NewEditor(f *frame.Frame, m events.Mapping) *Editor {
	e := &Editor{frame: f, mapping: clone(m)}
	e.ExtendBaseWidget(e)
	e.counter = newCounter(f, e.setCounts)

	options := roleOptions()
	for _, col := range f.Names() {
		s := widget.NewSelect(options, nil)
		s.OnChanged = func(label string) {
			if !e.syncing {
				e.setRole(col, roleFromLabel(label))
			}
		}
		e.roles = append(e.roles, s)
	}
	e.order = widget.NewRadioGroup(orderLabels(), func(label string) {
		if !e.syncing {
			e.setOrder(label)
		}
	})
	e.order.Horizontal = true
	e.orderNote = widget.NewLabel("")
	e.orderBand = container.NewHBox(widget.NewIcon(theme.NewWarningThemedResource(theme.WarningIcon())), e.orderNote, e.order)
	e.orderBand.Hide()
	e.status = widget.NewLabel(countingLine())
	e.status.TextStyle.Bold = true // the answer to every change made above it
	e.sheet = newSheet(e)
	e.sync()
	return e
}

// Mapping returns the mapping as the user has left it, a copy.
func (e *Editor) Mapping() events.Mapping { return clone(e.mapping) }

// setRole gives column col role r (none for "") at the user's word.
func (e *Editor) setRole(col string, r events.Role) {
	m, err := withRole(e.frame, e.mapping, col, r)
	if err != nil { // the menus offer only the frame's own columns
		fyne.LogError("mapping: cannot set role", err)
	}
	e.mapping = m
	e.changed()
}

// setOrder records the order of day and month the user chose.
func (e *Editor) setOrder(label string) {
	e.mapping.Order = dates.Unknown // a second click clears the choice
	for i, l := range orderLabels() {
		if l == label {
			e.mapping.Order = orders[i]
		}
	}
	e.changed()
}

func (e *Editor) changed() {
	e.sync()
	e.recount()
	if e.OnChanged != nil {
		e.OnChanged(e.Mapping())
	}
}

// sync sets the menus from the mapping: a choice in one may have freed a
// column shown in another.
func (e *Editor) sync() {
	e.syncing = true
	defer func() { e.syncing = false }()
	for i, col := range e.frame.Names() {
		e.roles[i].SetSelected(roleLabel(e.mapping.RoleOf(col)))
	}
	sel := ""
	for i, o := range orders {
		if e.mapping.Order == o {
			sel = orderLabels()[i]
		}
	}
	e.order.SetSelected(sel)
	e.sheet.Refresh()
}

// recount marks the counts stale and asks for new ones.
func (e *Editor) recount() {
	e.known = false
	e.status.SetText(countingLine())
	e.counter.request(e.mapping)
}

// setCounts takes the counts of the current mapping.
func (e *Editor) setCounts(c Counts) {
	e.counts, e.known = c, true
	e.status.SetText(countsLine(c))
	if len(c.Ambiguous) > 0 {
		e.orderNote.SetText(orderNote(c.Ambiguous[0]))
		e.orderBand.Show()
	} else {
		e.orderBand.Hide()
	}
	e.Refresh() // the order choice came or went: lay out again
	if e.OnCounted != nil {
		e.OnCounted(c)
	}
}

// Counts returns the counts of the current mapping; ok is false while
// they are being worked out.
func (e *Editor) Counts() (c Counts, ok bool) { return e.counts, e.known }

// stop drops the counts still to come, once the editor is closed.
func (e *Editor) stop() { e.counter.stop() }

// CreateRenderer lays out the intro, the preview, the order choice and
// the counts line, and starts the first count.
func (e *Editor) CreateRenderer() fyne.WidgetRenderer {
	if !e.known {
		e.recount()
	}
	intro := widget.NewLabel(intro())
	intro.Truncation = fyne.TextTruncateEllipsis
	caption := widget.NewRichText(&widget.TextSegment{
		Text:  previewCaption(min(previewRows, e.frame.Rows()), e.frame.Rows()),
		Style: widget.RichTextStyle{ColorName: theme.ColorNamePlaceHolder, Inline: true},
	})
	top := container.NewBorder(nil, nil, nil, caption, intro)
	bottom := container.NewVBox(e.orderBand, e.status)
	return &editorRenderer{body: container.NewBorder(top, bottom, nil, nil, container.NewScroll(e.sheet))}
}

// editorRenderer lays out the editor's parts; unlike a simple renderer it
// lays them out again on Refresh, as the order choice comes and goes.
type editorRenderer struct{ body *fyne.Container }

func (r *editorRenderer) Layout(s fyne.Size)           { r.body.Resize(s) }
func (r *editorRenderer) MinSize() fyne.Size           { return r.body.MinSize() }
func (r *editorRenderer) Refresh()                     { r.body.Refresh() }
func (r *editorRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.body} }
func (r *editorRenderer) Destroy()                     {}
