package engine

import (
	"context"
	"fmt"
	"hash/fnv"
	"slices"
	"strings"

	"chronomap/data/dataset"
)

// Rollups are the tables `chronomap prepare` makes beside a table T, in
// the manner of the tile tables behind adsb.exposed: counts the views
// add up instead of reading every event.
//
//   - T_chronomap_days: events per UTC day, category and whether they
//     are on the map — the timeline's histogram at a day or coarser, the
//     legend's counts;
//   - T_chronomap_tiles: events on the map per Web Mercator pixel and
//     category at every zoom level from 0 to MaxZoom — the map's grid;
//   - T_chronomap_pixels: the same, all categories together — the grid
//     when no category is hidden, from fewer rows;
//   - T_chronomap_times: the same per time bucket (Bucket seconds) at
//     zoom levels 0 to TimedZoom — the map's grid under a time window;
//   - T_chronomap_rollup: what they were made of (events, zoom levels,
//     the longest event, the bucket), so that rollups older than the
//     table's rows are not used.
//
// A time window is answered from the rollups for the events that start
// in the whole days (or buckets) inside it, and from the table for those
// that start near its edges: a range of starts that the table's sorting
// key reads alone (Dialect.Key).
//
// A question the rollups cannot answer exactly (a search, actors, a box,
// a zoom past MaxZoom, a window past TimedZoom) goes to the table.
type Rollups struct {
	Days, Tiles, Pixels, Times, Meta string // quoted names
	MaxZoom, TimedZoom               int
	// Events is how many events the table had when the rollups were
	// made; MaxLen how long the longest lasts, in seconds.
	Events, MaxLen int64
	// Bucket is the length in seconds of the time buckets of Times;
	// First and Last the earliest and latest start.
	Bucket, First, Last int64
}

// Rollup table suffixes.
const (
	DaysSuffix   = "_chronomap_days"
	TilesSuffix  = "_chronomap_tiles"
	PixelsSuffix = "_chronomap_pixels"
	TimesSuffix  = "_chronomap_times"
	MetaSuffix   = "_chronomap_rollup"
	// TextSuffix names the index of the search text, not a table.
	TextSuffix = "_chronomap_text"
)

// Suffixes are the rollup table suffixes, every one.
var Suffixes = []string{DaysSuffix, TilesSuffix, PixelsSuffix, TimesSuffix, MetaSuffix}

// Creator writes the statements that make a rollup table from a query,
// sorted (or indexed) by keys, and add a query's rows to it: the one
// thing the engines write differently. The keys are the query's first
// columns, in order.
type Creator interface {
	CreateTableAs(table string, keys []string, query string) string
	InsertAs(table string, keys []string, query string) string
	// TextIndex writes the statements that index a column of search
	// text for Holds, none where the engine has no such index.
	TextIndex(table, column, name string) []string
}

// DefaultMaxZoom is the finest zoom level prepare rolls up: pixels of
// about 150 m at the equator, where a view of a region still holds
// thousands of pixels.
const DefaultMaxZoom = 10

// TimedZoom is the finest zoom level the rollup by time bucket goes to:
// pixels of about 2.4 km, a country or a region on screen. Finer
// levels would hold about a row per event.
const TimedZoom = 6

// buckets is about how many time buckets the table's span is cut into:
// the events of two of them, at a window's edges, are read from the
// table.
const buckets = 128

// Rollup tables may hold a key more than once (ClickHouse merges them
// when it likes): every read adds their counts up with sum.

