package window

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"chronomap/data/dates"
	"chronomap/data/places"
	"chronomap/data/report"
)

// review is a report read into proposals, and what the analyst made of
// each: kept or dropped, and edited in place. It knows nothing of the
// dialog that shows it.
type review struct {
	name  string // the report's file name, or "" for pasted text
	text  string
	props []report.Proposal
	keep  []bool
}

// propose reads the report's text into proposals, every one kept.
func (r *review) propose(text string, o report.Options) {
	r.text = text
	r.props = report.Extract(text, o)
	r.keep = make([]bool, len(r.props))
	for i := range r.keep {
		r.keep[i] = true
	}
}

// kept returns the proposals the analyst keeps, as edited.
func (r *review) kept() []report.Proposal {
	var out []report.Proposal
	for i, p := range r.props {
		if r.keep[i] {
			out = append(out, p)
		}
	}
	return out
}

// setDate reads a date typed for proposal i, at the precision it is
// typed ("2023-11", "7.11.2023", "2023-11-03/2023-11-07").
func (r *review) setDate(i int, s string) error {
	when, err := dates.Parse(s)
	if err != nil {
		return err
	}
	r.props[i].When = when
	return nil
}

// setPlace places proposal i at one of its places: k is 0 for the one it
// has, 1… for its alternatives, -1 for none. The others stay to choose
// from.
func (r *review) setPlace(i, k int) {
	p := &r.props[i]
	all := append([]places.Place{p.Place}, p.Alternatives...)
	if k >= len(all) {
		return
	}
	var chosen places.Place
	if k >= 0 {
		chosen = all[k]
	}
	var rest []places.Place
	for j, q := range all {
		if j != k && q.Name != "" {
			rest = append(rest, q)
		}
	}
	p.Place, p.Alternatives = chosen, rest
}

// setActors reads actors typed as "A; B".
func (r *review) setActors(i int, s string) {
	var as []report.Actor
	for _, a := range strings.Split(s, ";") {
		if a = strings.TrimSpace(a); a != "" {
			as = append(as, report.Actor{Name: a})
		}
	}
	r.props[i].Actors = as
}

// write writes the kept proposals as a table of events and returns where:
// beside the report for a file ("report.events.csv"), else among the
// window's own files. The table is a file like any other, so that the
// layer it makes is saved with the workspace and read as every file is.
func (r *review) write(dir string) (string, error) {
	ps := r.kept()
	if len(ps) == 0 {
		return "", fmt.Errorf("%s", lang.L("no proposal is kept: keep at least one"))
	}
	source := filepath.Base(r.name)
	if r.name == "" {
		source = lang.L("pasted report")
	}
	var b bytes.Buffer
	if err := report.WriteCSV(&b, ps, source); err != nil {
		return "", err
	}
	name := "report-" + time.Now().Format("20060102-150405") + ".events.csv"
	if r.name != "" {
		name = strings.TrimSuffix(filepath.Base(r.name), filepath.Ext(r.name)) + ".events.csv"
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("cannot write the events of %s: %w", source, err)
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		return "", fmt.Errorf("cannot write the events of %s: %w", source, err)
	}
	return path, nil
}

// placeName writes a place for the picker: "León, NI", or "(no place)".
func placeName(p places.Place) string {
	if p.Name == "" {
		return lang.L("(no place)")
	}
	if p.Country == "" {
		return p.Name
	}
	return p.Name + ", " + p.Country
}

// around is the text round the sentence at offset, up to about n bytes each
// side, cut at word edges: what the review shows the sentence in.
func around(text string, offset, length, n int) (before, sentence, after string) {
	offset = max(0, min(offset, len(text)))
	end := min(len(text), offset+length)
	a := max(0, offset-n)
	for a > 0 && a < offset && text[a-1] != ' ' && text[a-1] != '\n' {
		a++
	}
	z := min(len(text), end+n)
	for z < len(text) && z > end && text[z] != ' ' && text[z] != '\n' {
		z--
	}
	before, sentence, after = text[a:offset], text[offset:end], text[end:z]
	if a > 0 {
		before = "…" + before
	}
	if z < len(text) {
		after += "…"
	}
	return
}

