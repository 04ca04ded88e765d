package scene

import (
	"archive/zip"
	"bytes"
	"context"
	"image/gif"
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"chronomap/app/draw"
	"chronomap/app/draw/drawtest"
	"chronomap/app/slide"
	"chronomap/app/workspace"
	"chronomap/assets"
	"chronomap/data/dataset"
)

// sampleWorkspace saves a workspace over the bundled sample with two
// scenes: Nicaragua in the week of 6 November, and Armenia in a box on the
// map with the diplomacy hidden.
func sampleWorkspace(t *testing.T) (*workspace.Workspace, string) {
	t.Helper()
	dir := t.TempDir()
	name, data := assets.Sample()
	csv := filepath.Join(dir, filepath.Base(name))
	if err := os.WriteFile(csv, data, 0o644); err != nil {
		t.Fatal(err)
	}
	ws := &workspace.Workspace{Version: 1, Sources: []workspace.Source{{Path: csv}},
		Scenes: []workspace.Scene{
			{Title: "Nicaragua in Moskau – Шойгу", Notes: "Two meetings on 7 November.",
				View: workspace.View{Filter: workspace.Filter{Query: "Nicaragua"},
					Timeline: workspace.TimelineView{From: "2023-11-06T00:00:00Z", To: "2023-11-09T00:00:00Z"}}},
			{Title: "Armenia", Notes: "Yerevan and Gyumri.",
				View: workspace.View{Filter: workspace.Filter{Box: &[4]float64{43, 39, 46, 42}, HiddenCategories: []string{"Diplomacy"}},
					Map: workspace.MapView{Projection: "Equal Earth", Center: [2]float64{44.5, 40.5}, Zoom: 20}}},
		}}
	path := filepath.Join(dir, "brief.chronomap")
	if err := workspace.Save(path, ws); err != nil {
		t.Fatal(err)
	}
	ws, err := workspace.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	return ws, path
}

func shownCount(shown []bool, n int) int {
	c := 0
	for i := range n {
		if shown == nil || shown[i] {
			c++
		}
	}
	return c
}

// TestSlideOfScene applies each scene to the sample: the events shown,
// the window written, the sources, the title.
func TestSlideOfScene(t *testing.T) {
	ws, _ := sampleWorkspace(t)
	f, err := Read(context.Background(), ws, 0)
	if err != nil {
		t.Fatal(err)
	}
	sp := f.Slide(ws.Scenes[0], Options{})
	if sp.Title != "Nicaragua in Moskau – Шойгу" || sp.Window != "6 Nov 2023 – 8 Nov 2023" {
		t.Errorf("title %q, window %q", sp.Title, sp.Window)
	}
	if n := shownCount(sp.Map.Shown, len(f.Map.Lon)); n != 2 {
		t.Errorf("the map shows %d events, want the 2 on Nicaragua", n)
	}
	if len(sp.Sources) != 1 || sp.Sources[0] != "ISW" || sp.FitMap != true {
		t.Errorf("sources %v, fit %v", sp.Sources, sp.FitMap)
	}
	sp = f.Slide(ws.Scenes[1], Options{Layout: slide.MapOnly})
	if n := shownCount(sp.Map.Shown, len(f.Map.Lon)); n != 2 {
		t.Errorf("the Armenian box without diplomacy shows %d events, want 2 (the chief of staff in Yerevan, the milblogger on Gyumri)", n)
	}
	if sp.Timeline != nil || sp.FitMap || sp.Map.View.WorldZoom() < 19.9 {
		t.Errorf("map-only slide: timeline %v, fit %v, zoom %.1f", sp.Timeline != nil, sp.FitMap, sp.Map.View.WorldZoom())
	}
}

// TestDecks writes the scenes as a PDF deck and a PowerPoint deck.
func TestDecks(t *testing.T) {
	ws, _ := sampleWorkspace(t)
	f, err := Read(context.Background(), ws, 0)
	if err != nil {
		t.Fatal(err)
	}
	views := []workspace.Scene{ws.Scenes[0], ws.Scenes[1]}
	var pdf bytes.Buffer
	if err := f.Write(&pdf, views, Options{Marking: "UNCLASSIFIED // FOR TRAINING"}, Output{Format: ".pdf", W: 1920, H: 1080, Page: draw.Slide, Title: "Lagebild"}); err != nil {
		t.Fatal(err)
	}
	info, lines := drawtest.PDF(t, pdf.Bytes())
	if !strings.Contains(info, "Pages:           2") {
		t.Errorf("pdfinfo:\n%s", info)
	}
	text := strings.Join(lines, "\n")
	for _, want := range []string{"Nicaragua in Moskau – Шойгу", "Armenia", "UNCLASSIFIED // FOR TRAINING", "Source: ISW"} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF's text lacks %q", want)
		}
	}
	var pptx bytes.Buffer
	if err := f.Write(&pptx, views, Options{}, Output{Format: ".pptx", Title: "Lagebild"}); err != nil {
		t.Fatal(err)
	}
	z, err := zip.NewReader(bytes.NewReader(pptx.Bytes()), int64(pptx.Len()))
	if err != nil {
		t.Fatal(err)
	}
	slides, notes := 0, ""
	for _, e := range z.File {
		if strings.HasPrefix(e.Name, "ppt/slides/slide") && strings.HasSuffix(e.Name, ".xml") {
			slides++
		}
		if strings.HasPrefix(e.Name, "ppt/notesSlides/") && strings.HasSuffix(e.Name, ".xml") {
			r, _ := e.Open()
			var b bytes.Buffer
			b.ReadFrom(r)
			notes += b.String()
		}
	}
	if slides != 2 || !strings.Contains(notes, "Two meetings on 7 November.") {
		t.Errorf("%d slides; notes %q", slides, notes)
	}
}