// Prepare makes the rollups of the source's table, replacing any there,
// and returns what it made, one line each.
func Prepare(ctx context.Context, s *Source, c Creator, maxZoom int) ([]string, error) {
	if maxZoom < 0 || maxZoom > 20 {
		return nil, fmt.Errorf("zoom levels are 0 to 20, not %d", maxZoom)
	}
	t, d := s.Table, s.Table.d
	name := t.Address.Table
	days, tiles, pixels, times, meta := d.Quote(name+DaysSuffix), d.Quote(name+TilesSuffix), d.Quote(name+PixelsSuffix), d.Quote(name+TimesSuffix), d.Quote(name+MetaSuffix)
	for _, r := range []string{meta, days, tiles, pixels, times} { // meta first: no rollup is used while the rest go
		if err := s.Conn.Exec(ctx, "DROP TABLE IF EXISTS "+r); err != nil {
			return nil, s.fail(ctx, err)
		}
	}
	sp, err := s.Span(ctx)
	if err != nil {
		return nil, err
	}
	bucket := int64(86400)
	for sp.OK && (sp.Last-sp.First)/bucket >= buckets {
		bucket *= 2
	}
	var made []string
	located := t.notNull(t.d.Int(fmt.Sprintf("CASE WHEN %s THEN 1 ELSE 0 END", t.located())))
	day := t.d.Floor(t.notNull(t.start) + " / 86400.0")
	q := fmt.Sprintf("SELECT %s AS cm_day, %s AS cm_lane, %s AS cm_located, %s AS cm_n FROM %s WHERE %s GROUP BY cm_day, cm_lane, cm_located",
		day, t.lane(), located, t.d.Int("count(*)"), t.from, t.event())
	if err := s.Conn.Exec(ctx, c.CreateTableAs(days, []string{"cm_day", "cm_lane", "cm_located"}, q)); err != nil {
		return nil, s.fail(ctx, err)
	}
	made = append(made, fmt.Sprintf("%s: events per day, category and whether they are on the map", name+DaysSuffix))
	timedZoom := -1
	if t.HasPlace() {
		if err := s.pyramid(ctx, c, tiles, maxZoom, ""); err != nil {
			return nil, err
		}
		made = append(made, fmt.Sprintf("%s: events on the map per Web Mercator pixel and category, zoom levels 0 to %d", name+TilesSuffix, maxZoom))
		keys := []string{"cm_zoom", "cm_x", "cm_y"}
		q := fmt.Sprintf("SELECT cm_zoom, cm_x, cm_y, %s AS cm_n FROM %s GROUP BY cm_zoom, cm_x, cm_y", t.d.Int("sum(cm_n)"), tiles)
		if err := s.Conn.Exec(ctx, c.CreateTableAs(pixels, keys, q)); err != nil {
			return nil, s.fail(ctx, err)
		}
		made = append(made, fmt.Sprintf("%s: the same, all categories together", name+PixelsSuffix))
		timedZoom = min(TimedZoom, maxZoom)
		if err := s.pyramid(ctx, c, times, timedZoom, t.d.Floor(fmt.Sprintf("%s / %d.0", t.notNull(t.start), bucket))); err != nil {
			return nil, err
		}
		made = append(made, fmt.Sprintf("%s: the same per %d days, zoom levels 0 to %d, for the map under a time window", name+TimesSuffix, bucket/86400, timedZoom))
	}
	if stmts := c.TextIndex(t.from, t.d.Quote(TextColumn), t.d.Quote(name+TextSuffix)); t.folded && len(stmts) > 0 {
		if err := s.textIndex(ctx, stmts); ctx.Err() != nil {
			return nil, err
		} else if err != nil {
			made = append(made, fmt.Sprintf("no index of the search text (%v): a search reads every row", err))
		} else {
			made = append(made, fmt.Sprintf("%s: an index of the search text, for words that few rows hold", name+TextSuffix))
		}
	}
	maxZ := maxZoom
	if !t.HasPlace() {
		maxZ = -1
	}
	// What the table's events add up to, then what prepare found and
	// chose.
	var parts []string
	for _, kv := range [][2]string{
		{"events", "count(*)"},
		{"maxlen", t.notNull(fmt.Sprintf("max(%s - %s)", t.stop, t.start))},
	} {
		parts = append(parts, fmt.Sprintf("SELECT '%s' AS cm_name, %s AS cm_value FROM %s WHERE %s", kv[0], t.d.Int(kv[1]), t.from, t.event()))
	}
	for _, kv := range []struct {
		name  string
		value int64
	}{{"first", sp.First}, {"last", sp.Last}, {"roles", t.rolesKey()}, {"maxzoom", int64(maxZ)}, {"timedzoom", int64(timedZoom)}, {"bucket", bucket}} {
		parts = append(parts, fmt.Sprintf("SELECT '%s', %s", kv.name, t.d.Int(fmt.Sprint(kv.value))))
	}
	if err := s.Conn.Exec(ctx, c.CreateTableAs(meta, []string{"cm_name"}, strings.Join(parts, " UNION ALL "))); err != nil {
		return nil, s.fail(ctx, err)
	}
	made = append(made, fmt.Sprintf("%s: what the rollups were made of, so that stale ones are not used", name+MetaSuffix))
	r, err := FindRollups(ctx, s)
	if err != nil {
		return made, err
	}
	s.Rollups = r
	return made, nil
}

