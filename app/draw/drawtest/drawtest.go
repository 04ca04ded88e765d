// Package drawtest compares the pictures views draw with reference images
// kept in testdata/ and reviewed by eye, and checks SVG and PDF documents.
// It is for tests only, in the manner of net/http/httptest: no program
// imports it.
//
// `go test -update` rewrites the references; look at every one it changes
// before committing it.
package drawtest

import (
	"bytes"
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"testing"
)

// Update is the -update flag of the test binaries that use this package.
var Update = flag.Bool("update", false, "rewrite the golden images in testdata/")

// Tolerance is how far, as a share of the greatest perceived difference
// (black against white), any one pixel may be from its golden image. It
// is checked on every pixel, none excepted: a glyph that is missing or
// moved changes its pixels by far more (an erased "to" in a slide's title:
// 670 pixels, at worst 87%), while the goldens are drawn alike run after
// run, and rounding in a library's anti-aliasing would move an edge pixel
// by a few levels.
const Tolerance = 0.04

// Diff says where and by how much an image differs from its golden one.
type Diff struct {
	Pixels int             // pixels further apart than the tolerance
	Worst  float64         // the greatest difference, 0 (equal) to 1 (black against white)
	Bounds image.Rectangle // the smallest rectangle that holds every such pixel
}

// Compare measures, pixel by pixel, how far got is from want, in the NTSC
// YIQ colour space that weighs a difference as the eye sees it
// (Kotsarenko and Ramos, "Measuring perceived color difference using YIQ
// NTSC transmission color space in mobile applications", 2010). Pixels
// further apart than tolerance are counted. Images of different sizes are
// an error.
func Compare(got, want image.Image, tolerance float64) (Diff, error) {
	b := got.Bounds()
	if want.Bounds().Size() != b.Size() {
		return Diff{}, fmt.Errorf("the image is %v, the golden image %v", b.Size(), want.Bounds().Size())
	}
	var d Diff
	off := want.Bounds().Min.Sub(b.Min)
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			p := distance(got.At(x, y), want.At(x+off.X, y+off.Y))
			d.Worst = max(d.Worst, p)
			if p > tolerance {
				d.Pixels++
				d.Bounds = d.Bounds.Union(image.Rect(x, y, x+1, y+1))
			}
		}
	}
	return d, nil
}

// distance is the perceived difference of two colours, each over white,
// from 0 to 1, as the square root of the YIQ distance so that it scales
// with a difference in brightness rather than with its square.
func distance(c1, c2 color.Color) float64 {
	y1, i1, q1 := yiq(c1)
	y2, i2, q2 := yiq(c2)
	dy, di, dq := y1-y2, i1-i2, q1-q2
	const black = 0.5053 // dy is 1 for black against white, di and dq 0
	return min(1, math.Sqrt((0.5053*dy*dy+0.299*di*di+0.1957*dq*dq)/black))
}

// yiq is c laid over white in YIQ, from 0 to 1 for brightness.
func yiq(c color.Color) (y, i, q float64) {
	r, g, b, a := c.RGBA()
	over := float64(0xffff - a)
	rf := (float64(r) + over) / 0xffff
	gf := (float64(g) + over) / 0xffff
	bf := (float64(b) + over) / 0xffff
	return 0.29889531*rf + 0.58662247*gf + 0.11448223*bf,
		0.59597799*rf - 0.27417610*gf - 0.32180189*bf,
		0.21147017*rf - 0.52261711*gf + 0.31114694*bf
}

// Picture draws where got and want, of one size, differ: the golden image
// faded to a pale grey for orientation, every pixel beyond tolerance in
// red, darker the further apart.
func Picture(got, want image.Image, tolerance float64) *image.RGBA {
	gb, wb := got.Bounds(), want.Bounds()
	size := image.Pt(min(gb.Dx(), wb.Dx()), min(gb.Dy(), wb.Dy()))
	dst := image.NewRGBA(image.Rectangle{Max: size})
	for y := 0; y < size.Y; y++ {
		for x := 0; x < size.X; x++ {
			w := want.At(wb.Min.X+x, wb.Min.Y+y)
			if d := distance(got.At(gb.Min.X+x, gb.Min.Y+y), w); d > tolerance {
				fade := uint8(200 * (1 - d))
				dst.SetRGBA(x, y, color.RGBA{255, fade, fade, 255})
				continue
			}
			l, _, _ := yiq(w)
			g := uint8(200 + 55*l)
			dst.SetRGBA(x, y, color.RGBA{g, g, g, 255})
		}
	}
	return dst
}

// Check compares img with the PNG at path, or writes it there with
// -update. Every pixel must be within Tolerance of the golden one. Where
// one is not, the test fails and the image drawn and a picture of the
// differences are written to a folder the failure names, to be looked at
// before running -update.
func Check(t testing.TB, path string, img image.Image) {
	t.Helper()
	if *Update {
		if err := writePNG(path, img); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := readPNG(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to write it, then look at it)", err)
	}
	d, err := Compare(img, want, Tolerance)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if d.Pixels == 0 {
		return
	}
	msg := fmt.Sprintf("%s: %d pixels in %v differ from the golden image by more than %.0f%% (at worst %.0f%%)",
		path, d.Pixels, d.Bounds, Tolerance*100, d.Worst*100)
	dir, err := failures(path)
	if err == nil {
		base := filepath.Join(dir, trimExt(filepath.Base(path)))
		if err = writePNG(base+".got.png", img); err == nil {
			err = writePNG(base+".diff.png", Picture(img, want, Tolerance))
		}
		if err == nil {
			msg += fmt.Sprintf("; drawn: %s.got.png, differences: %s.diff.png", base, base)
		}
	}
	if err != nil {
		msg += fmt.Sprintf("; the differences could not be written: %v", err)
	}
	t.Error(msg)
}

// failures is the folder for the images of a failed check of the golden
// image at path. A golden image in the source tree has them under the
// system's temporary folder, named after the package's folder, so that
// nothing is written into the tree; one written elsewhere by a test has
// them beside it.
func failures(path string) (string, error) {
	if filepath.IsAbs(path) {
		return filepath.Dir(path), nil
	}
	wd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	rel := filepath.Base(wd)
	for dir := wd; filepath.Dir(dir) != dir; dir = filepath.Dir(dir) {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			if r, err := filepath.Rel(dir, wd); err == nil {
				rel = r
			}
			break
		}
	}
	dir := filepath.Join(os.TempDir(), "golden", rel, filepath.Dir(path))
	return dir, os.MkdirAll(dir, 0o755)
}

func trimExt(name string) string {
	return name[:len(name)-len(filepath.Ext(name))]
}

func readPNG(path string) (image.Image, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return img, nil
}

func writePNG(path string, img image.Image) error {
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return os.WriteFile(path, b.Bytes(), 0o644)
}
