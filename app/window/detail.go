package window

import (
	"fmt"
	"math"
	"net/url"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"chronomap/data/events"
)

// field is one line of an event's details: a name and its value.
type field struct {
	Name, Value string
	Role        string // the role the column plays, for a column's field
}

// eventFields says what is known of event i and how it was read: its
// title; when, at the precision known and from which column; where, and
// whether from coordinates or found by name and how surely; then every
// column of its row.
func (v *fileView) eventFields(i int) (title string, head, cols []field) {
	x, f := v.file.index(), v.file.frame()
	if x == nil || i < 0 || i >= x.Len() {
		return "", nil, nil
	}
	row := int(x.Row[i])
	m := v.file.Data.Mapping
	col := func(r events.Role) string {
		for _, c := range m.Get(r) {
			if k := f.Col(c); k >= 0 {
				if t := f.Text(row, k); t != "" {
					return t
				}
			}
		}
		return ""
	}
	title = col(events.Title)
	if title == "" {
		title = fmt.Sprintf(lang.L("Event in row %s"), thousands(row+1))
	}
	when := x.StartTime(i).String() + " (" + precisionName(x.StartTime(i).Prec) + ")"
	if end := x.EndTime(i); !end.IsZero() {
		when += " " + lang.L("to") + " " + end.String() + " (" + precisionName(end.Prec) + ")"
	}
	if c := m.Get(events.Start); len(c) > 0 {
		when += ", " + fmt.Sprintf(lang.L("read from %s"), strings.Join(c, " + "))
	}
	head = append(head, field{Name: lang.L("When"), Value: when})
	where := lang.L("not placed")
	if x.IsLocated(i) {
		where = fmt.Sprintf("%.4f, %.4f", x.Lat[i], x.Lon[i])
		if p := col(events.Place); p != "" {
			where = p + " (" + where + ")"
		}
		how := lang.L("coordinates in the file")
		if x.How != nil {
			switch x.How[i] {
			case events.ByPlace:
				how = fmt.Sprintf(lang.L("found by place name, %s%% sure"), thousands(int(math.Round(float64(x.Confidence[i])*100))))
			case events.ByCountry:
				how = lang.L("at its country's centre: only the country is known")
			}
		}
		where += "; " + how
	}
	head = append(head, field{Name: lang.L("Where"), Value: where})
	head = append(head, field{Name: lang.L("Row"), Value: thousands(row + 1)})
	for k, name := range f.Names() {
		cols = append(cols, field{Name: name, Value: v.grid.value(row, k), Role: v.file.roles()[name]})
	}
	return title, head, cols
}

// eventDetail is the event's details on one line, as tests and the
// clipboard read them: "Row 3 · Title · When: … · Where: … · source: ISW".
func (v *fileView) eventDetail(i int) string {
	title, head, cols := v.eventFields(i)
	if title == "" {
		return ""
	}
	parts := []string{title}
	for _, f := range head {
		parts = append(parts, f.Name+": "+f.Value)
	}
	for _, f := range cols {
		if f.Role != "" && f.Value != "" {
			parts = append(parts, roleName(f.Role)+": "+f.Value)
		}
	}
	return strings.Join(parts, " · ")
}

// detailCard is the panel beside the table with the selected event in
// full: what the table shows cut short, and how its date and place were
// read.
type detailCard struct {
	widget.BaseWidget
	box    *fyne.Container
	scroll *container.Scroll
	text   string // the details on one line, for tests
}

func newDetailCard() *detailCard {
	c := &detailCard{box: container.NewVBox()}
	c.scroll = container.NewVScroll(c.box)
	c.ExtendBaseWidget(c)
	c.empty()
	return c
}

func (c *detailCard) empty() {
	l := widget.NewLabel(lang.L("Select an event on the map, the timeline or the table to see it in full."))
	l.Wrapping = fyne.TextWrapWord
	l.Importance = widget.LowImportance
	c.box.Objects = []fyne.CanvasObject{l}
	c.text = ""
	c.box.Refresh()
}

// show fills the card with event i of v, or empties it for -1.
func (c *detailCard) show(v *fileView, i int) {
	title, head, cols := v.eventFields(i)
	if title == "" {
		c.empty()
		return
	}
	c.fill(title, head, cols, v.eventDetail(i))
}

// fill shows an event's title, how its time and place were read, and its
// columns; text is the same on one line, for tests.
func (c *detailCard) fill(title string, head, cols []field, text string) {
	c.text = text
	t := widget.NewLabel(title)
	t.TextStyle.Bold = true
	t.Wrapping = fyne.TextWrapWord
	objs := []fyne.CanvasObject{t}
	for _, f := range head {
		objs = append(objs, caption(f.Name), wrapped(f.Value))
	}
	objs = append(objs, widget.NewSeparator())
	for _, f := range cols {
		if f.Value == "" {
			continue
		}
		name := f.Name
		if f.Role != "" {
			name += " · " + roleName(f.Role)
		}
		objs = append(objs, caption(name))
		if u, err := url.Parse(f.Value); err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" {
			link := widget.NewHyperlink(f.Value, u)
			link.Wrapping = fyne.TextWrapBreak
			objs = append(objs, link)
			continue
		}
		objs = append(objs, wrapped(f.Value))
	}
	c.box.Objects = objs
	c.box.Refresh()
	c.scroll.ScrollToTop()
}

// caption is a field's name in small quiet type.
func caption(s string) fyne.CanvasObject {
	return widget.NewRichText(&widget.TextSegment{Text: s, Style: widget.RichTextStyle{
		ColorName: theme.ColorNamePlaceHolder, SizeName: theme.SizeNameCaptionText, TextStyle: fyne.TextStyle{Bold: true}}})
}

// wrapped is a field's value, wrapped to the card's width.
func wrapped(s string) fyne.CanvasObject {
	l := widget.NewLabel(strings.Join(strings.Fields(s), " "))
	l.Wrapping = fyne.TextWrapWord
	return l
}

// CreateRenderer is part of fyne.Widget.
func (c *detailCard) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(c.scroll) }
