package draw

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	stdfont "golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// wantGap is the gap between the inked stems of "11" at a size, from the
// font's own numbers: the pen moves by the advance of "1" and the pair's
// kerning (Liberation Sans, like Arial, kerns "11" by -152/2048 em so
// that the digits do not read as "1 1"), and each "1" inks its bounds.
func wantGap(t *testing.T, f Face) (gap, shift, ink float64) {
	t.Helper()
	sf, size := f.face.Face, float64(f.face.Font.Size)
	ppem := fixed.Int26_6(math.Round(size * 64))
	var buf sfnt.Buffer
	one, err := sf.GlyphIndex(&buf, '1')
	if err != nil {
		t.Fatal(err)
	}
	adv, err := sf.GlyphAdvance(&buf, one, ppem, stdfont.HintingNone)
	if err != nil {
		t.Fatal(err)
	}
	kern, err := sf.Kern(&buf, one, one, ppem, stdfont.HintingNone)
	if err != nil || kern >= 0 {
		t.Fatalf("Liberation Sans should kern \"11\" (got %v, %v)", kern, err)
	}
	b, _, err := sf.GlyphBounds(&buf, one, ppem, stdfont.HintingNone)
	if err != nil {
		t.Fatal(err)
	}
	shift, ink = float64(adv+kern)/64, float64(b.Max.X-b.Min.X)/64
	return shift - ink, shift, ink
}

// inkX is the centre of the ink in r, weighted by how dark each pixel is,
// in pixels of img divided by k.
func inkX(img image.Image, r image.Rectangle, k float64) float64 {
	var sum, at float64
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			g, _, _, _ := img.At(x, y).RGBA()
			d := 1 - float64(g)/0xFFFF
			sum += d
			at += d * (float64(x) + 0.5)
		}
	}
	return at / sum / k
}

// measureGap measures the gap between the digits of "11" written at rows y11
// (baseline) in img, from a lone "1" at y1 written at the same x: the two
// digits are the same glyph, so the centre of the ink of "11" lies half
// the pen's move to the right of the lone one's.
func measureGap(img image.Image, k, y1, y11, size float64, inkWidth float64) (gap, shift float64) {
	row := func(y float64) image.Rectangle {
		return image.Rect(0, int((y-size*1.1)*k), img.Bounds().Dx(), int((y+size*0.3)*k))
	}
	shift = 2 * (inkX(img, row(y11), k) - inkX(img, row(y1), k))
	return shift - inkWidth, shift
}

// TestKerningRaster measures the gap between the digits of "11" on raster
// surfaces, by Text and by Label, at the sizes of labels, slide type and
// a 4K slide's doubled pixels: it must be the font's, to a third of a
// pixel. x/image's opentype face kerned every pair as if the face were 64
// pixels tall: "11" ran together in labels and stood apart in large type.
func TestKerningRaster(t *testing.T) {
	for _, size := range []float64{11, 12.5, 20, 48} {
		for _, scale := range []float64{1, 2} {
			f := Sans(size, false)
			want, wantShift, inkW := wantGap(t, f)
			for _, label := range []bool{false, true} {
				s := NewRasterScaled(200, int(4*size), scale, color.White)
				write := s.Text
				if label {
					write = s.Label
				}
				write(f, 20.3, 1.5*size, "1", color.Black)
				write(f, 20.3, 3.2*size, "11", color.Black)
				gap, shift := measureGap(s.Pixels, scale, 1.5*size, 3.2*size, size, inkW)
				if math.Abs(shift-wantShift) > 1.0/3 {
					t.Errorf("%v px at ×%v (label %v): the digits of \"11\" are %.2f px apart (a gap of %.2f px), the font says %.2f (a gap of %.2f px)",
						size, scale, label, shift, gap, wantShift, want)
				}
			}
		}
	}
}

// TestKerningPDF measures the same gap in a PDF, as poppler draws it:
// fpdf writes advances only, so text is handed to it in pieces cut at
// kerned pairs, and the PDF's "11" is the PNG's "11".
func TestKerningPDF(t *testing.T) {
	if _, err := exec.LookPath("pdftoppm"); err != nil {
		t.Skip("pdftoppm is not installed")
	}
	const size, dpi = 20.0, 288 // a 960-pixel layout on a 960-point page: 4 pixels a layout pixel
	s := NewPDF(960, 540, Slide)
	f := Sans(size, false)
	s.Text(f, 20.3, 1.5*size, "1", color.Black)
	s.Text(f, 20.3, 3.2*size, "11", color.Black)
	s.Text(f, 20.3, 5.5*size, long, color.Black)
	var b bytes.Buffer
	if _, err := s.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "k.pdf")
	if err := os.WriteFile(in, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("pdftoppm", "-r", "288", "-png", "-singlefile", in, filepath.Join(dir, "k")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, out)
	}
	r, err := os.Open(filepath.Join(dir, "k.png"))
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	img, err := png.Decode(r)
	if err != nil {
		t.Fatal(err)
	}
	want, wantShift, inkW := wantGap(t, f)
	gap, shift := measureGap(img, dpi/72, 1.5*size, 3.2*size, size, inkW)
	if math.Abs(shift-wantShift) > 1.0/3 {
		t.Errorf("PDF: the digits of \"11\" are %.2f px apart (a gap of %.2f px), the font says %.2f (a gap of %.2f px)", shift, gap, wantShift, want)
	}
	// And the PNG's, side by side with the PDF's.
	p := NewRaster(200, int(4*size), color.White)
	p.Text(f, 20.3, 1.5*size, "1", color.Black)
	p.Text(f, 20.3, 3.2*size, "11", color.Black)
	if pg, _ := measureGap(p.Pixels, 1, 1.5*size, 3.2*size, size, inkW); math.Abs(pg-gap) > 1.0/3 {
		t.Errorf("the gap in \"11\" is %.2f px in the PDF and %.2f px in the PNG", gap, pg)
	}
	// A slide's source line, kerned pairs and all (" A", "AV", "Te"),
	// ends where Width says in both.
	wide := NewRaster(960, int(6*size), color.White)
	wide.Text(f, 20.3, 5.5*size, long, color.Black)
	wantEnd := 20.3 + f.Width(long)
	for name, end := range map[string]float64{
		"PDF": inkEnd(img, dpi/72, 5.5*size, size),
		"PNG": inkEnd(wide.Pixels, 1, 5.5*size, size),
	} {
		// The last letter's ink ends short of its advance by its side
		// bearing: a pixel or so for "s".
		if end > wantEnd+0.5 || end < wantEnd-2 {
			t.Errorf("%s: %q ends at %.1f px, Width puts its end at %.1f", name, long, end, wantEnd)
		}
	}
}

// long is a source line with kerned pairs in it.
const long = "News Agency, Afghan AVIA Teams 1911 Press"

// inkEnd returns the right end of the ink on the text line with its
// baseline at y, in layout pixels (img has k pixels to one).
func inkEnd(img image.Image, k, y, size float64) float64 {
	end := 0.0
	for py := int((y - size) * k); py < int((y+size*0.3)*k); py++ {
		for px := img.Bounds().Dx() - 1; px >= 0; px-- {
			if g, _, _, _ := img.At(px, py).RGBA(); g < 0x8000 {
				end = math.Max(end, float64(px+1)/k)
				break
			}
		}
	}
	return end
}
