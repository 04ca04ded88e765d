package mapping

import (
	"maps"
	"slices"

	"chronomap/data/events"
	"chronomap/data/frame"
)

// clone returns a copy of m that shares nothing with it, so that the
// dialog's edits never reach the mapping it was given.
func clone(m events.Mapping) events.Mapping {
	c := events.Mapping{Order: m.Order, Columns: map[events.Role][]string{}, Why: maps.Clone(m.Why)}
	if c.Why == nil {
		c.Why = map[events.Role]string{}
	}
	for r, cols := range m.Columns {
		c.Columns[r] = slices.Clone(cols)
	}
	return c
}

// withRole returns m with column col playing role r, as one column menu
// sets it: taking a role frees the column from any other, and "" frees it
// from all. An actor joins the actors already mapped, since events may
// have several; any other role moves to col alone, so that choosing a new
// start replaces a date split over year, month and day columns.
//
// Freeing one part of a split date keeps only the parts before it: the
// parts are read by position (year, month, day, time), and a year and a
// day without their month would read the day as the month.
func withRole(f *frame.Frame, m events.Mapping, col string, r events.Role) (events.Mapping, error) {
	c := clone(m)
	old := c.RoleOf(col)
	if old == r && r != "" {
		return c, nil
	}
	if old != "" {
		cols := c.Columns[old]
		k := slices.Index(cols, col)
		kept := slices.Delete(slices.Clone(cols), k, k+1)
		if old == events.Start || old == events.End {
			kept = cols[:k]
		}
		if err := c.Set(f, old, kept...); err != nil {
			return m, err
		}
	}
	if r == "" {
		return c, nil
	}
	cols := []string{col}
	if r == events.Actor {
		cols = append(slices.Clone(c.Columns[events.Actor]), col)
	}
	if err := c.Set(f, r, cols...); err != nil {
		return m, err
	}
	return c, nil
}
