package draw

import "math"

// Vector surfaces cut their paths to their box themselves: vg.Canvas has
// no clipping, and a Part of a page (the map above the timeline) must not
// spill onto its neighbours as a raster part cannot. Cutting also keeps
// out of the file what no one can see — the rest of the world around a
// zoomed-in map.

// local returns the clip box in the surface's own pixels.
func (s *Surface) local() Box {
	return Box{s.clip.X0 - s.ox, s.clip.Y0 - s.oy, s.clip.X1 - s.ox, s.clip.Y1 - s.oy}
}

// cut returns p cut to the surface's box: closed rings as the parts of
// their area inside, lines as the pieces inside. It returns p itself when
// all of it is inside.
func (s *Surface) cut(p Path, closed bool) Path {
	b := s.local()
	var out Path
	changed := false
	for k, ring := range p {
		switch inside, outside := bounds(ring, b); {
		case inside:
			if changed {
				out = append(out, ring)
			}
			continue
		case outside:
		case closed:
			if r := clipRing(ring, b); len(r) >= 3 {
				if !changed {
					out = append(out, p[:k]...)
				}
				changed = true
				out = append(out, r)
				continue
			}
		default:
			pieces := clipLine(ring, b, closed)
			if !changed {
				out = append(out, p[:k]...)
			}
			changed = true
			out = append(out, pieces...)
			continue
		}
		if !changed {
			out = append(out, p[:k]...)
			changed = true
		}
	}
	if !changed {
		return p
	}
	return out
}

// bounds reports whether ring lies wholly inside b, or wholly outside it
// (its bounding box does not meet b).
func bounds(ring [][2]float64, b Box) (inside, outside bool) {
	if len(ring) == 0 {
		return false, true
	}
	x0, y0, x1, y1 := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, q := range ring {
		x0, y0 = math.Min(x0, q[0]), math.Min(y0, q[1])
		x1, y1 = math.Max(x1, q[0]), math.Max(y1, q[1])
	}
	inside = x0 >= b.X0 && y0 >= b.Y0 && x1 <= b.X1 && y1 <= b.Y1
	outside = x1 < b.X0 || x0 > b.X1 || y1 < b.Y0 || y0 > b.Y1
	return inside, outside
}

// clipRing cuts a closed ring to b, one edge of b at a time (Sutherland and
// Hodgman). What it returns may run along b's edges where the ring left
// and came back; filled, it covers exactly the ring's area inside b, so
// holes and overlaps fill as they did.
func clipRing(ring [][2]float64, b Box) [][2]float64 {
	in := ring
	for edge := range 4 {
		if len(in) == 0 {
			return nil
		}
		inside := func(q [2]float64) bool {
			switch edge {
			case 0:
				return q[0] >= b.X0
			case 1:
				return q[0] <= b.X1
			case 2:
				return q[1] >= b.Y0
			}
			return q[1] <= b.Y1
		}
		cross := func(p, q [2]float64) [2]float64 {
			var t float64
			switch edge {
			case 0:
				t = (b.X0 - p[0]) / (q[0] - p[0])
			case 1:
				t = (b.X1 - p[0]) / (q[0] - p[0])
			case 2:
				t = (b.Y0 - p[1]) / (q[1] - p[1])
			default:
				t = (b.Y1 - p[1]) / (q[1] - p[1])
			}
			return [2]float64{p[0] + t*(q[0]-p[0]), p[1] + t*(q[1]-p[1])}
		}
		out := make([][2]float64, 0, len(in)+4)
		prev := in[len(in)-1]
		for _, q := range in {
			switch qi, pi := inside(q), inside(prev); {
			case qi && pi:
				out = append(out, q)
			case qi:
				out = append(out, cross(prev, q), q)
			case pi:
				out = append(out, cross(prev, q))
			}
			prev = q
		}
		in = out
	}
	return in
}

// clipLine cuts a line (a ring, when closed) to b, returning the pieces
// inside, each segment cut by Liang and Barsky's method.
func clipLine(line [][2]float64, b Box, closed bool) [][][2]float64 {
	var pieces [][][2]float64
	var cur [][2]float64
	n := len(line) - 1
	if closed && len(line) > 2 {
		n = len(line)
	}
	for i := range n {
		p, q := line[i], line[(i+1)%len(line)]
		a, z, ok := clipSegment(p, q, b)
		if !ok {
			if len(cur) > 1 {
				pieces = append(pieces, cur)
			}
			cur = nil
			continue
		}
		if len(cur) == 0 || cur[len(cur)-1] != a {
			if len(cur) > 1 {
				pieces = append(pieces, cur)
			}
			cur = [][2]float64{a}
		}
		cur = append(cur, z)
	}
	if len(cur) > 1 {
		pieces = append(pieces, cur)
	}
	return pieces
}

// clipSegment returns the part of the segment p–q inside b.
func clipSegment(p, q [2]float64, b Box) (a, z [2]float64, ok bool) {
	dx, dy := q[0]-p[0], q[1]-p[1]
	t0, t1 := 0.0, 1.0
	for _, e := range [4][2]float64{{-dx, p[0] - b.X0}, {dx, b.X1 - p[0]}, {-dy, p[1] - b.Y0}, {dy, b.Y1 - p[1]}} {
		pe, qe := e[0], e[1]
		if pe == 0 {
			if qe < 0 {
				return a, z, false
			}
			continue
		}
		t := qe / pe
		if pe < 0 {
			t0 = math.Max(t0, t)
		} else {
			t1 = math.Min(t1, t)
		}
		if t0 > t1 {
			return a, z, false
		}
	}
	a = [2]float64{p[0] + t0*dx, p[1] + t0*dy}
	z = [2]float64{p[0] + t1*dx, p[1] + t1*dy}
	if t0 == 0 {
		a = p
	}
	if t1 == 1 {
		z = q
	}
	return a, z, true
}

// fits reports whether text written at (x, y) lies inside the surface's
// box, give or take two pixels. Text cannot be cut as paths are: a label
// that would run off its part is left out, as it is half-hidden on screen.
func (s *Surface) fits(f Face, x, y float64, text string) bool {
	b := s.local()
	return x >= b.X0-2 && x+f.Width(text) <= b.X1+2 && y-f.Ascent() >= b.Y0-2 && y+f.Descent() <= b.Y1+2
}
