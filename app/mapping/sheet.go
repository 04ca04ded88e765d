package mapping

import (
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"chronomap/data/frame"
)

// sheet is the preview: a column per frame column, headed by its name, its
// role menu and the reason for the role, over the first rows. It holds no
// state of its own; it draws the editor's.
type sheet struct {
	widget.BaseWidget
	e *Editor
}

func newSheet(e *Editor) *sheet {
	s := &sheet{e: e}
	s.ExtendBaseWidget(s)
	return s
}

// Column widths, before the padding on each side: wide enough for a role
// menu, no wider than a long date with its time, so that the columns of
// a wide file stay several to a screen.
const (
	maxColumnWidth = 220
	reasonLines    = 3 // a reason longer than this is cut with an ellipsis
)

func (s *sheet) CreateRenderer() fyne.WidgetRenderer {
	f := s.e.frame
	r := &sheetRenderer{s: s, header: canvas.NewRectangle(color.Transparent), rule: canvas.NewRectangle(color.Transparent)}
	r.rows = min(previewRows, f.Rows())
	for range r.rows {
		r.stripes = append(r.stripes, canvas.NewRectangle(color.Transparent))
	}
	n := len(f.Columns)
	r.names = make([]*canvas.Text, n)
	r.reasons = make([][]*canvas.Text, n)
	r.cells = make([][]*canvas.Text, n)
	r.lines = make([]*canvas.Rectangle, n)
	for i := range n {
		r.names[i] = canvas.NewText("", nil)
		r.names[i].TextStyle.Bold = true
		r.lines[i] = canvas.NewRectangle(color.Transparent)
		for range reasonLines {
			r.reasons[i] = append(r.reasons[i], canvas.NewText("", nil))
		}
		for range r.rows {
			r.cells[i] = append(r.cells[i], canvas.NewText("", nil))
		}
	}
	objs := []fyne.CanvasObject{r.header}
	for _, o := range r.stripes {
		objs = append(objs, o)
	}
	for _, o := range r.lines {
		objs = append(objs, o)
	}
	objs = append(objs, r.rule)
	for i := range n {
		objs = append(objs, r.names[i])
		for _, t := range r.reasons[i] {
			objs = append(objs, t)
		}
		for _, t := range r.cells[i] {
			objs = append(objs, t)
		}
	}
	for _, sel := range s.e.roles {
		objs = append(objs, sel)
	}
	r.objects = objs
	r.Refresh()
	return r
}

type sheetRenderer struct {
	s       *sheet
	rows    int // preview rows shown
	header  *canvas.Rectangle
	rule    *canvas.Rectangle   // under the header
	stripes []*canvas.Rectangle // behind every other row
	lines   []*canvas.Rectangle // left of each column but the first
	names   []*canvas.Text
	reasons [][]*canvas.Text // per column, one per line
	cells   [][]*canvas.Text // per column, one per row
	objects []fyne.CanvasObject

	// Set by Refresh from the theme and the texts.
	widths               []float32
	pad, inner           float32
	nameH, menuH, smallH float32
	rowH                 float32
	textSize, smallSize  float32
}

func (r *sheetRenderer) Destroy()                     {}
func (r *sheetRenderer) Objects() []fyne.CanvasObject { return r.objects }

// headerHeight is the height of the names, menus and reasons.
func (r *sheetRenderer) headerHeight() float32 {
	return r.pad + r.nameH + r.pad + r.menuH + r.pad + reasonLines*r.smallH + r.pad
}

func (r *sheetRenderer) MinSize() fyne.Size {
	w := float32(0)
	for _, cw := range r.widths {
		w += cw
	}
	// The room below the last row keeps the scroll bar off its text.
	return fyne.NewSize(w, r.headerHeight()+float32(r.rows)*r.rowH+2*r.pad)
}

// Refresh measures the columns and sets every text and colour from the
// editor's mapping and the theme.
func (r *sheetRenderer) Refresh() {
	th := r.s.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	e, f := r.s.e, r.s.e.frame
	r.pad, r.inner = th.Size(theme.SizeNamePadding), th.Size(theme.SizeNameInnerPadding)
	r.textSize, r.smallSize = th.Size(theme.SizeNameText), th.Size(theme.SizeNameCaptionText)
	bold := fyne.TextStyle{Bold: true}
	r.nameH = fyne.MeasureText("Ág", r.textSize, bold).Height
	r.smallH = fyne.MeasureText("Ág", r.smallSize, fyne.TextStyle{}).Height
	r.rowH = fyne.MeasureText("Ág", r.textSize, fyne.TextStyle{}).Height + 2*r.pad
	r.menuH = widget.NewSelect(roleOptions(), nil).MinSize().Height
	menuW := menuWidth(th)

	fg, dim := th.Color(theme.ColorNameForeground, v), th.Color(theme.ColorNamePlaceHolder, v)
	r.header.FillColor = th.Color(theme.ColorNameHeaderBackground, v)
	r.rule.FillColor = th.Color(theme.ColorNameSeparator, v)
	for j, s := range r.stripes {
		s.FillColor = color.Transparent
		if j%2 == 1 {
			s.FillColor = th.Color(theme.ColorNameInputBackground, v)
		}
	}

	r.widths = r.widths[:0]
	for i, c := range f.Columns {
		role := e.mapping.RoleOf(c.Name)
		w := max(menuW, fyne.MeasureText(c.Name, r.textSize, bold).Width)
		for j := range r.rows {
			w = max(w, fyne.MeasureText(cellText(f, j, i), r.textSize, fyne.TextStyle{}).Width)
		}
		w = min(w, maxColumnWidth)
		r.widths = append(r.widths, w+2*r.inner)

		r.names[i].Text = fit(c.Name, w, r.textSize, bold)
		r.names[i].TextSize, r.names[i].Color = r.textSize, fg
		r.lines[i].FillColor = th.Color(theme.ColorNameSeparator, v)
		why := ""
		if role != "" {
			why = e.mapping.Why[role]
		}
		lines := wrap(why, w, r.smallSize, reasonLines)
		for k, t := range r.reasons[i] {
			t.Text = ""
			if k < len(lines) {
				t.Text = lines[k]
			}
			t.TextSize, t.Color = r.smallSize, dim
		}
		// Columns that play no role are drawn faint, so the eye finds
		// the ones that make the events.
		color := fg
		if role == "" {
			color = dim
		}
		for j, t := range r.cells[i] {
			t.Text = fit(cellText(f, j, i), w, r.textSize, fyne.TextStyle{})
			t.TextSize, t.Color = r.textSize, color
			t.Alignment = fyne.TextAlignLeading
			if c.Kind != frame.Text {
				t.Alignment = fyne.TextAlignTrailing
			}
		}
	}
	r.Layout(r.s.Size())
	canvas.Refresh(r.s)
}

