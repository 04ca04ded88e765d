package worldmap

import (
	"math"
	"sync"

	"github.com/paulmach/orb"

	"chronomap/app/draw"
)

// planeCountry is a country projected once for a projection.
type planeCountry struct {
	rings [][]orb.Point // every ring of every part, in plane metres
	bound orb.Bound
	label orb.Point // in plane metres
	name  string
	names map[string]string // by language code
	min   float64           // MinLabel
}

var (
	planeMu    sync.Mutex
	planeCache = map[string][]planeCountry{}
)

// projected returns the basemap projected for p, computed once per
// projection and level of detail.
func projected(p Projection, detail bool) []planeCountry {
	key := p.Name
	if detail {
		key += " detailed"
	}
	planeMu.Lock()
	defer planeMu.Unlock()
	if pc, ok := planeCache[key]; ok {
		return pc
	}
	b, err := World(detail)
	if err != nil {
		return nil
	}
	out := make([]planeCountry, 0, len(b.Countries))
	for _, c := range b.Countries {
		pc := planeCountry{label: p.Forward(c.Label), name: c.Name, names: c.Names, min: c.MinLabel}
		first := true
		for _, poly := range c.Shape {
			for _, ring := range poly {
				r := make([]orb.Point, len(ring))
				for i, q := range ring {
					r[i] = p.Forward(q)
					if first {
						pc.bound, first = orb.Bound{Min: r[i], Max: r[i]}, false
					}
					pc.bound = pc.bound.Extend(r[i])
				}
				pc.rings = append(pc.rings, r)
			}
		}
		out = append(out, pc)
	}
	planeCache[key] = out
	return out
}

// Prepare decodes the coarse basemap and projects it for p, as the first
// frame of a world view would: called on a goroutine of its own while the
// window is being built, it takes that work off the way to the first
// frame, which then finds it done (or waits for it, never doing it twice).
func Prepare(p Projection) { projected(p, false) }

// detailZoom is the zoom from which the 1:10m outlines are drawn.
const detailZoom = 3.5

// drawBasemap paints water, land, borders and, when asked, the graticule.
func drawBasemap(s *draw.Surface, v Viewport, t draw.Theme, graticule bool) {
	s.Clear(t.Background)
	countries := projected(v.Projection, v.Zoom() >= detailZoom)
	view := v.Plane()
	for _, off := range v.Copies() {
		s.Fill(draw.Path{worldOutline(v, off)}, t.Water)
		if graticule {
			drawGraticule(s, v, off, t)
		}
		var land draw.Path
		for i := range countries {
			c := &countries[i]
			b := orb.Bound{Min: orb.Point{c.bound.Min[0] + off, c.bound.Min[1]}, Max: orb.Point{c.bound.Max[0] + off, c.bound.Max[1]}}
			if !b.Intersects(view) {
				continue
			}
			for _, r := range c.rings {
				if px := pixelRing(v, r, off); len(px) >= 3 {
					land = append(land, px)
				}
			}
		}
		s.Fill(land, t.Land)
		s.Stroke(land, t.Border, 0.7, true)
	}
}

// pixelRing turns a plane ring into pixels, dropping points closer than
// half a pixel to the last one kept: what a screen cannot show is not drawn.
func pixelRing(v Viewport, ring []orb.Point, off float64) [][2]float64 {
	out := make([][2]float64, 0, len(ring))
	var last [2]float64
	for i, q := range ring {
		p := v.PlanePixel(orb.Point{q[0] + off, q[1]})
		if i > 0 && i < len(ring)-1 && math.Abs(p[0]-last[0]) < 0.5 && math.Abs(p[1]-last[1]) < 0.5 {
			continue
		}
		last = [2]float64{p[0], p[1]}
		out = append(out, last)
	}
	return out
}

// worldOutline is the edge of the projected world: the ±180° meridians and
// the poles' lines, followed closely enough to be round in Equal Earth.
func worldOutline(v Viewport, off float64) [][2]float64 {
	var out [][2]float64
	add := func(lon, lat float64) {
		p := v.Projection.Forward(orb.Point{lon, lat})
		q := v.PlanePixel(orb.Point{p[0] + off, p[1]})
		out = append(out, [2]float64{q[0], q[1]})
	}
	for lat := -90.0; lat <= 90; lat += 2 {
		add(-180, lat)
	}
	for lon := -180.0; lon <= 180; lon += 10 {
		add(lon, 90)
	}
	for lat := 90.0; lat >= -90; lat -= 2 {
		add(180, lat)
	}
	for lon := 180.0; lon >= -180; lon -= 10 {
		add(lon, -90)
	}
	return out
}

// drawGraticule draws meridians and parallels at a spacing that suits the
// zoom: 30° for the world, finer closer in.
func drawGraticule(s *draw.Surface, v Viewport, off float64, t draw.Theme) {
	step := 30.0
	switch z := v.Zoom(); {
	case z >= 6:
		step = 2
	case z >= 4:
		step = 5
	case z >= 2.5:
		step = 10
	}
	var lines draw.Path
	line := func(pts []orb.Point) {
		var l [][2]float64
		for _, q := range pts {
			p := v.Projection.Forward(q)
			px := v.PlanePixel(orb.Point{p[0] + off, p[1]})
			l = append(l, [2]float64{px[0], px[1]})
		}
		lines = append(lines, l)
	}
	for lon := -180.0; lon <= 180; lon += step {
		var pts []orb.Point
		for lat := -85.0; lat <= 85; lat += 2.5 {
			pts = append(pts, orb.Point{lon, lat})
		}
		line(pts)
	}
	for lat := -90 + step; lat < 90; lat += step {
		var pts []orb.Point
		for lon := -180.0; lon <= 180; lon += 2.5 {
			pts = append(pts, orb.Point{lon, lat})
		}
		line(pts)
	}
	s.Stroke(lines, t.Graticule, 0.6, false)
}