// textIndex runs the statements of a text index: the index of the table
// itself, which the table keeps, unlike a rollup.
func (s *Source) textIndex(ctx context.Context, stmts []string) error {
	for _, q := range stmts {
		if err := s.Conn.Exec(ctx, q); err != nil {
			return s.fail(ctx, err)
		}
	}
	return nil
}

// pyramid makes a table of the events on the map per pixel and category
// at every zoom level from 0 to top, and per time bucket too when bucket
// (the SQL of an event's bucket) is not "".
func (s *Source) pyramid(ctx context.Context, c Creator, table string, top int, bucket string) error {
	t := s.Table
	keys := []string{"cm_zoom", "cm_x", "cm_y", "cm_lane"}
	sel, by := "", ""
	if bucket != "" {
		keys = append(keys, "cm_t")
		sel, by = ", "+bucket+" AS cm_t", ", cm_t"
	}
	x, y := t.mercator(fmt.Sprintf("%v", Tiles{Zoom: top}.Size()))
	q := fmt.Sprintf("SELECT %s AS cm_zoom, %s AS cm_x, %s AS cm_y, %s AS cm_lane%s, %s AS cm_n FROM %s WHERE %s AND %s GROUP BY cm_x, cm_y, cm_lane%s",
		t.d.Int(fmt.Sprint(top)), x, y, t.lane(), sel, t.d.Int("count(*)"), t.from, t.event(), t.located(), by)
	if err := s.Conn.Exec(ctx, c.CreateTableAs(table, keys, q)); err != nil {
		return s.fail(ctx, err)
	}
	// Each coarser level from the one below it: a pixel is four.
	for z := top - 1; z >= 0; z-- {
		// Aliases of their own: ClickHouse would read cm_x in
		// intDiv(cm_x, 2) AS cm_x as the alias.
		q := fmt.Sprintf("SELECT %[2]s, %[3]s AS cm_x2, %[4]s AS cm_y2, cm_lane%[7]s, %[5]s FROM %[1]s WHERE cm_zoom = %[6]d GROUP BY cm_x2, cm_y2, cm_lane%[7]s",
			table, t.d.Int(fmt.Sprint(z)), t.d.Int(t.d.Div("cm_x", "2")), t.d.Int(t.d.Div("cm_y", "2")), t.d.Int("sum(cm_n)"), z+1, by)
		if err := s.Conn.Exec(ctx, c.InsertAs(table, keys, q)); err != nil {
			return s.fail(ctx, err)
		}
	}
	return nil
}

