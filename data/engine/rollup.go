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
//     legend's counts, for windows that begin and end at midnight;
//   - T_chronomap_tiles: events on the map per Web Mercator pixel and
//     category at every zoom level from 0 to MaxZoom — the map's grid;
//   - T_chronomap_rollup: what they were made of (events, zoom levels,
//     events that outlast their first day), so that rollups older than
//     the table's rows are not used.
//
// A question the rollups cannot answer exactly (a search, actors, a box,
// a window not at midnight, a zoom past MaxZoom) goes to the table.
type Rollups struct {
	Days, Tiles, Meta string // quoted names
	MaxZoom           int
	// Events is how many events the table had when the rollups were
	// made; Long how many of them outlast the day they start.
	Events, Long int64
}

// Rollup table suffixes.
const (
	DaysSuffix  = "_chronomap_days"
	TilesSuffix = "_chronomap_tiles"
	MetaSuffix  = "_chronomap_rollup"
)

// Creator writes the statements that make a rollup table from a query,
// sorted (or indexed) by keys, and add a query's rows to it: the one
// thing the engines write differently. The keys are the query's first
// columns, in order.
type Creator interface {
	CreateTableAs(table string, keys []string, query string) string
	InsertAs(table string, keys []string, query string) string
}

// DefaultMaxZoom is the finest zoom level prepare rolls up: pixels of
// about 150 m at the equator, where a view of a region still holds
// thousands of pixels.
const DefaultMaxZoom = 10

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
	days, tiles, meta := d.Quote(name+DaysSuffix), d.Quote(name+TilesSuffix), d.Quote(name+MetaSuffix)
	for _, r := range []string{meta, days, tiles} {
		if err := s.Conn.Exec(ctx, "DROP TABLE IF EXISTS "+r); err != nil {
			return nil, s.fail(ctx, err)
		}
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
	if t.HasPlace() {
		size := fmt.Sprintf("%v", Tiles{Zoom: maxZoom}.Size())
		x, y := t.mercator(size)
		q := fmt.Sprintf("SELECT %s AS cm_zoom, %s AS cm_x, %s AS cm_y, %s AS cm_lane, %s AS cm_n FROM %s WHERE %s AND %s GROUP BY cm_x, cm_y, cm_lane",
			t.d.Int(fmt.Sprint(maxZoom)), x, y, t.lane(), t.d.Int("count(*)"), t.from, t.event(), t.located())
		if err := s.Conn.Exec(ctx, c.CreateTableAs(tiles, []string{"cm_zoom", "cm_x", "cm_y", "cm_lane"}, q)); err != nil {
			return nil, s.fail(ctx, err)
		}
		// Each coarser level from the one below it: a pixel is four.
		for z := maxZoom - 1; z >= 0; z-- {
			// Aliases of their own: ClickHouse would read cm_x in
			// intDiv(cm_x, 2) AS cm_x as the alias.
			q := fmt.Sprintf("SELECT %[2]s, %[3]s AS cm_x2, %[4]s AS cm_y2, cm_lane, %[5]s FROM %[1]s WHERE cm_zoom = %[6]d GROUP BY cm_x2, cm_y2, cm_lane",
				tiles, t.d.Int(fmt.Sprint(z)), t.d.Int(t.d.Div("cm_x", "2")), t.d.Int(t.d.Div("cm_y", "2")), t.d.Int("sum(cm_n)"), z+1)
			if err := s.Conn.Exec(ctx, c.InsertAs(tiles, []string{"cm_zoom", "cm_x", "cm_y", "cm_lane"}, q)); err != nil {
				return nil, s.fail(ctx, err)
			}
		}
		made = append(made, fmt.Sprintf("%s: events on the map per Web Mercator pixel and category, zoom levels 0 to %d", name+TilesSuffix, maxZoom))
	}
	long := fmt.Sprintf("%s > (%s + 1) * 86400", t.stop, day)
	q = fmt.Sprintf("SELECT 'events' AS cm_name, %s AS cm_value FROM %s WHERE %s UNION ALL SELECT 'long', %s FROM %s WHERE %s UNION ALL SELECT 'roles', %s UNION ALL SELECT 'maxzoom', %s",
		t.d.Int("count(*)"), t.from, t.event(), t.d.Int("count(*)"), t.from, t.event()+" AND "+long, t.d.Int(fmt.Sprint(t.rolesKey())), t.d.Int(fmt.Sprint(maxZoom)))
	if !t.HasPlace() {
		q = strings.Replace(q, fmt.Sprintf("SELECT 'maxzoom', %s", t.d.Int(fmt.Sprint(maxZoom))), fmt.Sprintf("SELECT 'maxzoom', %s", t.d.Int("-1")), 1)
	}
	if err := s.Conn.Exec(ctx, c.CreateTableAs(meta, []string{"cm_name"}, q)); err != nil {
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

// FindRollups looks for the rollups of the source's table: nil when there
// are none, or when the table's events changed since they were made.
func FindRollups(ctx context.Context, s *Source) (*Rollups, error) {
	t, d := s.Table, s.Table.d
	name := t.Address.Table
	r := &Rollups{Days: d.Quote(name + DaysSuffix), Tiles: d.Quote(name + TilesSuffix), Meta: d.Quote(name + MetaSuffix)}
	rows, err := s.Conn.Query(ctx, "SELECT cm_name, cm_value FROM "+r.Meta)
	if err != nil {
		return nil, nil // not prepared
	}
	seen, roles := 0, int64(0)
	for rows.Next() {
		var k string
		var v int64
		if rows.Scan(&k, &v) != nil {
			break
		}
		switch k {
		case "events":
			r.Events, seen = v, seen+1
		case "long":
			r.Long, seen = v, seen+1
		case "maxzoom":
			r.MaxZoom, seen = int(v), seen+1
		case "roles":
			roles, seen = v, seen+1
		}
	}
	rows.Close()
	if seen != 4 {
		return nil, nil
	}
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

// midnight reports whether a window begins and ends at midnight, UTC.
func midnight(w *dataset.Window) bool { return w.From%86400 == 0 && w.To%86400 == 0 }

// hidden writes the condition on a rollup's lane that the filter's
// hidden categories give, binding them to a; "" for none.
func (s *Source) hidden(f dataset.Filter, a *args) string {
	if len(f.HiddenCategories) == 0 || s.Table.category == "" {
		return ""
	}
	return " AND cm_lane NOT IN (" + s.Table.list(f.HiddenCategories, false, a) + ")"
}

func (s *Source) rollupLegend(ctx context.Context, f dataset.Filter) (Legend, bool, error) {
	r := s.Rollups
	if r == nil || !plainFilter(f) || (f.Window != nil && (r.Long > 0 || !midnight(f.Window))) {
		return Legend{}, false, nil
	}
	d := s.Table.d
	var a args
	kept := "1 = 1" + s.hidden(f, &a)
	if f.LocatedOnly {
		kept += " AND cm_located = 1"
	}
	shown := kept
	if f.Window != nil {
		shown += fmt.Sprintf(" AND cm_day >= %s AND cm_day < %s", a.add(f.Window.From/86400), a.add(f.Window.To/86400))
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
	if r == nil || !plainFilter(f) || f.Window != nil || tl.Zoom > r.MaxZoom {
		return Grid{}, false, nil
	}
	d := s.Table.d
	var a args
	cond := fmt.Sprintf("cm_zoom = %s AND cm_x >= %s AND cm_x < %s AND cm_y >= %s AND cm_y < %s",
		a.add(int64(tl.Zoom)), a.add(tl.X0), a.add(tl.X1), a.add(tl.Y0), a.add(tl.Y1)) + s.hidden(f, &a)
	sql := fmt.Sprintf("SELECT cm_x, cm_y, %s FROM %s WHERE %s GROUP BY cm_x, cm_y", d.Int("sum(cm_n)"), r.Tiles, cond)
	g := Grid{Tiles: tl, Count: map[[2]int64]int64{}}
	err := s.query(ctx, sql, a.list, func(rs Rows) error {
		var x, y, n int64
		if err := rs.Scan(&x, &y, &n); err != nil {
			return err
		}
		g.Count[[2]int64{x, y}] += n
		return nil
	})
	return g, true, err
}

// Uses says which rollups a question under a filter would be answered
// from, "" for the table itself: for tests and benchmarks.
func (s *Source) Uses(f dataset.Filter, b *Bins, tl *Tiles) string {
	r := s.Rollups
	switch {
	case r == nil || !plainFilter(f):
		return ""
	case tl != nil && f.Window == nil && tl.Zoom <= r.MaxZoom:
		return r.Tiles
	case b != nil && b.From%86400 == 0 && b.Width%86400 == 0:
		return r.Days
	case b == nil && tl == nil && (f.Window == nil || (r.Long == 0 && midnight(f.Window))):
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
		if strings.HasSuffix(n, DaysSuffix) || strings.HasSuffix(n, TilesSuffix) || strings.HasSuffix(n, MetaSuffix) {
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
