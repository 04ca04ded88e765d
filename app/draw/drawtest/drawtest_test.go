package drawtest_test

import (
	"fmt"
	"go/parser"
	"go/token"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"

	chronodraw "chronomap/app/draw"
	"chronomap/app/draw/drawtest"
	"chronomap/app/slide"
)

const title = "Russia's outreach to Armenia, Nicaragua and Burkina Faso"

// slidePNG draws a 1920×1080 slide with the title given, as the render
// command and the window's export do.
func slidePNG(title string) *image.RGBA {
	s := chronodraw.NewRaster(1920, 1080, chronodraw.Light.Background)
	slide.Draw(s, slide.Spec{
		Title:    title,
		Subtitle: "Meetings and reactions reported by ISW, November 2023",
		Window:   "1 Nov 2023 – 30 Nov 2023",
		Marking:  "UNCLASSIFIED // FOR TRAINING",
		Theme:    chronodraw.Light,
	})
	return s.Pixels
}

// erased is the slide with the word "to" of its title painted over with
// what lies behind the title there: the title is drawn whole but for one
// short word, everything else as it was.
func erased(t *testing.T) (img *image.RGBA, box image.Rectangle) {
	t.Helper()
	upTo := strings.Index(title, " to ") + len(" to")
	with, without := slidePNG(title[:upTo]), slidePNG(title[:upTo-len(" to")])
	d, err := drawtest.Compare(with, without, 0)
	if err != nil {
		t.Fatal(err)
	}
	box = d.Bounds
	if box.Empty() || box.Dx() > 100 || box.Max.Y > 200 {
		t.Fatalf("the word %q is drawn in %v, not as one short word in the title", "to", box)
	}
	img = slidePNG(title)
	draw.Draw(img, box, without, box.Min, draw.Src)
	return img, box
}

// TestCheckWordErased checks the checker: a title with one short word
// erased fails, with a picture of the differences that marks the word; the
// same slide drawn again passes.
func TestCheckWordErased(t *testing.T) {
	defer func(u bool) { *drawtest.Update = u }(*drawtest.Update)
	*drawtest.Update = false
	golden := filepath.Join(t.TempDir(), "title.png")
	writePNG(t, golden, slidePNG(title))

	if r := check(t, golden, slidePNG(title)); r.failed {
		t.Errorf("the same slide drawn again fails: %s", r.msg)
	}

	img, box := erased(t)
	r := check(t, golden, img)
	if !r.failed {
		t.Fatalf("a title with %q erased passes", "to")
	}
	t.Logf("erasing %q: %s", "to", r.msg)
	d, err := drawtest.Compare(img, slidePNG(title), drawtest.Tolerance)
	if err != nil {
		t.Fatal(err)
	}
	if d.Bounds.Intersect(box) != d.Bounds {
		t.Errorf("pixels outside the erased word differ: %v, the word %v", d.Bounds, box)
	}
	// The old check let 0.2% of the pixels differ; the word is fewer.
	t.Logf("%d pixels differ, %.3f%% of the slide", d.Pixels, 100*float64(d.Pixels)/(1920*1080))

	diff := strings.TrimSuffix(golden, ".png") + ".diff.png"
	if !strings.Contains(r.msg, diff) {
		t.Errorf("the failure does not name %s: %s", diff, r.msg)
	}
	pic := readPNG(t, diff)
	red := 0
	for y := pic.Bounds().Min.Y; y < pic.Bounds().Max.Y; y++ {
		for x := pic.Bounds().Min.X; x < pic.Bounds().Max.X; x++ {
			r, g, _, _ := pic.At(x, y).RGBA()
			if r == 0xffff && g < 0xd000 {
				if !image.Pt(x, y).In(box) {
					t.Fatalf("the picture of differences marks (%d,%d), outside the word %v", x, y, box)
				}
				red++
			}
		}
	}
	if red != d.Pixels {
		t.Errorf("the picture of differences marks %d pixels, %d differ", red, d.Pixels)
	}
	if got := readPNG(t, strings.TrimSuffix(golden, ".png")+".got.png"); got.Bounds() != img.Bounds() {
		t.Errorf("the image drawn is written %v, drawn %v", got.Bounds(), img.Bounds())
	}
}

