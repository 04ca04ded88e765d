package engine

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"chronomap/data/events"
	"chronomap/data/frame"
)

// Table is an engine's table described for queries: its columns, the
// roles they play, and the SQL that gives each role's value.
type Table struct {
	Address Address
	Columns []Column
	// Mapping is the roles of the columns, detected from their names and
	// a sample of their values by the same rules as a file's, each with
	// why; Imported tables take time, place and text from the columns
	// import wrote (see Imported).
	Mapping events.Mapping
	// Imported is set for a table written by `chronomap import`.
	Imported bool
	// Notes say which roles could not be used and why, one sentence each.
	Notes []string
	// Sample is the first rows of the table as a frame of text, which
	// the roles were detected from: the roles dialog shows it.
	Sample *frame.Frame

	d Dialect
	// The SQL of each role. start and stop are Unix seconds, stop
	// exclusive; lat and lon degrees; category and actors text.
	from, start, stop, lat, lon, category, order string
	// key is start as the table is sorted by it (Dialect.Key), for the
	// conditions on a range of starts.
	key string
	// maxLen is the longest an event lasts (stop - start), once the
	// rollups say so; 0 before. Events that start more than maxLen before
	// a window cannot reach into it, which bounds the range of starts a
	// window reads.
	maxLen       int64
	actors, text []string
	folded       bool // text is TextColumn, folded as events.Fold folds
}

// Dialect returns the dialect the table's SQL is written in.
func (t *Table) Dialect() Dialect { return t.d }

// HasPlace reports whether the table's events can be placed on the map.
func (t *Table) HasPlace() bool { return t.lat != "" }

// Column returns the named column, and whether there is one.
func (t *Table) Column(name string) (Column, bool) {
	i := slices.IndexFunc(t.Columns, func(c Column) bool { return c.Name == name })
	if i < 0 {
		return Column{}, false
	}
	return t.Columns[i], true
}

// Describe works out the roles of a table's columns from their names and
// types and from sample, a few rows of the table as text (row by row, a
// value per column, as Dialect.Text writes them), and the SQL for each.
// Roles, when not nil, are the roles the user chose instead of those
// detected. It fails with one sentence when no column can give the
// events' time.
func Describe(ctx context.Context, d Dialect, a Address, cols []Column, sample [][]string, roles *events.Mapping) (*Table, error) {
	t := &Table{Address: a, Columns: cols, d: d, from: d.Quote(a.Table)}
	if a.Table == "" {
		return nil, fmt.Errorf("%s names no table: add ?table=NAME", a)
	}
	// The frame Detect reads: the table's own columns, without those
	// import added.
	var names []string
	var at []int
	for i, c := range cols {
		if !slices.Contains(Imported, c.Name) {
			names, at = append(names, c.Name), append(at, i)
		}
	}
	cells := make([][]string, len(names))
	for k, i := range at {
		cells[k] = make([]string, len(sample))
		for r, row := range sample {
			if i < len(row) {
				cells[k][r] = row[i]
			}
		}
	}
	f, err := frame.FromColumns(ctx, frame.Source{Path: a.String(), Format: a.Engine}, names, cells)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", a, err)
	}
	t.Sample = f
	t.Mapping = events.Detect(f)
	if roles != nil {
		t.Mapping = given(*roles, names)
	}
	t.Imported = true
	for _, c := range []string{StartColumn, StopColumn, LatColumn, LonColumn, TextColumn} {
		if _, ok := t.Column(c); !ok {
			t.Imported = false
		}
	}
	if t.Imported {
		t.start, t.stop = d.Quote(StartColumn), d.Quote(StopColumn)
		t.lat, t.lon = d.Quote(LatColumn), d.Quote(LonColumn)
		t.text, t.folded = []string{d.Quote(TextColumn)}, true
		t.order = t.start + ", " + d.Quote(RowColumn)
	} else {
		if err := t.times(sample); err != nil {
			return nil, err
		}
		t.places()
		for _, c := range cols {
			if c.Kind == Text {
				t.text = append(t.text, d.Text(d.Quote(c.Name), c.Kind))
			}
		}
		t.order = t.start
	}
	t.key = d.Key(t.start)
	if c := t.Mapping.Get(events.Category); len(c) > 0 {
		col, _ := t.Column(c[0])
		t.category = d.Text(d.Quote(col.Name), col.Kind)
	}
	for _, name := range t.Mapping.Get(events.Actor) {
		col, _ := t.Column(name)
		t.actors = append(t.actors, d.Lower(d.Text(d.Quote(col.Name), col.Kind)))
	}
	return t, nil
}

// given is the roles the user chose, those of columns the table lacks
// left out (a workspace saved before a column was dropped), with a why
// kept (or "chosen by hand").
func given(m events.Mapping, names []string) events.Mapping {
	out := events.Mapping{Columns: map[events.Role][]string{}, Why: map[events.Role]string{}, Order: m.Order}
	for r, cols := range m.Columns {
		var kept []string
		for _, c := range cols {
			if slices.Contains(names, c) {
				kept = append(kept, c)
			}
		}
		if len(kept) > 0 {
			out.Columns[r] = kept
			out.Why[r] = m.Why[r]
			if out.Why[r] == "" {
				out.Why[r] = "chosen by hand"
			}
		}
	}
	return out
}

