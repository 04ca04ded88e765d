package places

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"fmt"
	"math"
	"strconv"
	"strings"
	"sync"
	"time"

	embedded "chronomap/assets/gazetteer"
)

// gazetteer is the loaded data. Names and folded keys live in one string,
// text, so that 50,000 places and 300,000 names cost a few large
// allocations instead of hundreds of thousands of small ones.
type gazetteer struct {
	text      string
	places    []record
	index     nameIndex
	countries []Country
	// countryKeys maps each folded country name to the countries that
	// bear it ("congo" names two).
	countryKeys        map[string][]int
	byAlpha2, byAlpha3 map[string]int
	byFIPS             map[string]int
	// capitals maps a country's alpha-2 code to its most populous
	// capital among the places.
	capitals map[[2]byte]uint32
	stats    Stats
}

// record is one populated place. Its name is text[name : name+nameLen].
type record struct {
	lat, lon   float32 // float32 is within 2 m anywhere on Earth
	population int32
	name       uint32
	nameLen    uint16
	country    [2]byte
	kind       byte // 'c' capital, 's' regional seat, 'p' other
}

// Stats says what the loaded gazetteer holds and what it cost.
type Stats struct {
	Places, Countries int
	Names             int           // names and spellings matched, places and countries together
	Bytes             int           // memory the loaded gazetteer keeps, counted from its tables
	LoadTime          time.Duration // reading and indexing the embedded files
}

var (
	loadOnce sync.Once
	loaded   *gazetteer
	loadErr  error
)

// load reads the embedded gazetteer the first time it is needed.
func load() (*gazetteer, error) {
	loadOnce.Do(func() {
		start := time.Now()
		loaded, loadErr = parse(embeddedPlaces(), embeddedCountries())
		if loadErr == nil {
			loaded.stats.LoadTime = time.Since(start)
		}
	})
	return loaded, loadErr
}

// Info loads the gazetteer if it is not yet loaded and says what it holds.
func Info() (Stats, error) {
	g, err := load()
	if err != nil {
		return Stats{}, err
	}
	return g.stats, nil
}

// parse builds a gazetteer from the gzipped places and countries files.
func parse(placesGz, countriesGz []byte) (*gazetteer, error) {
	g := &gazetteer{countryKeys: map[string][]int{}, byAlpha2: map[string]int{}, byAlpha3: map[string]int{}, byFIPS: map[string]int{}}
	if err := eachLine(countriesGz, "countries.tsv.gz", g.addCountry); err != nil {
		return nil, err
	}
	// gzip's trailer holds the unpacked size: growing to it at once spares
	// the copies of a builder doubling its way up to 5 MB.
	var text strings.Builder
	var keys []keyRef
	if n := len(placesGz); n >= 4 {
		size := int(placesGz[n-4]) | int(placesGz[n-3])<<8 | int(placesGz[n-2])<<16 | int(placesGz[n-1])<<24
		text.Grow(size)
		keys = make([]keyRef, 0, size/16)
	}
	err := eachLine(placesGz, "places.tsv.gz", func(fs []string) error {
		var err error
		keys, err = g.addPlace(fs, &text, keys)
		return err
	})
	if err != nil {
		return nil, err
	}
	g.text = text.String()
	g.index = buildIndex(g.text, keys)
	g.capitals = map[[2]byte]uint32{}
	for i, r := range g.places {
		if j, ok := g.capitals[r.country]; r.kind == 'c' && (!ok || r.population > g.places[j].population) {
			g.capitals[r.country] = uint32(i)
		}
	}
	g.stats.Places = len(g.places)
	g.stats.Countries = len(g.countries)
	g.stats.Names += len(keys)
	// The country tables are counted roughly: a map entry with its key
	// and slice costs about 64 bytes.
	g.stats.Bytes = len(g.text) + len(g.places)*24 + len(g.index.slots)*8 + len(g.countryKeys)*64 + len(g.countries)*160
	return g, nil
}

