package places

import (
	"errors"
	"math"
	"testing"
)

// distanceKm is the great-circle distance between two points on a sphere
// of the Earth's mean radius.
func distanceKm(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371.0088
	rad := math.Pi / 180
	dLat, dLon := (lat2-lat1)*rad, (lon2-lon1)*rad
	a := math.Sin(dLat/2)*math.Sin(dLat/2) + math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Sin(dLon/2)*math.Sin(dLon/2)
	return 2 * r * math.Asin(math.Sqrt(a))
}

// The sample's five places, written as its sources write them, must land
// within 5 km of where they are.
func TestGeocodeSamplePlaces(t *testing.T) {
	truth := map[string][2]float64{
		"RU": {55.7558, 37.6173}, "NI": {12.1364, -86.2514}, "BF": {12.3714, -1.5197},
		"AM-Yerevan": {40.1792, 44.4991}, "AM-Gyumri": {40.7894, 43.8475},
	}
	for _, tc := range []struct{ name, want string }{
		{"Moscow", "RU"}, {"Moskau", "RU"}, {"Moscou", "RU"}, {"Moscú", "RU"}, {"Москва", "RU"}, {"MOSKVA", "RU"},
		{"Managua", "NI"}, {"Ouagadougou", "BF"},
		{"Yerevan", "AM-Yerevan"}, {"Jerewan", "AM-Yerevan"}, {"Erevan", "AM-Yerevan"}, {"Ереван", "AM-Yerevan"},
		{"Gyumri", "AM-Gyumri"}, {"Gjumri", "AM-Gyumri"}, {"Гюмри", "AM-Gyumri"},
	} {
		m, err := Geocode(tc.name, "")
		if err != nil {
			t.Errorf("Geocode(%q): %v", tc.name, err)
			continue
		}
		p := truth[tc.want]
		if d := distanceKm(m.Lat, m.Lon, p[0], p[1]); d > 5 {
			t.Errorf("Geocode(%q) = %s, %s at %.4f,%.4f: %.1f km from the truth", tc.name, m.Name, m.Country, m.Lat, m.Lon, d)
		}
		if m.Confidence < 0.9 {
			t.Errorf("Geocode(%q) = %s with confidence %.2f, want at least 0.9", tc.name, m.Name, m.Confidence)
		}
	}
}

func TestGeocodeExonyms(t *testing.T) {
	for _, tc := range []struct{ name, place, country string }{
		{"Kiew", "Kyiv", "UA"}, {"Kiev", "Kyiv", "UA"}, {"Київ", "Kyiv", "UA"},
		{"Peking", "Beijing", "CN"}, {"Pékin", "Beijing", "CN"},
		{"Wien", "Vienna", "AT"}, {"Vienne", "Vienna", "AT"},
		{"München", "Munich", "DE"}, {"Varsovie", "Warsaw", "PL"},
		{"Санкт-Петербург", "Saint Petersburg", "RU"},
		{"Londres", "London", "GB"}, {"Пекин", "Beijing", "CN"},
		{"Орёл", "Orël", "RU"}, {"Орел", "Orël", "RU"}, // ё and е are one letter to a reader
		{"sao paulo", "São Paulo", "BR"},
	} {
		m, err := Geocode(tc.name, "")
		if err != nil {
			t.Errorf("Geocode(%q): %v", tc.name, err)
			continue
		}
		if m.Name != tc.place || m.Country != tc.country {
			t.Errorf("Geocode(%q) = %s, %s; want %s, %s", tc.name, m.Name, m.Country, tc.place, tc.country)
		}
	}
}

// A name several places share goes to the one a reader means, and the
// others are listed.
func TestGeocodeDecoys(t *testing.T) {
	m, err := Geocode("Moscow", "")
	if err != nil {
		t.Fatal(err)
	}
	if m.Country != "RU" || m.Kind != KindCapital {
		t.Errorf("Moscow = %s, %s (%s); want the capital of Russia", m.Name, m.Country, m.Kind)
	}
	idaho := false
	for _, a := range m.Alternatives {
		if a.Country == "US" && distanceKm(a.Lat, a.Lon, 46.7324, -117.0002) < 10 {
			idaho = true
		}
	}
	if !idaho {
		t.Errorf("Moscow: alternatives %v lack Moscow, Idaho", m.Alternatives)
	}
	m, err = Geocode("Paris", "")
	if err != nil || m.Country != "FR" || m.Confidence < 0.9 {
		t.Errorf("Paris = %+v, %v; want France, confidence ≥ 0.9", m, err)
	}
	if m, err = Geocode("Paris", "US"); err != nil || m.Country != "US" {
		t.Errorf("Paris with hint US = %+v, %v; want a Paris in the United States", m, err)
	}
}