// Layout places the columns side by side from the left; the size given
// is ignored beyond the stripes' width, since the sheet scrolls.
func (r *sheetRenderer) Layout(size fyne.Size) {
	min := r.MinSize()
	width := max(size.Width, min.Width)
	hh := r.headerHeight()
	sep := float32(1)

	r.header.Move(fyne.NewPos(0, 0))
	r.header.Resize(fyne.NewSize(width, hh))
	r.rule.Move(fyne.NewPos(0, hh-sep))
	r.rule.Resize(fyne.NewSize(width, sep))
	for j, s := range r.stripes {
		s.Move(fyne.NewPos(0, hh+float32(j)*r.rowH))
		s.Resize(fyne.NewSize(width, r.rowH))
	}
	x := float32(0)
	for i, w := range r.widths {
		r.lines[i].Move(fyne.NewPos(x, 0))
		r.lines[i].Resize(fyne.NewSize(sep, min.Height))
		if i == 0 {
			r.lines[i].Resize(fyne.Size{})
		}
		inner := w - 2*r.inner
		y := r.pad
		r.names[i].Move(fyne.NewPos(x+r.inner, y))
		r.names[i].Resize(fyne.NewSize(inner, r.nameH))
		y += r.nameH + r.pad
		r.s.e.roles[i].Move(fyne.NewPos(x+r.pad, y))
		r.s.e.roles[i].Resize(fyne.NewSize(w-2*r.pad, r.menuH))
		y += r.menuH + r.pad
		for k, t := range r.reasons[i] {
			t.Move(fyne.NewPos(x+r.inner, y+float32(k)*r.smallH))
			t.Resize(fyne.NewSize(inner, r.smallH))
		}
		for j, t := range r.cells[i] {
			t.Move(fyne.NewPos(x+r.inner, hh+float32(j)*r.rowH+r.pad))
			t.Resize(fyne.NewSize(inner, r.rowH-2*r.pad))
		}
		x += w
	}
}

// cellText is a cell of the preview on one line.
func cellText(f *frame.Frame, row, col int) string {
	s := f.Text(row, col)
	if strings.ContainsAny(s, "\r\n\t") {
		s = strings.Join(strings.Fields(s), " ")
	}
	return s
}

// menuWidth is the width a role menu needs to show its longest choice.
func menuWidth(th fyne.Theme) float32 {
	w := float32(0)
	for _, o := range roleOptions() {
		w = max(w, fyne.MeasureText(o, th.Size(theme.SizeNameText), fyne.TextStyle{}).Width)
	}
	inner := th.Size(theme.SizeNameInnerPadding)
	return w + 4*inner + th.Size(theme.SizeNameInlineIcon)
}

// fit returns s, cut with an ellipsis if it is wider than width.
func fit(s string, width, size float32, style fyne.TextStyle) string {
	if fyne.MeasureText(s, size, style).Width <= width {
		return s
	}
	rs := []rune(s)
	lo, hi := 0, len(rs) // the longest prefix that fits with its ellipsis
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if fyne.MeasureText(string(rs[:mid])+"…", size, style).Width <= width {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return strings.TrimRight(string(rs[:lo]), " ") + "…"
}

// wrap breaks s into at most maxLines lines no wider than width, at
// spaces; the last line is cut with an ellipsis when words are left over.
func wrap(s string, width, size float32, maxLines int) []string {
	var lines []string
	line := ""
	words := strings.Fields(s)
	for k, w := range words {
		try := w
		if line != "" {
			try = line + " " + w
		}
		if fyne.MeasureText(try, size, fyne.TextStyle{}).Width <= width || line == "" {
			line = try
			continue
		}
		if len(lines) == maxLines-1 {
			lines = append(lines, fit(strings.Join(append([]string{line}, words[k:]...), " "), width, size, fyne.TextStyle{}))
			return lines
		}
		lines = append(lines, fit(line, width, size, fyne.TextStyle{}))
		line = w
	}
	if line != "" {
		lines = append(lines, fit(line, width, size, fyne.TextStyle{}))
	}
	return lines
}
