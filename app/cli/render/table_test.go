package render

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"chronomap/data/server/servertest"
)

// TestTableAsFile draws the timeline of a generated file and of the same
// file imported into each engine: the histograms the engine answers draw
// the same picture, pixel for pixel, over the whole span and in a window
// (enough events that every lane of the file's is a density strip too);
// the map of the table is drawn, and nothing said holds the password.
func TestTableAsFile(t *testing.T) {
	for _, e := range servertest.Engines {
		t.Run(e.Name, func(t *testing.T) {
			url, path := servertest.Imported(t, e.Name, e.PasswordVar, 20000)
			dir := t.TempDir()
			for _, window := range [][]string{nil, {"--from", "1996-03-01", "--to", "2016-07-01"}} {
				var pics [2][]byte
				for i, src := range []string{path, url} {
					out := filepath.Join(dir, "t.png")
					var stdout, stderr bytes.Buffer
					argv := append([]string{"--view", "timeline", "--out", out}, window...)
					if code := Run(append(argv, src), &stdout, &stderr); code != 0 {
						t.Fatalf("%s: exit %d: %s", src, code, stderr.String())
					}
					if strings.Contains(stderr.String(), os.Getenv("CHRONOMAP_TEST_PASSWORD")) {
						t.Errorf("stderr shows the password")
					}
					pics[i], _ = os.ReadFile(out)
				}
				a, err1 := png.Decode(bytes.NewReader(pics[0]))
				b, err2 := png.Decode(bytes.NewReader(pics[1]))
				if err1 != nil || err2 != nil {
					t.Fatalf("not PNGs: %v, %v", err1, err2)
				}
				if differ := diffPixels(a, b); differ > 0 {
					t.Errorf("window %v: the table's timeline differs from the file's in %d pixels", window, differ)
				}
			}
			out := filepath.Join(dir, "both.png")
			var stdout, stderr bytes.Buffer
			if code := Run([]string{"--out", out, "--projection", "mercator", url}, &stdout, &stderr); code != 0 {
				t.Fatalf("exit %d: %s", code, stderr.String())
			}
			if fi, err := os.Stat(out); err != nil || fi.Size() < 10000 {
				t.Errorf("no picture: %v", err)
			}
		})
	}
}

// TestTableCommandLines: a table is drawn alone, without --size-by, and a
// table that is not there is one line, exit 1, no picture.
func TestTableCommandLines(t *testing.T) {
	url, path := servertest.Imported(t, "CLICKHOUSE", "CLICKHOUSE_PASSWORD", 100)
	out := filepath.Join(t.TempDir(), "x.png")
	for _, c := range []struct {
		argv []string
		code int
		says string
	}{
		{[]string{"--out", out, url, path}, 2, "one table"},
		{[]string{"--out", out, "--size-by", "fatalities", url}, 2, "--size-by"},
		{[]string{"--out", out, strings.Replace(url, "table=cli_", "table=nosuch_", 1)}, 1, "has no table"},
	} {
		var stdout, stderr bytes.Buffer
		if code := Run(c.argv, &stdout, &stderr); code != c.code || !strings.Contains(stderr.String(), c.says) || strings.Count(stderr.String(), "\n") != 1 {
			t.Errorf("%q: exit %d, %q; want %d saying %q in one line", c.argv, code, stderr.String(), c.code, c.says)
		}
		if _, err := os.Stat(out); err == nil {
			t.Errorf("%q wrote a picture", c.argv)
		}
	}
}

// diffPixels counts the pixels in which two pictures differ; every pixel
// when their sizes do.
func diffPixels(a, b image.Image) int {
	if a.Bounds() != b.Bounds() {
		return a.Bounds().Dx() * a.Bounds().Dy()
	}
	n := 0
	r := a.Bounds()
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if a.At(x, y) != b.At(x, y) {
				n++
			}
		}
	}
	return n
}