func TestGeocodeCountryHints(t *testing.T) {
	for _, tc := range []struct {
		name, hint   string
		country      string
		lat, lon, km float64
	}{
		{"León", "NI", "NI", 12.4379, -86.8780, 10},
		{"Leon", "Nicaragua", "NI", 12.4379, -86.8780, 10},
		{"León", "ES", "ES", 42.5987, -5.5671, 10},
		{"León", "Spanien", "ES", 42.5987, -5.5671, 10},
		{"Córdoba", "AR", "AR", -31.4135, -64.1811, 10},
		{"Cordoba", "ARG", "AR", -31.4135, -64.1811, 10},
		{"Córdoba", "ES", "ES", 37.8916, -4.7728, 10},
		{"Córdoba", "España", "ES", 37.8916, -4.7728, 10},
		{"Armenia", "CO", "CO", 4.5339, -75.6811, 10},
		{"Moskau", "XX", "RU", 55.7558, 37.6173, 5}, // a hint naming no country is ignored
	} {
		m, err := Geocode(tc.name, tc.hint)
		if err != nil {
			t.Errorf("Geocode(%q, %q): %v", tc.name, tc.hint, err)
			continue
		}
		if m.Country != tc.country || distanceKm(m.Lat, m.Lon, tc.lat, tc.lon) > tc.km {
			t.Errorf("Geocode(%q, %q) = %s, %s at %.4f,%.4f; want %s near %.4f,%.4f", tc.name, tc.hint, m.Name, m.Country, m.Lat, m.Lon, tc.country, tc.lat, tc.lon)
		}
	}
	// Without a hint, León is ambiguous: the answer says so.
	m, err := Geocode("León", "")
	if err != nil {
		t.Fatal(err)
	}
	if m.Confidence > 0.8 || len(m.Alternatives) < 2 {
		t.Errorf("León without a hint = %s, %s, confidence %.2f, %d alternatives; want a low confidence and the others listed", m.Name, m.Country, m.Confidence, len(m.Alternatives))
	}
}

func TestGeocodePlaceCommaCountry(t *testing.T) {
	for _, tc := range []struct{ q, place, country string }{
		{"Gyumri, Armenia", "Gyumri", "AM"},
		{"Moskau, Russland", "Moscow", "RU"},
		{"Moscow, US", "Moscow", "US"},
		{"León, Nicaragua", "León", "NI"},
		{"Córdoba, Argentina", "Córdoba", "AR"},
		{"Ереван, Армения", "Yerevan", "AM"},
		{"Paris, Texas, USA", "Paris", "US"},
	} {
		m, err := Geocode(tc.q, "")
		if err != nil {
			t.Errorf("Geocode(%q): %v", tc.q, err)
			continue
		}
		if m.Name != tc.place || m.Country != tc.country {
			t.Errorf("Geocode(%q) = %s, %s; want %s, %s", tc.q, m.Name, m.Country, tc.place, tc.country)
		}
	}
	// A place named with a country it is not in is an error that says
	// where places of that name are.
	_, err := Geocode("Gyumri, Germany", "")
	var nf *NotFoundError
	if !errors.As(err, &nf) || nf.In == "" || len(nf.Elsewhere) == 0 {
		t.Errorf(`Geocode("Gyumri, Germany") error = %v; want a NotFoundError naming Armenia`, err)
	}
}

func TestGeocodeCountries(t *testing.T) {
	for _, tc := range []struct{ q, country string }{
		{"Armenien", "AM"}, {"Arménie", "AM"}, {"Армения", "AM"}, {"Armenia", "AM"},
		{"Russland", "RU"}, {"Russie", "RU"}, {"Rusia", "RU"}, {"Россия", "RU"},
		{"Vereinigte Staaten", "US"}, {"Estados Unidos", "US"},
		{"Burkina Faso", "BF"}, {"Nicaragua", "NI"},
		{"AM", "AM"}, {"ARM", "AM"}, {"RS", "RS"}, {"RUS", "RU"},
	} {
		m, err := Geocode(tc.q, "")
		if err != nil {
			t.Errorf("Geocode(%q): %v", tc.q, err)
			continue
		}
		if m.Kind != KindCountry || m.Country != tc.country {
			t.Errorf("Geocode(%q) = %s, %s (%s); want country %s", tc.q, m.Name, m.Country, m.Kind, tc.country)
		}
	}
	// "Armenia" is also a Colombian city: listed, not chosen.
	m, _ := Geocode("Armenia", "")
	found := false
	for _, a := range m.Alternatives {
		found = found || a.Country == "CO"
	}
	if !found {
		t.Errorf("Armenia: alternatives %v lack Armenia, Colombia", m.Alternatives)
	}
}

func TestGeocodeUnresolved(t *testing.T) {
	for _, q := range []string{"Xyzzyville", "Qwzrtplk, Armenia", "   ", "", ",", "--"} {
		m, err := Geocode(q, "")
		if err == nil {
			t.Errorf("Geocode(%q) = %s, %s; want an error", q, m.Name, m.Country)
		}
		if m.Query != q {
			t.Errorf("Geocode(%q).Query = %q", q, m.Query)
		}
	}
	if _, err := Geocode("", "AM"); !errors.Is(err, ErrEmpty) {
		t.Errorf(`Geocode("", "AM") error = %v; want ErrEmpty`, err)
	}
	_, err := Geocode("Xyzzyville", "")
	var nf *NotFoundError
	if !errors.As(err, &nf) || nf.Query != "Xyzzyville" {
		t.Errorf("Geocode(Xyzzyville) error = %#v; want *NotFoundError", err)
	}
}

func TestGeocodeConfidenceAndAlternatives(t *testing.T) {
	m, err := Geocode("Springfield", "")
	if err != nil {
		t.Fatal(err)
	}
	if m.Confidence <= 0 || m.Confidence > 1 {
		t.Errorf("Springfield confidence %v, want within (0, 1]", m.Confidence)
	}
	if len(m.Alternatives) == 0 || len(m.Alternatives) > maxAlternatives {
		t.Errorf("Springfield: %d alternatives, want 1 to %d", len(m.Alternatives), maxAlternatives)
	}
	for _, a := range m.Alternatives {
		if a.Name == "" || len(a.Country) != 2 || a.Kind == "" {
			t.Errorf("Springfield alternative %+v lacks a name, country or kind", a)
		}
	}
}
