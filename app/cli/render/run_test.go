package render

import (
	"bytes"
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"chronomap/app/draw/drawtest"
)

const sample = "../../../assets/sample/chronomap-sample.csv"

// TestRenderMapPNG checks that the map of the sample is written as a PNG
// of the asked size, with and without a title band.
func TestRenderMapPNG(t *testing.T) {
	for _, args := range [][]string{
		{"--view", "map", "--size", "1280x800"},
		{"--view", "map", "--size", "1280x800", "--title", "Russia's outreach", "--subtitle", "Sample data · Quelle: ISW — Москва"},
		{"--view", "map", "--size", "1280x800", "--from", "2023-11-05", "--theme", "dark", "--projection", "mercator"},
		{"--view", "timeline", "--size", "1280x800"},
		{"--view", "map", "--size", "1280x800", "--size-by", "lat"},
		{"--size", "1280x800", "--title", "Both views"},
	} {
		out := filepath.Join(t.TempDir(), "map.png")
		var stdout, stderr bytes.Buffer
		if code := Run(append(args, "--out", out, sample), &stdout, &stderr); code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, stderr.String())
		}
		f, err := os.Open(out)
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		if b := img.Bounds(); b.Dx() != 1280 || b.Dy() != 800 {
			t.Errorf("%v: %v, want 1280×800", args, b)
		}
	}
}

// TestRenderRefusals checks the one-line refusals and their exit codes.
func TestRenderRefusals(t *testing.T) {
	dir := t.TempDir()
	cases := []struct {
		args []string
		code int
		says string
	}{
		{[]string{"--view", "map", "--out", filepath.Join(dir, "x.gif"), sample}, 2, "a GIF is a playback; give --frames N"},
		{[]string{"--view", "map", "--out", filepath.Join(dir, "x.jpg"), sample}, 2, "write a .png, .svg or .pdf file"},
		{[]string{"--page", "a4", "--out", filepath.Join(dir, "x.png"), sample}, 2, "--page sets the page of a PDF"},
		{[]string{"--page", "a3", "--out", filepath.Join(dir, "x.pdf"), sample}, 2, "--page \"a3\": use 16:9, a4 or letter"},
		{[]string{"--scale", "2", "--out", filepath.Join(dir, "x.svg"), sample}, 2, "--scale sets the resolution of a PNG"},
		{[]string{"--scale", "9", "--out", filepath.Join(dir, "x.png"), sample}, 2, "from 0.5 to 4"},
		{[]string{"--size", "8000x4000", "--scale", "4", "--out", filepath.Join(dir, "x.png"), sample}, 2, "larger than 16384"},
		{[]string{"--size", "1000x1000", "--out", filepath.Join(dir, "x.pdf"), sample}, 2, "give --size 1000x563 or leave --size out"},
		{[]string{"--view", "globe", "--out", filepath.Join(dir, "x.png"), sample}, 2, "--view"},
		{[]string{"--view", "map", "--size", "12x9", "--out", filepath.Join(dir, "x.png"), sample}, 2, "--size"},
		{[]string{"--view", "map", "--out", filepath.Join(dir, "x.png"), filepath.Join(dir, "missing.csv")}, 1, "missing.csv"},
		{[]string{"--view", "map", "--from", "32.13.2023", "--out", filepath.Join(dir, "x.png"), sample}, 2, "--from"},
		{[]string{"--view", "map", sample}, 2, "usage"},
		{[]string{"--view", "map", "--size-by", "title", "--out", filepath.Join(dir, "x.png"), sample}, 1, "holds text"},
	}
	for _, c := range cases {
		var stdout, stderr bytes.Buffer
		code := Run(c.args, &stdout, &stderr)
		if code != c.code || !strings.Contains(stderr.String(), c.says) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", c.args, code, stderr.String(), c.code, c.says)
		}
	}
}

// TestRefusalsAreOneLine checks that a refusal is one line, and says who.
func TestRefusalsAreOneLine(t *testing.T) {
	var stderr bytes.Buffer
	Run([]string{"--scale", "2", "--out", "x.pdf", sample}, &bytes.Buffer{}, &stderr)
	if n := strings.Count(stderr.String(), "\n"); n != 1 || !strings.HasPrefix(stderr.String(), "chronomap: ") {
		t.Errorf("the refusal is %q", stderr.String())
	}
}

