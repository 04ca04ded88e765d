package window

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// headerCell is a header of the table: a tap on a column's header sorts
// the table by it.
type headerCell struct {
	widget.BaseWidget
	box   *fyne.Container
	col   int // the column it heads, -1 for the row numbers
	onTap func(col int)
}

func (h *headerCell) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(h.box) }

// Tapped sorts by the column.
func (h *headerCell) Tapped(*fyne.PointEvent) {
	if h.onTap != nil && h.col >= 0 {
		h.onTap(h.col)
	}
}

// newHeaderCell is the template of the table's header cells: the column's
// name in bold over its kind in small type. Row-number cells use the same
// template with the kind hidden.
func newHeaderCell(onTap func(col int)) fyne.CanvasObject {
	h := &headerCell{box: newHeaderBox(), col: -1, onTap: onTap}
	h.ExtendBaseWidget(h)
	return h
}

func newHeaderBox() *fyne.Container {
	name := widget.NewLabel("")
	name.TextStyle.Bold = true
	name.Truncation = fyne.TextTruncateEllipsis
	// The kind is a RichText because a Label cannot take the placeholder
	// colour, which is quieter than text yet more legible than "disabled".
	kind := widget.NewRichText(&widget.TextSegment{Style: widget.RichTextStyle{
		ColorName: theme.ColorNamePlaceHolder,
		SizeName:  theme.SizeNameCaptionText,
		Inline:    true,
	}})
	kind.Truncation = fyne.TextTruncateEllipsis
	return container.New(headerLayout{}, name, kind)
}

// updateHeaderCell fills a header template: id.Row < 0 is the header row,
// id.Col < 0 the row-number column.
func updateHeaderCell(g *grid, id widget.TableCellID, o fyne.CanvasObject) {
	h := o.(*headerCell)
	h.col = -1
	if id.Row < 0 {
		h.col = id.Col
	}
	c := h.box
	name, kind := c.Objects[0].(*widget.Label), c.Objects[1].(*widget.RichText)
	if id.Row < 0 && id.Col >= 0 {
		// Numbers are right-aligned in their cells, so are their headers.
		align := fyne.TextAlignLeading
		if g.numeric(id.Col) {
			align = fyne.TextAlignTrailing
		}
		seg := kind.Segments[0].(*widget.TextSegment)
		seg.Text, seg.Style.Alignment = g.caption(id.Col), align
		kind.Show()
		if g.oneLine {
			kind.Hide()
		}
		kind.Refresh()
		name.Alignment = align
		name.SetText(g.name(id.Col) + g.sortMark(id.Col))
		return
	}
	name.Alignment = fyne.TextAlignTrailing
	if id.Row >= 0 {
		name.SetText(thousands(g.frameRow(id.Row) + 1)) // data rows count from 1, as in problems
	} else {
		name.SetText("")
	}
	kind.Hide()
}

// headerHeight is the height of the two-line header row.
func headerHeight() float32 {
	c := newHeaderBox()
	return headerLayout{}.twoLines(c.Objects[0], c.Objects[1])
}

// headerLayout stacks the name over the kind. Its minimum is one line, so
// that row-number cells fit ordinary rows; the header row is made tall
// enough for both lines with SetRowHeight(-1, …).
type headerLayout struct{}

// overlap is how much of the labels' padding the two lines share, so that
// they read as one header rather than two rows.
func (headerLayout) overlap() float32 { return theme.InnerPadding() }

func (l headerLayout) twoLines(name, kind fyne.CanvasObject) float32 {
	return name.MinSize().Height + kind.MinSize().Height - l.overlap()
}

func (l headerLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	name, kind := objs[0], objs[1]
	nh := name.MinSize().Height
	if !kind.Visible() {
		name.Move(fyne.NewPos(0, (size.Height-nh)/2))
		name.Resize(fyne.NewSize(size.Width, nh))
		return
	}
	top := max(0, (size.Height-l.twoLines(name, kind))/2)
	name.Move(fyne.NewPos(0, top))
	name.Resize(fyne.NewSize(size.Width, nh))
	kind.Move(fyne.NewPos(0, top+nh-l.overlap()))
	kind.Resize(fyne.NewSize(size.Width, kind.MinSize().Height))
}

func (headerLayout) MinSize(objs []fyne.CanvasObject) fyne.Size { return objs[0].MinSize() }