// TestCompare checks the measure on colours whose distance is known.
func TestCompare(t *testing.T) {
	white, black, grey := uni(color.White), uni(color.Black), uni(color.Gray{0xF0})
	for _, c := range []struct {
		a, b          image.Image
		tolerance     float64
		pixels        int
		worstMin, max float64
	}{
		{white, white, 0, 0, 0, 0},
		{white, black, 0.99, 16, 1, 1},
		{white, grey, 0.1, 0, 0.05, 0.07},
		{white, grey, 0.05, 16, 0.05, 0.07},
		{uni(color.RGBA{0xFF, 0, 0, 0xFF}), uni(color.RGBA{0, 0, 0xFF, 0xFF}), 0.3, 16, 0.4, 1},
		{uni(color.Transparent), white, 0, 0, 0, 0}, // both white once laid over white
	} {
		d, err := drawtest.Compare(c.a, c.b, c.tolerance)
		if err != nil {
			t.Fatal(err)
		}
		if d.Pixels != c.pixels || d.Worst < c.worstMin || d.Worst > c.max {
			t.Errorf("%v against %v at %v: %+v, want %d pixels, worst in [%v, %v]",
				c.a.At(0, 0), c.b.At(0, 0), c.tolerance, d, c.pixels, c.worstMin, c.max)
		}
	}
	if _, err := drawtest.Compare(white, image.NewRGBA(image.Rect(0, 0, 4, 5)), 0); err == nil {
		t.Error("images of different sizes compare")
	}
}

func uni(c color.Color) image.Image {
	img := image.NewRGBA(image.Rect(0, 0, 4, 4))
	draw.Draw(img, img.Rect, image.NewUniform(c), image.Point{}, draw.Src)
	return img
}

// TestOnlyTests keeps the package out of the program: no file of the
// module but a test imports it.
func TestOnlyTests(t *testing.T) {
	root := "../../.."
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(path string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		// The go command ignores these folders too.
		if e.IsDir() && path != root && (e.Name() == "testdata" || strings.HasPrefix(e.Name(), ".") || strings.HasPrefix(e.Name(), "_")) {
			return filepath.SkipDir
		}
		if e.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		for _, imp := range f.Imports {
			if p, _ := strconv.Unquote(imp.Path.Value); p == "chronomap/app/draw/drawtest" {
				t.Errorf("%s imports drawtest, which is for tests only", path)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// recorder is a testing.TB that keeps what Check says instead of failing
// the test that runs it.
type recorder struct {
	testing.TB
	failed bool
	msg    string
}

func (r *recorder) Helper()           {}
func (r *recorder) Error(args ...any) { r.failed, r.msg = true, fmt.Sprint(args...) }
func (r *recorder) Errorf(format string, args ...any) {
	r.failed, r.msg = true, fmt.Sprintf(format, args...)
}
func (r *recorder) Fatal(args ...any) { r.Error(args...); runtime.Goexit() }
func (r *recorder) Fatalf(format string, args ...any) {
	r.Errorf(format, args...)
	runtime.Goexit()
}

// check runs drawtest.Check on its own goroutine, as the testing package
// runs a test, so that a Fatal ends only the check.
func check(t *testing.T, golden string, img image.Image) *recorder {
	r := &recorder{TB: t}
	done := make(chan struct{})
	go func() {
		defer close(done)
		drawtest.Check(r, golden, img)
	}()
	<-done
	return r
}

func writePNG(t *testing.T, path string, img image.Image) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, img); err != nil {
		t.Fatal(err)
	}
}

func readPNG(t *testing.T, path string) image.Image {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	return img
}
