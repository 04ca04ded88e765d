package enginetest

import (
	"context"
	"fmt"
	"maps"
	"math"
	"os"
	"reflect"
	"slices"
	"strconv"
	"testing"
	"time"

	"chronomap/data/dataset"
	"chronomap/data/engine"
)

// Filters are the filters the engines are checked under: none, and each
// part of the one filter alone and together, a box across the
// antimeridian and words that need folding among them.
func Filters(d *dataset.Dataset) map[string]dataset.Filter {
	lo, hi, _ := d.Index.Span()
	mid := lo + (hi-lo)/2
	mid -= mid % 86400 // at midnight, where events of a day end: the window's edges matter
	cats := d.Categories.Names
	return map[string]dataset.Filter{
		"none":            {},
		"query":           {Query: "checkpoint"},
		"two words":       {Query: "Shelled  POSITIONS"},
		"folded":          {Query: "aviles strasse"},
		"cyrillic":        {Query: "ОБСТРЕЛ"},
		"id":              {Query: "rus10001"},
		"no match":        {Query: "zzzqqq"},
		"like marks":      {Query: `10%_\`}, // what SQL's LIKE would read as wildcards: rows hold 10 but not these
		"window":          {Window: &dataset.Window{From: mid, To: mid + 3*365*86400}},
		"odd window":      {Window: &dataset.Window{From: lo + 12345, To: mid + 400*86400 + 777}, HiddenCategories: []string{cats[2]}},
		"short window":    {Window: &dataset.Window{From: mid + 3600, To: mid + 20*86400 - 60}, LocatedOnly: true},
		"hidden":          {HiddenCategories: []string{cats[0], "not a category"}},
		"actors":          {Actors: []string{"jnim", "civilians (fiji)"}},
		"located":         {LocatedOnly: true},
		"box":             {Box: &dataset.Box{MinLon: 30, MinLat: 40, MaxLon: 45, MaxLat: 56}},
		"antimeridian":    {Box: &dataset.Box{MinLon: 179, MinLat: -20, MaxLon: -179, MaxLat: -15}},
		"all":             {Query: "the", Window: &dataset.Window{From: lo, To: mid}, HiddenCategories: []string{cats[1]}, LocatedOnly: true, Box: &dataset.Box{MinLon: -100, MinLat: 0, MaxLon: 50, MaxLat: 60}},
		"actors and text": {Query: "forces", Actors: []string{"Protesters (Armenia)"}},
	}
}

// Agree checks that the source answers every question under every filter
// as memory does, and that the engine counts the same problems.
func Agree(t *testing.T, src *engine.Source, mem engine.Memory) {
	t.Helper()
	AgreeOn(t, src, mem, slices.Sorted(maps.Keys(Filters(mem.D))), true)
}

// AgreeOn is Agree under some of the Filters, with or without pages: a
// table of typed columns that import did not write holds the events but
// not the file's cells, nor its text folded.
func AgreeOn(t *testing.T, src *engine.Source, mem engine.Memory, names []string, pages bool) {
	t.Helper()
	ctx := context.Background()
	d := mem.D
	lo, hi, _ := d.Index.Span()
	week := int64(7 * 86400)
	from := lo - lo%week
	bins := []engine.Bins{
		{From: from, Width: week, N: int((hi-from)/week) + 1},
		{From: lo + 12345, Width: 86400 * 30, N: 200},
	}
	tiles := []engine.Tiles{
		{Zoom: 0, X0: 0, Y0: 0, X1: 256, Y1: 256},
		{Zoom: 3, X0: 1024, Y0: 512, X1: 2048, Y1: 1536},
		{Zoom: 6, X0: 0, Y0: 0, X1: 1 << 14, Y1: 1 << 14},
		{Zoom: 10, X0: 150000, Y0: 80000, X1: 170000, Y1: 100000},
	}
	for _, name := range names {
		f := Filters(d)[name]
		t.Run(name, func(t *testing.T) {
			want := mem.Legend(f)
			got, err := src.Legend(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("legend:\n got %+v\nwant %+v", got, want)
			}
			if name != "none" && name != "window" && want.Kept == want.All {
				t.Errorf("filter %q hides nothing: the data should make it narrow", name)
			}
			for _, b := range bins {
				wh, _ := mem.Histogram(f, b)
				gh, err := src.Histogram(ctx, f, b)
				if err != nil {
					t.Fatal(err)
				}
				if !reflect.DeepEqual(gh, wh) {
					t.Errorf("histogram %+v: %s", b, diffHist(gh, wh))
				}
			}
			for _, tl := range tiles {
				wg, _ := mem.Grid(f, tl)
				gg, err := src.Grid(ctx, f, tl)
				if err != nil {
					t.Fatal(err)
				}
				if !reflect.DeepEqual(gg, wg) {
					t.Errorf("grid %+v: %d cells, want %d; %s", tl, len(gg.Count), len(wg.Count), diffGrid(gg, wg))
				}
			}
			for _, w := range [][2]int64{{lo + (hi-lo)/3, hi - (hi-lo)/3}, {lo + 86400, lo + 86400}} {
				we, wl := mem.Outside(f, w[0], w[1])
				ge, gl, err := src.Outside(ctx, f, w[0], w[1])
				if err != nil {
					t.Fatal(err)
				}
				if ge != we || gl != wl {
					t.Errorf("outside %v: got %d earlier, %d later; want %d, %d", w, ge, gl, we, wl)
				}
			}
			for _, pg := range [][2]int{{0, 25}, {40, 10}} {
				if !pages {
					break
				}
				wp := mem.Page(f, pg[0], pg[1])
				gp, err := src.Page(ctx, f, pg[0], pg[1])
				if err != nil {
					t.Fatal(err)
				}
				if msg := diffPage(gp, wp); msg != "" {
					t.Errorf("page %v: %s", pg, msg)
				}
			}
		})
	}
	p, err := src.Problems(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if want := mem.Problems(); p != want {
		t.Errorf("problems: got %+v, want %+v", p, want)
	}
	sp, err := src.Span(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if want := mem.Span(); sp != want || !sp.OK {
		t.Errorf("span: got %+v, want %+v", sp, want)
	}
	if p.Untimed == 0 || p.Unplaced == 0 {
		t.Errorf("problems %+v: the data should have rows without a time and events without a place", p)
	}
}

func diffHist(got, want engine.Histogram) string {
	for lane, w := range want.Counts {
		g := got.Counts[lane]
		for i := range w {
			if i >= len(g) || g[i] != w[i] {
				return fmt.Sprintf("lane %q bin %d: got %v, want %d", lane, i, g, w[i])
			}
		}
	}
	return fmt.Sprintf("lanes %v, want %v", slices.Sorted(maps.Keys(got.Counts)), slices.Sorted(maps.Keys(want.Counts)))
}

func diffGrid(got, want engine.Grid) string {
	for k, w := range want.Count {
		if got.Count[k] != w {
			return fmt.Sprintf("pixel %v: got %d, want %d", k, got.Count[k], w)
		}
	}
	for k, g := range got.Count {
		if _, ok := want.Count[k]; !ok {
			return fmt.Sprintf("pixel %v: got %d, want none", k, g)
		}
	}
	return ""
}

// diffPage compares pages by the file's columns: an engine's page has
// the imported columns too.
func diffPage(got, want engine.Page) string {
	if len(got.Rows) != len(want.Rows) {
		return fmt.Sprintf("%d rows, want %d", len(got.Rows), len(want.Rows))
	}
	for i := range want.Rows {
		if got.Start[i] != want.Start[i] {
			return fmt.Sprintf("row %d starts at %d, want %d", i, got.Start[i], want.Start[i])
		}
		if !sameFloat(got.Lat[i], want.Lat[i]) || !sameFloat(got.Lon[i], want.Lon[i]) {
			return fmt.Sprintf("row %d at %v, %v, want %v, %v", i, got.Lat[i], got.Lon[i], want.Lat[i], want.Lon[i])
		}
		for c, name := range want.Columns {
			k := slices.Index(got.Columns, name)
			if k < 0 {
				return fmt.Sprintf("no column %q", name)
			}
			if got.Rows[i][k] != want.Rows[i][c] {
				return fmt.Sprintf("row %d, column %q: %q, want %q", i, name, got.Rows[i][k], want.Rows[i][c])
			}
		}
	}
	return ""
}

func sameFloat(a, b float64) bool { return a == b || (math.IsNaN(a) && math.IsNaN(b)) }

// AgreePrepared prepares the source's rollups and checks that it still
// answers as memory does, with the rollups answering what they can.
func AgreePrepared(t *testing.T, src *engine.Source, mem engine.Memory, c engine.Creator) {
	t.Helper()
	made, err := engine.Prepare(context.Background(), src, c, engine.DefaultMaxZoom)
	if err != nil {
		t.Fatal(err)
	}
	if len(made) < len(engine.Suffixes) || src.Rollups == nil {
		t.Fatalf("prepare made %q, rollups %+v", made, src.Rollups)
	}
	lo, _, _ := mem.D.Index.Span()
	b := engine.Bins{From: lo - lo%86400, Width: 7 * 86400, N: 10}
	for what, uses := range map[string]string{
		"histogram":           src.Uses(dataset.Filter{HiddenCategories: []string{"Riots"}}, &b, nil),
		"grid":                src.Uses(dataset.Filter{LocatedOnly: true}, nil, &engine.Tiles{Zoom: 5}),
		"legend":              src.Uses(Filters(mem.D)["odd window"], nil, nil),
		"grid under a window": src.Uses(Filters(mem.D)["odd window"], nil, &engine.Tiles{Zoom: 6}),
	} {
		if uses == "" {
			t.Errorf("the %s is not answered from a rollup", what)
		}
	}
	if src.Uses(dataset.Filter{Query: "x"}, &b, nil) != "" {
		t.Errorf("a search is answered from a rollup")
	}
	Agree(t, src, mem)
}

// BenchRows is how many events the view benchmarks generate in each
// engine: $CHRONOMAP_BENCH_ROWS, else a million, which this shared
// two-core machine bears.
func BenchRows() int {
	if n, err := strconv.Atoi(os.Getenv("CHRONOMAP_BENCH_ROWS")); err == nil && n > 0 {
		return n
	}
	return 1_000_000
}

// BenchTable is the table the view benchmarks keep:
// $CHRONOMAP_BENCH_TABLE names one that is generated once, left in the
// engine after the run with its rollups (to browse it in the window), and
// used again by the next run; without it they make a table of their own
// and drop it.
func BenchTable() string { return os.Getenv("CHRONOMAP_BENCH_TABLE") }

// BenchSource opens the table of BenchRows events the view benchmarks
// ask: the kept table a benchmark names (see BenchTable) when it is
// there, failing the benchmark when it holds another number; else one
// that generate fills with n events first.
func BenchSource(b *testing.B, open func() (*engine.Source, error), generate func(n int)) *engine.Source {
	b.Helper()
	n := BenchRows()
	if src, err := open(); err == nil {
		l, err := src.Legend(context.Background(), dataset.Filter{})
		if err != nil {
			b.Fatal(err)
		}
		if l.All != int64(n) {
			src.Close()
			b.Fatalf("the kept table %s holds %d events, not %d: drop it or name another", BenchTable(), l.All, n)
		}
		return src
	}
	start := time.Now()
	generate(n)
	b.Logf("generated %d events in %v", n, time.Since(start).Round(time.Millisecond))
	src, err := open()
	if err != nil {
		b.Fatal(err)
	}
	return src
}

// BenchPrepared runs BenchViews on the source without its rollups
// ("base"), then with them ("rollups"), preparing them first unless the
// source has them already (a kept table).
func BenchPrepared(b *testing.B, src *engine.Source, c engine.Creator) {
	kept := src.Rollups
	src.Rollups = nil
	b.Run("base", func(b *testing.B) { BenchViews(b, src) })
	if kept == nil {
		start := time.Now()
		if _, err := engine.Prepare(context.Background(), src, c, engine.DefaultMaxZoom); err != nil {
			b.Fatal(err)
		}
		b.Logf("prepared in %v", time.Since(start).Round(time.Millisecond))
	} else {
		src.Rollups = kept
		b.Logf("the kept table's rollups are used as they are")
	}
	b.Run("rollups", func(b *testing.B) { BenchViews(b, src) })
}

// ImportRows is how many rows the import benchmarks write:
// $CHRONOMAP_BENCH_IMPORT_ROWS, else 100,000; the figure is taken
// at a million, the size of the load benchmarks' file.
func ImportRows() int {
	if n, err := strconv.Atoi(os.Getenv("CHRONOMAP_BENCH_IMPORT_ROWS")); err == nil && n > 0 {
		return n
	}
	return 100_000
}

// BenchViews measures each question a view asks of a source, one op =
// one query, and reports its median in milliseconds beside Go's mean:
// the timeline's histogram (800 bins), the map's grid for a 1920×1080
// view in 4-pixel cells at four zoom levels (and how many cells hold
// events), the legend's counts, a
// search, and a page of 1,000 rows.
func BenchViews(b *testing.B, src *engine.Source) {
	ctx := context.Background()
	l, err := src.Legend(ctx, dataset.Filter{})
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("%s: %d events, %d on the map, rollups %v", src.Name(), l.All, l.Located, src.Rollups != nil)
	day := int64(86400)
	from := int64(757382400) // 1994-01-01
	width := (30*365*day/800 + day - 1) / day * day
	// cells, when a question sets it, is reported beside its median.
	cells := -1
	run := func(name string, q func() error) {
		b.Run(name, func(b *testing.B) {
			cells = -1
			var took []time.Duration
			for b.Loop() {
				t := time.Now()
				if err := q(); err != nil {
					b.Fatal(err)
				}
				took = append(took, time.Since(t))
			}
			slices.Sort(took)
			b.ReportMetric(float64(took[len(took)/2].Microseconds())/1000, "median-ms")
			if cells >= 0 {
				b.ReportMetric(float64(cells), "cells")
			}
		})
	}
	run("histogram", func() error {
		_, err := src.Histogram(ctx, dataset.Filter{}, engine.Bins{From: from, Width: width, N: 800})
		return err
	})
	for _, z := range []int{2, 5, 8, 11} {
		// A 1920×1080 view centred on Kharkiv at zoom z, counted in cells
		// of 4 pixels: pixels of zoom z-2. Every generated file and table
		// places events within half a degree of it, so that the closest
		// view still holds thousands of pixels (one on 20°E, 48°N held
		// none from zoom 8 on, which the rollups answered at once).
		g := z - 2
		size := engine.Tiles{Zoom: g}.Size()
		cx, cy := engine.Mercator(36.23, 49.99, size)
		tl := engine.Tiles{Zoom: g, X0: max(0, cx-240), Y0: max(0, cy-135), X1: cx + 240, Y1: cy + 135}
		run(fmt.Sprintf("grid-zoom%d", z), func() error {
			g, err := src.Grid(ctx, dataset.Filter{}, tl)
			cells = len(g.Count)
			return err
		})
	}
	run("legend", func() error {
		_, err := src.Legend(ctx, dataset.Filter{HiddenCategories: []string{"Riots"}})
		return err
	})
	run("search", func() error {
		_, err := src.Legend(ctx, dataset.Filter{Query: "checkpoint"})
		return err
	})
	run("search-rare", func() error {
		_, err := src.Legend(ctx, dataset.Filter{Query: "evt1234567"}) // 11 events: evt1234567 and evt12345670…9
		return err
	})
	run("page", func() error {
		_, err := src.Page(ctx, dataset.Filter{}, 0, 1000)
		return err
	})
	// A step of the timeline's wheel: a window of 7 of the 30 years,
	// beginning and ending at no midnight, as the views ask under it.
	w := dataset.Filter{Window: &dataset.Window{From: from + 11*365*day + 12345, To: from + 18*365*day + 6789}}
	run("window-legend", func() error {
		_, err := src.Legend(ctx, w)
		return err
	})
	run("window-outside", func() error {
		_, _, err := src.Outside(ctx, dataset.Filter{}, w.Window.From, w.Window.To)
		return err
	})
	for _, z := range []int{5, 11} {
		g := z - 2
		size := engine.Tiles{Zoom: g}.Size()
		cx, cy := engine.Mercator(36.23, 49.99, size)
		tl := engine.Tiles{Zoom: g, X0: max(0, cx-240), Y0: max(0, cy-135), X1: cx + 240, Y1: cy + 135}
		run(fmt.Sprintf("window-grid-zoom%d", z), func() error {
			g, err := src.Grid(ctx, w, tl)
			cells = len(g.Count)
			return err
		})
	}
	run("window-page", func() error {
		_, err := src.Page(ctx, w, 0, 1000)
		return err
	})
}
