package events

import (
	"math"
	"strings"
	"testing"

	"chronomap/data/frame"
)

// readFixture reads a file of testdata with the roles detected.
func readFixture(t *testing.T, name string) (*frame.Frame, Mapping, *Index, []frame.Problem) {
	t.Helper()
	f, err := frame.ReadFile("testdata/"+name, frame.Options{})
	if err != nil {
		t.Fatal(err)
	}
	m := Detect(f)
	x, probs := Build(f, m)
	checkIndex(t, x)
	return f, m, x, probs
}

// eventOfRow is the event made from data row r (1-based), -1 for none.
func eventOfRow(x *Index, r int) int {
	for i, row := range x.Row {
		if int(row) == r-1 {
			return i
		}
	}
	return -1
}

// TestGDELTPlaces reads a GDELT 2.0 export of nine events: one with its
// coordinates, a country code RB (GDELT's FIPS code for Serbia) with and
// without a place name, three at 0, 0 (one named after a place the
// gazetteer has, one after a US state it has not, one without a name),
// two with no place at all (ActionGeo_Type 0), one named without
// coordinates. None is drawn at 0, 0; every unplaced one is listed.
func TestGDELTPlaces(t *testing.T) {
	_, _, x, probs := readFixture(t, "gdelt_places.export.CSV")
	if x.Len() != 9 || x.Located != 5 || x.Geocoded != 4 {
		t.Errorf("%d events, %d located, %d geocoded; want 9, 5, 4", x.Len(), x.Located, x.Geocoded)
	}
	wantProblems(t, probs,
		`4 ActionGeo_Lat "0, 0" coordinates at 0, 0`,
		`5 ActionGeo_Lat "0, 0" coordinates at 0, 0`,
		`6 ActionGeo_Lat "" no place`,
		`7 ActionGeo_Lat "" no place`,
		`9 ActionGeo_Lat "0, 0" coordinates at 0, 0`)
	near := func(row int, lat, lon float64) {
		t.Helper()
		i := eventOfRow(x, row)
		if i < 0 || math.Abs(x.Lat[i]-lat) > 1.5 || math.Abs(x.Lon[i]-lon) > 1.5 {
			t.Errorf("row %d at %v, %v; want near %v, %v", row, x.Lat[i], x.Lon[i], lat, lon)
		}
	}
	near(2, 44, 21) // "Serbia", RB
	near(3, 44, 21) // RB alone: the country
	near(5, 41.7, 44.8)
	near(8, 55.75, 37.6)
	for _, row := range []int{4, 6, 7, 9} {
		if i := eventOfRow(x, row); x.IsLocated(i) {
			t.Errorf("row %d placed at %v, %v", row, x.Lat[i], x.Lon[i])
		}
	}
	for i := range x.Len() {
		if x.Lat[i] == 0 && x.Lon[i] == 0 {
			t.Errorf("event of row %d drawn at 0, 0", x.Row[i]+1)
		}
	}
	if d := probs[1].Detail; !strings.Contains(d, "placed by its place name") || !strings.Contains(d, "Tbilisi") {
		t.Errorf("row 5's problem does not say where it was placed instead: %s", d)
	}
	if d := probs[0].Detail; !strings.Contains(d, `"Georgia"`) || !strings.Contains(d, "not placed") {
		t.Errorf("row 4's problem does not say its name was not found: %s", d)
	}
}

// TestGDELTCountryHintIsFIPS checks that a GDELT country column is read
// as FIPS: "RS" there is Russia, so a "Moscow" with RS is Russia's.
func TestGDELTCountryHintIsFIPS(t *testing.T) {
	f, _, x, _ := readFixture(t, "gdelt_places.export.CSV")
	if f.Source.Codes["ActionGeo_CountryCode"] != frame.FIPS {
		t.Fatalf("codes %v: ActionGeo_CountryCode is not FIPS", f.Source.Codes)
	}
	if i := eventOfRow(x, 8); x.Lon[i] < 30 {
		t.Errorf("Moscow with FIPS RS placed at %v, %v", x.Lat[i], x.Lon[i])
	}
}

// TestWikidataPlaceLabels reads a Wikidata export of Roman battles: a
// "location" column of entity links and a "locationLabel" column of
// names. The names are the place; battles without coordinates are placed
// by them, names the gazetteer lacks and battles with neither are listed.
func TestWikidataPlaceLabels(t *testing.T) {
	_, m, x, probs := readFixture(t, "roman_battles.csv")
	if got := m.Get(Place); len(got) != 1 || got[0] != "locationLabel" {
		t.Errorf("place %v, want locationLabel (%s)", got, m.Why[Place])
	}
	if m.RoleOf("location") != "" {
		t.Errorf("the column of links plays %s", m.RoleOf("location"))
	}
	if x.Len() != 12 || x.Located != 8 || x.Geocoded != 3 {
		t.Errorf("%d events, %d located, %d geocoded; want 12, 8, 3", x.Len(), x.Located, x.Geocoded)
	}
	wantProblems(t, probs,
		`4 locationLabel "Trebbia" place not found`,
		`8 locationLabel "Milvian Bridge" place not found`,
		`9 coord "" no place`,
		`10 coord "" no place`)
	if i := eventOfRow(x, 6); math.Abs(x.Lat[i]-48.58) > 0.1 || math.Abs(x.Lon[i]-7.75) > 0.1 {
		t.Errorf("Argentoratum placed at %v, %v; want Strasbourg", x.Lat[i], x.Lon[i])
	}
	if first := x.StartTime(0).String(); !strings.HasPrefix(first, "-0508-01-01") {
		t.Errorf("first battle %s, want 509 BC", first)
	}
}

// TestEmptyColumnTakesNoRole reads a Spanish table whose "final" column,
// the end date by its name, is empty in every row: it is no end.
func TestEmptyColumnTakesNoRole(t *testing.T) {
	_, m, x, probs := readFixture(t, "eventos_final_vacio.csv")
	if c := m.Get(End); c != nil {
		t.Errorf("end is %v (%s), want none", c, m.Why[End])
	}
	if x.Len() != 3 || x.Located != 3 {
		t.Errorf("%d events, %d located; want 3, 3", x.Len(), x.Located)
	}
	wantProblems(t, probs)
	// The same table with one end filled in keeps the role.
	f := readCSV(t, "evento;fecha;final;lugar\nCumbre;07/11/2023;09/11/2023;Managua\nVisita;08/11/2023;;Moscú\n")
	if c := Detect(f).Get(End); len(c) != 1 || c[0] != "final" {
		t.Errorf("end is %v with a value in it, want final", c)
	}
}

// TestCamelCaseHeaders checks that words inside camel-cased names count.
func TestCamelCaseHeaders(t *testing.T) {
	for h, want := range map[string]string{"locationLabel": "location label", "eventDate": "event date", "GlobalEventID": "global event id", "SQLDATE": "sqldate", "Länge": "länge"} {
		if got := normHeader(h); got != want {
			t.Errorf("normHeader(%q) = %q, want %q", h, got, want)
		}
	}
}
