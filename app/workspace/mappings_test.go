package workspace

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestMappingsRecallIgnoresOrderCaseAndForm(t *testing.T) {
	dir := t.TempDir()
	s, err := OpenMappings(dir)
	if err != nil {
		t.Fatal(err)
	}
	cols := []string{"Event_Date", "Latitude", "Longitude", "Größe"}
	m := Mapping{Roles: map[string][]string{"start": {"Event_Date"}, "lat": {"Latitude"}, "lon": {"Longitude"}}, DateOrder: DayFirst}
	if err := s.Remember(cols, m); err != nil {
		t.Fatal(err)
	}
	// Next month's export: other order, lower case, a stray space, and
	// "Größe" in capitals written with a combining diaeresis (NFD, as
	// macOS writes).
	next := []string{"longitude", " latitude", "GRO\u0308ßE", "event_date"}
	got, ok := s.Recall(next)
	if !ok {
		t.Fatal("not recalled")
	}
	want := Mapping{Roles: map[string][]string{"start": {"event_date"}, "lat": {" latitude"}, "lon": {"longitude"}}, DateOrder: DayFirst}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Recall = %+v\nwant %+v (spelt as the new file spells them)", got, want)
	}
	if _, ok := s.Recall([]string{"event_date", "latitude", "longitude"}); ok {
		t.Error("recalled for a file with a column fewer")
	}
	if _, ok := s.Recall([]string{"event_date", "latitude", "longitude", "größe", "notes"}); ok {
		t.Error("recalled for a file with a column more")
	}
}

func TestMappingsPersistAndReplace(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "chronomap") // made on the first save
	s, _ := OpenMappings(dir)
	cols := []string{"a", "b"}
	s.Remember(cols, Mapping{Roles: map[string][]string{"start": {"a"}}})
	s.Remember([]string{"B", "A"}, Mapping{Roles: map[string][]string{"start": {"B"}}})
	s.Remember([]string{"x"}, Mapping{Roles: map[string][]string{"title": {"x"}}})

	again, err := OpenMappings(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(again.entries) != 2 {
		t.Errorf("%d entries, want 2 (the same columns replace)", len(again.entries))
	}
	got, ok := again.Recall(cols)
	if want := (Mapping{Roles: map[string][]string{"start": {"b"}}}); !ok || !reflect.DeepEqual(got, want) {
		t.Errorf("Recall after reopening = %+v, %v; want %+v", got, ok, want)
	}
}

func TestMappingsDropOldest(t *testing.T) {
	dir := t.TempDir()
	s, _ := OpenMappings(dir)
	// The file is written once at the end: filling the store through
	// Remember would save it maxMappings times.
	for i := range maxMappings {
		s.entries = append([]rememberedMapping{{Columns: []string{fmt.Sprint("col", i)}}}, s.entries...)
	}
	if err := s.Remember([]string{"col0"}, Mapping{DateOrder: MonthFirst}); err != nil { // used again: now the newest
		t.Fatal(err)
	}
	if err := s.Remember([]string{"new"}, Mapping{}); err != nil {
		t.Fatal(err)
	}
	again, _ := OpenMappings(dir)
	if len(again.entries) != maxMappings {
		t.Errorf("%d entries, want %d", len(again.entries), maxMappings)
	}
	if _, ok := again.Recall([]string{"col1"}); ok {
		t.Error("the oldest was kept")
	}
	for _, cols := range [][]string{{"col0"}, {"col2"}, {"new"}, {fmt.Sprint("col", maxMappings-1)}} {
		if _, ok := again.Recall(cols); !ok {
			t.Errorf("%v was dropped", cols)
		}
	}
}

func TestMappingsUnreadableFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "mappings.json")
	os.WriteFile(path, []byte("{\n  \"version\": 1,\n  \"mappings\": [\n"), 0o644)
	s, err := OpenMappings(dir)
	if err == nil || !strings.HasPrefix(err.Error(), path+" line 3, column 16") {
		t.Errorf("error = %v, want one naming %s and the line", err, path)
	}
	if err := s.Remember([]string{"a"}, Mapping{}); err != nil {
		t.Errorf("a broken file is not replaced: %v", err)
	}
	if _, err := OpenMappings(dir); err != nil {
		t.Errorf("the replaced file: %v", err)
	}

	// A newer Chronomap's file is kept as it is.
	newer := []byte(`{"version": 2, "mappings": []}`)
	os.WriteFile(path, newer, 0o644)
	s, err = OpenMappings(dir)
	if err == nil || !strings.Contains(err.Error(), "newer Chronomap (format 2)") {
		t.Errorf("error = %v", err)
	}
	if err := s.Remember([]string{"a"}, Mapping{}); err == nil {
		t.Error("Remember overwrote a newer file without a word")
	}
	if _, ok := s.Recall([]string{"a"}); !ok {
		t.Error("not remembered for this session")
	}
	if data, _ := os.ReadFile(path); string(data) != string(newer) {
		t.Errorf("the newer file was changed: %s", data)
	}
}
