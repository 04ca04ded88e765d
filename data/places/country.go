package places

import "strings"

// fipsAliases are FIPS 10-4 codes the countries file does not give: GZ
// names part of a country ISO 3166 treats as one (GDELT writes Gaza as GZ
// and the West Bank as WE), and RB is Serbia's code from 2006 until FIPS
// changed it to RI in 2008, which GDELT still writes.
var fipsAliases = map[string]string{"GZ": "PS", "RB": "RS"}

// CountryByCode returns the country with an ISO 3166-1 alpha-2 or
// alpha-3 code, in any case ("am", "ARM"). FIPS codes are not read here,
// since they clash with ISO's: see CountryByFIPS.
func CountryByCode(code string) (Country, bool) {
	g, err := load()
	if err != nil {
		return Country{}, false
	}
	i, ok := g.countryByCode(code)
	if !ok {
		return Country{}, false
	}
	return g.countries[i], true
}

// CountryByFIPS returns the country with a FIPS 10-4 code, as GDELT's
// country columns write them: "RS" is Russia here, where ISO's RS is
// Serbia; "AM" is Armenia in both.
func CountryByFIPS(code string) (Country, bool) {
	g, err := load()
	if err != nil {
		return Country{}, false
	}
	code = strings.ToUpper(strings.TrimSpace(code))
	if a2, ok := fipsAliases[code]; ok {
		return g.countries[g.byAlpha2[a2]], true
	}
	i, ok := g.byFIPS[code]
	if !ok {
		return Country{}, false
	}
	return g.countries[i], true
}

// LookupCountry returns the country a table's country cell names: an
// ISO 3166-1 alpha-2 or alpha-3 code, or a name in any of some eighty
// languages ("Armenien", "Arménie", "Армения", "Vereinigte Staaten"),
// ignoring case and diacritics. A name two countries share ("Congo") gives
// the more populous.
func LookupCountry(s string) (Country, bool) {
	g, err := load()
	if err != nil {
		return Country{}, false
	}
	i, ok := g.lookupCountry(s)
	if !ok {
		return Country{}, false
	}
	return g.countries[i], true
}

// Capital returns the capital of the country with an ISO 3166-1 alpha-2
// or alpha-3 code, in any case: the city a reader takes "the Armenian
// capital" or a minister's home for. Where a country has several (South
// Africa), it is the most populous; false when the country or its capital
// is not in the gazetteer.
func Capital(code string) (Place, bool) {
	g, err := load()
	if err != nil {
		return Place{}, false
	}
	i, ok := g.countryByCode(code)
	if !ok {
		return Place{}, false
	}
	a2 := g.countries[i].Alpha2
	p, ok := g.capitals[[2]byte{a2[0], a2[1]}]
	if !ok {
		return Place{}, false
	}
	return g.place(p), true
}

// Countries returns every country of the gazetteer, in ISO 3166-1 order
// of their English names. The slice is the caller's.
func Countries() []Country {
	g, err := load()
	if err != nil {
		return nil
	}
	return append([]Country(nil), g.countries...)
}

func (g *gazetteer) countryByCode(code string) (int, bool) {
	code = strings.ToUpper(strings.TrimSpace(code))
	switch len(code) {
	case 2:
		i, ok := g.byAlpha2[code]
		return i, ok
	case 3:
		i, ok := g.byAlpha3[code]
		return i, ok
	}
	return 0, false
}

func (g *gazetteer) lookupCountry(s string) (int, bool) {
	if i, ok := g.countryByCode(s); ok {
		return i, true
	}
	cs := g.countryKeys[Fold(s)]
	if len(cs) == 0 {
		return 0, false
	}
	best := cs[0]
	for _, i := range cs[1:] {
		if g.countries[i].Population > g.countries[best].Population {
			best = i
		}
	}
	return best, true
}