// typed is what a briefer types, in the languages sources come in.
var typed = []string{"--title", "Russlands Außenpolitik – Шойгу und Managua", "--subtitle", "Größere Lage, November 2023: «Москва»", "--marking", "UNCLASSIFIED // FOR TRAINING"}

// run runs the command and returns what it wrote.
func run(t *testing.T, name string, args ...string) []byte {
	t.Helper()
	out := filepath.Join(t.TempDir(), name)
	var stdout, stderr bytes.Buffer
	if code := Run(append(args, "--out", out, sample), &stdout, &stderr); code != 0 {
		t.Fatalf("%v: exit %d: %s", args, code, stderr.String())
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestRenderScale checks that --scale multiplies a PNG's pixels, not its
// layout.
func TestRenderScale(t *testing.T) {
	img, err := png.Decode(bytes.NewReader(run(t, "x.png", "--size", "960x540", "--scale", "2", "--title", "Scaled")))
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() != 1920 || b.Dy() != 1080 {
		t.Errorf("960x540 at --scale 2 is %v, want 1920×1080", b)
	}
}

// TestRenderSVG checks the SVG of each view: well-formed, what was typed
// as text (the marking twice), the window, the source line and credits,
// no bitmap.
func TestRenderSVG(t *testing.T) {
	for _, view := range []string{"both", "map", "timeline"} {
		args := append([]string{"--view", view, "--from", "2023-11-03", "--to", "2023-11-07"}, typed...)
		texts, elements := drawtest.SVG(t, run(t, "x.svg", args...))
		want := map[string]int{typed[1]: 1, typed[3]: 1, typed[5]: 2, "3 Nov 2023 – 7 Nov 2023": 1, "Source: ISW": 1}
		if view != "timeline" {
			want["Basemap: Natural Earth  ·  Places: GeoNames, CC BY 4.0"] = 1
			want["Category"] = 1 // the legend
		} else {
			want["Military cooperation"] = 1 // the lanes
		}
		for text, n := range want {
			if texts[text] != n {
				t.Errorf("--view %s: the SVG writes %q %d times, want %d", view, text, texts[text], n)
			}
		}
		if view != "timeline" && !slices.ContainsFunc(keys(texts), func(s string) bool { return strings.HasSuffix(s, " km") }) {
			t.Errorf("--view %s: no scale bar in %v", view, texts)
		}
		if elements["image"] > 0 {
			t.Errorf("--view %s: the SVG holds %d bitmaps", view, elements["image"])
		}
	}
}

func keys(m map[string]int) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// TestRenderPDF checks the PDF on each page with pdfinfo (one page of the
// asked size, titled) and pdftotext (the text layer holds what was typed,
// exactly).
func TestRenderPDF(t *testing.T) {
	for page, size := range map[string]string{"": "960 x 540", "16:9": "960 x 540", "a4": "841.89 x 595.28", "letter": "792 x 612"} {
		args := typed
		if page != "" {
			args = append([]string{"--page", page}, typed...)
		}
		info, lines := drawtest.PDF(t, run(t, "x.pdf", args...))
		for _, want := range []string{"Pages:           1", "Page size:       " + size + " pts", "Title:           " + typed[1]} {
			if !strings.Contains(info, want) {
				t.Errorf("--page %q: pdfinfo does not say %q:\n%s", page, want, info)
			}
		}
		for text, n := range map[string]int{typed[1]: 1, typed[3]: 1, typed[5]: 2, "1 Nov 2023 – 30 Nov 2023": 1, "Source: ISW": 1} {
			if got := count(lines, text); got != n {
				t.Errorf("--page %q: the text layer has %q %d times, want %d:\n%q", page, text, got, n, lines)
			}
		}
	}
}

// count counts the lines that read s, spaces aside (pdftotext puts one
// where the picture has two).
func count(lines []string, s string) int {
	n := 0
	for _, l := range lines {
		if strings.Join(strings.Fields(l), " ") == s {
			n++
		}
	}
	return n
}

// TestRenderSeveralFiles draws two files on one timeline and one map: the
// events of both, their categories ranked together.
func TestRenderSeveralFiles(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "both.svg")
	acled := filepath.Join("..", "..", "..", "data", "frame", "testdata", "preset_acled.csv")
	var stdout, stderr bytes.Buffer
	if code := Run([]string{"--out", out, sample, acled}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Military cooperation", "Battles"} {
		if !bytes.Contains(b, []byte(want)) {
			t.Errorf("the picture of both files lacks %q", want)
		}
	}
}
