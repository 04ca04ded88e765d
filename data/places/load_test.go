package places

import (
	"runtime"
	"strings"
	"testing"
)

// The gazetteer is as large as promised and every place is found by its
// own name: the stored folded keys agree with Fold as it now is.
func TestGazetteerLoaded(t *testing.T) {
	st, err := Info()
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("gazetteer: %d places, %d countries, %d names, %.1f MB by its tables, loaded in %v",
		st.Places, st.Countries, st.Names, float64(st.Bytes)/1e6, st.LoadTime)
	if st.Places < 25000 {
		t.Errorf("%d places, want at least 25,000", st.Places)
	}
	g, _ := load()
	var buf []uint32
	kinds := map[byte]int{}
	for i := range g.places {
		p := g.place(uint32(i))
		kinds[g.places[i].kind]++
		buf = g.index.lookup(Fold(p.Name), buf[:0])
		found := false
		for _, ref := range buf {
			found = found || ref == uint32(i)|primaryBit
		}
		if !found {
			t.Fatalf("place %d %q (%s) is not found by its own name folded to %q: regenerate assets/gazetteer after changing Fold", i, p.Name, p.Country, Fold(p.Name))
		}
	}
	for _, k := range []byte("csp") {
		if kinds[k] == 0 {
			t.Errorf("no place of kind %c", k)
		}
	}
	for _, s := range g.index.slots {
		if s.off != 0 {
			if k := g.index.key(s.off); Fold(k) != k {
				t.Fatalf("stored key %q is not folded (Fold gives %q): regenerate assets/gazetteer", k, Fold(k))
			}
		}
	}
	for k := range g.countryKeys {
		if Fold(k) != k || strings.Contains(k, ",") {
			t.Fatalf("country key %q is not folded", k)
		}
	}
}

// TestGazetteerMemory reports what loading the gazetteer adds to the live
// heap, measured as the runtime sees it.
func TestGazetteerMemory(t *testing.T) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	g, err := parse(embeddedPlaces(), embeddedCountries())
	if err != nil {
		t.Fatal(err)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	live := int64(after.HeapAlloc) - int64(before.HeapAlloc)
	t.Logf("gazetteer live heap: %.1f MB (tables: %.1f MB); allocated while loading: %.1f MB",
		float64(live)/1e6, float64(g.stats.Bytes)/1e6, float64(after.TotalAlloc-before.TotalAlloc)/1e6)
	if live > 40<<20 {
		t.Errorf("the loaded gazetteer keeps %d MB, want under 40", live>>20)
	}
	runtime.KeepAlive(g)
}
