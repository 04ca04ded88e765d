package engine

import (
	"context"
	"errors"
	"fmt"
	"math"
	"strings"
	"time"

	"chronomap/data/dataset"
)

// Conn is a connection to an engine, as the engine's package makes it.
type Conn interface {
	// Query runs one statement with parameters $1, $2, ….
	Query(ctx context.Context, sql string, args ...any) (Rows, error)
	// Exec runs one statement that returns no rows.
	Exec(ctx context.Context, sql string, args ...any) error
	// Explain turns a driver's error into one sentence that says what
	// went wrong where, without the password.
	Explain(err error) error
	Close() error
}

// Rows are a query's answer, read row by row.
type Rows interface {
	Next() bool
	Scan(dest ...any) error
	Err() error
	Close() error
}

// Source is a table in an engine, answering the questions the views ask,
// each with one query.
type Source struct {
	Conn  Conn
	Table *Table
	// Rollups are the tables `chronomap prepare` made for this one; nil
	// when there are none, or they are older than the table's rows.
	Rollups *Rollups
}

// Name returns the source's URL without its password.
func (s *Source) Name() string { return s.Table.Address.String() }

// Close closes the connection.
func (s *Source) Close() error { return s.Conn.Close() }

// query runs a statement and calls scan for each row, explaining failures.
func (s *Source) query(ctx context.Context, sql string, a []any, scan func(Rows) error) error {
	rows, err := s.Conn.Query(ctx, sql, a...)
	if err != nil {
		return s.fail(ctx, err)
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			return s.fail(ctx, err)
		}
	}
	if err := rows.Err(); err != nil {
		return s.fail(ctx, err)
	}
	return nil
}

// fail says why a query failed: cancelled (the caller's ctx.Err(), so that
// a superseded query is recognised as such), out of time, or what the
// engine said.
func (s *Source) fail(ctx context.Context, err error) error {
	// A driver's read may time out at ctx's deadline a moment before ctx
	// itself says so.
	d, ok := ctx.Deadline()
	switch {
	case errors.Is(ctx.Err(), context.Canceled):
		return ctx.Err()
	case errors.Is(ctx.Err(), context.DeadlineExceeded), ok && !time.Now().Before(d):
		// One sentence, as the window shows it: not followed by Go's
		// "context deadline exceeded", which errors.Is still finds.
		return &Error{msg: s.Name() + ": the query ran past its time limit and was stopped", cause: context.DeadlineExceeded}
	}
	return s.Conn.Explain(err)
}

// sum counts the rows where cond holds.
// A sum over no rows is NULL: 0 here.
func (s *Source) sum(cond string) string {
	return s.Table.d.Int(fmt.Sprintf("coalesce(sum(CASE WHEN %s THEN 1 ELSE 0 END), 0)", cond))
}

// lane is the SQL of an event's lane on the timeline: its category.
func (t *Table) lane() string {
	if t.category == "" {
		return "''"
	}
	return t.category
}

// notNull is expr, 0 where it is NULL: what a driver scans into a Go
// number.
func (t *Table) notNull(expr string) string { return "coalesce(" + expr + ", 0)" }

// windowed is the condition of an event overlapping the filter's window,
// "" when it has none.
func (t *Table) windowed(f dataset.Filter, a *args) string {
	if f.Window == nil {
		return ""
	}
	return t.overlaps(f.Window.From, f.Window.To, a)
}

// overlaps is the condition of an event overlapping [from, to), written
// on the sorting key where it can be: what starts at to or later cannot,
// nor (once the longest event is known) what starts more than its length
// before from.
func (t *Table) overlaps(from, to int64, a *args) string {
	c := fmt.Sprintf("%s > %s AND %s < %s", t.stop, a.add(from), t.key, a.add(to))
	if t.maxLen > 0 {
		c += fmt.Sprintf(" AND %s >= %s", t.key, a.add(from-t.maxLen))
	}
	return c
}

// starts is the condition of an event starting in [from, to), on the
// sorting key.
func (t *Table) starts(from, to int64, a *args) string {
	return fmt.Sprintf("%[1]s >= %[2]s AND %[1]s < %[3]s", t.key, a.add(from), a.add(to))
}

// Legend is what the legend and the status line say: events in all, kept
// by the filter but for its time window, shown by all of it, and shown on
// the map, in all and per category.
type Legend struct {
	All, Kept, Shown, Located int64
	// KeptBy and ShownBy count per category name; "" holds the events
	// without a category.
	KeptBy, ShownBy map[string]int64
}

