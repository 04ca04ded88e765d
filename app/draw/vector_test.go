package draw

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"chronomap/app/draw/drawtest"
)

// typed is text in the languages briefings come in, with the en dash.
var typed = []string{
	"7 Nov 2023 – 12 Dec 2023",
	"Mäßig, Öl, Übergröße",
	"Шойгу встретился с командующим",
	"Ça & <Co> \"quoted\"",
}

// scene draws on s everything a view draws: fills, strokes, dashes,
// blocks, discs, strips, plain, halo and cached text, and a part.
func scene(s *Surface) {
	s.Clear(Light.Background)
	s.Rect(10, 10, 200, 100, Light.Water)
	s.Stroke(Path{{{0, 0}, {s.W, s.H}}}, Light.Border, 1, false)
	s.Dashed(Path{{{0, s.H}, {s.W, 0}}}, Light.Accent, 1.5, 6, 3)
	s.Block(20, 20, 60, 40, Light.Palette[0], 0.5)
	s.Column(70, 20, 40, Light.Palette[1])
	s.Disc(100, 100, 8, Light.Palette[2], 0.8, Light.Halo, 1.5)
	s.Histogram(120, 120, []float64{0, 3, 5, 0, 2}, Light.Palette[3])
	f := Sans(20, false)
	for i, text := range typed {
		y := 160 + 30*float64(i)
		switch i % 3 {
		case 0:
			s.Text(f, 20, y, text, Light.Text)
		case 1:
			s.Label(f, 20, y, text, Light.Text)
		default:
			s.HaloText(f, 20, y, text, Light.Text, Light.Halo)
		}
	}
	s.Part(300, 20, 200, 100, func(p *Surface) {
		p.Clear(Light.Land)
		// A shape far larger than the part, which must be cut to it.
		p.Fill(Path{{{-500, -500}, {900, -500}, {900, 900}, {-500, 900}}}, Light.Water)
		p.Text(Sans(14, true), 10, 30, "in the part", Light.Text)
		p.Text(Sans(14, true), 150, 30, "runs off the part", Light.Text)
	})
}

// TestSVG checks that an SVG surface writes well-formed XML whose text
// elements hold what was written, each once, with the font embedded.
func TestSVG(t *testing.T) {
	s := NewSVG(640, 360)
	scene(s)
	var b bytes.Buffer
	if _, err := s.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	texts, elements := drawtest.SVG(t, b.Bytes())
	for _, text := range append(typed, "in the part") {
		if texts[text] != 1 {
			t.Errorf("the SVG has %d <text> elements %q, want 1", texts[text], text)
		}
	}
	if texts["runs off the part"] != 0 {
		t.Error("text running off its part was written")
	}
	if elements["image"] != 0 {
		t.Errorf("the SVG holds %d bitmaps", elements["image"])
	}
	if !bytes.Contains(b.Bytes(), []byte("@font-face")) {
		t.Error("the SVG does not embed its font")
	}
}

// TestPDF checks a two-page PDF with pdfinfo (page size, pages, title)
// and pdftotext (its text layer holds what was written, in every script,
// once).
func TestPDF(t *testing.T) {
	s := NewPDF(1920, 1080, Slide)
	s.PDF().SetTitle("Übung – Шойгу")
	scene(s)
	s.PDF().NextPage()
	s.Text(Sans(40, true), 100, 200, "Seite zwei – страница два", Light.Text)
	if s.PDF().Pages() != 2 {
		t.Errorf("%d pages, want 2", s.PDF().Pages())
	}
	var b bytes.Buffer
	if _, err := s.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	info, lines := drawtest.PDF(t, b.Bytes())
	for _, want := range []string{"Pages:           2", "Page size:       960 x 540 pts", "Title:           Übung – Шойгу"} {
		if !strings.Contains(info, want) {
			t.Errorf("pdfinfo does not say %q:\n%s", want, info)
		}
	}
	// In reading order: the part, top right, first.
	want := append(append([]string{"in the part"}, typed...), "Seite zwei – страница два")
	if !slices.Equal(lines, want) {
		t.Errorf("pdftotext reads\n%q\nwant\n%q", lines, want)
	}
	if NewRaster(10, 10, Light.Background).PDF() != nil || NewSVG(10, 10).PDF() != nil {
		t.Error("a surface that is not a PDF has a PDF canvas")
	}
}

