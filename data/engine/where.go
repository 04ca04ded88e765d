package engine

import (
	"fmt"
	"strings"

	"chronomap/data/dataset"
	"chronomap/data/events"
)

// Where compiles a filter into one WHERE condition over the table's
// events, every value in it a parameter ($1, $2, …, in the order of the
// returned arguments) and every name a quoted identifier: what no value
// or name in a filter, a table or its columns can turn into other SQL.
func (t *Table) Where(f dataset.Filter) (string, []any) {
	var a args
	return t.where(f, true, &a), a.list
}

// event is the condition of a row being an event: it has a usable start.
func (t *Table) event() string { return t.start + " IS NOT NULL" }

// located is the condition of an event being on the map.
func (t *Table) located() string {
	if t.lat == "" {
		return "1 = 0"
	}
	return fmt.Sprintf("(%[1]s >= -90 AND %[1]s <= 90 AND %[2]s >= -180 AND %[2]s <= 180)", t.lat, t.lon)
}

// where writes the filter's condition, the time window included only when
// withWindow (the timeline draws the events outside it, faded), binding
// its values to a. It always holds t.event().
func (t *Table) where(f dataset.Filter, withWindow bool, a *args) string {
	conds := []string{t.event()}
	for _, w := range events.QueryWords(f.Query) {
		p := a.add(t.word(w))
		var any []string
		for _, col := range t.text {
			if t.folded {
				any = append(any, t.d.Holds(col, p))
			} else {
				any = append(any, t.d.Contains(col, p))
			}
		}
		if len(any) == 0 {
			any = []string{"1 = 0"} // no text to hold the word
		}
		conds = append(conds, "("+strings.Join(any, " OR ")+")")
	}
	if withWindow && f.Window != nil {
		conds = append(conds, t.windowed(f, a))
	}
	if len(f.HiddenCategories) > 0 && t.category != "" {
		conds = append(conds, fmt.Sprintf("%s NOT IN (%s)", t.category, t.list(f.HiddenCategories, false, a)))
	}
	if len(f.Actors) > 0 {
		in := t.list(f.Actors, true, a)
		var any []string
		for _, col := range t.actors {
			any = append(any, fmt.Sprintf("%s IN (%s)", col, in))
		}
		if len(any) == 0 || in == "" {
			any = []string{"1 = 0"} // as in memory: no actor column, no event with an actor
		}
		conds = append(conds, "("+strings.Join(any, " OR ")+")")
	}
	if f.LocatedOnly || f.Box != nil {
		conds = append(conds, t.located())
	}
	if b := f.Box; b != nil {
		lat := fmt.Sprintf("%[1]s >= %[2]s AND %[1]s <= %[3]s", t.lat, a.add(b.MinLat), a.add(b.MaxLat))
		var lon string
		if b.CrossesAntimeridian() {
			lon = fmt.Sprintf("(%[1]s >= %[2]s OR %[1]s <= %[3]s)", t.lon, a.add(b.MinLon), a.add(b.MaxLon))
		} else {
			lon = fmt.Sprintf("%[1]s >= %[2]s AND %[1]s <= %[3]s", t.lon, a.add(b.MinLon), a.add(b.MaxLon))
		}
		if t.lat == "" {
			lat, lon = "1 = 0", "1 = 0"
		}
		conds = append(conds, lat, lon)
	}
	return strings.Join(conds, " AND ")
}

// word is the argument that a search word is bound as: Contains and Holds
// take the same. A folded column is folded as the word is.
func (t *Table) word(w string) any { return t.d.Word(w) }

// list binds names as a list of parameters; folded ones are compared as
// actors are: lower case, white space trimmed. Names that fold to nothing
// are left out, which may leave none: "".
func (t *Table) list(names []string, folded bool, a *args) string {
	var ps []string
	for _, n := range names {
		if folded {
			if n = events.Fold(strings.TrimSpace(n)); n == "" {
				continue
			}
		}
		ps = append(ps, a.add(n))
	}
	return strings.Join(ps, ", ")
}
