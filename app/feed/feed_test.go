package feed

import (
	"context"
	"testing"

	"github.com/paulmach/orb"

	"chronomap/app/worldmap"
	"chronomap/data/dataset"
	"chronomap/data/server"
	"chronomap/data/server/servertest"
)

// TestCountsAddUp asks each engine for the views of a table of generated
// events: the map's density over the world holds every shown event on the
// map, in every projection, a view of one region holds those near it, and
// each lane's histogram holds the lane's kept events.
func TestCountsAddUp(t *testing.T) {
	for _, e := range servertest.Engines {
		t.Run(e.Name, func(t *testing.T) {
			url, _ := servertest.Imported(t, e.Name, e.PasswordVar, 5000)
			ctx := context.Background()
			src, err := server.Open(ctx, url)
			if err != nil {
				t.Fatal(err)
			}
			defer src.Close()
			for _, f := range []dataset.Filter{{}, {HiddenCategories: []string{"Riots"}}, {Query: "checkpoint"}} {
				tb, err := Open(ctx, src, f)
				if err != nil {
					t.Fatal(err)
				}
				for _, p := range worldmap.Projections {
					v := worldmap.Fit(p, orb.Bound{Min: orb.Point{-180, -80}, Max: orb.Point{180, 80}}, 1600, 900, 0)
					counts, cols, rows := tb.MapDensity(v, 4)
					if len(counts) != cols*rows {
						t.Fatalf("%d counts for %d×%d cells", len(counts), cols, rows)
					}
					if n := sum(counts); n != tb.Legend().Located {
						t.Errorf("%+v, %s: the world's density holds %d events, the legend %d on the map", f, p.Name, n, tb.Legend().Located)
					}
				}
				ev := tb.Timeline()
				var all int64
				for lane := range ev.Lanes {
					n := sum(tb.Density(lane, float64(757382400-86400), float64(757382400+31*365*86400), 800))
					if n != int64(ev.Totals[lane]) {
						t.Errorf("%+v: lane %q holds %d in its histogram, %d in the legend", f, ev.Lanes[lane], n, ev.Totals[lane])
					}
					all += n
				}
				if all != tb.Legend().Kept {
					t.Errorf("%+v: the lanes hold %d events, the legend keeps %d", f, all, tb.Legend().Kept)
				}
				if tb.Err() != nil {
					t.Fatal(tb.Err())
				}
			}
			// Moscow's region: its events, not Yerevan's.
			tb, _ := Open(ctx, src, dataset.Filter{})
			v := worldmap.Fit(worldmap.WebMercator, orb.Bound{Min: orb.Point{35, 53}, Max: orb.Point{40, 58}}, 800, 600, 0)
			counts, _, _ := tb.MapDensity(v, 4)
			box, _ := src.Legend(ctx, dataset.Filter{Box: &dataset.Box{MinLon: 36, MinLat: 54, MaxLon: 39, MaxLat: 57}})
			if n := sum(counts); n != box.Shown || n == 0 {
				t.Errorf("Moscow's view holds %d events; the box around Moscow %d", n, box.Shown)
			}
			if z := Zoom(v, 4); z < 6 || z > 12 {
				t.Errorf("a region is asked at zoom %d", z)
			}
			if b := tb.Extent(); b.Min[0] > -178 || b.Max[0] < 179 || b.Min[1] > -18 || b.Max[1] < 55 {
				t.Errorf("extent %v does not hold Fiji and Moscow", b)
			}
		})
	}
}

func sum(c []int32) int64 {
	var n int64
	for _, v := range c {
		n += int64(v)
	}
	return n
}

// TestLive: a live table answers at once from what it has (nothing at
// first), asks in the background, says when the answer is in, and a
// newer question supersedes the one under way, whose answer is dropped.
func TestLive(t *testing.T) {
	url, _ := servertest.Imported(t, "CLICKHOUSE", "CLICKHOUSE_PASSWORD", 3000)
	ctx := context.Background()
	src, err := server.Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	want, _ := Open(ctx, src, dataset.Filter{})
	tb, _ := Open(ctx, src, dataset.Filter{})
	arrived := make(chan struct{}, 16)
	tb.Live(func() { arrived <- struct{}{} })
	from, to := float64(757382400), float64(757382400+30*365*86400)
	if n := sum(tb.Density(0, from, to, 500)); n != 0 {
		t.Errorf("a live table answered %d at once, before the engine did", n)
	}
	// Superseded before it is answered: another resolution.
	tb.Density(0, from, to, 600)
	<-arrived
	if got, w := sum(tb.Density(0, from, to, 600)), sum(want.Density(0, from, to, 600)); got != w || got == 0 {
		t.Errorf("lane 0 holds %d once answered, want %d", got, w)
	}
	if tb.hist.key.N == 500 {
		t.Errorf("the superseded question's answer was kept")
	}
	// A new filter: the legend follows.
	tb.SetFilter(dataset.Filter{Query: "checkpoint"})
	<-arrived
	q, _ := src.Legend(ctx, dataset.Filter{Query: "checkpoint"})
	if l := tb.Legend(); l.Kept != q.Kept || l.Kept == 0 || l.Kept == want.Legend().Kept {
		t.Errorf("legend after the search keeps %d, want %d", l.Kept, q.Kept)
	}
	if tb.Err() != nil {
		t.Errorf("a cancelled question failed: %v", tb.Err())
	}
}
