package worldmap

import (
	"math"
	"testing"

	"github.com/paulmach/orb"
)

// TestFitShowsTheSample checks that fitting the sample's places puts them
// all inside the picture, away from the edges.
func TestFitShowsTheSample(t *testing.T) {
	places := orb.MultiPoint{{37.6173, 55.7558}, {-86.2514, 12.1364}, {-1.5197, 12.3714}, {44.4991, 40.1792}, {43.8475, 40.7894}}
	for _, p := range Projections {
		v := Fit(p, places.Bound(), 1280, 800, 40)
		for _, pl := range places {
			px := v.Pixel(pl)
			if px[0] < 39 || px[0] > 1241 || px[1] < 39 || px[1] > 761 {
				t.Errorf("%s: %v at pixel %v, outside the padded picture", p.Name, pl, px)
			}
		}
	}
}

// TestPixelRoundTrip checks that LonLat undoes Pixel.
func TestPixelRoundTrip(t *testing.T) {
	v := Fit(EqualEarth, orb.Bound{Min: orb.Point{-20, 0}, Max: orb.Point{60, 60}}, 1920, 1080, 0)
	for _, p := range []orb.Point{{37.6, 55.75}, {-1.5, 12.4}, {0, 0}} {
		back := v.LonLat(v.Pixel(p))
		if math.Abs(back[0]-p[0]) > 1e-6 || math.Abs(back[1]-p[1]) > 1e-6 {
			t.Errorf("%v came back as %v", p, back)
		}
	}
}

// TestZoomAtKeepsThePointUnderTheCursor checks wheel zoom about a pixel.
func TestZoomAtKeepsThePointUnderTheCursor(t *testing.T) {
	v := Fit(WebMercator, orb.Bound{Min: orb.Point{-30, -10}, Max: orb.Point{60, 70}}, 1280, 800, 0)
	cursor := orb.Point{300, 200}
	under := v.LonLat(cursor)
	z := v.ZoomAt(cursor, 2)
	if after := z.Pixel(under); math.Abs(after[0]-cursor[0]) > 1e-6 || math.Abs(after[1]-cursor[1]) > 1e-6 {
		t.Errorf("the point under the cursor moved to %v", after)
	}
	if math.Abs(z.Zoom()-v.Zoom()-1) > 1e-9 {
		t.Errorf("zoom went from %g to %g, want one level", v.Zoom(), z.Zoom())
	}
}

// TestFitOnePlace checks that a single place gets a region around it, not
// an infinitely close view.
func TestFitOnePlace(t *testing.T) {
	moscow := orb.Point{37.6173, 55.7558}
	v := Fit(WebMercator, orb.Bound{Min: moscow, Max: moscow}, 800, 600, 20)
	if v.MetresPerPx < 100 {
		t.Errorf("%g metres a pixel around one place", v.MetresPerPx)
	}
	if px := v.Pixel(moscow); math.Abs(px[0]-400) > 1e-6 || math.Abs(px[1]-300) > 1e-6 {
		t.Errorf("Moscow at %v, want the centre", px)
	}
}

// TestCopiesAcrossTheAntimeridian checks that a view centred on 180°
// shows two copies of the world and brings 179.9°E and 179.9°W within a
// few pixels of each other.
func TestCopiesAcrossTheAntimeridian(t *testing.T) {
	v := Fit(WebMercator, orb.Bound{Min: orb.Point{170, -25}, Max: orb.Point{190, -10}}, 800, 600, 0)
	if got := v.Copies(); len(got) != 2 {
		t.Fatalf("copies %v, want two", got)
	}
	pts := Project(WebMercator, []float64{179.9, -179.9}, []float64{-17, -17})
	g := pts.Bin(v, 8, nil)
	var cells []int
	for c, n := range g.Count {
		if n > 0 {
			cells = append(cells, c)
		}
	}
	if len(cells) == 0 || len(cells) > 2 || sum(g.Count) != 2 {
		t.Fatalf("cells %v with %d points, want both points side by side", cells, sum(g.Count))
	}
	if len(cells) == 2 && cells[1]-cells[0] > 1 {
		t.Errorf("cells %d and %d are not neighbours", cells[0], cells[1])
	}
	inside := Fit(WebMercator, orb.Bound{Min: orb.Point{20, 30}, Max: orb.Point{60, 60}}, 800, 600, 0)
	if got := inside.Copies(); len(got) != 1 || got[0] != 0 {
		t.Errorf("a view inside the world shows copies %v, want [0]", got)
	}
}

// TestWorldZoomRoundTrip keeps a view's centre and zoom through
// WorldZoom and Centred, at another picture size too.
func TestWorldZoomRoundTrip(t *testing.T) {
	v := Fit(EqualEarth, orb.Bound{Min: orb.Point{43, 39}, Max: orb.Point{46, 41.5}}, 800, 500, 20)
	z := v.WorldZoom()
	if z < 10 {
		t.Fatalf("Armenia at zoom %.1f, want well above 10", z)
	}
	c := v.LonLat(orb.Point{400, 250})
	w := Viewport{Projection: EqualEarth, Width: 1600, Height: 1000}.Centred(c, z)
	if math.Abs(w.WorldZoom()-z) > 1e-9 {
		t.Errorf("zoom %.3f after Centred, want %.3f", w.WorldZoom(), z)
	}
	if got := w.LonLat(orb.Point{800, 500}); math.Abs(got[0]-c[0]) > 1e-6 || math.Abs(got[1]-c[1]) > 1e-6 {
		t.Errorf("centre %v, want %v", got, c)
	}
	if w.MetresPerPx*2-v.MetresPerPx > 1e-6*v.MetresPerPx {
		t.Errorf("twice the picture shows %g m/px, want half of %g", w.MetresPerPx, v.MetresPerPx)
	}
}
