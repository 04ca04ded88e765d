package events

import (
	"fmt"
	"slices"
	"strings"

	"chronomap/data/dates"
	"chronomap/data/frame"
)

// Mapping says which column plays which role. The zero value maps nothing.
type Mapping struct {
	// Columns names the column(s) of each role: several for split dates
	// (year, month, day, time) and for actors.
	Columns map[Role][]string
	// Why says, for each role, why its column was chosen, in words an
	// analyst can check: `header "Datum" is German for date`.
	Why map[Role]string
	// Order, when set, is the order of day and month the user chose for
	// dates such as 04/05/2023; Unknown leaves it to the values of each
	// column, which flag the column when none settles it.
	Order dates.Order
}

// Get returns the column(s) of a role, nil when none plays it.
func (m Mapping) Get(r Role) []string { return m.Columns[r] }

// Set gives a role to columns of f, replacing what played it before; no
// columns clears the role. The reason is recorded as the user's choice.
func (m *Mapping) Set(f *frame.Frame, r Role, cols ...string) error {
	names := f.Names()
	for _, c := range cols {
		if !slices.Contains(names, c) {
			return fmt.Errorf("%s has no column %q; its columns are %s", f.Source.Path, c, quoteList(names))
		}
	}
	if len(cols) > 1 && !r.multi() {
		return fmt.Errorf("role %s takes one column, not %d", r, len(cols))
	}
	if len(cols) > 4 && r != Actor {
		return fmt.Errorf("a date is split over at most four columns (year, month, day, time), not %d", len(cols))
	}
	m.init()
	if len(cols) == 0 {
		delete(m.Columns, r)
		delete(m.Why, r)
		return nil
	}
	// A column plays one role: taking it here frees it elsewhere, so that
	// "start=Datum" does not leave Datum also mapped as something else.
	for other, oc := range m.Columns {
		if other == r {
			continue
		}
		kept := slices.DeleteFunc(slices.Clone(oc), func(c string) bool { return slices.Contains(cols, c) })
		if len(kept) != len(oc) {
			if len(kept) == 0 {
				delete(m.Columns, other)
				delete(m.Why, other)
			} else {
				m.Columns[other] = kept
			}
		}
	}
	m.Columns[r] = slices.Clone(cols)
	m.Why[r] = "set by you"
	return nil
}

// RoleOf returns the role a column plays, or "" when it plays none.
func (m Mapping) RoleOf(col string) Role {
	for _, r := range Roles {
		if slices.Contains(m.Columns[r], col) {
			return r
		}
	}
	return ""
}

// Apply reads mapping overrides written "role=column" (the command line's
// --map): "start=Year+Month+Day" splits a date over columns, a repeated
// actor= adds a column, and "role=" clears the role. On an error m is left
// as it was.
func (m *Mapping) Apply(f *frame.Frame, overrides []string) error {
	c := m.clone()
	if err := c.apply(f, overrides); err != nil {
		return err
	}
	*m = c
	return nil
}

func (m *Mapping) apply(f *frame.Frame, overrides []string) error {
	actors := false
	for _, o := range overrides {
		name, col, ok := strings.Cut(o, "=")
		if !ok {
			return fmt.Errorf("--map %q: write ROLE=COLUMN, e.g. start=event_date", o)
		}
		r, err := ParseRole(name)
		if err != nil {
			return fmt.Errorf("--map %q: %w", o, err)
		}
		var cols []string
		switch {
		case col == "":
		case r == Start || r == End:
			cols = strings.Split(col, "+")
		default:
			cols = []string{col}
		}
		if r == Actor && actors && len(cols) > 0 {
			cols = append(slices.Clone(m.Columns[Actor]), cols...)
		}
		if r == Actor {
			actors = true
		}
		if err := m.Set(f, r, cols...); err != nil {
			return fmt.Errorf("--map %q: %w", o, err)
		}
	}
	return nil
}

// clone returns a copy of m that shares nothing with it.
func (m Mapping) clone() Mapping {
	c := Mapping{Order: m.Order}
	c.init()
	for r, cols := range m.Columns {
		c.Columns[r] = slices.Clone(cols)
	}
	for r, why := range m.Why {
		c.Why[r] = why
	}
	return c
}

func (m *Mapping) init() {
	if m.Columns == nil {
		m.Columns = map[Role][]string{}
	}
	if m.Why == nil {
		m.Why = map[Role]string{}
	}
}

// set records a detected role unless one is already there.
func (m *Mapping) set(r Role, why string, cols ...string) bool {
	m.init()
	if _, taken := m.Columns[r]; taken {
		return false
	}
	m.Columns[r] = cols
	m.Why[r] = why
	return true
}

func quoteList(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = fmt.Sprintf("%q", n)
	}
	return strings.Join(q, ", ")
}
