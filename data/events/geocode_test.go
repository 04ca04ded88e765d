package events

import (
	"math"
	"testing"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geo"

	"chronomap/data/frame"
)

// TestGeocodeWhileBuilding checks that events without coordinates are
// placed by their place names as a German report writes them, with the
// country column as a hint or as a coarse fallback, and that a name the
// gazetteer lacks is a problem rather than a guess.
func TestGeocodeWhileBuilding(t *testing.T) {
	csv := "Datum;Ort;Land;Ereignis\n" +
		"7. November 2023;Moskau;Russland;Schoigu trifft Avilés Castillo\n" +
		"3.11.2023;Jerewan;Armenien;Asryan trifft Basham\n" +
		"4.11.2023;Gjumri;Armenien;Blogger warnt\n" +
		"7.11.2023;Ouagadougou;;Treffen\n" +
		"8.11.2023;Xyzzyville;;Unbekannt\n" +
		"9.11.2023;León;Nicaragua;Treffen in León\n" +
		"10.11.2023;;Armenien;nur das Land\n"
	f, err := frame.ReadBytes("bericht.csv", []byte(csv), frame.Options{})
	if err != nil {
		t.Fatal(err)
	}
	x, probs := Build(f, Detect(f))
	if x.Len() != 7 || x.Located != 6 || x.Geocoded != 6 {
		t.Fatalf("%d events, %d located, %d geocoded; want 7, 6, 6", x.Len(), x.Located, x.Geocoded)
	}
	truth := map[int]orb.Point{0: {37.6173, 55.7558}, 1: {44.4991, 40.1792}, 2: {43.8475, 40.7894}, 3: {-1.5197, 12.3714}, 5: {-86.878, 12.4379}}
	for i, r := range x.Row {
		want, ok := truth[int(r)]
		if !ok {
			continue
		}
		got := orb.Point{x.Lon[i], x.Lat[i]}
		if d := geo.DistanceHaversine(got, want); math.IsNaN(d) || d > 5000 {
			t.Errorf("row %d placed %g km from the truth", r+1, d/1000)
		}
		if x.How[i] != ByPlace {
			t.Errorf("row %d placed by %v, want place name", r+1, x.How[i])
		}
	}
	for i, r := range x.Row {
		if r == 6 && x.How[i] != ByCountry {
			t.Errorf("the row with only a country was placed by %v, want country", x.How[i])
		}
		if r == 4 && x.IsLocated(i) {
			t.Error("Xyzzyville was placed")
		}
	}
	if len(probs) != 1 || probs[0].Row != 5 || probs[0].Reason != "place not found" || probs[0].Column != "Ort" {
		t.Errorf("problems %v, want row 5 place not found", probs)
	}
}

// TestGeocodeLeavesWrongCoordinates checks that a row whose coordinates
// are out of range stays unplaced with its problem, rather than being
// moved to its place name behind the analyst's back.
func TestGeocodeLeavesWrongCoordinates(t *testing.T) {
	f, err := frame.ReadBytes("x.csv", []byte("date,place,lat,lon\n2023-11-07,Moscow,123.4,37.6\n2023-11-08,Moscow,,\n"), frame.Options{})
	if err != nil {
		t.Fatal(err)
	}
	x, probs := Build(f, Detect(f))
	if x.Located != 1 || x.Geocoded != 1 || x.IsLocated(0) {
		t.Errorf("%d located, %d geocoded, first placed %v", x.Located, x.Geocoded, x.IsLocated(0))
	}
	if len(probs) != 1 || probs[0].Reason != "coordinates out of range" {
		t.Errorf("problems %v", probs)
	}
}

// TestGeocodeUncertain checks that an ambiguous name without a country is
// placed but listed with its alternatives.
func TestGeocodeUncertain(t *testing.T) {
	f, err := frame.ReadBytes("x.csv", []byte("date,place\n2023-11-07,León\n"), frame.Options{})
	if err != nil {
		t.Fatal(err)
	}
	x, probs := Build(f, Detect(f))
	if x.Located != 1 || len(probs) != 1 || probs[0].Reason != "uncertain place" {
		t.Errorf("%d located, problems %v; want placed and listed as uncertain", x.Located, probs)
	}
}
