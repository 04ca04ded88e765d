package places

// The kinds of Place, as Place.Kind and the JSON of `chronomap geocode`
// write them.
const (
	KindCountry = "country" // a whole country, placed at a representative point
	KindCapital = "capital" // a country's capital (or seat of government)
	KindSeat    = "seat"    // the seat of a first-order region: a state, province, oblast
	KindCity    = "city"    // any other populated place
)

// Place is one place of the gazetteer: a populated place or a country.
// Country is the ISO 3166-1 alpha-2 code.
type Place struct {
	Name       string
	Country    string
	Lat, Lon   float64
	Kind       string
	Population int
}

// Match is the answer to one geocoding query: the place chosen, how sure
// the choice is (0 to 1) and the other places the query could mean, most
// likely first.
type Match struct {
	Query string
	Place
	Confidence   float64
	Alternatives []Place
}

// Country is one country (or territory with its own ISO 3166-1 code).
// FIPS is its FIPS 10-4 code, as GDELT writes countries; it differs from
// the ISO code for many countries ("RS" is Russia in FIPS, Serbia in ISO),
// and is empty where FIPS has none.
type Country struct {
	Alpha2, Alpha3, FIPS string
	Name                 string
	Lat, Lon             float64
	Population           int
}

// Place returns the country as a Place of kind "country".
func (c Country) Place() Place {
	return Place{Name: c.Name, Country: c.Alpha2, Lat: c.Lat, Lon: c.Lon, Kind: KindCountry, Population: c.Population}
}
