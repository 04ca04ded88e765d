package window

import (
	"errors"
	"fmt"
	"image"
	"image/png"
	"io"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"chronomap/app/atomicfile"
	"chronomap/app/draw"
	"chronomap/app/scene"
	"chronomap/app/slide"
	"chronomap/app/workspace"
	"chronomap/data/dataset"
)

// exportFormat is a kind of file an export writes.
type exportFormat struct {
	label  string
	ext    string
	w, h   int
	scale  float64
	page   draw.Page // for PDF
	vector bool
}

// exportFormats are the export's choices, in menu order.
var exportFormats = []exportFormat{
	{label: "PNG, 1920×1080", ext: ".png", w: 1920, h: 1080, scale: 1},
	{label: "PNG, 3840×2160 (4K)", ext: ".png", w: 1920, h: 1080, scale: 2},
	{label: "SVG (vector)", ext: ".svg", w: 1920, h: 1080, vector: true},
	{label: "PDF, 16:9 slide", ext: ".pdf", w: 1920, h: 1080, page: draw.Slide, vector: true},
	{label: "PDF, A4 landscape", ext: ".pdf", page: draw.A4, vector: true},
	{label: "PDF, Letter landscape", ext: ".pdf", page: draw.Letter, vector: true},
}

// exportSpec is what the export dialog asks.
type exportSpec struct {
	Title, Subtitle, Marking string
	Layout                   slide.Layout
	Format                   exportFormat
}

// exportView writes what the file on show shows to path as a briefing
// slide.
func (w *Window) exportView(path string, e exportSpec) error {
	v, f, err := w.drawable()
	if err != nil {
		return err
	}
	view := v.view()
	view.Title = e.Title
	o := w.slideOptions()
	o.Subtitle, o.Marking, o.Layout = e.Subtitle, e.Marking, e.Layout
	return writeSlide(path, f, view, o, e.Format)
}

// writeSlide draws one view into a file of the given format.
func writeSlide(path string, f scene.File, view workspace.Scene, o scene.Options, fm exportFormat) error {
	out := scene.Output{Format: fm.ext, W: fm.w, H: fm.h, Scale: fm.scale, Page: fm.page, Title: view.Title}
	return writeFile(path, func(w io.Writer) error { return f.Write(w, []workspace.Scene{view}, o, out) })
}

// writeFile writes an export as write writes it, atomically: a crash
// half-way leaves the file as it was.
func writeFile(path string, write func(io.Writer) error) error {
	err := atomicfile.WriteFunc(path, write)
	if ae := (*atomicfile.Error)(nil); errors.As(err, &ae) {
		return fmt.Errorf(lang.L("cannot write %s: %w"), ae.Path, ae.Err)
	}
	return err
}

// exportDeck writes the briefing's scenes as a deck: a PDF of one page
// each, or a PowerPoint file with the notes as speaker notes.
func (w *Window) exportDeck(path, title, marking string) error {
	if len(w.scenes) == 0 {
		return fmt.Errorf("%s", lang.L("there are no scenes: capture some first (Briefing ▸ Capture Scene)"))
	}
	_, f, err := w.drawable()
	if err != nil {
		return err
	}
	views := make([]workspace.Scene, len(w.scenes))
	for i, s := range w.scenes {
		views[i] = s
	}
	o := w.slideOptions()
	o.Marking = marking
	format := ".pdf"
	if strings.EqualFold(filepath.Ext(path), ".pptx") {
		format = ".pptx"
	}
	return writeFile(path, func(out io.Writer) error {
		return f.Write(out, views, o, scene.Output{Format: format, W: 1920, H: 1080, Page: draw.Slide, Title: title})
	})
}

// recordPlayback writes the timeline's playback over the file on show: an
// animated GIF, or — for a path with a %d, such as frame-%04d.png — one
// PNG per frame.
func (w *Window) recordPlayback(path string, frames, width, height int) error {
	v, f, err := w.drawable()
	if err != nil {
		return err
	}
	view := v.view()
	view.Title = tabName(v.file)
	o := w.slideOptions()
	if strings.Contains(path, "%") {
		return f.Frames(view, o, width, height, frames, func(i int, img *image.RGBA) error {
			return writeFile(fmt.Sprintf(path, i+1), func(out io.Writer) error { return encodePNG(out, img) })
		})
	}
	return writeFile(path, func(out io.Writer) error {
		return f.Write(out, []workspace.Scene{view}, o, scene.Output{Format: ".gif", W: width, H: height, Frames: frames})
	})
}

