package mapping

import (
	"slices"
	"testing"

	"chronomap/data/events"
	"chronomap/data/frame"
)

// split is a file with its date over year, month and day columns.
const split = `Year,Month,Day,Who,With,What
2023,11,7,Army,Police,Clash
2023,11,8,Army,,Patrol
`

func TestWithRole(t *testing.T) {
	f, err := frame.ReadBytes("split.csv", []byte(split), frame.Options{})
	if err != nil {
		t.Fatal(err)
	}
	m := events.Detect(f)
	if got := m.Get(events.Start); !slices.Equal(got, []string{"Year", "Month", "Day"}) {
		t.Fatalf("detected start %q, want Year, Month, Day", got)
	}
	if got := m.Get(events.Actor); !slices.Equal(got, []string{"Who"}) {
		t.Fatalf("detected actors %q, want Who", got)
	}
	who := []string{"Who"}
	for _, c := range []struct {
		name     string
		col      string
		role     events.Role
		start    []string
		actors   []string
		freedCol string // a column that must play no role afterwards
	}{
		{"freeing the month keeps the year alone", "Month", "", []string{"Year"}, who, "Day"},
		{"freeing the year frees the date", "Year", "", nil, who, "Month"},
		{"freeing the day keeps year and month", "Day", "", []string{"Year", "Month"}, who, "Day"},
		{"a new start replaces the split date", "What", events.Start, []string{"What"}, who, "Year"},
		{"actors add up", "With", events.Actor, []string{"Year", "Month", "Day"}, []string{"Who", "With"}, ""},
		{"a part taken as actor leaves the parts before it", "Day", events.Actor, []string{"Year", "Month"}, []string{"Who", "Day"}, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := withRole(f, m, c.col, c.role)
			if err != nil {
				t.Fatal(err)
			}
			if s := got.Get(events.Start); !slices.Equal(s, c.start) {
				t.Errorf("start = %q, want %q", s, c.start)
			}
			if a := got.Get(events.Actor); !slices.Equal(a, c.actors) {
				t.Errorf("actors = %q, want %q", a, c.actors)
			}
			if c.freedCol != "" && got.RoleOf(c.freedCol) != "" {
				t.Errorf("%s still plays %s", c.freedCol, got.RoleOf(c.freedCol))
			}
			if !slices.Equal(m.Get(events.Start), []string{"Year", "Month", "Day"}) {
				t.Errorf("the mapping given was changed: start %q", m.Get(events.Start))
			}
		})
	}

	two, _ := withRole(f, m, "With", events.Actor)
	if a := two.Get(events.Actor); !slices.Equal(a, []string{"Who", "With"}) {
		t.Errorf("two actors: %q", a)
	}
	one, _ := withRole(f, two, "Who", "")
	if a := one.Get(events.Actor); !slices.Equal(a, []string{"With"}) {
		t.Errorf("one actor freed: %q, want With", a)
	}
	if one.Why[events.Actor] == "" {
		t.Error("the remaining actor lost its reason")
	}
}