// FindRollups looks for the rollups of the source's table: nil when there
// are none, or when the table's events changed since they were made.
func FindRollups(ctx context.Context, s *Source) (*Rollups, error) {
	t, d := s.Table, s.Table.d
	name := t.Address.Table
	r := &Rollups{Days: d.Quote(name + DaysSuffix), Tiles: d.Quote(name + TilesSuffix), Pixels: d.Quote(name + PixelsSuffix), Times: d.Quote(name + TimesSuffix), Meta: d.Quote(name + MetaSuffix)}
	rows, err := s.Conn.Query(ctx, "SELECT cm_name, cm_value FROM "+r.Meta)
	if err != nil {
		return nil, nil // not prepared
	}
	var roles, maxZoom, timedZoom int64
	found := map[string]*int64{"events": &r.Events, "maxlen": &r.MaxLen, "first": &r.First, "last": &r.Last,
		"roles": &roles, "maxzoom": &maxZoom, "timedzoom": &timedZoom, "bucket": &r.Bucket}
	seen := map[string]bool{}
	for rows.Next() {
		var k string
		var v int64
		if rows.Scan(&k, &v) != nil {
			break
		}
		if p, ok := found[k]; ok {
			*p, seen[k] = v, true
		}
	}
	rows.Close()
	if len(seen) != len(found) {
		if len(seen) > 0 {
			t.Notes = append(t.Notes, "the rollups were made by an older Chronomap, so they are not used: run chronomap prepare again to use them")
		}
		return nil, nil
	}
	r.MaxZoom, r.TimedZoom = int(maxZoom), int(timedZoom)
	if roles != t.rolesKey() {
		t.Notes = append(t.Notes, "the rollups were made with the columns playing other roles, so they are not used: run chronomap prepare again to use them")
		return nil, nil
	}
	var now int64
	err = s.query(ctx, fmt.Sprintf("SELECT %s FROM %s WHERE %s", t.d.Int("count(*)"), t.from, t.event()), nil, func(rs Rows) error { return rs.Scan(&now) })
	if err != nil {
		return nil, err
	}
	if now != r.Events {
		t.Notes = append(t.Notes, fmt.Sprintf("the rollups were made of %d events and the table has %d now, so they are not used: run chronomap prepare again", r.Events, now))
		return nil, nil
	}
	if r.Bucket <= 0 || r.MaxLen <= 0 && r.Events > 0 {
		return nil, nil
	}
	t.maxLen = r.MaxLen
	return r, nil
}

// rolesKey is a number that stands for the SQL of the roles the rollups
// count by (time, place, category): rollups made with the columns
// playing other roles (chosen by hand in the roles dialog) count other
// things, and are not used. It fits in a signed 53 bits, which every
// engine and driver carries exactly.
func (t *Table) rolesKey() int64 {
	h := fnv.New64a()
	for _, s := range []string{t.start, t.stop, t.lat, t.lon, t.lane()} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return int64(h.Sum64() >> 11)
}

// plainFilter reports whether a filter holds only what rollups know:
// categories and "located only".
func plainFilter(f dataset.Filter) bool {
	return strings.TrimSpace(f.Query) == "" && len(f.Actors) == 0 && f.Box == nil
}

// hidden writes the condition on a rollup's lane that the filter's
// hidden categories give, binding them to a; "" for none.
func (s *Source) hidden(f dataset.Filter, a *args) string {
	if len(f.HiddenCategories) == 0 || s.Table.category == "" {
		return ""
	}
	return " AND cm_lane NOT IN (" + s.Table.list(f.HiddenCategories, false, a) + ")"
}

// floorDiv and ceilDiv divide by a positive d, rounding down and up, the
// negative numbers (starts before 1970) too.
func floorDiv(n, d int64) int64 {
	q := n / d
	if n%d != 0 && n < 0 {
		q--
	}
	return q
}

func ceilDiv(n, d int64) int64 { return -floorDiv(-n, d) }

// inside is the whole units of unit seconds inside a window, [lo, hi) in
// units: every event that starts in them is shown, since it starts in
// the window and ends after it starts. lo >= hi when none is.
func inside(w dataset.Window, unit int64) (lo, hi int64) {
	return ceilDiv(w.From, unit), floorDiv(w.To, unit)
}