// saveAs asks where to write a file with the given extensions, then calls
// write in the background, saying in the bar how it went.
func (w *Window) saveAs(name string, exts []string, write func(path string) error) {
	d := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil || wc == nil {
			return
		}
		p := wc.URI().Path()
		wc.Close()
		w.savedIn = filepath.Dir(p)
		w.bar.note(fmt.Sprintf(lang.L("Writing %s…"), filepath.Base(p)))
		go func() {
			err := write(p)
			w.do(func() {
				if err != nil {
					w.bar.note("")
					w.show(dialog.NewError(err, w.Win))
					return
				}
				w.bar.note(fmt.Sprintf(lang.L("Wrote %s"), p))
			})
		}()
	}, w.Win)
	d.SetFilter(storage.NewExtensionFileFilter(exts))
	d.SetFileName(name)
	w.showSave(d)
}

// saveFolder is where a save dialog opens: where the last save of this
// session went, else beside the workspace, else beside the data on show
// (or any file open), and "" (the dialog's own choice) for the sample.
func (w *Window) saveFolder() string {
	if w.savedIn != "" {
		return w.savedIn
	}
	if w.workspace != "" {
		return filepath.Dir(w.workspace)
	}
	views := w.views
	if v := w.active(); v != nil {
		views = append([]*fileView{v}, views...)
	}
	for _, v := range views {
		if p := v.file.Path; p != "" && !strings.Contains(p, "://") {
			return filepath.Dir(p)
		}
	}
	return ""
}

// showSave shows a save dialog at the save folder.
func (w *Window) showSave(d *dialog.FileDialog) {
	if dir := w.saveFolder(); dir != "" {
		if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
			d.SetLocation(l)
		}
	}
	d.Resize(fyne.NewSize(900, 600))
	w.show(d)
}

// eventFormats are the extensions Export Events writes.
var eventFormats = []string{".csv", ".geojson", ".kml"}

// exportEvents asks where to write the events the file on show shows, as
// its filter leaves them, as a CSV, GeoJSON or KML file that reads back
// into Chronomap with the same events.
func (w *Window) exportEvents() {
	v := w.active()
	if v == nil || v.file.Data == nil || v.file.Data.Len() == 0 {
		w.show(dialog.NewInformation(lang.L("Export Events"), lang.L("The file on show has no events to export."), w.Win))
		return
	}
	d, m := v.file.Data, v.layer.Mask
	name := strings.TrimSuffix(tabName(v.file), filepath.Ext(tabName(v.file))) + " events.csv"
	w.saveAs(name, eventFormats, func(p string) error { return writeEvents(p, d, m) })
}

// writeEvents writes the events a mask shows in the format the path's
// extension names.
func writeEvents(path string, d *dataset.Dataset, m dataset.Mask) error {
	f, err := dataset.FormatOf(path)
	if err != nil {
		return fmt.Errorf(lang.L("%s: events are written as .csv, .geojson or .kml"), filepath.Base(path))
	}
	return writeFile(path, func(w io.Writer) error {
		return dataset.Export(w, f, []*dataset.Dataset{d}, []dataset.Mask{m})
	})
}

// exportDialog asks for the slide's title, subtitle, marking, views and
// format, then where to write it.
func (w *Window) exportDialog() {
	v := w.active()
	if v == nil {
		return
	}
	title, subtitle, marking := w.dialogEntry(false), w.dialogEntry(false), w.dialogEntry(false)
	if e := w.export; e != nil {
		title.SetText(e.Title)
		subtitle.SetText(e.Subtitle)
	} else if v.file.Sample {
		title.SetText(v.file.title())
	} else {
		title.SetText(tabName(v.file))
	}
	marking.SetText(w.App.Preferences().String("export.marking"))
	marking.SetPlaceHolder(lang.L("UNCLASSIFIED // FOR TRAINING"))
	var layoutNames, formatNames []string
	for _, l := range layouts {
		layoutNames = append(layoutNames, lang.L(l.label))
	}
	for _, f := range exportFormats {
		formatNames = append(formatNames, lang.L(f.label))
	}
	layout := widget.NewSelect(layoutNames, nil)
	layout.SetSelectedIndex(0)
	size := w.dialogEntry(false)
	size.SetText("1920×1080")
	format := widget.NewSelect(formatNames, func(string) {})
	format.OnChanged = func(string) {
		// A PDF takes its shape from its page.
		if exportFormats[format.SelectedIndex()].ext == ".pdf" {
			size.Disable()
		} else {
			size.Enable()
		}
	}
	format.SetSelectedIndex(0)
	items := []*widget.FormItem{
		widget.NewFormItem(lang.L("Title"), title),
		widget.NewFormItem(lang.L("Subtitle"), subtitle),
		widget.NewFormItem(lang.L("Marking"), marking),
		widget.NewFormItem(lang.L("Views"), layout),
		widget.NewFormItem(lang.L("Format"), format),
		widget.NewFormItem(lang.L("Size"), size),
	}
	size.Validator = func(s string) error {
		_, _, err := parseSize(s)
		return err
	}
	d := dialog.NewForm(lang.L("Export View"), lang.L("Export…"), lang.L("Cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		w.App.Preferences().SetString("export.marking", marking.Text)
		w.export = &workspace.Export{Title: title.Text, Subtitle: subtitle.Text}
		e := exportSpec{Title: title.Text, Subtitle: subtitle.Text, Marking: marking.Text,
			Layout: layouts[layout.SelectedIndex()].layout, Format: exportFormats[format.SelectedIndex()]}
		if e.Format.ext != ".pdf" {
			e.Format.w, e.Format.h, _ = parseSize(size.Text)
		}
		w.saveAs(fileName(title.Text)+e.Format.ext, []string{e.Format.ext}, func(p string) error { return w.exportView(p, e) })
	}, w.Win)
	d.Resize(fyne.NewSize(620, 380))
	w.show(d)
}