// Legend counts the events the filter keeps and shows, per category.
func (s *Source) Legend(ctx context.Context, f dataset.Filter) (Legend, error) {
	if l, ok, err := s.rollupLegend(ctx, f); ok || err != nil {
		return l, err
	}
	if s.Rollups != nil {
		return s.keptLegend(ctx, f)
	}
	t := s.Table
	var a args
	kept := t.where(f, false, &a)
	shown := kept
	if f.Window != nil {
		shown = t.where(f, true, &a)
	}
	sql := fmt.Sprintf("SELECT %s AS cm_lane, %s, %s, %s, %s FROM %s WHERE %s GROUP BY cm_lane",
		t.lane(), t.d.Int("count(*)"), s.sum(kept), s.sum(shown), s.sum(shown+" AND "+t.located()), t.from, t.event())
	l := Legend{KeptBy: map[string]int64{}, ShownBy: map[string]int64{}}
	err := s.query(ctx, sql, a.list, func(r Rows) error {
		var lane string
		var all, k, sh, loc int64
		if err := r.Scan(&lane, &all, &k, &sh, &loc); err != nil {
			return err
		}
		l.add(lane, all, k, sh, loc)
		return nil
	})
	return l, err
}

func (l *Legend) add(lane string, all, kept, shown, located int64) {
	l.All += all
	l.Kept += kept
	l.Shown += shown
	l.Located += located
	if kept > 0 {
		l.KeptBy[lane] += kept
	}
	if shown > 0 {
		l.ShownBy[lane] += shown
	}
}

// Bins are the timeline's columns: N bins of Width seconds from From.
type Bins struct {
	From, Width int64
	N           int
}

// To is where the last bin ends.
func (b Bins) To() int64 { return b.From + b.Width*int64(b.N) }

func (b Bins) check() error {
	if b.Width <= 0 || b.N <= 0 || b.N > 1<<20 {
		return fmt.Errorf("a histogram needs a positive bin width and between 1 and %d bins, not %d of %d s", 1<<20, b.N, b.Width)
	}
	return nil
}

// Histogram is the timeline's density: for each lane (category name, ""
// for none) the events kept by the filter that start in each bin.
type Histogram struct {
	Bins   Bins
	Counts map[string][]int64
}

func (h *Histogram) add(lane string, bin, n int64) {
	if bin < 0 || bin >= int64(h.Bins.N) {
		return
	}
	c := h.Counts[lane]
	if c == nil {
		c = make([]int64, h.Bins.N)
		h.Counts[lane] = c
	}
	c[bin] += n
}

// Histogram counts the events the filter keeps (its window aside: the
// timeline shows it as its axis) per lane and bin, by their start.
func (s *Source) Histogram(ctx context.Context, f dataset.Filter, b Bins) (Histogram, error) {
	if err := b.check(); err != nil {
		return Histogram{}, err
	}
	if h, ok, err := s.rollupHistogram(ctx, f, b); ok || err != nil {
		return h, err
	}
	t := s.Table
	var a args
	kept := t.where(f, false, &a) + " AND " + t.starts(b.From, b.To(), &a)
	from, width := a.add(b.From), a.add(b.Width)
	sql := fmt.Sprintf("SELECT %s AS cm_lane, %s AS cm_bin, %s FROM %s WHERE %s GROUP BY cm_lane, cm_bin",
		t.lane(), t.d.Int(t.d.Div(t.notNull(t.start)+" - "+from, width)), t.d.Int("count(*)"), t.from, kept)
	h := Histogram{Bins: b, Counts: map[string][]int64{}}
	err := s.query(ctx, sql, a.list, func(r Rows) error {
		var lane string
		var bin, n int64
		if err := r.Scan(&lane, &bin, &n); err != nil {
			return err
		}
		h.add(lane, bin, n)
		return nil
	})
	return h, err
}

// Tiles is a part of the map in Web Mercator pixels at a zoom level, as
// web maps count them: the world is 256·2^Zoom pixels wide and high, x
// growing east from 180°W and y south from 85.05°N. [X0, X1) × [Y0, Y1).
type Tiles struct {
	Zoom           int
	X0, Y0, X1, Y1 int64
}

// Size is the width of the world in pixels at the zoom level.
func (t Tiles) Size() float64 { return 256 * math.Pow(2, float64(t.Zoom)) }

func (t Tiles) check() error {
	if t.Zoom < 0 || t.Zoom > 30 || t.X1 <= t.X0 || t.Y1 <= t.Y0 {
		return fmt.Errorf("a map grid needs a zoom level from 0 to 30 and a non-empty pixel range, not zoom %d, x %d–%d, y %d–%d", t.Zoom, t.X0, t.X1, t.Y0, t.Y1)
	}
	return nil
}