// edges is the condition of an event that the window shows but that does
// not start in the units [lo, hi) of unit seconds inside it: it starts
// near the window's edges, in ranges of starts that the table's sorting
// key reads alone.
func (t *Table) edges(w dataset.Window, lo, hi, unit int64, a *args) string {
	if lo >= hi {
		return t.overlaps(w.From, w.To, a)
	}
	return fmt.Sprintf("((%s) OR (%s))", t.overlaps(w.From, lo*unit, a), t.starts(hi*unit, w.To, a))
}

func (s *Source) rollupLegend(ctx context.Context, f dataset.Filter) (Legend, bool, error) {
	r := s.Rollups
	if r == nil || !plainFilter(f) {
		return Legend{}, false, nil
	}
	t, d := s.Table, s.Table.d
	var a args
	kept := "1 = 1" + s.hidden(f, &a)
	if f.LocatedOnly {
		kept += " AND cm_located = 1"
	}
	shown := kept
	var lo, hi int64
	if w := f.Window; w != nil {
		lo, hi = inside(*w, 86400)
		shown += fmt.Sprintf(" AND cm_day >= %s AND cm_day < %s", a.add(lo), a.add(hi))
	}
	sum := func(cond string) string { return d.Int(fmt.Sprintf("sum(CASE WHEN %s THEN cm_n ELSE 0 END)", cond)) }
	sql := fmt.Sprintf("SELECT cm_lane, %s, %s, %s, %s FROM %s GROUP BY cm_lane",
		d.Int("sum(cm_n)"), sum(kept), sum(shown), sum(shown+" AND cm_located = 1"), r.Days)
	l := Legend{KeptBy: map[string]int64{}, ShownBy: map[string]int64{}}
	err := s.query(ctx, sql, a.list, func(rs Rows) error {
		var lane string
		var all, k, sh, loc int64
		if err := rs.Scan(&lane, &all, &k, &sh, &loc); err != nil {
			return err
		}
		l.add(lane, all, k, sh, loc)
		return nil
	})
	if err != nil || f.Window == nil {
		return l, true, err
	}
	// The events at the window's edges, from the table.
	var b args
	cond := t.where(dataset.Filter{HiddenCategories: f.HiddenCategories, LocatedOnly: f.LocatedOnly}, false, &b) + " AND " + t.edges(*f.Window, lo, hi, 86400, &b)
	sql = fmt.Sprintf("SELECT %s AS cm_lane, %s, %s FROM %s WHERE %s GROUP BY cm_lane", t.lane(), d.Int("count(*)"), s.sum(t.located()), t.from, cond)
	err = s.query(ctx, sql, b.list, func(rs Rows) error {
		var lane string
		var sh, loc int64
		if err := rs.Scan(&lane, &sh, &loc); err != nil {
			return err
		}
		l.add(lane, 0, 0, sh, loc)
		return nil
	})
	return l, true, err
}

func (s *Source) rollupHistogram(ctx context.Context, f dataset.Filter, b Bins) (Histogram, bool, error) {
	r := s.Rollups
	if r == nil || !plainFilter(f) || b.From%86400 != 0 || b.Width%86400 != 0 {
		return Histogram{}, false, nil
	}
	d := s.Table.d
	var a args
	from, perBin := a.add(b.From/86400), a.add(b.Width/86400)
	cond := fmt.Sprintf("cm_day >= %s AND cm_day < %s", from, a.add(b.To()/86400)) + s.hidden(f, &a)
	if f.LocatedOnly {
		cond += " AND cm_located = 1"
	}
	sql := fmt.Sprintf("SELECT cm_lane, %s AS cm_bin, %s FROM %s WHERE %s GROUP BY cm_lane, cm_bin",
		d.Int(d.Div("cm_day - "+from, perBin)), d.Int("sum(cm_n)"), r.Days, cond)
	h := Histogram{Bins: b, Counts: map[string][]int64{}}
	err := s.query(ctx, sql, a.list, func(rs Rows) error {
		var lane string
		var bin, n int64
		if err := rs.Scan(&lane, &bin, &n); err != nil {
			return err
		}
		h.add(lane, bin, n)
		return nil
	})
	return h, true, err
}

