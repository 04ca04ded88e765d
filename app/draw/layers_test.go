package draw

import (
	"image/color"
	"math"
	"testing"
)

// TestLayerColoursApart: the twelve layer colours of each theme differ
// from each other by at least 15 (CIE76 ΔE in Lab) for normal colour
// vision and for deuteranopia, protanopia and tritanopia as Machado,
// Oliveira and Fernandes (2009) simulate them, and stand off the land.
func TestLayerColoursApart(t *testing.T) {
	visions := []struct {
		name string
		m    [3][3]float64
	}{
		{"normal", [3][3]float64{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}},
		{"deuteranopia", [3][3]float64{{0.367322, 0.860646, -0.227968}, {0.280085, 0.672501, 0.047413}, {-0.011820, 0.042940, 0.968881}}},
		{"protanopia", [3][3]float64{{0.152286, 1.052583, -0.204868}, {0.114503, 0.786281, 0.099216}, {-0.003882, -0.048116, 1.051998}}},
		{"tritanopia", [3][3]float64{{1.255528, -0.076749, -0.178779}, {-0.078411, 0.930809, 0.147602}, {0.004733, 0.691367, 0.303900}}},
	}
	for _, th := range []Theme{Light, Dark} {
		if len(th.Layers) != 12 {
			t.Fatalf("%s: %d layer colours, want 12", th.Name, len(th.Layers))
		}
		for _, v := range visions {
			for i := range th.Layers {
				for j := i + 1; j < len(th.Layers); j++ {
					if d := deltaE(seen(th.Layers[i], v.m), seen(th.Layers[j], v.m)); d < 15 {
						t.Errorf("%s, %s: layers %d and %d (%v, %v) are %.1f apart", th.Name, v.name, i, j, th.Layers[i], th.Layers[j], d)
					}
				}
			}
		}
		for i, c := range th.Layers {
			if d := deltaE(lab(c), lab(th.Land)); d < 25 {
				t.Errorf("%s: layer %d (%v) is %.1f from the land", th.Name, i, c, d)
			}
		}
	}
	// A layer past the seventh no longer takes the first one's colour.
	if l := Light.ForLayers(nil); l.Category(7) == l.Category(0) {
		t.Error("layer 8 is drawn as layer 1")
	}
}

func linear(c uint8) float64 {
	v := float64(c) / 255
	if v <= 0.04045 {
		return v / 12.92
	}
	return math.Pow((v+0.055)/1.055, 2.4)
}

// seen is how a colour looks with a kind of colour vision, in Lab.
func seen(c color.RGBA, m [3][3]float64) [3]float64 {
	l := [3]float64{linear(c.R), linear(c.G), linear(c.B)}
	var o [3]float64
	for i := range 3 {
		o[i] = math.Max(0, math.Min(1, m[i][0]*l[0]+m[i][1]*l[1]+m[i][2]*l[2]))
	}
	return labLinear(o)
}

func lab(c color.RGBA) [3]float64 {
	return labLinear([3]float64{linear(c.R), linear(c.G), linear(c.B)})
}

func labLinear(l [3]float64) [3]float64 {
	x := (0.4124*l[0] + 0.3576*l[1] + 0.1805*l[2]) / 0.95047
	y := 0.2126*l[0] + 0.7152*l[1] + 0.0722*l[2]
	z := (0.0193*l[0] + 0.1192*l[1] + 0.9505*l[2]) / 1.08883
	f := func(t float64) float64 {
		if t > 0.008856 {
			return math.Cbrt(t)
		}
		return 7.787*t + 16.0/116
	}
	return [3]float64{116*f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))}
}

func deltaE(a, b [3]float64) float64 {
	return math.Sqrt((a[0]-b[0])*(a[0]-b[0]) + (a[1]-b[1])*(a[1]-b[1]) + (a[2]-b[2])*(a[2]-b[2]))
}
