package places

import (
	"errors"
	"testing"
)

func TestGeocodeColumn(t *testing.T) {
	names := []string{"León", "León", "Moskau", "", "Xyzzyville", "León", "Москва"}
	hints := []string{"NI", "ES", "", "", "", "NI", "RU"}
	ms, errs := GeocodeColumn(names, hints)
	if len(ms) != len(names) || len(errs) != len(names) {
		t.Fatalf("%d matches and %d errors for %d names", len(ms), len(errs), len(names))
	}
	for i, want := range []string{"NI", "ES", "RU", "", "", "NI", "RU"} {
		if want == "" {
			if errs[i] == nil {
				t.Errorf("row %d %q: %s, want an error", i, names[i], ms[i].Name)
			}
			continue
		}
		if errs[i] != nil || ms[i].Country != want || ms[i].Query != names[i] {
			t.Errorf("row %d %q (%s) = %+v, %v; want a place in %s", i, names[i], hints[i], ms[i], errs[i], want)
		}
	}
	if !errors.Is(errs[3], ErrEmpty) {
		t.Errorf("row 3: %v, want ErrEmpty", errs[3])
	}
	// Without hints, every row is read alone; the same name gives the same
	// answer as Geocode.
	ms, _ = GeocodeColumn([]string{"Paris", "Gjumri"}, nil)
	one, _ := Geocode("Gjumri", "")
	if ms[0].Country != "FR" || ms[1].Name != one.Name || ms[1].Confidence != one.Confidence {
		t.Errorf("GeocodeColumn without hints = %+v", ms)
	}
}
