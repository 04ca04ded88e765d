package geocode

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

func run(args ...string) (code int, stdout, stderr string) {
	var out, errw bytes.Buffer
	code = Run(args, &out, &errw)
	return code, out.String(), errw.String()
}

// The JSON is an array of objects with exactly the fields DESIGN.md names:
// a place with its alternatives, or the query and an error.
func TestRunJSONShape(t *testing.T) {
	code, out, errOut := run("--json", "Moskau", "Xyzzyville", "Armenien", "Gjumri")
	if code != 0 {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	var got []map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("output is not a JSON array of objects: %v\n%s", err, out)
	}
	if len(got) != 4 {
		t.Fatalf("%d objects, want 4", len(got))
	}
	placeKeys := []string{"query", "name", "country", "lat", "lon", "kind", "population", "confidence", "alternatives"}
	for _, i := range []int{0, 2, 3} {
		if len(got[i]) != len(placeKeys) {
			t.Errorf("object %d has keys %v, want exactly %v", i, keys(got[i]), placeKeys)
		}
		for _, k := range placeKeys {
			if _, ok := got[i][k]; !ok {
				t.Errorf("object %d lacks %q", i, k)
			}
		}
	}
	if len(got[1]) != 2 || got[1]["query"] == nil || got[1]["error"] == nil {
		t.Errorf("unresolved name gives %v, want exactly query and error", keys(got[1]))
	}

	var typed []struct {
		Query, Name, Country, Kind string
		Lat, Lon, Confidence       float64
		Population                 int
		Alternatives               []struct {
			Name, Country, Kind string
			Lat, Lon            float64
			Population          int
		}
		Error string
	}
	if err := json.Unmarshal([]byte(out), &typed); err != nil {
		t.Fatal(err)
	}
	m := typed[0]
	if m.Query != "Moskau" || m.Name != "Moscow" || m.Country != "RU" || m.Kind != "capital" ||
		m.Population < 10_000_000 || m.Confidence <= 0.9 || m.Confidence > 1 || m.Lat < 55.7 || m.Lat > 55.8 {
		t.Errorf("Moskau = %+v", m)
	}
	for _, a := range m.Alternatives {
		if a.Name == "" || len(a.Country) != 2 || a.Kind == "" {
			t.Errorf("Moskau alternative %+v lacks a name, country or kind", a)
		}
	}
	if typed[1].Query != "Xyzzyville" || !strings.Contains(typed[1].Error, "Xyzzyville") {
		t.Errorf("Xyzzyville = %+v, want an error naming it", typed[1])
	}
	if typed[2].Kind != "country" || typed[2].Country != "AM" {
		t.Errorf("Armenien = %+v, want the country AM", typed[2])
	}
	if typed[3].Name != "Gyumri" || typed[3].Alternatives == nil {
		t.Errorf("Gjumri = %+v, want Gyumri and an alternatives array, empty or not", typed[3])
	}
}

func TestRunCountryHint(t *testing.T) {
	code, out, _ := run("León", "--json", "--country", "NI")
	if code != 0 || !strings.Contains(out, `"country": "NI"`) {
		t.Errorf("León --country NI: exit %d, %s", code, out)
	}
	code, out, _ = run("--country=Nicaragua", "--json", "León")
	if code != 0 || !strings.Contains(out, `"country": "NI"`) {
		t.Errorf("--country=Nicaragua León: exit %d, %s", code, out)
	}
}

func TestRunText(t *testing.T) {
	code, out, _ := run("Moscow", "Xyzzyville")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{"QUERY", "Moscow", "RU", "capital", "not found", "Xyzzyville"} {
		if !strings.Contains(out, want) {
			t.Errorf("text output lacks %q:\n%s", want, out)
		}
	}
}

func TestRunWrongCommandLine(t *testing.T) {
	for _, args := range [][]string{{}, {"--json"}, {"--nonsense", "Moskau"}, {"--country", "Narnia", "Moskau"}} {
		code, _, errOut := run(args...)
		if code != 2 || errOut == "" {
			t.Errorf("geocode %q: exit %d, stderr %q; want 2 and a message", args, code, errOut)
		}
	}
}

func keys(m map[string]json.RawMessage) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	return ks
}
