package window

import (
	"archive/zip"
	"bytes"
	"fmt"
	"image/gif"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/paulmach/orb"

	"chronomap/app/draw/drawtest"
	"chronomap/app/slide"
	"chronomap/app/timeline"
	"chronomap/app/workspace"
	"chronomap/data/dates"
)

// TestBriefing captures two scenes of the sample — everything, then the
// search for Nicaragua — exports the view in every format, the scenes as
// decks, a playback, and keeps the scenes in the workspace.
func TestBriefing(t *testing.T) {
	w, v := sampleWindow(t)
	w.captureScene()
	v.searchBox.SetText("Nicaragua")
	w.captureScene()
	if len(w.scenes) != 2 || w.scenes[1].Filter.Query != "Nicaragua" {
		t.Fatalf("scenes %+v", w.scenes)
	}
	// A scene is titled from what it shows, not from the file's name.
	if got, want := w.scenes[0].Title, "All events · 31 Oct 2023 – 1 Dec 2023"; got != want {
		t.Errorf("the first scene is titled %q, want %q", got, want)
	}
	if got, want := w.scenes[1].Title, `"Nicaragua" · 31 Oct 2023 – 1 Dec 2023`; got != want {
		t.Errorf("the second scene is titled %q, want %q", got, want)
	}
	w.scenes[1].Title = "Nicaragua in Moskau – Шойгу"
	w.scenes[1].Notes = "Two meetings on 7 November."
	dir := t.TempDir()

	for _, f := range exportFormats {
		p := filepath.Join(dir, "view"+f.ext)
		if err := w.exportView(p, exportSpec{Title: "Russlands Werben – Москва", Marking: "UNCLASSIFIED // FOR TRAINING", Layout: slide.Both, Format: f}); err != nil {
			t.Fatalf("%s: %v", f.label, err)
		}
		b, _ := os.ReadFile(p)
		switch f.ext {
		case ".png":
			img, err := png.Decode(bytes.NewReader(b))
			if err != nil || img.Bounds().Dx() != int(float64(f.w)*f.scale) {
				t.Errorf("%s: %v, %v", f.label, img.Bounds(), err)
			}
		case ".svg":
			texts, _ := drawtest.SVG(t, b)
			if texts["Russlands Werben – Москва"] == 0 || texts["Source: ISW"] == 0 {
				t.Errorf("%s lacks its title or source line", f.label)
			}
		case ".pdf":
			_, lines := drawtest.PDF(t, b)
			text := strings.Join(lines, "\n")
			if !strings.Contains(text, "Russlands Werben – Москва") || strings.Count(text, "UNCLASSIFIED // FOR TRAINING") != 2 {
				t.Errorf("%s text:\n%s", f.label, text)
			}
		}
	}

	pdf := filepath.Join(dir, "deck.pdf")
	if err := w.exportDeck(pdf, "Lagebild", ""); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(pdf)
	info, lines := drawtest.PDF(t, b)
	if !strings.Contains(info, "Pages:           2") || !strings.Contains(strings.Join(lines, "\n"), "Nicaragua in Moskau – Шойгу") {
		t.Errorf("deck:\n%s", info)
	}
	pptx := filepath.Join(dir, "deck.pptx")
	if err := w.exportDeck(pptx, "Lagebild", ""); err != nil {
		t.Fatal(err)
	}
	z, err := zip.OpenReader(pptx)
	if err != nil {
		t.Fatal(err)
	}
	notes := ""
	for _, e := range z.File {
		if strings.HasPrefix(e.Name, "ppt/notesSlides/") && strings.HasSuffix(e.Name, ".xml") {
			r, _ := e.Open()
			var nb bytes.Buffer
			nb.ReadFrom(r)
			notes += nb.String()
		}
	}
	z.Close()
	if !strings.Contains(notes, "Two meetings on 7 November.") {
		t.Error("the PowerPoint deck lacks the speaker notes")
	}

	g := filepath.Join(dir, "play.gif")
	if err := w.recordPlayback(g, 5, 320, 180); err != nil {
		t.Fatal(err)
	}
	gf, _ := os.Open(g)
	anim, err := gif.DecodeAll(gf)
	gf.Close()
	if err != nil || len(anim.Image) != 5 {
		t.Errorf("playback: %v", err)
	}
	if err := w.recordPlayback(filepath.Join(dir, "f-%02d.png"), 3, 320, 180); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "f-03.png")); err != nil {
		t.Errorf("numbered frames: %v", err)
	}

	// The scenes live in the workspace file.
	ws := w.snapshot()
	if len(ws.Scenes) != 2 || ws.Scenes[1].Notes != "Two meetings on 7 November." {
		t.Errorf("snapshot scenes %+v", ws.Scenes)
	}
}

