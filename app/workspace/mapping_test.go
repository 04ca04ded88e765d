package workspace

import (
	"reflect"
	"strings"
	"testing"

	"chronomap/data/dates"
	"chronomap/data/events"
)

func TestMappingToAndFromEvents(t *testing.T) {
	em := events.Mapping{
		Columns: map[events.Role][]string{
			events.Start: {"Jahr", "Monat", "Tag"},
			events.Lat:   {"lat"},
			events.Actor: {"actor1", "actor2"},
		},
		Why: map[events.Role]string{
			events.Start: "split date: Jahr, Monat, Tag",
			events.Lat:   `header "lat" is latitude`,
			events.Actor: "set by you",
		},
		Order: dates.MonthFirst,
	}
	m := MappingOf(em)
	want := Mapping{
		Roles:     map[string][]string{"start": {"Jahr", "Monat", "Tag"}, "lat": {"lat"}, "actor": {"actor1", "actor2"}},
		Why:       map[string]string{"start": "split date: Jahr, Monat, Tag", "lat": `header "lat" is latitude`, "actor": "set by you"},
		DateOrder: MonthFirst,
	}
	if !reflect.DeepEqual(m, want) {
		t.Fatalf("MappingOf = %+v\nwant %+v", m, want)
	}
	back, err := m.Events()
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back, em) {
		t.Errorf("Events = %+v\nwant %+v", back, em)
	}
	// The copy shares nothing: the dialog may edit one.
	m.Roles["start"][0] = "changed"
	if em.Columns[events.Start][0] != "Jahr" || back.Columns[events.Start][0] != "Jahr" {
		t.Error("the mappings share their column lists")
	}
}

func TestMappingEventsReadsAliasesAndGivesReasons(t *testing.T) {
	m := Mapping{Roles: map[string][]string{"Date": {"d"}, "longitude": {"x"}, "title": {}}, DateOrder: DayFirst}
	got, err := m.Events()
	if err != nil {
		t.Fatal(err)
	}
	want := events.Mapping{
		Columns: map[events.Role][]string{events.Start: {"d"}, events.Lon: {"x"}},
		Why:     map[events.Role]string{events.Start: "saved with the workspace", events.Lon: "saved with the workspace"},
		Order:   dates.DayFirst,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Events = %+v\nwant %+v", got, want)
	}
}

func TestMappingZero(t *testing.T) {
	if m := MappingOf(events.Mapping{}); !reflect.DeepEqual(m, Mapping{}) {
		t.Errorf("MappingOf(zero) = %+v", m)
	}
	got, err := Mapping{}.Events()
	if err != nil || len(got.Columns) != 0 || got.Order != dates.Unknown {
		t.Errorf("Events of the zero Mapping = %+v, %v", got, err)
	}
}

func TestMappingEventsErrors(t *testing.T) {
	for m, want := range map[*Mapping]string{
		{Roles: map[string][]string{"wann": {"d"}}}:                   `"wann" is not a role`,
		{Roles: map[string][]string{"lat": {"a"}, "latitude": {"b"}}}: "role lat is given twice",
		{DateOrder: "day-first"}:                                      `date order "day-first" is neither`,
	} {
		if _, err := m.Events(); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Events of %+v: error %v, want %q", *m, err, want)
		}
	}
}
