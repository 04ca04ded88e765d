package worldmap

import (
	"math"
	"testing"

	"github.com/paulmach/orb"
)

// TestProjectionsRoundTrip checks that Inverse undoes Forward across the
// world, for every projection.
func TestProjectionsRoundTrip(t *testing.T) {
	for _, p := range Projections {
		for lon := -180.0; lon <= 180; lon += 15 {
			for lat := -80.0; lat <= 80; lat += 10 {
				got := p.Inverse(p.Forward(orb.Point{lon, lat}))
				if math.Abs(got[0]-lon) > 1e-7 || math.Abs(got[1]-lat) > 1e-7 {
					t.Fatalf("%s: (%g, %g) came back as %v", p.Name, lon, lat, got)
				}
			}
		}
	}
}

// TestEqualEarthKnownValues checks the projection against the extent
// published with it: x = 2.70663 R at 180°, y = 1.31736 R at the pole.
func TestEqualEarthKnownValues(t *testing.T) {
	e := EqualEarth.Forward(orb.Point{180, 0})
	n := EqualEarth.Forward(orb.Point{0, 90})
	if math.Abs(e[0]/orb.EarthRadius-2.706629) > 1e-5 || math.Abs(n[1]/orb.EarthRadius-1.317362) > 1e-5 {
		t.Errorf("extent %g × %g R, want 2.706629 × 1.317362", e[0]/orb.EarthRadius, n[1]/orb.EarthRadius)
	}
	if EqualEarth.World.Max != (orb.Point{e[0], n[1]}) || EqualEarth.World.Min != (orb.Point{-e[0], -n[1]}) {
		t.Errorf("world bound %v", EqualEarth.World)
	}
}

// TestEqualEarthIsEqualArea checks the property the projection is chosen
// for: a one-degree cell covers the same plane area, relative to its area
// on the sphere, at the equator and near the pole.
func TestEqualEarthIsEqualArea(t *testing.T) {
	ratio := func(lat float64) float64 {
		// The cell is a trapezoid in the plane: meridians converge.
		sw, se := EqualEarth.Forward(orb.Point{10, lat}), EqualEarth.Forward(orb.Point{11, lat})
		nw, ne := EqualEarth.Forward(orb.Point{10, lat + 1}), EqualEarth.Forward(orb.Point{11, lat + 1})
		plane := ((se[0] - sw[0]) + (ne[0] - nw[0])) / 2 * (nw[1] - sw[1])
		sphere := radians(1) * (math.Sin(radians(lat+1)) - math.Sin(radians(lat))) * orb.EarthRadius * orb.EarthRadius
		return plane / sphere
	}
	if r0, r70 := ratio(0), ratio(70); math.Abs(r0/r70-1) > 0.01 {
		t.Errorf("area ratio %g at the equator, %g at 70°N", r0, r70)
	}
}

// TestWebMercatorClamps checks that the poles land on the square's edge
// rather than at infinity.
func TestWebMercatorClamps(t *testing.T) {
	p := WebMercator.Forward(orb.Point{0, 90})
	if math.IsInf(p[1], 0) || math.Abs(p[1]-WebMercator.World.Max[1]) > 1 {
		t.Errorf("north pole at %v, want the top edge %v", p, WebMercator.World.Max)
	}
}