// TestPDFPages checks that each page size comes out as asked, and that
// a picture of another shape is centred on it rather than stretched.
func TestPDFPages(t *testing.T) {
	for _, c := range []struct {
		page Page
		want string
	}{{Slide, "960 x 540"}, {A4, "841.89 x 595.28"}, {Letter, "792 x 612"}} {
		w, h := c.page.Pixels(1920)
		s := NewPDF(w, h, c.page)
		s.Clear(Light.Water)
		var b bytes.Buffer
		if _, err := s.WriteTo(&b); err != nil {
			t.Fatal(err)
		}
		if info, _ := drawtest.PDF(t, b.Bytes()); !strings.Contains(info, "Page size:       "+c.want+" pts") {
			t.Errorf("%v: pdfinfo says\n%s", c.page, info)
		}
	}
	s := NewPDF(1000, 1000, Slide)
	if s.pdf.k != 0.54 || s.pdf.dx != 210 || s.pdf.dy != 0 {
		t.Errorf("a square picture on a slide: scale %v, offset %v, %v; want 0.54, 210, 0", s.pdf.k, s.pdf.dx, s.pdf.dy)
	}
}

// TestCut checks the cutting of paths to a part: a ring across the edge
// keeps its inside, a line leaving and coming back splits in two.
func TestCut(t *testing.T) {
	b := Box{0, 0, 10, 10}
	r := clipRing([][2]float64{{-5, -5}, {5, -5}, {5, 5}, {-5, 5}}, b)
	area := 0.0
	for i := range r {
		p, q := r[i], r[(i+1)%len(r)]
		area += p[0]*q[1] - q[0]*p[1]
	}
	if area/2 != 25 {
		t.Errorf("the ring cut to the box has area %v, want 25: %v", area/2, r)
	}
	pieces := clipLine([][2]float64{{-5, 5}, {5, 5}, {5, 15}, {8, 15}, {8, 5}, {15, 5}}, b, false)
	if len(pieces) != 2 || pieces[0][0] != [2]float64{0, 5} || pieces[1][len(pieces[1])-1] != [2]float64{10, 5} {
		t.Errorf("the line cut to the box is %v", pieces)
	}
	s := &Surface{W: 10, H: 10, clip: b}
	p := Path{{{1, 1}, {2, 2}, {3, 1}}}
	if got := s.cut(p, true); &got[0] != &p[0] {
		t.Error("a path inside the box was copied")
	}
	if got := s.cut(Path{{{20, 20}, {30, 20}, {30, 30}}}, true); len(got) != 0 {
		t.Errorf("a ring outside the box was kept: %v", got)
	}
}

// TestScaled checks that a scaled raster draws the layout at its scale:
// a block, a disc and a label land where the unscaled ones do, twice as
// far from the origin.
func TestScaled(t *testing.T) {
	s := NewRasterScaled(100, 50, 2, Light.Background)
	if b := s.Pixels.Rect; b.Dx() != 200 || b.Dy() != 100 || s.W != 100 || s.Scale() != 2 {
		t.Fatalf("a 100×50 surface at scale 2 is %v pixels, W %v, scale %v", b, s.W, s.Scale())
	}
	s.Block(10, 10, 20, 20, Light.Text, 1)
	s.Disc(60, 15, 5, Light.Palette[0], 1, Light.Palette[0], 0)
	s.Rect(10, 30, 10, 10, Light.Text)
	s.Part(50, 25, 50, 25, func(p *Surface) { p.Block(0, 0, 10, 10, Light.Accent, 1) })
	for _, c := range []struct {
		x, y int
		want bool
	}{{25, 25, true}, {39, 39, true}, {41, 41, false}, {120, 30, true}, {120, 45, false}, {25, 65, true}, {105, 55, true}, {125, 75, false}} {
		if got := s.Pixels.RGBAAt(c.x, c.y) != Light.Background; got != c.want {
			t.Errorf("pixel (%d, %d) inked: %v, want %v", c.x, c.y, got, c.want)
		}
	}
}
