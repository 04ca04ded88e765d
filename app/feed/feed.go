// Package feed asks a table in an engine for what the views draw, and
// nothing more: the timeline's histogram per lane at the chart's
// resolution, the map's density for its view and zoom, the legend's
// counts, all through the one filter. It is the engine's side of the
// seam where a dataset in memory feeds the views (timeline.FromDataset,
// worldmap.FromDataset): the views know nothing of engines, only the
// functions it gives them (timeline.Chart.Density, worldmap.Map.Density).
package feed

import (
	"cmp"
	"context"
	"math"
	"slices"
	"sync"

	"github.com/paulmach/orb"

	"chronomap/app/timeline"
	"chronomap/app/worldmap"
	"chronomap/data/dataset"
	"chronomap/data/engine"
)

// Table is a table in an engine under a filter, as the views see it.
// Its questions are answered in one of two ways: at once, each asked of
// the engine before it returns (a picture drawn for a file: render); or,
// once Live is called, from the last answer received, re-binned to what
// is asked, while the newer question runs in the background and
// cancels the one it supersedes (a window, whose drawing never waits).
type Table struct {
	Src *engine.Source
	// Lanes are the categories of the events the filter first given
	// keeps, as the engine names them, most events first (ties by name);
	// "" (no category) last.
	Lanes []string
	// Ctx bounds the queries the views' functions make.
	Ctx context.Context

	mu      sync.Mutex
	filter  dataset.Filter
	legend  engine.Legend
	gen     int // counts the filters set, so that answers to an older one are dropped
	err     error
	done    func() // set by Live
	hist    answer[engine.Bins, engine.Histogram]
	grid    answer[engine.Tiles, engine.Grid]
	legendQ answer[int, engine.Legend]
	beyond  answer[[2]int64, [2]int64]
}

// answer is the last answer to a kind of question, and the question
// under way.
type answer[K comparable, V any] struct {
	key    K // what the answer is to
	gen    int
	value  V
	ok     bool
	asking K // the question under way, when cancel is set
	askGen int
	cancel context.CancelFunc
}

