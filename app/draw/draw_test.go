package draw

import (
	"image/color"
	"testing"
)

// TestCovers checks that the embedded font writes every language the
// sources come in, and says no to a script it lacks.
func TestCovers(t *testing.T) {
	for _, text := range []string{
		"Shoigu meets Nicaragua's army",
		"7. Nov. 2023 – Mäßig, Öl, Übergröße",
		"509 v. Chr. – 516 n. Chr.",
		"Шойгу встретился с командующим — 7 ноября 2023 г.",
		"Julio César Avilés, №",
	} {
		for _, bold := range []bool{false, true} {
			if !Sans(12, bold).Covers(text) {
				t.Errorf("Sans(12, %v) lacks a glyph of %q", bold, text)
			}
		}
	}
	if Sans(12, false).Covers("北京") {
		t.Error("Covers says Liberation Sans has Chinese")
	}
}

func TestFit(t *testing.T) {
	f := Sans(12, false)
	long := "Shoigu meets Burkina Faso's defence minister"
	if got := Fit(f, long, 1000); got != long {
		t.Errorf("Fit in 1000 px = %q", got)
	}
	got := Fit(f, long, 100)
	if f.Width(got) > 100 || got == "" || []rune(got)[len([]rune(got))-1] != '…' {
		t.Errorf("Fit in 100 px = %q (%.1f px)", got, f.Width(got))
	}
	if got := Fit(f, long, 12); got != "" {
		t.Errorf("Fit in 12 px = %q, want nothing", got)
	}
}

func TestOccupied(t *testing.T) {
	var o Occupied
	o.Take(Box{0, 0, 10, 10})
	if o.Free(Box{5, 5, 15, 15}) || !o.Free(Box{10, 0, 20, 10}) {
		t.Error("Free is wrong about touching and overlapping boxes")
	}
}

// TestBlock checks the pixel path's coverage: whole pixels take the
// colour, a half-covered column blends half-way, nothing spills over.
func TestBlock(t *testing.T) {
	s := NewRaster(10, 10, color.White)
	s.Block(2, 2, 4.5, 5, color.RGBA{0, 0, 0, 255}, 1)
	at := func(x, y int) uint8 { return s.Pixels.RGBAAt(x, y).R }
	if at(2, 2) != 0 || at(3, 4) != 0 {
		t.Errorf("inside: %d %d, want 0", at(2, 2), at(3, 4))
	}
	if v := at(4, 3); v < 120 || v > 135 {
		t.Errorf("half-covered pixel %d, want about 128", v)
	}
	if at(1, 2) != 255 || at(5, 3) != 255 || at(2, 5) != 255 {
		t.Error("Block spilled outside its rectangle")
	}
}

// TestLabel checks that the cached glyph path writes about the same ink
// as the backend's text, where the backend puts it.
func TestLabel(t *testing.T) {
	ink := func(label bool) (n int, minX, maxX int) {
		s := NewRaster(300, 40, color.White)
		f := Sans(14, false)
		if label {
			s.Label(f, 10, 25, "Ärger – Шойгу 7. Nov.", color.Black)
		} else {
			s.Text(f, 10, 25, "Ärger – Шойгу 7. Nov.", color.Black)
		}
		minX, maxX = 300, 0
		for y := 0; y < 40; y++ {
			for x := 0; x < 300; x++ {
				if s.Pixels.RGBAAt(x, y).R < 128 {
					n++
					minX, maxX = min(minX, x), max(maxX, x)
				}
			}
		}
		return n, minX, maxX
	}
	n1, a1, b1 := ink(false)
	n2, a2, b2 := ink(true)
	if n1 == 0 || float64(n2) < 0.85*float64(n1) || float64(n2) > 1.15*float64(n1) {
		t.Errorf("Label inked %d pixels, Text %d", n2, n1)
	}
	if abs(a1-a2) > 1 || abs(b1-b2) > 2 {
		t.Errorf("Label spans x %d–%d, Text %d–%d", a2, b2, a1, b1)
	}
}

func abs(v int) int { return max(v, -v) }

// BenchmarkLabel writes a 30-letter label (one op = one label).
func BenchmarkLabel(b *testing.B) {
	s := NewRaster(1920, 1080, Light.Background)
	f := Sans(12, false)
	for i := 0; b.Loop(); i++ {
		s.Label(f, float64(i%1800), float64(20+i%1000), "Shoigu meets Nicaragua's army", Light.Text)
	}
}
