package worldmap

import (
	"math"
	"testing"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geo"
)

// TestGreatCircleManaguaMoscow checks an arc that stays within one side of
// the antimeridian: one line, ends exact, and every point on the great
// circle (its distance to both ends adds up to the whole).
func TestGreatCircleManaguaMoscow(t *testing.T) {
	managua, moscow := orb.Point{-86.2514, 12.1364}, orb.Point{37.6173, 55.7558}
	lines := GreatCircle(managua, moscow, 64)
	if len(lines) != 1 || lines[0][0] != managua || lines[0][len(lines[0])-1] != moscow {
		t.Fatalf("got %d lines, ends %v", len(lines), lines)
	}
	whole := geo.DistanceHaversine(managua, moscow)
	for _, p := range lines[0] {
		if d := geo.DistanceHaversine(managua, p) + geo.DistanceHaversine(p, moscow); math.Abs(d-whole) > 1 {
			t.Fatalf("%v is %g m off the great circle", p, d-whole)
		}
	}
}

// TestGreatCircleAcrossPacific checks that an arc from Tokyo to San
// Francisco is cut at the antimeridian and never comes near Africa.
func TestGreatCircleAcrossPacific(t *testing.T) {
	tokyo, sf := orb.Point{139.69, 35.69}, orb.Point{-122.42, 37.77}
	lines := GreatCircle(tokyo, sf, 64)
	if len(lines) != 2 {
		t.Fatalf("%d lines, want 2 (cut at the antimeridian)", len(lines))
	}
	if end, start := lines[0][len(lines[0])-1], lines[1][0]; end[0] != 180 || start[0] != -180 || end[1] != start[1] {
		t.Errorf("cut at %v and %v, want ±180 at one latitude", end, start)
	}
	for _, l := range lines {
		for _, p := range l {
			if math.Abs(p[0]) < 100 {
				t.Fatalf("point %v is over the Atlantic side of the world", p)
			}
		}
	}
}

// TestGreatCircleNeighboursAcrossAntimeridian checks that events at
// 179.9°E and 179.9°W are joined by a short line, not one round the world.
func TestGreatCircleNeighboursAcrossAntimeridian(t *testing.T) {
	lines := GreatCircle(orb.Point{179.9, -17}, orb.Point{-179.9, -17}, 8)
	total := 0.0
	for _, l := range lines {
		total += geo.Length(l)
	}
	if total > 30_000 {
		t.Errorf("%g m between neighbours 0.2° apart", total)
	}
}