// timeKinds says which kinds of column can give an event's time.
const timeKinds = "a DateTime, Date, timestamp or Unix-seconds column"

// times works out the SQL of the events' start and stop.
func (t *Table) times(sample [][]string) error {
	cols := t.Mapping.Get(events.Start)
	if len(cols) != 1 || !t.timely(cols[0]) {
		// The names did not settle it, or chose text: the types may.
		for _, c := range t.Columns {
			if (c.Kind == Date || c.Kind == Time) && !slices.Contains(Imported, c.Name) {
				t.Mapping.Columns[events.Start] = []string{c.Name}
				t.Mapping.Why[events.Start] = fmt.Sprintf("%q is the table's first %s column", c.Name, c.Type)
				cols = []string{c.Name}
				break
			}
		}
	}
	if len(cols) == 0 {
		names := make([]string, len(t.Columns))
		for i, c := range t.Columns {
			names[i] = fmt.Sprintf("%q (%s)", c.Name, c.Type)
		}
		return fmt.Errorf("%s has no time column: none of its columns %s is %s named as a date", t.Address, strings.Join(names, ", "), timeKinds)
	}
	if len(cols) > 1 {
		return fmt.Errorf("%s: the date is split over columns %s; Chronomap reads an engine's time from one column, %s", t.Address, quoted(cols), timeKinds)
	}
	start, span, err := t.epoch(cols[0], sample)
	if err != nil {
		return err
	}
	t.start = start
	t.stop = fmt.Sprintf("(%s + %d)", start, span)
	if ec := t.Mapping.Get(events.End); len(ec) == 1 {
		end, espan, err := t.epoch(ec[0], sample)
		if err != nil {
			t.Notes = append(t.Notes, err.Error()+"; events are taken to end where they start")
			return nil
		}
		t.stop = fmt.Sprintf("greatest(%s, coalesce(%s + %d, %s))", t.stop, end, espan, t.stop)
	}
	return nil
}

// timely reports whether a column's type can give a time.
func (t *Table) timely(name string) bool {
	c, _ := t.Column(name)
	return c.Kind == Date || c.Kind == Time || c.Kind.numeric()
}

// epoch returns the SQL of a time column in Unix seconds, and the span in
// seconds of one of its values: a day for a date, a second otherwise.
func (t *Table) epoch(name string, sample [][]string) (string, int64, error) {
	c, _ := t.Column(name)
	q := t.d.Quote(c.Name)
	switch c.Kind {
	case Date:
		return t.d.Epoch(q, c.Kind, false), 86400, nil
	case Time:
		return t.d.Epoch(q, c.Kind, false), 1, nil
	case Integer, Number:
		// Unix seconds or milliseconds, told apart by size; a column of
		// small whole numbers holds years, which SQL cannot date alike in
		// both engines.
		i := slices.IndexFunc(t.Columns, func(x Column) bool { return x.Name == name })
		big, small := 0.0, true
		for _, row := range sample {
			if i < len(row) {
				if v, err := strconv.ParseFloat(row[i], 64); err == nil {
					big = math.Max(big, math.Abs(v))
					small = small && math.Abs(v) < 10000
				}
			}
		}
		if small && len(sample) > 0 {
			return "", 0, fmt.Errorf("%s: column %q (%s) holds years or small numbers, not Unix seconds; Chronomap reads an engine's time from %s", t.Address, c.Name, c.Type, timeKinds)
		}
		return t.d.Epoch(q, c.Kind, big >= 1e11), 1, nil
	}
	return "", 0, fmt.Errorf("%s: column %q holds %s (%s); Chronomap reads an engine's time from %s", t.Address, c.Name, c.Kind, c.Type, timeKinds)
}

// places works out the SQL of the events' coordinates.
func (t *Table) places() {
	la, lo := t.Mapping.Get(events.Lat), t.Mapping.Get(events.Lon)
	if len(la) == 1 && len(lo) == 1 {
		lat, _ := t.Column(la[0])
		lon, _ := t.Column(lo[0])
		if lat.Kind.numeric() && lon.Kind.numeric() {
			t.lat, t.lon = t.d.Float(t.d.Quote(lat.Name)), t.d.Float(t.d.Quote(lon.Name))
			return
		}
		t.Notes = append(t.Notes, fmt.Sprintf("columns %q (%s) and %q (%s) are not both numbers, so no event is placed", lat.Name, lat.Type, lon.Name, lon.Type))
		return
	}
	if c := t.Mapping.Get(events.Coords); len(c) == 1 {
		col, _ := t.Column(c[0])
		if col.Kind == Point {
			q := t.d.Quote(col.Name)
			t.lat, t.lon = t.d.Lat(q), t.d.Lon(q)
			return
		}
		t.Notes = append(t.Notes, fmt.Sprintf("column %q holds %s (%s), not a geometry, so no event is placed", col.Name, col.Kind, col.Type))
	}
}

func quoted(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = strconv.Quote(n)
	}
	return strings.Join(q, ", ")
}
