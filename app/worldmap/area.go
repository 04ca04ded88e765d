package worldmap

import (
	"math"

	"github.com/paulmach/orb"

	"chronomap/app/draw"
	"chronomap/data/dataset"
)

// drawArea outlines the map area a filter keeps, so that a box drawn with
// shift-drag stays in sight while it filters. Its edges are parallels and
// meridians, curved as the projection curves them; a box across the
// antimeridian is drawn as its two halves.
func (m *Map) drawArea(s *draw.Surface) {
	b := m.Area
	if b == nil {
		return
	}
	spans := [][2]float64{{b.MinLon, b.MaxLon}}
	if b.MinLon > b.MaxLon {
		spans = [][2]float64{{b.MinLon, 180}, {-180, b.MaxLon}}
	}
	fill := draw.Translucent(m.Theme.Selection, 0.06)
	for _, sp := range spans {
		ring := m.areaRing(sp[0], sp[1], b.MinLat, b.MaxLat)
		if len(ring) < 4 {
			continue
		}
		s.Fill(draw.Path{ring}, fill)
		s.Dashed(draw.Path{append(ring, ring[0])}, m.Theme.Selection, 1.5, 6, 4)
	}
}

// areaRing is the outline of a lon/lat box in pixels, a point a degree
// (or closer) along each edge.
func (m *Map) areaRing(w, e, south, north float64) [][2]float64 {
	var ring [][2]float64
	at := func(lon, lat float64) {
		p := m.View.Pixel([2]float64{lon, lat})
		if !math.IsNaN(p[0]) && !math.IsNaN(p[1]) {
			ring = append(ring, [2]float64{p[0], p[1]})
		}
	}
	edge := func(a, b float64) int { return max(1, int(math.Ceil(math.Abs(b-a)))) }
	n := edge(w, e)
	for i := 0; i <= n; i++ {
		at(w+(e-w)*float64(i)/float64(n), south)
	}
	k := edge(south, north)
	for i := 1; i <= k; i++ {
		at(e, south+(north-south)*float64(i)/float64(k))
	}
	for i := n - 1; i >= 0; i-- {
		at(w+(e-w)*float64(i)/float64(n), north)
	}
	for i := k - 1; i >= 1; i-- {
		at(w, south+(north-south)*float64(i)/float64(k))
	}
	return ring
}

// Area is the place on Earth a box drawn on the picture covers: the
// lon/lat box around its edges and a grid inside it (so that a box over a
// pole reaches it), nil when none of it is on the globe.
func (v Viewport) Area(px orb.Bound) *dataset.Box {
	const n = 16
	var pts [][2]float64
	for i := 0; i <= n; i++ {
		for j := 0; j <= n; j++ {
			ll := v.LonLat(orb.Point{px.Min[0] + (px.Max[0]-px.Min[0])*float64(i)/n, px.Min[1] + (px.Max[1]-px.Min[1])*float64(j)/n})
			lon := math.Mod(ll[0]+540, 360) - 180 // a copy of the world beside the first is the same Earth
			pts = append(pts, [2]float64{lon, ll[1]})
		}
	}
	return dataset.BoxOf(pts)
}
