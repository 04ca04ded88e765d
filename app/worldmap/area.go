package worldmap

import (
	"math"

	"chronomap/app/draw"
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
