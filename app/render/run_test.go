package render

import (
	"bytes"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const sample = "../../assets/sample/chronomap-sample.csv"

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
		{[]string{"--view", "map", "--out", filepath.Join(dir, "x.svg"), sample}, 2, "PNG only"},
		{[]string{"--view", "timeline", "--out", filepath.Join(dir, "x.png"), sample, sample}, 2, "several files"},
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