// TestPlayback draws a playback as a GIF: as many frames as asked, each
// the size asked.
func TestPlayback(t *testing.T) {
	ws, _ := sampleWorkspace(t)
	f, err := Read(context.Background(), ws, 0)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := f.Write(&b, []workspace.Scene{ws.Current()}, Options{}, Output{Format: ".gif", W: 480, H: 270, Frames: 6}); err != nil {
		t.Fatal(err)
	}
	g, err := gif.DecodeAll(&b)
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Image) != 6 || g.Config.Width != 480 || g.Config.Height != 270 {
		t.Errorf("%d frames of %d×%d", len(g.Image), g.Config.Width, g.Config.Height)
	}
	// The window moves: the first and the last frame differ.
	if bytes.Equal(g.Image[0].Pix, g.Image[5].Pix) {
		t.Error("the first and last frames are the same")
	}
	var p bytes.Buffer
	if err := f.Write(&p, []workspace.Scene{ws.Scenes[0]}, Options{}, Output{Format: ".png", W: 960, H: 540, Scale: 2}); err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(&p)
	if err != nil || img.Bounds().Dx() != 1920 {
		t.Errorf("PNG at scale 2: %v, %v", img.Bounds(), err)
	}
}

// TestFilteredSlide draws the sample searched for "Shoigu": the map, its
// legend and the timeline show the three meetings and count only them,
// and the header says the slide is filtered.
func TestFilteredSlide(t *testing.T) {
	ws, _ := sampleWorkspace(t)
	f, err := Read(context.Background(), ws, 0)
	if err != nil {
		t.Fatal(err)
	}
	sp := f.Slide(workspace.Scene{Title: "Shoigu", View: workspace.View{Filter: workspace.Filter{Query: "Shoigu"}}}, Options{})
	if want := `Filtered: "Shoigu" · 3 of 6 events`; sp.Filter != want {
		t.Errorf("filter line %q, want %q", sp.Filter, want)
	}
	if n := shownCount(sp.Map.Shown, len(f.Map.Lon)); n != 3 {
		t.Errorf("the map shows %d events, want 3", n)
	}
	// Military cooperation (2), Diplomacy (1), Information space (none).
	if got := sp.Map.Counts; len(got) != 3 || got[0] != 2 || got[1] != 1 || got[2] != 0 {
		t.Errorf("legend counts %v, want [2 1 0]", got)
	}
	if n := shownCount(sp.Timeline.Kept, f.Timeline.Len()); n != 3 {
		t.Errorf("the timeline keeps %d events, want 3", n)
	}
	if sp.Window != "7 Nov 2023" && !strings.Contains(sp.Window, "7 Nov 2023") {
		t.Errorf("window %q, want the day of the meetings", sp.Window)
	}
	// Unfiltered, the slide says nothing of a filter.
	if sp := f.Slide(workspace.Scene{}, Options{}); sp.Filter != "" {
		t.Errorf("an unfiltered slide says %q", sp.Filter)
	}
}

// TestCodedCategoriesOnSlides loads a GDELT file, whose categories are
// CAMEO root codes: the map's legend, the timeline's lanes and the filter
// line name them, in the dataset's language.
func TestCodedCategoriesOnSlides(t *testing.T) {
	d, err := dataset.Load(context.Background(), dataset.File{Path: "../../data/frame/testdata/preset_gdelt2.export.CSV"}, dataset.Options{Language: "de"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	f := Open(d)
	if !slices.Contains(f.Map.Legend, "Beratung") || slices.Contains(f.Map.Legend, "04") {
		t.Errorf("legend %v, want the root codes' names", f.Map.Legend)
	}
	if !slices.Equal(f.Timeline.Lanes[:len(d.Categories.Labels)], d.Categories.Labels) {
		t.Errorf("lanes %v, want %v", f.Timeline.Lanes, d.Categories.Labels)
	}
	sp := f.Slide(workspace.Scene{View: workspace.View{Filter: workspace.Filter{HiddenCategories: []string{"04"}}}}, Options{})
	if !strings.Contains(sp.Filter, "Beratung hidden") {
		t.Errorf("filter line %q does not name the hidden category", sp.Filter)
	}
}
