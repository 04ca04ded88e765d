package worldmap

import (
	"math"

	"github.com/paulmach/orb"
)

// Viewport is what part of the projected world a map shows, at what size:
// the plane point at the centre of the picture and how many plane metres
// one pixel covers. The zero value is not usable; see Fit.
type Viewport struct {
	Projection    Projection
	Center        orb.Point // in projection metres
	MetresPerPx   float64
	Width, Height int // pixels
}

// Fit returns the viewport that shows bound (longitude/latitude degrees)
// whole in a w×h picture, with a margin of pad pixels on every side. A
// bound of one point shows a region about 600 km across around it; an
// empty bound (Min beyond Max) shows the world.
func Fit(p Projection, bound orb.Bound, w, h, pad int) Viewport {
	v := Viewport{Projection: p, Width: w, Height: h}
	plane := p.World
	if !bound.IsEmpty() {
		plane = projectedBound(p, bound)
		if plane.Max[0]-plane.Min[0] < 1 && plane.Max[1]-plane.Min[1] < 1 {
			plane = plane.Pad(300_000) // one place: a country's width around it
		}
	}
	usableW, usableH := math.Max(float64(w-2*pad), 1), math.Max(float64(h-2*pad), 1)
	v.MetresPerPx = clamp(math.Max((plane.Max[0]-plane.Min[0])/usableW, (plane.Max[1]-plane.Min[1])/usableH), 2, v.worldMetresPerPx())
	v.Center = plane.Center()
	return v
}

// projectedBound returns the plane extent of a longitude/latitude box. Its
// corners are not enough: in Equal Earth the meridians curve, so the edges
// are followed.
func projectedBound(p Projection, b orb.Bound) orb.Bound {
	const steps = 16
	out := orb.Bound{Min: p.Forward(b.Min), Max: p.Forward(b.Min)}
	for i := 0; i <= steps; i++ {
		t := float64(i) / steps
		lon := b.Min[0] + t*(b.Max[0]-b.Min[0])
		lat := b.Min[1] + t*(b.Max[1]-b.Min[1])
		for _, q := range []orb.Point{{lon, b.Min[1]}, {lon, b.Max[1]}, {b.Min[0], lat}, {b.Max[0], lat}} {
			out = out.Extend(p.Forward(q))
		}
	}
	return out
}

// worldMetresPerPx is the scale at which the whole world fits the picture:
// the view never zooms out further.
func (v Viewport) worldMetresPerPx() float64 {
	return math.Max((v.Projection.World.Max[0]-v.Projection.World.Min[0])/float64(v.Width),
		(v.Projection.World.Max[1]-v.Projection.World.Min[1])/float64(v.Height))
}

// Pixel returns where a longitude/latitude point falls in the picture, x
// to the right and y down from the top-left corner.
func (v Viewport) Pixel(lonLat orb.Point) orb.Point {
	return v.PlanePixel(v.Projection.Forward(lonLat))
}

// PlanePixel returns where a projected point falls in the picture.
func (v Viewport) PlanePixel(p orb.Point) orb.Point {
	return orb.Point{
		float64(v.Width)/2 + (p[0]-v.Center[0])/v.MetresPerPx,
		float64(v.Height)/2 - (p[1]-v.Center[1])/v.MetresPerPx,
	}
}

// LonLat returns the longitude/latitude under a pixel.
func (v Viewport) LonLat(px orb.Point) orb.Point {
	return v.Projection.Inverse(orb.Point{
		v.Center[0] + (px[0]-float64(v.Width)/2)*v.MetresPerPx,
		v.Center[1] - (px[1]-float64(v.Height)/2)*v.MetresPerPx,
	})
}

// Plane returns the picture's extent in projection metres.
func (v Viewport) Plane() orb.Bound {
	hw, hh := float64(v.Width)/2*v.MetresPerPx, float64(v.Height)/2*v.MetresPerPx
	return orb.Bound{Min: orb.Point{v.Center[0] - hw, v.Center[1] - hh}, Max: orb.Point{v.Center[0] + hw, v.Center[1] + hh}}
}

// ZoomAt scales the view by factor (2 = twice as close) keeping the point
// under pixel px where it is, as a wheel zoom about the cursor does.
func (v Viewport) ZoomAt(px orb.Point, factor float64) Viewport {
	before := orb.Point{
		v.Center[0] + (px[0]-float64(v.Width)/2)*v.MetresPerPx,
		v.Center[1] - (px[1]-float64(v.Height)/2)*v.MetresPerPx,
	}
	v.MetresPerPx = clamp(v.MetresPerPx/factor, 2, v.worldMetresPerPx())
	v.Center = orb.Point{
		before[0] - (px[0]-float64(v.Width)/2)*v.MetresPerPx,
		before[1] + (px[1]-float64(v.Height)/2)*v.MetresPerPx,
	}
	return v
}

// Pan moves the view by a drag of dx, dy pixels.
func (v Viewport) Pan(dx, dy float64) Viewport {
	v.Center = orb.Point{v.Center[0] - dx*v.MetresPerPx, v.Center[1] + dy*v.MetresPerPx}
	return v
}

// Zoom is the web-map zoom level the view corresponds to (0 = the whole
// world on 256 pixels), which Natural Earth's label ranks are written for.
func (v Viewport) Zoom() float64 {
	return math.Log2(2 * math.Pi * 6378137 / 256 / v.MetresPerPx)
}

// Copies returns the horizontal offsets, in plane metres, of the copies of
// the world that the picture shows: just 0 for a view inside the world,
// more when it is panned across the antimeridian. Drawing every copy is
// what makes events at 179.9°E and 179.9°W neighbours on the map.
//
// Only cylindrical projections wrap (Equal Earth's edge is curved, so its
// copies would not meet), and only when the view is narrower than the
// world: a whole-world view shows the world once.
func (v Viewport) Copies() []float64 {
	w := v.Projection.World.Max[0] - v.Projection.World.Min[0]
	view := v.Plane()
	if !v.Projection.Cylindrical || view.Max[0]-view.Min[0] >= w {
		return []float64{0}
	}
	var out []float64
	for k := math.Floor((view.Min[0] - v.Projection.World.Max[0]) / w); ; k++ {
		off := (k + 1) * w
		if v.Projection.World.Min[0]+off > view.Max[0] {
			break
		}
		if v.Projection.World.Max[0]+off >= view.Min[0] {
			out = append(out, off)
		}
	}
	return out
}

// WorldZoom is how many times the view that shows the whole world in the
// same picture is magnified: a measure of the view that does not depend
// on the picture's size, for views kept in files and shown at other sizes.
func (v Viewport) WorldZoom() float64 {
	if v.Width <= 0 || v.Height <= 0 || v.MetresPerPx <= 0 {
		return 1
	}
	return v.worldMetresPerPx() / v.MetresPerPx
}

// Centred returns the view centred on a longitude/latitude point at a
// WorldZoom of zoom (1 or less shows the whole world), no closer than the
// map zooms by hand: 2 metres a pixel (a zoom of 1e308 drew nothing).
func (v Viewport) Centred(lonLat orb.Point, zoom float64) Viewport {
	v.Center = v.Projection.Forward(lonLat)
	v.MetresPerPx = clamp(v.worldMetresPerPx()/math.Max(zoom, 1), 2, v.worldMetresPerPx())
	return v
}
