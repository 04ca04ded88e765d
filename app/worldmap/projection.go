// Package worldmap is the map view: projections, the basemap and the
// renderer that draws events on it. It knows nothing of Fyne.
package worldmap

import (
	"math"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/project"
)

// Projection turns longitude and latitude (degrees) into plane coordinates
// in metres on a sphere of orb.EarthRadius, and back. All projections share
// the unit, so a scale bar reads the same in each.
type Projection struct {
	Name    string
	Forward orb.Projection
	Inverse orb.Projection
	// World is the whole world in plane coordinates.
	World orb.Bound
	// Cylindrical projections have straight meridians and a rectangular
	// world, which can be repeated side by side across the antimeridian.
	Cylindrical bool
}

// maxMercatorLat is where Web Mercator is cut, as web maps cut it: the
// latitude at which the world becomes a square.
const maxMercatorLat = 85.05112878

// WebMercator is the projection of web maps, with latitude clamped to
// ±85.05°: conformal, so shapes are right locally, but areas grow towards
// the poles.
var WebMercator = Projection{
	Name: "Web Mercator",
	Forward: func(p orb.Point) orb.Point {
		return project.WGS84.ToMercator(orb.Point{p[0], clamp(p[1], -maxMercatorLat, maxMercatorLat)})
	},
	Inverse:     project.Mercator.ToWGS84,
	Cylindrical: true,
	World: orb.Bound{
		Min: orb.Point{-math.Pi * orb.EarthRadius, -math.Pi * orb.EarthRadius},
		Max: orb.Point{math.Pi * orb.EarthRadius, math.Pi * orb.EarthRadius},
	},
}

// PlateCarree maps longitude and latitude straight to x and y: simple, and
// honest about neither shape nor area.
var PlateCarree = Projection{
	Name: "Plate carrée",
	Forward: func(p orb.Point) orb.Point {
		return orb.Point{radians(p[0]) * orb.EarthRadius, radians(clamp(p[1], -90, 90)) * orb.EarthRadius}
	},
	Inverse: func(p orb.Point) orb.Point {
		return orb.Point{degrees(p[0] / orb.EarthRadius), degrees(p[1] / orb.EarthRadius)}
	},
	Cylindrical: true,
	World: orb.Bound{
		Min: orb.Point{-math.Pi * orb.EarthRadius, -math.Pi / 2 * orb.EarthRadius},
		Max: orb.Point{math.Pi * orb.EarthRadius, math.Pi / 2 * orb.EarthRadius},
	},
}

// Equal Earth (Šavrič, Patterson and Jenny, 2018): equal-area, with
// continents of familiar shape — the projection for world overviews in
// briefings, where the size of a region should not mislead.
const (
	eeA1 = 1.340264
	eeA2 = -0.081106
	eeA3 = 0.000893
	eeA4 = 0.003796
)

var eeM = math.Sqrt(3) / 2

// EqualEarth is the Equal Earth projection.
var EqualEarth = Projection{
	Name:    "Equal Earth",
	Forward: equalEarth,
	Inverse: equalEarthInverse,
	World: orb.Bound{
		Min: orb.Point{equalEarth(orb.Point{-180, 0})[0], equalEarth(orb.Point{0, -90})[1]},
		Max: orb.Point{equalEarth(orb.Point{180, 0})[0], equalEarth(orb.Point{0, 90})[1]},
	},
}

func equalEarth(p orb.Point) orb.Point {
	lambda, phi := radians(p[0]), radians(clamp(p[1], -90, 90))
	theta := math.Asin(eeM * math.Sin(phi))
	t2 := theta * theta
	t6 := t2 * t2 * t2
	x := 2 * math.Sqrt(3) * lambda * math.Cos(theta) / (3 * (9*eeA4*t6*t2 + 7*eeA3*t6 + 3*eeA2*t2 + eeA1))
	y := theta * (eeA1 + eeA2*t2 + t6*(eeA3+eeA4*t2))
	return orb.Point{x * orb.EarthRadius, y * orb.EarthRadius}
}

func equalEarthInverse(p orb.Point) orb.Point {
	x, y := p[0]/orb.EarthRadius, p[1]/orb.EarthRadius
	theta := y // Newton's method on y(θ); converges in a few steps
	for range 12 {
		t2 := theta * theta
		t6 := t2 * t2 * t2
		fy := theta*(eeA1+eeA2*t2+t6*(eeA3+eeA4*t2)) - y
		fpy := eeA1 + 3*eeA2*t2 + t6*(7*eeA3+9*eeA4*t2)
		d := fy / fpy
		theta -= d
		if math.Abs(d) < 1e-12 {
			break
		}
	}
	t2 := theta * theta
	t6 := t2 * t2 * t2
	lambda := 3 * x * (eeA1 + 3*eeA2*t2 + t6*(7*eeA3+9*eeA4*t2)) / (2 * math.Sqrt(3) * math.Cos(theta))
	phi := math.Asin(clamp(math.Sin(theta)/eeM, -1, 1))
	return orb.Point{degrees(lambda), degrees(phi)}
}

// Projections lists the projections the map offers, in menu order.
var Projections = []Projection{EqualEarth, WebMercator, PlateCarree}

func radians(d float64) float64 { return d * math.Pi / 180 }
func degrees(r float64) float64 { return r * 180 / math.Pi }

func clamp(v, lo, hi float64) float64 { return math.Max(lo, math.Min(hi, v)) }
