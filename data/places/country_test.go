package places

import "testing"

func TestCountryLookups(t *testing.T) {
	for _, tc := range []struct {
		lookup func(string) (Country, bool)
		how    string
		in     string
		want   string
	}{
		{CountryByCode, "ISO", "AM", "AM"},
		{CountryByCode, "ISO", "arm", "AM"},
		{CountryByCode, "ISO", "RS", "RS"}, // ISO RS is Serbia
		{CountryByCode, "ISO", "XK", "XK"},
		{CountryByFIPS, "FIPS", "RS", "RU"}, // FIPS RS is Russia
		{CountryByFIPS, "FIPS", "AM", "AM"},
		{CountryByFIPS, "FIPS", "UP", "UA"},
		{CountryByFIPS, "FIPS", "GM", "DE"},
		{CountryByFIPS, "FIPS", "NU", "NI"},
		{CountryByFIPS, "FIPS", "UV", "BF"},
		{CountryByFIPS, "FIPS", "IS", "IL"},
		{CountryByFIPS, "FIPS", "GZ", "PS"},
		{CountryByFIPS, "FIPS", "KV", "XK"},
		{CountryByFIPS, "FIPS", "RI", "RS"}, // Serbia since 2008
		{CountryByFIPS, "FIPS", "RB", "RS"}, // Serbia before, as GDELT writes it
		{LookupCountry, "name", "Armenien", "AM"},
		{LookupCountry, "name", "Vereinigte Staaten", "US"},
		{LookupCountry, "name", "Russland", "RU"},
		{LookupCountry, "name", "Elfenbeinküste", "CI"},
		{LookupCountry, "name", "Côte d’Ivoire", "CI"},
		{LookupCountry, "name", "Congo", "CD"}, // shared: the more populous
		{LookupCountry, "name", "usa", "US"},
	} {
		c, ok := tc.lookup(tc.in)
		if !ok || c.Alpha2 != tc.want {
			t.Errorf("%s %q = %+v, %v; want %s", tc.how, tc.in, c, ok, tc.want)
		}
	}
	for _, bad := range []string{"", "ZZ", "Narnia", "R"} {
		if c, ok := LookupCountry(bad); ok {
			t.Errorf("LookupCountry(%q) = %s, want none", bad, c.Alpha2)
		}
	}
}

// TestPressNames looks up country names as the press writes them, in
// each language the interface and the map's country names speak: the
// current name, and older or shorter ones still in daily use.
func TestPressNames(t *testing.T) {
	for want, names := range map[string][]string{
		"BY": {"Belarus", "Belorussia", "Weißrussland", "Weissrussland", "Biélorussie", "Bielorrusia", "Белоруссия", "Беларусь"},
		"SZ": {"Eswatini", "Swaziland", "Swasiland", "Suazilandia", "Свазиленд"},
		"MD": {"Moldova", "Moldawien", "Moldau", "Moldavie", "Moldavia", "Молдавия"},
		"MM": {"Myanmar", "Burma", "Birma", "Birmanie", "Birmania", "Бирма"},
		"MK": {"North Macedonia", "Macedonia", "Mazedonien", "Nordmazedonien", "Macédoine", "Македония"},
		"CZ": {"Czech Republic", "Tschechien", "Tschechei", "Tchéquie", "Chequia", "Чехия"},
		"NL": {"Holland", "Niederlande", "Hollande", "Holanda", "Голландия"},
		"GB": {"Britain", "UK", "Großbritannien", "Grande-Bretagne", "Gran Bretaña", "Великобритания", "Британия"},
		"US": {"America", "USA", "Amerika", "Amérique", "EE. UU.", "EEUU", "США", "Америка"},
		"CD": {"DR Congo", "DRC", "Demokratische Republik Kongo", "RDC", "ДР Конго"},
		"AE": {"UAE", "Emirates", "VAE", "EAU", "ОАЭ", "Эмираты"},
		"BA": {"Bosnia", "Bosnien", "Bosnie", "Босния"},
		"PS": {"West Bank", "Westjordanland", "Gazastreifen", "Cisjordanie", "Franja de Gaza", "Сектор Газа"},
		"KG": {"Kyrgyzstan", "Kirgisistan", "Kirgisien", "Kirghizie", "Киргизия"},
		"KP": {"North Korea", "DPRK", "Nordkorea", "Северная Корея", "КНДР"},
		"CV": {"Cape Verde", "Kapverden", "Cap-Vert", "Кабо-Верде"},
	} {
		for _, n := range names {
			if c, ok := LookupCountry(n); !ok || c.Alpha2 != want {
				t.Errorf("LookupCountry(%q) = %s, %v; want %s", n, c.Alpha2, ok, want)
			}
		}
	}
}

// Every country has both ISO codes, a name and a point; FIPS codes, where
// given, are unique, so CountryByFIPS is a function.
func TestCountriesComplete(t *testing.T) {
	cs := Countries()
	if len(cs) < 249 {
		t.Errorf("%d countries, want every ISO 3166-1 country (249) and Kosovo", len(cs))
	}
	fips := map[string]string{}
	for _, c := range cs {
		if len(c.Alpha2) != 2 || len(c.Alpha3) != 3 || c.Name == "" || (c.Lat == 0 && c.Lon == 0) {
			t.Errorf("country %+v lacks a code, name or point", c)
		}
		if other, dup := fips[c.FIPS]; c.FIPS != "" && dup {
			t.Errorf("FIPS %s names both %s and %s", c.FIPS, other, c.Alpha2)
		}
		fips[c.FIPS] = c.Alpha2
	}
}

// A country's capital is the city its name stands for in running text;
// a code that names no country has none.
func TestCapital(t *testing.T) {
	for code, want := range map[string]string{"RU": "Moscow", "am": "Yerevan", "NIC": "Managua", "BF": "Ouagadougou", "GE": "Tbilisi", "ZA": "Pretoria"} {
		p, ok := Capital(code)
		if !ok || p.Name != want || p.Kind != KindCapital {
			t.Errorf("Capital(%q) = %+v, %v; want %s", code, p, ok, want)
		}
	}
	for _, code := range []string{"", "XX", "Russia"} {
		if p, ok := Capital(code); ok {
			t.Errorf("Capital(%q) = %+v, want none", code, p)
		}
	}
}