// Mercator returns the pixel of a point at a zoom level whose world is
// size pixels wide: the same sums, in the same order, as the engines do.
func Mercator(lon, lat, size float64) (x, y int64) {
	lat = math.Min(math.Max(lat, -maxMercatorLat), maxMercatorLat)
	return int64(math.Floor((lon + 180) / 360 * size)),
		int64(math.Floor((1 - math.Log(math.Tan(math.Pi/4+lat*math.Pi/360))/math.Pi) / 2 * size))
}

// maxMercatorLat is where Web Mercator is cut, as web maps cut it.
const maxMercatorLat = 85.05112878

// mercator writes Mercator in SQL.
func (t *Table) mercator(size string) (x, y string) {
	// Pixels are sorting keys of rollups, which may not be NULL: the
	// callers keep located events only.
	lat := fmt.Sprintf("least(greatest(%s, %v), %v)", t.notNull(t.lat), -maxMercatorLat, maxMercatorLat)
	return t.d.Floor(fmt.Sprintf("(%s + 180) / 360 * %s", t.notNull(t.lon), size)),
		t.d.Floor(fmt.Sprintf("(1 - ln(tan(pi() / 4 + %s * pi() / 360)) / pi()) / 2 * %s", lat, size))
}

// Grid is the map's density: how many shown events fall in each pixel of
// a part of the map.
type Grid struct {
	Tiles Tiles
	Count map[[2]int64]int64 // by pixel x, y
}

// Grid counts the events the filter shows in each pixel of the tiles.
func (s *Source) Grid(ctx context.Context, f dataset.Filter, tl Tiles) (Grid, error) {
	if err := tl.check(); err != nil {
		return Grid{}, err
	}
	g := Grid{Tiles: tl, Count: map[[2]int64]int64{}}
	if !s.Table.HasPlace() {
		return g, nil
	}
	if g, ok, err := s.rollupGrid(ctx, f, tl); ok || err != nil {
		return g, err
	}
	var a args
	return g, s.tableGrid(ctx, s.Table.where(f, true, &a), a, &g)
}

// tableGrid adds to a grid the events on the map where cond holds, read
// from the table, cond's values bound in a.
func (s *Source) tableGrid(ctx context.Context, cond string, a args, g *Grid) error {
	t, tl := s.Table, g.Tiles
	x, y := t.mercator(a.add(tl.Size()))
	sql := fmt.Sprintf("SELECT cm_x, cm_y, %s FROM (SELECT %s AS cm_x, %s AS cm_y FROM %s WHERE %s AND %s) AS cm_points "+
		"WHERE cm_x >= %s AND cm_x < %s AND cm_y >= %s AND cm_y < %s GROUP BY cm_x, cm_y",
		t.d.Int("count(*)"), x, y, t.from, cond, t.located(), a.add(tl.X0), a.add(tl.X1), a.add(tl.Y0), a.add(tl.Y1))
	return s.query(ctx, sql, a.list, func(r Rows) error {
		var px, py, n int64
		if err := r.Scan(&px, &py, &n); err != nil {
			return err
		}
		g.Count[[2]int64{px, py}] += n
		return nil
	})
}

// Page is a page of the events a filter shows, in time order: the table's
// rows, and each one's start and place.
type Page struct {
	Columns  []string
	Rows     [][]string // each row's cells as text, a cell per column
	Start    []int64    // Unix seconds
	Lat, Lon []float64  // NaN where the event is not placed
}

