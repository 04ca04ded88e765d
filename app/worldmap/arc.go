package worldmap

import (
	"math"

	"github.com/paulmach/orb"
)

// GreatCircle returns the shortest path on the globe from a to b
// (longitude, latitude in degrees) as lines of about n+1 points each. A
// path that crosses the antimeridian is cut there into two lines, one
// ending at ±180° and the next starting at ∓180°, so that no projection
// draws it back across the whole map (an arc over the Pacific must not
// cross Africa).
func GreatCircle(a, b orb.Point, n int) []orb.LineString {
	n = max(n, 1)
	va, vb := unit(a), unit(b)
	omega := math.Acos(clamp(dot(va, vb), -1, 1))
	pts := make([]orb.Point, 0, n+1)
	for i := 0; i <= n; i++ {
		t := float64(i) / float64(n)
		var v [3]float64
		if omega < 1e-12 {
			v = va
		} else {
			s := math.Sin(omega)
			wa, wb := math.Sin((1-t)*omega)/s, math.Sin(t*omega)/s
			v = [3]float64{wa*va[0] + wb*vb[0], wa*va[1] + wb*vb[1], wa*va[2] + wb*vb[2]}
		}
		pts = append(pts, lonLat(v))
	}
	pts[0], pts[n] = a, b // exact ends, whatever the rounding
	return splitAntimeridian(pts)
}

// splitAntimeridian cuts a line wherever consecutive points are more than
// 180° of longitude apart, interpolating the crossing latitude.
func splitAntimeridian(pts []orb.Point) []orb.LineString {
	var out []orb.LineString
	cur := orb.LineString{pts[0]}
	for i := 1; i < len(pts); i++ {
		p, q := pts[i-1], pts[i]
		if d := q[0] - p[0]; math.Abs(d) > 180 {
			// Unwrap q next to p, find where the segment meets ±180.
			side := math.Copysign(180, p[0])
			qx := q[0] + math.Copysign(360, p[0])
			t := (side - p[0]) / (qx - p[0])
			lat := p[1] + t*(q[1]-p[1])
			cur = append(cur, orb.Point{side, lat})
			out = append(out, cur)
			cur = orb.LineString{{-side, lat}}
		}
		cur = append(cur, q)
	}
	return append(out, cur)
}

func unit(p orb.Point) [3]float64 {
	lon, lat := radians(p[0]), radians(p[1])
	return [3]float64{math.Cos(lat) * math.Cos(lon), math.Cos(lat) * math.Sin(lon), math.Sin(lat)}
}

func lonLat(v [3]float64) orb.Point {
	return orb.Point{degrees(math.Atan2(v[1], v[0])), degrees(math.Atan2(v[2], math.Hypot(v[0], v[1])))}
}

func dot(a, b [3]float64) float64 { return a[0]*b[0] + a[1]*b[1] + a[2]*b[2] }
