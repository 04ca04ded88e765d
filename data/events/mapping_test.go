package events

import (
	"slices"
	"strings"
	"testing"
)

const mappingCSV = "event_date,Year,Month,Day,a,b,lat,lon,title\n" +
	"2023-11-07,2023,11,7,Shoigu,Avilés,55.75,37.62,Meeting\n"

func TestMappingApply(t *testing.T) {
	f := readCSV(t, mappingCSV)
	m := Detect(f)
	if got := m.Get(Lat); !slices.Equal(got, []string{"lat"}) {
		t.Fatalf("detected lat = %q", got)
	}
	err := m.Apply(f, []string{"start=event_date", "actor=a", "actor=b", "start=Year+Month+Day", "lat="})
	if err != nil {
		t.Fatal(err)
	}
	want := map[Role][]string{Start: {"Year", "Month", "Day"}, Actor: {"a", "b"}}
	for r, cols := range want {
		if got := m.Get(r); !slices.Equal(got, cols) {
			t.Errorf("%s = %q, want %q", r, got, cols)
		}
		if m.Why[r] != "set by you" {
			t.Errorf("why %s = %q, want the user's choice", r, m.Why[r])
		}
	}
	if got := m.Get(Lat); got != nil {
		t.Errorf("lat = %q after lat=, want none", got)
	}
	if _, ok := m.Why[Lat]; ok {
		t.Errorf("lat keeps a reason after lat=: %q", m.Why[Lat])
	}
	if got := m.RoleOf("event_date"); got != "" {
		t.Errorf("event_date plays %q after start moved away, want none", got)
	}
	if got := m.Get(Lon); !slices.Equal(got, []string{"lon"}) {
		t.Errorf("lon = %q, want it untouched", got)
	}

	// A later actor= list replaces the earlier detection, not adds to it:
	// the first actor= of a command line starts the list afresh.
	m2 := Mapping{}
	if err := m2.Set(f, Actor, "title"); err != nil {
		t.Fatal(err)
	}
	if err := m2.Apply(f, []string{"actor=a"}); err != nil {
		t.Fatal(err)
	}
	if got := m2.Get(Actor); !slices.Equal(got, []string{"a"}) {
		t.Errorf("actor = %q, want [a]", got)
	}
}

func TestMappingApplyAliases(t *testing.T) {
	f := readCSV(t, mappingCSV)
	var m Mapping
	if err := m.Apply(f, []string{"date=event_date", "latitude=lat", "lng=lon", " Location =title"}); err != nil {
		t.Fatal(err)
	}
	for r, c := range map[Role]string{Start: "event_date", Lat: "lat", Lon: "lon", Place: "title"} {
		if got := m.Get(r); !slices.Equal(got, []string{c}) {
			t.Errorf("%s = %q, want [%s]", r, got, c)
		}
	}
}

func TestMappingApplyErrors(t *testing.T) {
	f := readCSV(t, mappingCSV)
	tests := []struct {
		overrides []string
		want      []string // words the error must hold
	}{
		{[]string{"start=nope"}, []string{`"nope"`, `"event_date"`, `"title"`, "x.csv"}},
		{[]string{"start=Year+Nope"}, []string{`"Nope"`, `"Month"`}},
		{[]string{"when=event_date"}, []string{`"when"`, "start", "actor", "url"}},
		{[]string{"start"}, []string{"ROLE=COLUMN"}},
		{[]string{"lat=a+b"}, []string{"a+b"}}, // lat takes one column, and there is no "a+b"
		{[]string{"start=Year+Month+Day+a+b"}, []string{"at most four"}},
	}
	for _, tt := range tests {
		m := Detect(f)
		before := m.Get(Start)
		err := m.Apply(f, tt.overrides)
		if err == nil {
			t.Errorf("Apply(%q) = nil, want an error", tt.overrides)
			continue
		}
		for _, w := range tt.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("Apply(%q) = %q, want it to mention %s", tt.overrides, err, w)
			}
		}
		if !slices.Equal(m.Get(Start), before) {
			t.Errorf("Apply(%q) changed start to %q despite failing", tt.overrides, m.Get(Start))
		}
	}
}

func TestMappingApplyAllOrNothing(t *testing.T) {
	f := readCSV(t, mappingCSV)
	m := Detect(f)
	err := m.Apply(f, []string{"start=Year+Month+Day", "lat=nope"})
	if err == nil {
		t.Fatal("Apply with an unknown column = nil")
	}
	if got := m.Get(Start); !slices.Equal(got, []string{"event_date"}) {
		t.Errorf("start = %q after a failed Apply, want the detected [event_date]", got)
	}
}

func TestMappingSetOneRolePerColumn(t *testing.T) {
	f := readCSV(t, mappingCSV)
	m := Detect(f)
	if got := m.RoleOf("title"); got != Title {
		t.Fatalf("title plays %q", got)
	}
	if err := m.Set(f, Description, "title"); err != nil {
		t.Fatal(err)
	}
	if got := m.RoleOf("title"); got != Description {
		t.Errorf("title plays %q, want description", got)
	}
	if _, ok := m.Columns[Title]; ok {
		t.Errorf("title role still held by %q", m.Get(Title))
	}

	// Taking one actor column out of two leaves the other an actor.
	if err := m.Set(f, Actor, "a", "b"); err != nil {
		t.Fatal(err)
	}
	if err := m.Set(f, Title, "b"); err != nil {
		t.Fatal(err)
	}
	if got := m.Get(Actor); !slices.Equal(got, []string{"a"}) {
		t.Errorf("actor = %q, want [a]", got)
	}
	if m.Why[Actor] == "" {
		t.Error("actor lost its reason")
	}

	// No columns clears the role.
	if err := m.Set(f, Actor); err != nil {
		t.Fatal(err)
	}
	if m.Get(Actor) != nil || m.RoleOf("a") != "" {
		t.Errorf("actor = %q after clearing", m.Get(Actor))
	}

	// A single-column role refuses several.
	if err := m.Set(f, Lat, "lat", "lon"); err == nil {
		t.Error("Set(lat, two columns) = nil, want an error")
	}

	// The zero Mapping works.
	var z Mapping
	if z.Get(Start) != nil || z.RoleOf("a") != "" {
		t.Error("zero Mapping maps something")
	}
	if err := z.Set(f, Start, "event_date"); err != nil || z.RoleOf("event_date") != Start {
		t.Errorf("Set on zero Mapping: %v, %q", err, z.RoleOf("event_date"))
	}
}

func TestParseRole(t *testing.T) {
	for in, want := range map[string]Role{"start": Start, "DATE": Start, " lat ": Lat, "longitude": Lon,
		"lng": Lon, "location": Place, "coordinates": Coords, "coords": Coords, "url": URL, "id": ID} {
		if got, err := ParseRole(in); err != nil || got != want {
			t.Errorf("ParseRole(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	if _, err := ParseRole("when"); err == nil || !strings.Contains(err.Error(), "description") {
		t.Errorf("ParseRole(when) = %v, want an error listing the roles", err)
	}
}