// Page reads at most limit of the events the filter shows, from the
// offset-th on, in time order.
func (s *Source) Page(ctx context.Context, f dataset.Filter, offset, limit int) (Page, error) {
	if offset < 0 || limit <= 0 {
		return Page{}, fmt.Errorf("a page needs a non-negative offset and a positive size, not %d and %d", offset, limit)
	}
	t := s.Table
	var p Page
	var sel []string
	for _, c := range t.Columns {
		if c.Name == TextColumn {
			continue // ours, and long
		}
		p.Columns = append(p.Columns, c.Name)
		sel = append(sel, t.d.Text(t.d.Quote(c.Name), c.Kind))
	}
	lat, lon := "0", "0"
	if t.HasPlace() {
		lat, lon = t.lat, t.lon
	}
	located := t.d.Int(fmt.Sprintf("CASE WHEN %s THEN 1 ELSE 0 END", t.located()))
	sel = append(sel, t.d.Int(t.notNull(t.start)), t.d.Float(t.notNull(lat)), t.d.Float(t.notNull(lon)), located)
	var a args
	where := t.where(f, true, &a)
	// Rows read by the engine's sort: those that start in the range, on
	// a table sorted by start.
	outer := "1 = 1"
	if t.Imported && s.Rollups != nil {
		from, to, ok, err := s.pageRange(ctx, f, offset+limit)
		if err != nil {
			return Page{}, err
		}
		if ok {
			outer = t.starts(from, to, &a)
			where += " AND " + outer
		}
	}
	sql := fmt.Sprintf("SELECT %s FROM %s WHERE %s ORDER BY %s LIMIT %d OFFSET %d",
		strings.Join(sel, ", "), t.from, where, t.order, limit, offset)
	if t.Imported {
		// The page's keys first, then its rows: an engine that works out
		// every selected cell before it sorts would otherwise write every
		// shown row as text to keep a thousand.
		keys := "(" + t.order + ")"
		sql = fmt.Sprintf("SELECT %s FROM %s WHERE %s AND %s %s (SELECT %s FROM %s WHERE %s ORDER BY %s LIMIT %d OFFSET %d) ORDER BY %s",
			strings.Join(sel, ", "), t.from, outer, keys, t.d.In(), t.order, t.from, where, t.order, limit, offset, t.order)
	}
	n := len(p.Columns)
	err := s.query(ctx, sql, a.list, func(r Rows) error {
		cells := make([]string, n)
		dest := make([]any, n+4)
		for i := range cells {
			dest[i] = &cells[i]
		}
		var start, placed int64
		var la, lo float64
		dest[n], dest[n+1], dest[n+2], dest[n+3] = &start, &la, &lo, &placed
		if err := r.Scan(dest...); err != nil {
			return err
		}
		if placed == 0 {
			la, lo = math.NaN(), math.NaN()
		}
		p.Rows, p.Start = append(p.Rows, cells), append(p.Start, start)
		p.Lat, p.Lon = append(p.Lat, la), append(p.Lon, lo)
		return nil
	})
	return p, err
}

// Problems are the rows that could not become events, or events that
// could not be placed, counted by the engine.
type Problems struct {
	Rows     int64 // every row of the table
	Untimed  int64 // rows without a usable time: not events
	Unplaced int64 // events without a usable place
}

// Problems counts the table's rows without a usable time or place.
func (s *Source) Problems(ctx context.Context) (Problems, error) {
	t := s.Table
	sql := fmt.Sprintf("SELECT %s, %s, %s FROM %s", t.d.Int("count(*)"), s.sum(t.event()), s.sum(t.event()+" AND "+t.located()), t.from)
	var p Problems
	err := s.query(ctx, sql, nil, func(r Rows) error {
		var rows, evs, located int64
		if err := r.Scan(&rows, &evs, &located); err != nil {
			return err
		}
		p = Problems{Rows: rows, Untimed: rows - evs, Unplaced: evs - located}
		return nil
	})
	return p, err
}

// Span is the time the events cover, as far as the engine can tell:
// their earliest and latest start, in Unix seconds. OK is false when the
// table holds no event.
type Span struct {
	First, Last int64
	OK          bool
}

// Span asks for the earliest and latest start of the table's events.
func (s *Source) Span(ctx context.Context) (Span, error) {
	t := s.Table
	sql := fmt.Sprintf("SELECT %s, %s, %s FROM %s WHERE %s",
		t.d.Int("count(*)"), t.d.Int(t.notNull("min("+t.start+")")), t.d.Int(t.notNull("max("+t.start+")")), t.from, t.event())
	var sp Span
	err := s.query(ctx, sql, nil, func(r Rows) error {
		var n int64
		if err := r.Scan(&n, &sp.First, &sp.Last); err != nil {
			return err
		}
		sp.OK = n > 0
		return nil
	})
	return sp, err
}

// Outside counts the events the filter keeps (its window aside) that lie
// wholly outside a window of time: ending by from, starting at to or
// after. The timeline says so at its ends ("← +3 earlier").
func (s *Source) Outside(ctx context.Context, f dataset.Filter, from, to int64) (earlier, later int64, err error) {
	if s.Rollups != nil && plainFilter(f) && from <= to {
		return s.rollupOutside(ctx, f, from, to)
	}
	t := s.Table
	var a args
	kept := t.where(f, false, &a)
	sql := fmt.Sprintf("SELECT %s, %s FROM %s WHERE %s",
		s.sum(fmt.Sprintf("%s <= %s", t.stop, a.add(from))), s.sum(fmt.Sprintf("%s >= %s", t.start, a.add(to))), t.from, kept)
	err = s.query(ctx, sql, a.list, func(r Rows) error { return r.Scan(&earlier, &later) })
	return earlier, later, err
}

