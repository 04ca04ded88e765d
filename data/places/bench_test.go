package places

import (
	"fmt"
	"testing"
)

// BenchmarkGeocodeColumn100k geocodes a 100,000-row place column naming a
// few places over and over, as an event table does; one op is the column.
func BenchmarkGeocodeColumn100k(b *testing.B) {
	if _, err := Info(); err != nil { // loading is not what is measured
		b.Fatal(err)
	}
	few := []struct{ name, hint string }{
		{"Moskau", "Russland"}, {"Moscow", ""}, {"Managua", "NI"}, {"Ouagadougou", "BF"},
		{"Jerewan", "Armenien"}, {"Gyumri", "AM"}, {"Kiew", ""}, {"León", "Nicaragua"},
		{"Paris", "FR"}, {"Xyzzyville", ""},
	}
	names, hints := make([]string, 100_000), make([]string, 100_000)
	for i := range names {
		names[i], hints[i] = few[i%len(few)].name, few[i%len(few)].hint
	}
	benchColumn(b, names, hints)
}

// BenchmarkGeocodeColumn100kDistinct geocodes a 100,000-row column where
// about half the rows name a place no other row names: each of the
// gazetteer's places once or twice, as "Name, CC".
func BenchmarkGeocodeColumn100kDistinct(b *testing.B) {
	g, err := load()
	if err != nil {
		b.Fatal(err)
	}
	names := make([]string, 100_000)
	for i := range names {
		p := g.place(uint32(i % len(g.places)))
		names[i] = fmt.Sprintf("%s, %s", p.Name, p.Country)
	}
	benchColumn(b, names, nil)
}

func benchColumn(b *testing.B, names, hints []string) {
	b.ReportAllocs()
	for b.Loop() {
		GeocodeColumn(names, hints)
	}
	b.ReportMetric(float64(len(names))*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
}

// BenchmarkLoad reads and indexes the embedded gazetteer; one op is one
// load.
func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := parse(embeddedPlaces(), embeddedCountries()); err != nil {
			b.Fatal(err)
		}
	}
}