// TestPresenter steps through two scenes and the events of the second,
// and leaves with Esc.
func TestPresenter(t *testing.T) {
	w, v := sampleWindow(t)
	w.captureScene()
	v.searchBox.SetText("Shoigu")
	v.mapWidget.SetView(orb.Point{40, 50}, 4) // closer in: a flight to make
	w.captureScene()
	f, _ := v.sceneFile()
	closed := false
	views := []workspace.Scene{w.scenes[0], w.scenes[1]}
	p := newPresenter(f, v, toViews(views), w.slideOptions(), func() { closed = true })
	p.flight = 0
	win := test.NewTempWindow(t, p)
	win.Resize(fyne.NewSize(960, 540))
	img := win.Canvas().Capture()
	if img.Bounds().Dx() == 0 {
		t.Fatal("nothing drawn")
	}
	p.typedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	if p.at != 1 || p.shown.Filter.Query != "Shoigu" {
		t.Errorf("→ shows scene %d (%q)", p.at, p.shown.Filter.Query)
	}
	p.typedKey(&fyne.KeyEvent{Name: fyne.KeyE})
	if !p.events || len(p.order) != 3 || !p.card.Visible() {
		t.Fatalf("events mode: %v, %d events, card %v", p.events, len(p.order), p.card.Visible())
	}
	win.Canvas().Capture()
	if h, need := p.card.Size().Height, p.cardTx.MinSize().Height; h < need {
		t.Errorf("the card's background is %.0f high, its lines need %.0f", h, need)
	}
	// The card labels its lines: when, where, who, on whose word.
	card := p.cardTx.String()
	for _, want := range []string{"When  ", "Nov 2023", "Where  Moscow", "Who  ", "Source  "} {
		if !strings.Contains(card, want) {
			t.Errorf("the event card reads %q, without %q", card, want)
		}
	}
	p.typedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
	if p.step != 1 || p.shown.Selection == nil || p.shown.Selection.Row != int(f.Data.Index.Row[p.order[1]]) {
		t.Errorf("space: event %d, selection %+v", p.step, p.shown.Selection)
	}
	// A flight passes between the two ends.
	a, b := p.resolve(p.views[0]), p.resolve(p.views[1])
	mid := between(a, b, 0.5)
	if !(mid.Map.Zoom >= min(a.Map.Zoom, b.Map.Zoom) && mid.Map.Zoom <= max(a.Map.Zoom, b.Map.Zoom)) {
		t.Errorf("half way the zoom is %.2f, between %.2f and %.2f?", mid.Map.Zoom, a.Map.Zoom, b.Map.Zoom)
	}
	p.typedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if !closed {
		t.Error("Esc does not leave")
	}
}

func toViews(s []workspace.Scene) []workspace.Scene {
	out := make([]workspace.Scene, len(s))
	for i := range s {
		out[i] = s[i]
	}
	return out
}

// TestExportSize reads sizes as typed and exports a custom one.
func TestExportSize(t *testing.T) {
	for in, want := range map[string][2]int{"1920×1080": {1920, 1080}, "1280x800": {1280, 800}, " 800 X 600 ": {800, 600}} {
		if w, h, err := parseSize(in); err != nil || w != want[0] || h != want[1] {
			t.Errorf("parseSize(%q) = %d, %d, %v", in, w, h, err)
		}
	}
	for _, in := range []string{"", "big", "100x100", "99999x10"} {
		if _, _, err := parseSize(in); err == nil {
			t.Errorf("parseSize(%q) took it", in)
		}
	}
	w, _ := sampleWindow(t)
	p := filepath.Join(t.TempDir(), "custom.png")
	f := exportFormats[0]
	f.w, f.h = 1280, 800
	if err := w.exportView(p, exportSpec{Title: "Custom", Format: f}); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(p)
	if img, err := png.Decode(bytes.NewReader(b)); err != nil || img.Bounds().Dx() != 1280 || img.Bounds().Dy() != 800 {
		t.Errorf("custom size: %v", err)
	}
}

// TestPresenterHintClearsTheMarking: the key hint shown at every scene
// change sits inside the slide's body, never over the marking banners or
// the source line.
func TestPresenterHintClearsTheMarking(t *testing.T) {
	w, v := sampleWindow(t)
	w.captureScene()
	f, _ := v.sceneFile()
	o := w.slideOptions()
	o.Marking = "UNCLASSIFIED // FOR TRAINING"
	p := newPresenter(f, v, toViews([]workspace.Scene{w.scenes[0]}), o, func() {})
	p.flight = 0
	win := test.NewTempWindow(t, p)
	win.Resize(fyne.NewSize(960, 540))
	img := win.Canvas().Capture()
	p.show(0, false)
	if p.spec.Marking == "" {
		t.Fatal("the slide drawn has no marking")
	}
	box := p.hintBx.Objects[0]
	if !box.Visible() || !strings.Contains(p.count.Text, "1") {
		t.Fatalf("no hint at the scene change: %q", p.count.Text)
	}
	size := p.Size()
	top, bottom := slide.Body(float64(size.Width), float64(size.Height), p.spec)
	y0, y1 := box.Position().Y, box.Position().Y+box.Size().Height
	if float64(y0) < top || float64(y1) > bottom {
		t.Errorf("the hint spans y %.0f–%.0f, outside the body %.0f–%.0f of a %v slide", y0, y1, top, bottom, size)
	}
	if img.Bounds().Dx() == 0 {
		t.Error("nothing drawn")
	}
	drawtest.Check(t, "testdata/presenter-hint.png", win.Canvas().Capture())
}

// TestCardLines: the presenter's card writes a span across 1 BC as the
// timeline does, and labels each line; what the file does not say is left
// out.
func TestCardLines(t *testing.T) {
	from, _ := dates.Parse("509 BC")
	to, _ := dates.Parse("AD 516")
	cols := []field{{Name: "locationLabel", Value: "Milvian  Bridge", Role: "place"}, {Name: "who", Value: "Constantine", Role: "actor"}, {Name: "note", Value: "x"}}
	got := cardLines(timeline.English.Span(from.Start, to.Start), cols)
	want := []cardLine{{"When", "509 BC – AD 516"}, {"Where", "Milvian Bridge"}, {"Who", "Constantine"}}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("card lines %v, want %v", got, want)
	}
}
