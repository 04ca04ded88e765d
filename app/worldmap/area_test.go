package worldmap

import (
	"image/color"
	"path/filepath"
	"testing"

	"github.com/paulmach/orb"

	"chronomap/app/draw"
	"chronomap/app/draw/drawtest"
	"chronomap/data/dataset"
)

// TestRenderArea outlines the map area a filter keeps: the outline runs
// along the box's parallels, and a box across the antimeridian is drawn
// on both sides of it.
func TestRenderArea(t *testing.T) {
	e := sampleEvents(t)
	cases := []struct {
		name string
		box  dataset.Box
	}{
		{"area-moscow.png", dataset.Box{MinLon: 20, MinLat: 40, MaxLon: 60, MaxLat: 62}},
		{"area-pacific.png", dataset.Box{MinLon: 150, MinLat: -30, MaxLon: -150, MaxLat: 10}},
	}
	for _, c := range cases {
		s := draw.NewRaster(960, 540, draw.Light.Background)
		m := &Map{View: Fit(EqualEarth, orb.Bound{Min: orb.Point{-180, -60}, Max: orb.Point{180, 75}}, 960, 540, 20),
			Theme: draw.Light, Events: e, Area: &c.box}
		m.Render(s)
		plain := draw.NewRaster(960, 540, draw.Light.Background)
		(&Map{View: m.View, Theme: draw.Light, Events: e}).Render(plain)
		// Along the southern edge the outline's dashes change at least
		// half the points from the map without the area.
		west, east := c.box.MinLon, c.box.MaxLon
		if west > east {
			east += 360
		}
		marked := 0
		for i := 0; i < 20; i++ {
			lon := west + (east-west)*(float64(i)+0.5)/20
			if lon > 180 {
				lon -= 360
			}
			p := m.View.Pixel(orb.Point{lon, c.box.MinLat})
			for dy := -2; dy <= 2; dy++ {
				x, y := int(p[0]), int(p[1])+dy
				if differ(s.Pixels.At(x, y), plain.Pixels.At(x, y)) > 60 {
					marked++
					break
				}
			}
		}
		if marked < 10 {
			t.Errorf("%s: the southern edge is outlined at %d of 20 points", c.name, marked)
		}
		drawtest.Check(t, filepath.Join("testdata", c.name), s.Pixels)
	}
}

// differ is how far apart two colours are: the sum of their channels'
// differences, 0–765.
func differ(a, b color.Color) int {
	r1, g1, b1, _ := a.RGBA()
	r2, g2, b2, _ := b.RGBA()
	d := func(x, y uint32) int { return max(int(x>>8)-int(y>>8), int(y>>8)-int(x>>8)) }
	return d(r1, r2) + d(g1, g2) + d(b1, b2)
}
