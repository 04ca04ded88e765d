package workspace

import (
	"fmt"
	"maps"
	"slices"

	"chronomap/data/dates"
	"chronomap/data/events"
)

// Mapping is events.Mapping as a file writes it: role names rather than
// typed roles, and the order of day and month as the command line's
// --dates writes it.
type Mapping struct {
	// Roles names the column(s) of each role by the role's name: "start":
	// ["event_date"], or "start": ["year", "month", "day"] for a split date.
	Roles map[string][]string `json:"roles,omitempty"`
	// Why keeps the reason each role's column was chosen, so that the
	// mapping dialog still explains a detected role after a reopen.
	Why map[string]string `json:"why,omitempty"`
	// DateOrder is "dmy" (day first), "mdy" (month first), or "" to leave
	// it to each column's values.
	DateOrder string `json:"date_order,omitempty"`
}

// The values of Mapping.DateOrder.
const (
	DayFirst   = "dmy"
	MonthFirst = "mdy"
)

// MappingOf returns m as a file writes it.
func MappingOf(m events.Mapping) Mapping {
	var out Mapping
	for r, cols := range m.Columns {
		if len(cols) == 0 {
			continue
		}
		if out.Roles == nil {
			out.Roles = map[string][]string{}
		}
		out.Roles[string(r)] = slices.Clone(cols)
		if why := m.Why[r]; why != "" {
			if out.Why == nil {
				out.Why = map[string]string{}
			}
			out.Why[string(r)] = why
		}
	}
	switch m.Order {
	case dates.DayFirst:
		out.DateOrder = DayFirst
	case dates.MonthFirst:
		out.DateOrder = MonthFirst
	}
	return out
}

// Events returns the mapping the event index takes. Role names are read as
// events.ParseRole reads them ("date" is start); a role without a reason
// is given "saved with the workspace". Columns the file no longer has are
// not checked here: events.Build lists them as problems.
func (m Mapping) Events() (events.Mapping, error) {
	out := events.Mapping{Columns: map[events.Role][]string{}, Why: map[events.Role]string{}}
	switch m.DateOrder {
	case "":
	case DayFirst:
		out.Order = dates.DayFirst
	case MonthFirst:
		out.Order = dates.MonthFirst
	default:
		return events.Mapping{}, fmt.Errorf("date order %q is neither %q (day first) nor %q (month first)", m.DateOrder, DayFirst, MonthFirst)
	}
	// Sorted, so that the error for two names of one role is the same on
	// every run.
	for _, name := range slices.Sorted(maps.Keys(m.Roles)) {
		cols := m.Roles[name]
		r, err := events.ParseRole(name)
		if err != nil {
			return events.Mapping{}, err
		}
		if _, twice := out.Columns[r]; twice {
			return events.Mapping{}, fmt.Errorf("role %s is given twice (as %q and another name for it)", r, name)
		}
		if len(cols) == 0 {
			continue
		}
		out.Columns[r] = slices.Clone(cols)
		out.Why[r] = m.Why[name]
		if out.Why[r] == "" {
			out.Why[r] = "saved with the workspace"
		}
	}
	return out, nil
}

func (m Mapping) clone() Mapping {
	c := Mapping{DateOrder: m.DateOrder, Why: maps.Clone(m.Why)}
	if m.Roles != nil {
		c.Roles = make(map[string][]string, len(m.Roles))
		for r, cols := range m.Roles {
			c.Roles[r] = slices.Clone(cols)
		}
	}
	return c
}