// eachLine calls fn with the tab-separated fields of each line of a
// gzipped file, skipping comments; an error names the file and line.
func eachLine(gz []byte, file string, fn func([]string) error) error {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return fmt.Errorf("gazetteer %s: %w", file, err)
	}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 64<<10), 4<<20)
	fields := make([]string, 0, 8)
	for line := 1; sc.Scan(); line++ {
		l := sc.Text()
		if l == "" || l[0] == '#' {
			continue
		}
		fields = fields[:0]
		for {
			i := strings.IndexByte(l, '\t')
			if i < 0 {
				fields = append(fields, l)
				break
			}
			fields = append(fields, l[:i])
			l = l[i+1:]
		}
		if err := fn(fields); err != nil {
			return fmt.Errorf("gazetteer %s line %d: %w", file, line, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("gazetteer %s: %w", file, err)
	}
	return nil
}

// addCountry reads one line of the countries file: alpha2, alpha3, fips,
// name, lat, lon, population, folded names.
func (g *gazetteer) addCountry(fs []string) error {
	if len(fs) != 8 || len(fs[0]) != 2 || len(fs[1]) != 3 {
		return fmt.Errorf("want 8 fields starting with ISO alpha-2 and alpha-3 codes, have %d", len(fs))
	}
	lat, lon, err := latLon(fs[4], fs[5])
	if err != nil {
		return err
	}
	pop, err := strconv.Atoi(fs[6])
	if err != nil {
		return fmt.Errorf("population %q is not a number", fs[6])
	}
	i := len(g.countries)
	g.countries = append(g.countries, Country{Alpha2: fs[0], Alpha3: fs[1], FIPS: fs[2], Name: fs[3], Lat: lat, Lon: lon, Population: pop})
	g.byAlpha2[fs[0]] = i
	g.byAlpha3[fs[1]] = i
	if _, dup := g.byFIPS[fs[2]]; fs[2] != "" && !dup {
		g.byFIPS[fs[2]] = i
	}
	g.addCountryKey(Fold(fs[3]), i)
	if fs[7] != "" {
		for _, k := range strings.Split(fs[7], ",") {
			g.addCountryKey(k, i)
		}
	}
	return nil
}

func (g *gazetteer) addCountryKey(k string, i int) {
	for _, j := range g.countryKeys[k] {
		if j == i {
			return
		}
	}
	g.countryKeys[k] = append(g.countryKeys[k], i)
	g.stats.Names++
}

// addPlace reads one line of the places file: name, country, lat, lon,
// kind, population, folded other names. It writes the name and the keys
// into text and returns keys with the new ones added.
func (g *gazetteer) addPlace(fs []string, text *strings.Builder, keys []keyRef) ([]keyRef, error) {
	if len(fs) != 7 || len(fs[1]) != 2 || len(fs[4]) != 1 {
		return keys, fmt.Errorf("want 7 fields: name, country, lat, lon, kind, population, names; have %d", len(fs))
	}
	lat, lon, err := latLon(fs[2], fs[3])
	if err != nil {
		return keys, err
	}
	pop, err := strconv.ParseInt(fs[5], 10, 32)
	if err != nil {
		return keys, fmt.Errorf("population %q is not a number", fs[5])
	}
	if len(g.places) >= math.MaxInt32 || text.Len()+len(fs[0])+len(fs[6])+64 >= math.MaxUint32 || len(fs[0]) > math.MaxUint16 {
		return keys, fmt.Errorf("too large for the gazetteer's tables")
	}
	p := uint32(len(g.places))
	r := record{lat: float32(lat), lon: float32(lon), population: int32(pop), name: uint32(text.Len()),
		nameLen: uint16(len(fs[0])), country: [2]byte{fs[1][0], fs[1][1]}, kind: fs[4][0]}
	text.WriteString(fs[0])
	text.WriteByte(0)
	g.places = append(g.places, r)
	// The place's own name, folded, is its primary key.
	keys = append(keys, keyRef{off: uint32(text.Len()), place: p | primaryBit})
	text.WriteString(Fold(fs[0]))
	text.WriteByte(0)
	if fs[6] != "" {
		keys = append(keys, keyRef{off: uint32(text.Len()), place: p})
		for i := 0; i < len(fs[6]); i++ {
			if c := fs[6][i]; c == ',' {
				text.WriteByte(0)
				keys = append(keys, keyRef{off: uint32(text.Len()), place: p})
			} else {
				text.WriteByte(c)
			}
		}
		text.WriteByte(0)
	}
	return keys, nil
}

func latLon(la, lo string) (float64, float64, error) {
	lat, err1 := strconv.ParseFloat(la, 64)
	lon, err2 := strconv.ParseFloat(lo, 64)
	if err1 != nil || err2 != nil || lat < -90 || lat > 90 || lon < -180 || lon > 180 {
		return 0, 0, fmt.Errorf("%q, %q is not a latitude and longitude", la, lo)
	}
	return lat, lon, nil
}

// place returns record i as a Place.
func (g *gazetteer) place(i uint32) Place {
	r := &g.places[i]
	return Place{Name: g.text[r.name : r.name+uint32(r.nameLen)], Country: string(r.country[:]),
		Lat: round5(float64(r.lat)), Lon: round5(float64(r.lon)), Kind: kindName(r.kind), Population: int(r.population)}
}

// round5 drops the float32 noise (55.75222 read back as 55.752220153…).
func round5(v float64) float64 { return math.Round(v*1e5) / 1e5 }

func kindName(k byte) string {
	switch k {
	case 'c':
		return KindCapital
	case 's':
		return KindSeat
	}
	return KindCity
}

func embeddedPlaces() []byte    { return embedded.Places }
func embeddedCountries() []byte { return embedded.Countries }