func (s *Source) rollupGrid(ctx context.Context, f dataset.Filter, tl Tiles) (Grid, bool, error) {
	r := s.Rollups
	table := s.gridRollup(f, tl)
	if table == "" {
		return Grid{}, false, nil
	}
	d := s.Table.d
	var a args
	cond := fmt.Sprintf("cm_zoom = %s AND cm_x >= %s AND cm_x < %s AND cm_y >= %s AND cm_y < %s",
		a.add(int64(tl.Zoom)), a.add(tl.X0), a.add(tl.X1), a.add(tl.Y0), a.add(tl.Y1)) + s.hidden(f, &a)
	var lo, hi int64
	if w := f.Window; w != nil {
		lo, hi = inside(*w, r.Bucket)
		cond += fmt.Sprintf(" AND cm_t >= %s AND cm_t < %s", a.add(lo), a.add(hi))
	}
	sql := fmt.Sprintf("SELECT cm_x, cm_y, %s FROM %s WHERE %s GROUP BY cm_x, cm_y", d.Int("sum(cm_n)"), table, cond)
	g := Grid{Tiles: tl, Count: map[[2]int64]int64{}}
	err := s.query(ctx, sql, a.list, func(rs Rows) error {
		var x, y, n int64
		if err := rs.Scan(&x, &y, &n); err != nil {
			return err
		}
		g.Count[[2]int64{x, y}] += n
		return nil
	})
	if err != nil || f.Window == nil {
		return g, true, err
	}
	// The events at the window's edges, from the table.
	var b args
	cond = s.Table.where(dataset.Filter{HiddenCategories: f.HiddenCategories}, false, &b) + " AND " + s.Table.edges(*f.Window, lo, hi, r.Bucket, &b)
	return g, true, s.tableGrid(ctx, cond, b, &g)
}

// gridRollup is the rollup that answers a grid, "" for none.
func (s *Source) gridRollup(f dataset.Filter, tl Tiles) string {
	r := s.Rollups
	switch {
	case r == nil || !plainFilter(f):
		return ""
	case f.Window == nil && tl.Zoom <= r.MaxZoom && len(f.HiddenCategories) == 0:
		return r.Pixels
	case f.Window == nil && tl.Zoom <= r.MaxZoom:
		return r.Tiles
	case f.Window != nil && tl.Zoom <= r.TimedZoom:
		return r.Times
	}
	return ""
}

// Uses says which rollups a question under a filter would be answered
// from, "" for the table itself: for tests and benchmarks.
func (s *Source) Uses(f dataset.Filter, b *Bins, tl *Tiles) string {
	r := s.Rollups
	switch {
	case r == nil || !plainFilter(f):
		return ""
	case tl != nil:
		return s.gridRollup(f, *tl)
	case b != nil && b.From%86400 == 0 && b.Width%86400 == 0:
		return r.Days
	case b == nil:
		return r.Days
	}
	return ""
}

// Browsable is the tables of a database worth offering to browse, in
// order: without the rollups prepare made beside a table, nor the shard
// table T_local beside the Distributed table T that import made over it.
func Browsable(names []string) []string {
	var out []string
	for _, n := range names {
		if slices.ContainsFunc(Suffixes, func(s string) bool { return strings.HasSuffix(n, s) }) {
			continue
		}
		if base, ok := strings.CutSuffix(n, "_local"); ok && slices.Contains(names, base) {
			continue
		}
		out = append(out, n)
	}
	slices.Sort(out)
	return out
}
