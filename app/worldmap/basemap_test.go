package worldmap

import (
	"testing"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
)

// TestBasemapHoldsTheSamplePlaces checks, at both levels of detail, that
// the five places of the sample lie inside their countries' outlines.
func TestBasemapHoldsTheSamplePlaces(t *testing.T) {
	places := []struct {
		iso   string
		where orb.Point
	}{
		{"RU", orb.Point{37.6173, 55.7558}}, {"NI", orb.Point{-86.2514, 12.1364}},
		{"BF", orb.Point{-1.5197, 12.3714}}, {"AM", orb.Point{44.4991, 40.1792}}, {"AM", orb.Point{43.8475, 40.7894}},
	}
	for _, detail := range []bool{false, true} {
		b, err := World(detail)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range places {
			c, ok := b.ByISO2(p.iso)
			if !ok {
				t.Fatalf("detail %v: no country %s", detail, p.iso)
			}
			if !planar.MultiPolygonContains(c.Shape, p.where) {
				t.Errorf("detail %v: %v is not inside %s", detail, p.where, c.Name)
			}
		}
	}
}

// TestBasemapCountries checks the counts, the names in other languages and
// the codes GDELT needs.
func TestBasemapCountries(t *testing.T) {
	coarse, _ := World(false)
	fine, _ := World(true)
	if len(coarse.Countries) != 177 || len(fine.Countries) < 250 {
		t.Errorf("%d and %d countries, want 177 and 250 or more", len(coarse.Countries), len(fine.Countries))
	}
	ru, _ := coarse.ByISO2("RU")
	if ru.Names["de"] != "Russland" || ru.Names["ru"] != "Россия" || ru.FIPS != "RS" || ru.ISO3 != "RUS" {
		t.Errorf("Russia: %+v %s %s", ru.Names, ru.FIPS, ru.ISO3)
	}
	if fr, ok := coarse.ByISO2("FR"); !ok || fr.Name != "France" {
		t.Errorf("France is missing its ISO code (Natural Earth writes -99)")
	}
}

// TestBasemapAntimeridian checks that a country across the antimeridian
// (Fiji) is kept in parts on either side, not drawn round the world.
func TestBasemapAntimeridian(t *testing.T) {
	b, _ := World(false)
	fj, ok := b.ByISO2("FJ")
	if !ok {
		t.Fatal("no Fiji")
	}
	for _, poly := range fj.Shape {
		if w := poly.Bound().Max[0] - poly.Bound().Min[0]; w > 180 {
			t.Errorf("a part of Fiji spans %g° of longitude", w)
		}
	}
}
