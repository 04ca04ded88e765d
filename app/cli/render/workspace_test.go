package render

import (
	"archive/zip"
	"bytes"
	"image"
	"image/gif"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"chronomap/app/draw/drawtest"
	"chronomap/app/workspace"
)

// briefing saves a workspace over the sample with two scenes.
func briefing(t *testing.T) string {
	t.Helper()
	abs, err := filepath.Abs(sample)
	if err != nil {
		t.Fatal(err)
	}
	ws := &workspace.Workspace{Version: 1, Sources: []workspace.Source{{Path: abs}},
		View: workspace.View{Filter: workspace.Filter{Query: "Shoigu"}},
		Scenes: []workspace.Scene{
			{Title: "Moskau – Шойгу empfängt", Notes: "Drei Treffen am 7. November.", View: workspace.View{Filter: workspace.Filter{Query: "Shoigu"}}},
			{Title: "Armenien", Notes: "Jerewan und Gjumri.", View: workspace.View{Filter: workspace.Filter{Box: &[4]float64{43, 39, 46, 42}}}},
		}}
	path := filepath.Join(t.TempDir(), "lage.chronomap")
	if err := workspace.Save(path, ws); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestRenderWorkspace draws a workspace as saved, one of its scenes, its
// scenes as PDF and PowerPoint decks, and a playback.
func TestRenderWorkspace(t *testing.T) {
	ws := briefing(t)
	dir := t.TempDir()
	run := func(args ...string) {
		t.Helper()
		var stdout, stderr bytes.Buffer
		if code := Run(args, &stdout, &stderr); code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, stderr.String())
		}
	}
	png1 := filepath.Join(dir, "scene.png")
	run("--workspace", ws, "--scene", "1", "--size", "1280x720", "--out", png1)
	if img := decodePNG(t, png1); img.Bounds().Dx() != 1280 {
		t.Errorf("scene PNG %v", img.Bounds())
	}
	pdf := filepath.Join(dir, "deck.pdf")
	run("--workspace", ws, "--deck", "--marking", "UNCLASSIFIED // FOR TRAINING", "--out", pdf)
	b, _ := os.ReadFile(pdf)
	info, lines := drawtest.PDF(t, b)
	text := strings.Join(lines, "\n")
	if !strings.Contains(info, "Pages:           2") || !strings.Contains(text, "Moskau – Шойгу empfängt") || !strings.Contains(text, "Armenien") {
		t.Errorf("deck PDF:\n%s\n%s", info, text)
	}
	pptx := filepath.Join(dir, "deck.pptx")
	run("--workspace", ws, "--deck", "--out", pptx)
	z, err := zip.OpenReader(pptx)
	if err != nil {
		t.Fatal(err)
	}
	slides := 0
	for _, e := range z.File {
		if strings.HasPrefix(e.Name, "ppt/slides/slide") && strings.HasSuffix(e.Name, ".xml") {
			slides++
		}
	}
	z.Close()
	if slides != 2 {
		t.Errorf("%d slides in the PowerPoint deck, want 2", slides)
	}
	g := filepath.Join(dir, "play.gif")
	run("--workspace", ws, "--frames", "4", "--size", "640x360", "--out", g)
	f, _ := os.Open(g)
	anim, err := gif.DecodeAll(f)
	f.Close()
	if err != nil || len(anim.Image) != 4 {
		t.Errorf("playback GIF: %v frames, %v", len(anim.Image), err)
	}
	seq := filepath.Join(dir, "frame-%03d.png")
	run("--workspace", ws, "--frames", "3", "--size", "640x360", "--out", seq)
	for _, n := range []string{"frame-001.png", "frame-002.png", "frame-003.png"} {
		decodePNG(t, filepath.Join(dir, n))
	}
	svg := filepath.Join(dir, "view.svg")
	run("--workspace", ws, "--out", svg)
	b, _ = os.ReadFile(svg)
	if texts, _ := drawtest.SVG(t, b); texts["Source: ISW"] == 0 {
		t.Errorf("the workspace's SVG lacks its source line")
	}
}

// TestRenderWorkspaceRefusals gives one sentence for each wrong use.
func TestRenderWorkspaceRefusals(t *testing.T) {
	ws := briefing(t)
	out := filepath.Join(t.TempDir(), "x.png")
	for _, c := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"--scene", "1", "--out", out, sample}, 2, "--scene and --deck draw the scenes of a workspace"},
		{[]string{"--workspace", ws, "--out", out, sample}, 2, "either files or --workspace"},
		{[]string{"--workspace", ws, "--scene", "3", "--out", out}, 2, "has 2 scenes"},
		{[]string{"--workspace", ws, "--deck", "--out", out}, 2, "--deck writes a .pdf or a .pptx"},
		{[]string{"--workspace", ws, "--out", strings.TrimSuffix(out, ".png") + ".pptx"}, 2, "give --deck"},
		{[]string{"--workspace", ws, "--out", strings.TrimSuffix(out, ".png") + ".gif"}, 2, "give --frames"},
		{[]string{"--workspace", "/no/such.chronomap", "--out", out}, 1, "/no/such.chronomap"},
		{[]string{"--frames", "5", "--out", strings.TrimSuffix(out, ".png") + ".gif", sample}, 2, "plays a workspace's view"},
	} {
		var stdout, stderr bytes.Buffer
		code := Run(c.args, &stdout, &stderr)
		if code != c.code || !strings.Contains(stderr.String(), c.msg) || strings.Count(strings.TrimSpace(stderr.String()), "\n") > 0 {
			t.Errorf("%v: exit %d, %q; want %d and %q", c.args, code, stderr.String(), c.code, c.msg)
		}
	}
}

func decodePNG(t *testing.T, path string) image.Image {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return img
}