// rollupOutside is Outside from the rollups: the events that start in
// the days before the longest event's length before from, and in the days
// from the one after to, are counted there; those between, from the
// table.
func (s *Source) rollupOutside(ctx context.Context, f dataset.Filter, from, to int64) (earlier, later int64, err error) {
	t, d := s.Table, s.Table.d
	before, after := floorDiv(from-t.maxLen, 86400), ceilDiv(to, 86400)
	var a args
	kept := "1 = 1" + s.hidden(f, &a)
	if f.LocatedOnly {
		kept += " AND cm_located = 1"
	}
	count := func(cond string) string {
		return d.Int(fmt.Sprintf("coalesce(sum(CASE WHEN %s THEN cm_n ELSE 0 END), 0)", cond))
	}
	sql := fmt.Sprintf("SELECT %s, %s FROM %s WHERE %s", count("cm_day < "+a.add(before)), count("cm_day >= "+a.add(after)), s.Rollups.Days, kept)
	if err := s.query(ctx, sql, a.list, func(r Rows) error { return r.Scan(&earlier, &later) }); err != nil {
		return 0, 0, err
	}
	var b args
	cond := t.where(f, false, &b)
	near := fmt.Sprintf("%s AND %s <= %s", t.starts(before*86400, from, &b), t.stop, b.add(from))
	far := t.starts(to, after*86400, &b)
	sql = fmt.Sprintf("SELECT %s, %s FROM %s WHERE %s AND ((%s) OR (%s))", s.sum(near), s.sum(far), t.from, cond, near, far)
	var e, l int64
	err = s.query(ctx, sql, b.list, func(r Rows) error { return r.Scan(&e, &l) })
	return earlier + e, later + l, err
}

// pageRange finds a range of starts that holds the first n events the
// filter shows, for a table sorted by start: its sort then reads that
// range only. It counts the events in ranges from the earliest start
// they may have, each eight times as long as the one before, until one
// holds n; ok is false when only the whole table does.
func (s *Source) pageRange(ctx context.Context, f dataset.Filter, n int) (from, to int64, ok bool, err error) {
	t, r := s.Table, s.Rollups
	from, end := r.First, r.Last+1
	if w := f.Window; w != nil {
		from, end = max(from, w.From-t.maxLen), min(end, w.To)
	}
	for width := max((end-from)/4096, 1); from+width < end; width *= 8 {
		var a args
		sql := fmt.Sprintf("SELECT %s FROM %s WHERE %s AND %s", t.d.Int("count(*)"), t.from, t.where(f, true, &a), t.starts(from, from+width, &a))
		var got int64
		if err := s.query(ctx, sql, a.list, func(rs Rows) error { return rs.Scan(&got) }); err != nil {
			return 0, 0, false, err
		}
		if got >= int64(n) {
			return from, from + width, true, nil
		}
	}
	return 0, 0, false, nil
}

// keptLegend is Legend for a filter the rollups cannot count (a search,
// actors, a box): the events in all come from the rollups, and the table
// is asked only for the events the filter keeps, its condition in the
// WHERE clause, where an index (PostgreSQL's of the search text) can
// find them without reading every row.
func (s *Source) keptLegend(ctx context.Context, f dataset.Filter) (Legend, error) {
	all, _, err := s.rollupLegend(ctx, dataset.Filter{})
	if err != nil {
		return Legend{}, err
	}
	t := s.Table
	l := Legend{All: all.All, KeptBy: map[string]int64{}, ShownBy: map[string]int64{}}
	var a args
	kept := t.where(f, false, &a)
	shown := "1 = 1"
	if f.Window != nil {
		shown = t.windowed(f, &a)
	}
	sql := fmt.Sprintf("SELECT %s AS cm_lane, %s, %s, %s FROM %s WHERE %s GROUP BY cm_lane",
		t.lane(), t.d.Int("count(*)"), s.sum(shown), s.sum(shown+" AND "+t.located()), t.from, kept)
	err = s.query(ctx, sql, a.list, func(r Rows) error {
		var lane string
		var k, sh, loc int64
		if err := r.Scan(&lane, &k, &sh, &loc); err != nil {
			return err
		}
		l.add(lane, 0, k, sh, loc)
		return nil
	})
	return l, err
}
