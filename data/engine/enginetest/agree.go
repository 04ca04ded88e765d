package enginetest

import (
	"context"
	"fmt"
	"maps"
	"math"
	"reflect"
	"slices"
	"testing"

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
		"window":          {Window: &dataset.Window{From: mid, To: mid + 3*365*86400}},
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
	names := slices.Sorted(maps.Keys(Filters(d)))
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
			for _, pg := range [][2]int{{0, 25}, {40, 10}} {
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
	if len(made) != 3 || src.Rollups == nil {
		t.Fatalf("prepare made %q, rollups %+v", made, src.Rollups)
	}
	lo, _, _ := mem.D.Index.Span()
	b := engine.Bins{From: lo - lo%86400, Width: 7 * 86400, N: 10}
	for what, uses := range map[string]string{
		"histogram": src.Uses(dataset.Filter{HiddenCategories: []string{"Riots"}}, &b, nil),
		"grid":      src.Uses(dataset.Filter{LocatedOnly: true}, nil, &engine.Tiles{Zoom: 5}),
		"legend":    src.Uses(Filters(mem.D)["window"], nil, nil),
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
