package inspect

import (
	"context"
	"slices"

	"chronomap/data/dates"
	"chronomap/data/engine"
	"chronomap/data/events"
)

// Problem reasons of a table in an engine, which counts them rather than
// listing them row by row.
const (
	ReasonUntimed  = "no usable time"
	ReasonUnplaced = "no usable place"
	ReasonRole     = "role not used" // a column named for a role whose type cannot play it
)

// Table reports on a table in an engine, in the shape of a file's report:
// the counts, span and problems are the engine's answers (no row is read
// to the desktop but the sample that roles are detected from), the
// columns the table's own with their roles. The columns `chronomap
// import` adds beside a file's (see engine.Imported) are left out, so
// that an imported file reports as the file does. Geocoded is 0: a table
// holds coordinates, not how they were found; time.max is the latest
// start.
func Table(ctx context.Context, src *engine.Source) (Report, error) {
	t := src.Table
	p, err := src.Problems(ctx)
	if err != nil {
		return Report{}, err
	}
	sp, err := src.Span(ctx)
	if err != nil {
		return Report{}, err
	}
	events := p.Rows - p.Untimed
	r := Report{
		File: src.Name(), Format: t.Address.Engine,
		Rows: int(p.Rows), Events: int(events), Located: int(events - p.Unplaced),
		Columns:  []Column{},
		Problems: Problems{Total: int(p.Untimed + p.Unplaced), ByReason: map[string]int{}, First: []ProblemListing{}},
	}
	for reason, n := range map[string]int64{ReasonUntimed: p.Untimed, ReasonUnplaced: p.Unplaced} {
		if n > 0 {
			r.Problems.ByReason[reason] = int(n)
		}
	}
	for _, c := range t.Columns {
		if t.Imported && slices.Contains(engine.Imported, c.Name) {
			continue
		}
		r.Columns = append(r.Columns, tableColumn(t, c))
	}
	for _, n := range t.Notes {
		r.Problems.Total++
		r.Problems.ByReason[ReasonRole]++
		r.Problems.First = append(r.Problems.First, ProblemListing{Reason: ReasonRole, Detail: n})
	}
	if sp.OK {
		r.Time = &Span{Min: dates.ISO(sp.First), Max: dates.ISO(sp.Last)}
	}
	return r, nil
}

// tableColumn describes an engine column as a file's is described: text,
// integer, number or date, else the engine's own type.
func tableColumn(t *engine.Table, c engine.Column) Column {
	role := t.Mapping.RoleOf(c.Name)
	col := Column{Name: c.Name, Role: string(role), Why: t.Mapping.Why[role]}
	switch c.Kind {
	case engine.Text, engine.Integer, engine.Number:
		col.Type = c.Kind.String()
	case engine.Date, engine.Time:
		col.Type = "date"
	default:
		col.Type = c.Type
	}
	if role == events.Start || role == events.End {
		col.Type = "date"
	}
	return col
}