// importReport shows File ▸ Import Report: text pasted or read from a
// file, proposed as events the analyst checks one by one — the date, the
// place among the gazetteer's alternatives, the actors, the title, kept
// or dropped — beside the sentence each comes from; the kept ones become
// a layer.
func (w *Window) importReport() {
	var r review
	text := w.dialogEntry(true)
	text.Wrapping = fyne.TextWrapWord
	text.SetPlaceHolder(lang.L("Paste a report here, or open a file: .txt, .md, .html, .docx"))
	day := w.dialogEntry(false)
	day.SetPlaceHolder(lang.L("Report's date (optional)"))
	langs := widget.NewSelect([]string{lang.L("Language from the text"), "Deutsch", "English"}, nil)
	langs.SetSelectedIndex(0)
	status := widget.NewLabel("")
	status.Wrapping = fyne.TextWrapWord

	// The proposal being edited, and its editor.
	at := -1
	keep := widget.NewCheck(lang.L("Keep"), nil)
	when := w.dialogEntry(false)
	where := widget.NewSelect(nil, nil)
	who := w.dialogEntry(false)
	title := w.dialogEntry(false)
	shown := widget.NewRichText()
	shown.Wrapping = fyne.TextWrapWord
	var list *widget.List
	line := func(i int) string {
		p := r.props[i]
		mark := "✓"
		if !r.keep[i] {
			mark = "✗"
		}
		s := fmt.Sprintf("%s  %s · %s · %s", mark, p.When.String(), placeName(p.Place), p.Title)
		if p.Planned {
			s += " · " + lang.L("planned")
		}
		return s
	}
	editors := []fyne.Disableable{keep, when, where, who, title}
	enable := func(on bool) {
		for _, e := range editors {
			if on {
				e.Enable()
			} else {
				e.Disable()
			}
		}
	}
	enable(false) // nothing to edit before a proposal is chosen
	edit := func(i int) {
		at = -1 // the editor's callbacks do not write while it is filled
		enable(true)
		p := r.props[i]
		keep.SetChecked(r.keep[i])
		when.SetText(p.When.String())
		opts := []string{placeName(p.Place)}
		for _, a := range p.Alternatives {
			opts = append(opts, placeName(a))
		}
		if p.Place.Name != "" {
			opts = append(opts, lang.L("(no place)"))
		}
		where.Options = opts
		where.SetSelectedIndex(0)
		names := make([]string, len(p.Actors))
		for k, a := range p.Actors {
			names[k] = a.Name
		}
		who.SetText(strings.Join(names, "; "))
		title.SetText(p.Title)
		before, sentence, after := around(r.text, p.Offset, len(p.Sentence), 280)
		shown.Segments = []widget.RichTextSegment{
			&widget.TextSegment{Text: fmt.Sprintf(lang.L("Why: %s · confidence %s"), p.Why.String(), percent(p.Confidence)),
				Style: widget.RichTextStyle{ColorName: "disabled", TextStyle: fyne.TextStyle{Italic: true}}},
			&widget.TextSegment{Text: before, Style: widget.RichTextStyleInline},
			&widget.TextSegment{Text: sentence, Style: widget.RichTextStyle{Inline: true, ColorName: "primary", TextStyle: fyne.TextStyle{Bold: true}}},
			&widget.TextSegment{Text: after, Style: widget.RichTextStyleInline},
		}
		shown.Refresh()
		at = i
	}
	keep.OnChanged = func(on bool) {
		if at >= 0 {
			r.keep[at] = on
			list.RefreshItem(at)
		}
	}
	when.OnSubmitted = func(s string) {
		if at < 0 {
			return
		}
		if err := r.setDate(at, s); err != nil {
			status.SetText(err.Error())
			when.SetText(r.props[at].When.String())
			return
		}
		status.SetText("")
		list.RefreshItem(at)
	}
	where.OnChanged = func(string) {
		if at < 0 {
			return
		}
		k := where.SelectedIndex()
		if k == len(where.Options)-1 && r.props[at].Place.Name != "" {
			k = -1 // (no place)
		}
		if k != 0 {
			i := at
			r.setPlace(i, k)
			edit(i)
			list.RefreshItem(i)
		}
	}
	who.OnSubmitted = func(s string) {
		if at >= 0 {
			r.setActors(at, s)
		}
	}
	title.OnSubmitted = func(s string) {
		if at >= 0 {
			r.props[at].Title = strings.TrimSpace(s)
			list.RefreshItem(at)
		}
	}
	list = widget.NewList(func() int { return len(r.props) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(line(i)) })
	list.OnSelected = func(i widget.ListItemID) { edit(i) }

	propose := func() {
		o := report.Options{Today: time.Now()}
		switch langs.SelectedIndex() {
		case 1:
			o.Lang = "de"
		case 2:
			o.Lang = "en"
		}
		if s := strings.TrimSpace(day.Text); s != "" {
			d, err := dates.Parse(s)
			if err != nil {
				status.SetText(fmt.Sprintf(lang.L("The report's date %q: %v"), s, err))
				return
			}
			o.Date = time.Unix(d.Start.Unix, 0).UTC()
		}
		r.propose(text.Text, o)
		at = -1
		enable(false)
		list.UnselectAll()
		list.Refresh()
		status.SetText(fmt.Sprintf(lang.L("%s proposals: check each, change what is wrong, drop what is not an event."), thousands(len(r.props))))
		if len(r.props) > 0 {
			list.Select(0)
		}
	}
	open := widget.NewButton(lang.L("Open File…"), func() {
		d := dialog.NewFileOpen(func(rc fyne.URIReadCloser, err error) {
			if err != nil || rc == nil {
				return
			}
			rc.Close()
			s, err := report.ReadFile(rc.URI().Path())
			if err != nil {
				status.SetText(err.Error())
				return
			}
			r.name = rc.URI().Path()
			text.SetText(s)
			propose()
		}, w.Win)
		d.SetFilter(storage.NewExtensionFileFilter([]string{".txt", ".md", ".html", ".htm", ".docx"}))
		d.Resize(fyne.NewSize(900, 600))
		w.show(d)
	})
	run := widget.NewButton(lang.L("Propose Events"), propose)
	run.Importance = widget.HighImportance

	left := container.NewBorder(container.NewHBox(open, container.NewGridWrap(fyne.NewSize(170, day.MinSize().Height), day), langs, run),
		status, nil, nil, text)
	form := widget.NewForm(
		widget.NewFormItem("", keep),
		widget.NewFormItem(lang.L("When"), when),
		widget.NewFormItem(lang.L("Where"), where),
		widget.NewFormItem(lang.L("Who"), who),
		widget.NewFormItem(lang.L("Title"), title),
	)
	detail := container.NewBorder(form, nil, nil, nil, container.NewVScroll(shown))
	right := container.NewVSplit(list, detail)
	right.Offset = 0.3
	body := container.NewHSplit(left, right)
	body.Offset = 0.42

	d := dialog.NewCustomConfirm(lang.L("Import Report"), lang.L("Add as a Layer"), lang.L("Cancel"), body, func(ok bool) {
		if ok {
			w.addReport(&r)
		}
	}, w.Win)
	d.Resize(fyne.NewSize(1100, 640))
	w.reportDialog = &reportDialog{review: &r, text: text, day: day, propose: propose, list: list, when: when, where: where, keep: keep, dialog: d}
	w.show(d)
}