// deckDialog asks for the deck's title and marking and its kind, then
// where to write it.
func (w *Window) deckDialog() {
	if len(w.scenes) == 0 {
		w.show(dialog.NewInformation(lang.L("No scenes"), lang.L("Capture scenes first: set the views as the room should see them, then Briefing ▸ Capture Scene (Ctrl+K)."), w.Win))
		return
	}
	title, marking := w.dialogEntry(false), w.dialogEntry(false)
	title.SetText(lang.L("Briefing"))
	marking.SetText(w.App.Preferences().String("export.marking"))
	marking.SetPlaceHolder(lang.L("UNCLASSIFIED // FOR TRAINING"))
	kind := widget.NewSelect([]string{lang.L("PDF, one page per scene"), lang.L("PowerPoint (.pptx), with speaker notes")}, nil)
	kind.SetSelectedIndex(0)
	items := []*widget.FormItem{
		widget.NewFormItem(lang.L("Title"), title),
		widget.NewFormItem(lang.L("Marking"), marking),
		widget.NewFormItem(lang.L("Deck"), kind),
	}
	d := dialog.NewForm(lang.L("Export Deck"), lang.L("Export…"), lang.L("Cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		w.App.Preferences().SetString("export.marking", marking.Text)
		ext := ".pdf"
		if kind.SelectedIndex() == 1 {
			ext = ".pptx"
		}
		t, m := title.Text, marking.Text
		w.saveAs(fileName(t)+ext, []string{ext}, func(p string) error { return w.exportDeck(p, t, m) })
	}, w.Win)
	d.Resize(fyne.NewSize(560, 300))
	w.show(d)
}

// recordDialog asks how many frames to record, then where.
func (w *Window) recordDialog() {
	frames := widget.NewSelect([]string{"24", "48", "96", "240"}, nil)
	frames.SetSelected("48")
	kind := widget.NewSelect([]string{lang.L("Animated GIF, 960×540"), lang.L("Numbered PNGs, 1920×1080")}, nil)
	kind.SetSelectedIndex(0)
	items := []*widget.FormItem{widget.NewFormItem(lang.L("Frames"), frames), widget.NewFormItem(lang.L("As"), kind)}
	d := dialog.NewForm(lang.L("Record Playback"), lang.L("Record…"), lang.L("Cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		n := 48
		fmt.Sscan(frames.Selected, &n)
		if kind.SelectedIndex() == 0 {
			w.saveAs("playback.gif", []string{".gif"}, func(p string) error { return w.recordPlayback(p, n, 960, 540) })
			return
		}
		w.saveAs("frame-0001.png", []string{".png"}, func(p string) error {
			return w.recordPlayback(filepath.Join(filepath.Dir(p), "frame-%04d.png"), n, 1920, 1080)
		})
	}, w.Win)
	d.Resize(fyne.NewSize(480, 240))
	w.show(d)
}

// parseSize reads a picture's size typed as "1920×1080" or "1920x1080":
// each side from 320 to 8192 layout pixels (a PNG's scale multiplies them).
func parseSize(s string) (w, h int, err error) {
	s = strings.NewReplacer("×", "x", "X", "x", " ", "").Replace(s)
	if _, err := fmt.Sscanf(s, "%dx%d", &w, &h); err != nil {
		return 0, 0, fmt.Errorf("%s", lang.L("give the size as width×height, such as 1920×1080"))
	}
	if w < 320 || h < 200 || w > 8192 || h > 8192 {
		return 0, 0, fmt.Errorf("%s", lang.L("give a size from 320×200 to 8192×8192"))
	}
	return w, h, nil
}

// fileName makes a title into a file name: "Russia's outreach – Nov" →
// "Russia's outreach – Nov", without characters file systems refuse.
func fileName(title string) string {
	s := strings.Map(func(r rune) rune {
		if strings.ContainsRune(`/\:*?"<>|`, r) || r < ' ' {
			return '-'
		}
		return r
	}, strings.TrimSpace(title))
	if s == "" {
		return "chronomap"
	}
	return s
}

// encodePNG writes a frame as PNG.
func encodePNG(out io.Writer, img image.Image) error { return png.Encode(out, img) }
