package workspace

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// FuzzLoad feeds Load's reader arbitrary bytes: it must not panic, and
// what it accepts must save and read back the same.
func FuzzLoad(f *testing.F) {
	dir := f.TempDir()
	ws := full(f, dir)
	good, err := toFile(ws, dir)
	if err != nil {
		f.Fatal(err)
	}
	data, err := marshal(good)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
	f.Add([]byte(`{"version": 1}`))
	f.Add([]byte(`{"version": 2, "sources": 7}`))
	f.Add([]byte(`{"version": 1, "sources": [{"path": "../a.csv", "absolute": "/x/a.csv", "mapping": {"roles": {"date": ["d"]}}}]}`))
	f.Add([]byte(`{"version": 1, "filter": {"from": "509 BC", "to": "2023-11", "box": [170, -10, -170, 10]}, "scenes": [{"selection": {"source": 0, "row": 1}}]}`))
	f.Add([]byte("{\n  \"version\": 1,\n  \"theme\": "))
	f.Add([]byte(`[]`))
	// What hostile files tried: a negative version and source, a zoom
	// past any map, nesting deeper than any reader goes.
	f.Add([]byte(`{"version": -3}`))
	f.Add([]byte(`{"version": 1, "sources": [{"path": "/dev/zero"}], "selection": {"source": -1, "row": 0}}`))
	f.Add([]byte(`{"version": 1, "map": {"center": [0, 0], "zoom": 1e308}}`))
	f.Add([]byte(`{"version": 1, "scenes": [{"notes": ` + strings.Repeat("[", 20000) + `]}]}`))
	name := filepath.Join(dir, "w.chronomap")
	f.Fuzz(func(t *testing.T, data []byte) {
		ws, _, err := decode(name, data)
		if err != nil {
			return
		}
		out, err := toFile(ws, dir)
		if err != nil {
			t.Fatalf("an accepted workspace does not convert: %v", err)
		}
		again, err := marshal(out)
		if err != nil {
			t.Fatalf("an accepted workspace does not encode: %v", err)
		}
		back, _, err := decode(name, again)
		if err != nil {
			t.Fatalf("an accepted workspace, saved, is refused: %v\n%s", err, again)
		}
		if !reflect.DeepEqual(back, ws) {
			t.Fatalf("read back differently:\n%+v\n%+v", back, ws)
		}
	})
}