// Open asks the legend of a table under a filter.
func Open(ctx context.Context, src *engine.Source, f dataset.Filter) (*Table, error) {
	l, err := src.Legend(ctx, f)
	if err != nil {
		return nil, err
	}
	t := &Table{Src: src, filter: f, legend: l, Ctx: ctx}
	for name := range l.KeptBy {
		t.Lanes = append(t.Lanes, name)
	}
	slices.SortFunc(t.Lanes, func(a, b string) int {
		if (a == "") != (b == "") {
			return cmp.Compare(b, a) // "" last
		}
		if c := cmp.Compare(l.KeptBy[b], l.KeptBy[a]); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	return t, nil
}

// Name is the table's URL without its password; "" for no table.
func (t *Table) Name() string {
	if t == nil {
		return ""
	}
	return t.Src.Name()
}

// Live makes the table's questions asynchronous (see Table); done is
// called, on the goroutine the answer came on, each time an answer or a
// failure arrives: the window then draws again.
func (t *Table) Live(done func()) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.done = done
}

// Filter returns the filter the questions are asked under.
func (t *Table) Filter() dataset.Filter {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.filter
}

// SetFilter asks every question again under another filter; the legend's
// counts follow when the engine has answered.
func (t *Table) SetFilter(f dataset.Filter) {
	t.mu.Lock()
	t.filter = f
	t.gen++
	t.mu.Unlock()
	if l, ok := ask(t, &t.legendQ, 0, func(ctx context.Context, f dataset.Filter) (engine.Legend, error) {
		return t.Src.Legend(ctx, f)
	}); ok {
		t.mu.Lock()
		t.legend = l
		t.mu.Unlock()
	}
}

// Legend returns the engine's count of the events under the filter, as
// last answered.
func (t *Table) Legend() engine.Legend {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.legendQ.ok && t.legendQ.gen == t.gen {
		t.legend = t.legendQ.value
	}
	return t.legend
}

// Err returns the first failure of a question the views' functions
// asked since the last ClearErr, nil when every one was answered.
func (t *Table) Err() error {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.err
}

// ClearErr forgets the failures so far: the next question tries again.
func (t *Table) ClearErr() {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.err = nil
}

func (t *Table) fail(err error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.err == nil {
		t.err = err
	}
}

// ask returns the answer to question key under the current filter: at
// once, asking the engine, when the table is not live; when it is, the
// last answer received (ok false when there is none yet, or it is to
// another question or filter), having started the question in the
// background unless it is under way, cancelling the one before.
func ask[K comparable, V any](t *Table, a *answer[K, V], key K, q func(context.Context, dataset.Filter) (V, error)) (V, bool) {
	t.mu.Lock()
	f, gen, done := t.filter, t.gen, t.done
	if a.ok && a.key == key && a.gen == gen {
		v := a.value
		t.mu.Unlock()
		return v, true
	}
	if done == nil {
		t.mu.Unlock()
		v, err := q(t.Ctx, f)
		if err != nil {
			t.fail(err)
			return v, false
		}
		t.mu.Lock()
		a.key, a.gen, a.value, a.ok = key, gen, v, true
		t.mu.Unlock()
		return v, true
	}
	stale := a.value
	if a.cancel != nil && a.asking == key && a.askGen == gen {
		t.mu.Unlock()
		return stale, false // under way
	}
	if a.cancel != nil {
		a.cancel() // superseded
	}
	ctx, cancel := context.WithCancel(t.Ctx)
	a.asking, a.askGen, a.cancel = key, gen, cancel
	t.mu.Unlock()
	go func() {
		defer cancel()
		v, err := q(ctx, f)
		t.mu.Lock()
		current := a.asking == key && a.askGen == gen && ctx.Err() == nil
		if current {
			a.cancel = nil
			if err == nil {
				a.key, a.gen, a.value, a.ok = key, gen, v, true
			} else if t.err == nil {
				t.err = err
			}
		}
		t.mu.Unlock()
		if current {
			done()
		}
	}()
	return stale, false
}

// Counts are the legend's counts in the dataset's form, for the filter
// line ("N of M").
func (t *Table) Counts() dataset.Counts {
	l := t.Legend()
	return dataset.Counts{All: int(l.All), Kept: int(l.Kept), Shown: int(l.Shown), Located: int(l.Located)}
}

// Timeline returns the timeline's lanes, coloured as the categories
// are, holding no events: a chart of them is drawn from Density.
func (t *Table) Timeline() *timeline.Events {
	e := &timeline.Events{LaneTitle: "category"}
	legend := t.Legend()
	for _, name := range t.Lanes {
		if name == "" {
			continue
		}
		e.Legend = append(e.Legend, name)
	}
	e.Lanes, e.ByCategory = slices.Clone(e.Legend), len(e.Legend) > 0
	switch {
	case len(e.Lanes) == 0:
		e.Lanes, e.LaneTitle = []string{"All events"}, ""
		e.Totals = []int{int(legend.Kept)}
		return e
	case len(e.Lanes) < len(t.Lanes):
		e.Lanes = append(e.Lanes, "(none)")
	}
	for _, name := range t.Lanes {
		e.Totals = append(e.Totals, int(legend.KeptBy[name]))
	}
	return e
}

// maxDays is the most days a histogram counts day by day (about 55
// years), which rollups answer; a longer window is counted per column.
const maxDays = 20000

// Density counts the kept events of a lane (an index into Timeline's
// lanes) per column: one question to the engine for all lanes, asked
// again only when the window or the resolution changes. Where a column
// spans a day or more, the engine counts days from midnight (what the
// rollups hold) and the days are spread over the columns.
func (t *Table) Density(lane int, from, to float64, cols int) []int32 {
	out := make([]int32, cols)
	if cols <= 0 || !(to > from) {
		return out
	}
	step := (to - from) / float64(cols)
	var b engine.Bins
	day := step >= 86400 && (to-from)/86400 < maxDays
	if day {
		lo := int64(math.Floor(from/86400)) * 86400
		b = engine.Bins{From: lo, Width: 86400, N: int((int64(math.Ceil(to))-lo)/86400) + 1}
	} else {
		b = engine.Bins{From: int64(math.Floor(from)), Width: max(1, int64(math.Ceil(step))), N: cols}
	}
	h, _ := ask(t, &t.hist, b, func(ctx context.Context, f dataset.Filter) (engine.Histogram, error) {
		return t.Src.Histogram(ctx, f, b)
	})
	if h.Counts == nil {
		return out
	}
	if len(t.Lanes) == 0 || len(t.Lanes) == 1 && t.Lanes[0] == "" {
		// One lane of all events.
		for _, counts := range h.Counts {
			spread(h.Bins, counts, out, from, to)
		}
		return out
	}
	// Timeline's lanes are t.Lanes in their order, "" named "(none)".
	if lane >= 0 && lane < len(t.Lanes) {
		spread(h.Bins, h.Counts[t.Lanes[lane]], out, from, to)
	}
	return out
}

// spread adds a lane's bins to the columns from–to: a day's to the column
// its midnight is in (events known to the day start there), a shorter
// bin's to the column its middle is in.
func spread(b engine.Bins, counts []int64, out []int32, from, to float64) {
	step := (to - from) / float64(len(out))
	at := float64(b.Width) / 2
	if b.Width == 86400 {
		at = 0
	}
	for i, n := range counts {
		if n == 0 {
			continue
		}
		col := int(math.Floor((float64(b.From+int64(i)*b.Width) + at - from) / step))
		if col >= 0 && col < len(out) {
			out[col] += int32(min(n, math.MaxInt32))
		}
	}
}

// Beyond counts the kept events wholly outside the window from–to, for
// the timeline's markers at its ends.
func (t *Table) Beyond(from, to float64) (earlier, later int) {
	w := [2]int64{int64(math.Floor(from)), int64(math.Ceil(to))}
	v, _ := ask(t, &t.beyond, w, func(ctx context.Context, f dataset.Filter) ([2]int64, error) {
		e, l, err := t.Src.Outside(ctx, f, w[0], w[1])
		return [2]int64{e, l}, err
	})
	return int(v[0]), int(v[1])
}

// earth is the equator's length in Web Mercator metres.
const earth = 2 * math.Pi * 6378137

// maxZoom is the finest Web Mercator zoom level a map asks for.
const maxZoom = 20

// Zoom returns the Web Mercator zoom level whose pixels are at most half
// a cell of the view: fine enough that each lands in one cell.
func Zoom(v worldmap.Viewport, cell int) int {
	cellMetres := v.MetresPerPx * float64(cell)
	z := int(math.Ceil(math.Log2(2 * earth / (256 * cellMetres))))
	return min(max(z, 0), maxZoom)
}

// MapDensity counts the shown events per cell of cell pixels over the
// view, row by row: the engine's grid of Web Mercator pixels at Zoom,
// over the view's extent, each pixel's count put in the cell its centre
// falls in, in the view's own projection.
func (t *Table) MapDensity(v worldmap.Viewport, cell int) (counts []int32, cols, rows int) {
	cell = max(cell, 1)
	cols, rows = (v.Width+cell-1)/cell, (v.Height+cell-1)/cell
	counts = make([]int32, cols*rows)
	if !t.Src.Table.HasPlace() || cols == 0 || rows == 0 {
		return counts, cols, rows
	}
	z := Zoom(v, cell)
	tl := engine.Tiles{Zoom: z}
	size := tl.Size()
	b := extent(v)
	x0, y1 := engine.Mercator(b.Min[0], b.Min[1], size)
	x1, y0 := engine.Mercator(b.Max[0], b.Max[1], size)
	tl.X0, tl.Y0 = max(0, x0-1), max(0, y0-1)
	tl.X1, tl.Y1 = min(int64(size), x1+2), min(int64(size), y1+2)
	g, _ := ask(t, &t.grid, tl, func(ctx context.Context, f dataset.Filter) (engine.Grid, error) {
		return t.Src.Grid(ctx, f, tl)
	})
	// A stale grid (another view's, while this one's is asked) is drawn
	// where its pixels fall in this view: the last good view, moved.
	size = g.Tiles.Size()
	k := 1 / v.MetresPerPx
	ox := v.Center[0] - float64(v.Width)/2*v.MetresPerPx
	oy := v.Center[1] + float64(v.Height)/2*v.MetresPerPx
	w, h := float64(v.Width), float64(v.Height)
	copies := v.Copies()
	for px, n := range g.Count {
		q := v.Projection.Forward(pixelCentre(px[0], px[1], size))
		for _, off := range copies {
			x, y := (q[0]-ox+off)*k, (oy-q[1])*k
			if !(x >= 0 && x < w && y >= 0 && y < h) {
				continue
			}
			c := int(y)/cell*cols + int(x)/cell
			counts[c] += int32(min(n, math.MaxInt32))
		}
	}
	return counts, cols, rows
}

// pixelCentre is the longitude and latitude of a Web Mercator pixel's
// centre.
func pixelCentre(x, y int64, size float64) orb.Point {
	lon := (float64(x)+0.5)/size*360 - 180
	n := math.Pi * (1 - 2*(float64(y)+0.5)/size)
	return orb.Point{lon, math.Atan(math.Sinh(n)) * 180 / math.Pi}
}

// extent is the longitudes and latitudes a view shows, from a grid of its
// pixels; the world where it wraps or shows the world's edge.
func extent(v worldmap.Viewport) orb.Bound {
	const steps = 16
	b := orb.Bound{Min: orb.Point{180, 90}, Max: orb.Point{-180, -90}}
	for i := 0; i <= steps; i++ {
		for j := 0; j <= steps; j++ {
			p := v.LonLat(orb.Point{float64(v.Width) * float64(i) / steps, float64(v.Height) * float64(j) / steps})
			if math.IsNaN(p[0]) || math.IsNaN(p[1]) {
				continue
			}
			b = b.Extend(orb.Point{max(-180, min(180, p[0])), max(-90, min(90, p[1]))})
		}
	}
	if len(v.Copies()) > 1 || b.Max[0]-b.Min[0] > 300 || b.IsEmpty() {
		b.Min[0], b.Max[0] = -180, 180
	}
	if b.IsEmpty() {
		b.Min[1], b.Max[1] = -90, 90
	}
	// The grid's pixels between the samples: a little margin.
	dl, dp := (b.Max[0]-b.Min[0])/steps, (b.Max[1]-b.Min[1])/steps
	return orb.Bound{Min: orb.Point{max(-180, b.Min[0]-dl), max(-90, b.Min[1]-dp)}, Max: orb.Point{min(180, b.Max[0]+dl), min(90, b.Max[1]+dp)}}
}

// extentZoom is the zoom level Extent asks at: pixels of about 10 km.
const extentZoom = 12 - 4

// Extent is where the shown events are, for fitting the map to them: the
// occupied Web Mercator pixels at a coarse zoom level. It is empty when
// no event is shown on the map.
func (t *Table) Extent() orb.Bound {
	empty := orb.Bound{Min: orb.Point{1, 1}, Max: orb.Point{-1, -1}}
	if !t.Src.Table.HasPlace() {
		return empty
	}
	tl := engine.Tiles{Zoom: extentZoom}
	tl.X1, tl.Y1 = int64(tl.Size()), int64(tl.Size())
	g, err := t.Src.Grid(t.Ctx, t.Filter(), tl)
	if err != nil {
		t.fail(err)
		return empty
	}
	b := empty
	first := true
	for px := range g.Count {
		p := pixelCentre(px[0], px[1], tl.Size())
		if first {
			b, first = orb.Bound{Min: p, Max: p}, false
		}
		b = b.Extend(p)
	}
	return b
}