// addReport writes the kept proposals as a table of events, beside the
// report or among the window's own files, and opens it as a layer.
func (w *Window) addReport(r *review) {
	dir := filepath.Join(w.dir, "reports")
	if r.name != "" {
		dir = filepath.Dir(r.name)
	}
	path, err := r.write(dir)
	if err != nil && r.name != "" && len(r.kept()) > 0 {
		// The report's folder is not ours to write: keep the table among
		// the window's own files.
		path, err = r.write(filepath.Join(w.dir, "reports"))
	}
	if err != nil {
		w.show(dialog.NewError(err, w.Win))
		return
	}
	title := lang.L("Report")
	if r.name != "" {
		title = filepath.Base(r.name)
	}
	w.enqueue(request{Path: path, Title: fmt.Sprintf(lang.L("Events of %s"), title)})
}

// reportDialog is the Import Report dialog's parts, for tests to work it.
type reportDialog struct {
	review  *review
	text    *escEntry
	day     *escEntry
	propose func()
	list    *widget.List
	when    *escEntry
	where   *widget.Select
	keep    *widget.Check
	dialog  *dialog.ConfirmDialog
}

// percent writes a share as a percentage: "72%".
func percent(v float64) string { return fmt.Sprintf("%d%%", int(v*100+0.5)) }
