package worldmap

import (
	"math"
	"runtime"
	"sync"
)

// placed is the placed points sorted by where they lie on the plane: by
// row, then column, of a grid of buckets over their extent, and within a
// bucket by event. A frame then reads only the rows of buckets its view
// crosses, each row's visible buckets one run of the sorted slices, so
// that a view of Europe costs the events in Europe, not the million.
type placed struct {
	x0, y0     float64 // plane corner of bucket (0, 0): the least X and Y
	bw, bh     float64 // a bucket's size, in plane metres
	cols, rows int
	// start[b] is where bucket b's points begin in pts; start[cols*rows]
	// is their number.
	start []int32
	pts   []point
}

// point is a placed point, with the event it is and the event's
// category and place number: one struct rather than five slices, so that
// sorting writes one cache line per point, not five, and a frame that
// colours and names clusters reads them in the points' order, not at
// random across the events (at ten million events, reading them at
// random took the first frame 1.5 s).
type point struct {
	x, y     float64
	event    int32
	category int32
	place    int32
}

// bucketsPer is about how many points share a bucket: fine enough that a
// row's run past the view's edge is short, coarse enough that the start
// offsets stay a small share of the points' memory.
const bucketsPer = 4

// index returns the points sorted by place, built on first use and kept
// with the points (they are never changed once projected).
func (pts *Points) index() *placed {
	pts.once.Do(func() { pts.sorted = sortPlaced(pts.X, pts.Y, pts.Category, pts.Place) })
	return pts.sorted
}

// sortPlaced sorts the placed points by bucket, a counting sort: two
// passes over the points, the first on all cores.
func sortPlaced(xs, ys []float64, category, place []int32) *placed {
	p := &placed{x0: math.Inf(1), y0: math.Inf(1)}
	x1, y1 := math.Inf(-1), math.Inf(-1)
	n := 0
	for i, x := range xs {
		if math.IsNaN(x) || math.IsNaN(ys[i]) {
			continue
		}
		n++
		p.x0, x1 = min(p.x0, x), max(x1, x)
		p.y0, y1 = min(p.y0, ys[i]), max(y1, ys[i])
	}
	if n == 0 {
		p.cols, p.rows, p.bw, p.bh, p.x0, p.y0 = 1, 1, 1, 1, 0, 0
		p.start = make([]int32, 2)
		return p
	}
	// Twice as many columns as rows, as the world is about twice as wide
	// as it is high.
	p.rows = max(1, int(math.Sqrt(float64(n)/bucketsPer/2)))
	p.cols = 2 * p.rows
	// A hair over the extent, so that the greatest point falls in the
	// last bucket rather than past it.
	p.bw = math.Max((x1-p.x0)/float64(p.cols)*(1+1e-9), 1e-9)
	p.bh = math.Max((y1-p.y0)/float64(p.rows)*(1+1e-9), 1e-9)
	bucket := make([]int32, len(xs))
	parallel(len(xs), func(lo, hi int) {
		for i := lo; i < hi; i++ {
			x, y := xs[i], ys[i]
			if math.IsNaN(x) || math.IsNaN(y) {
				bucket[i] = -1
				continue
			}
			c := min(int((x-p.x0)/p.bw), p.cols-1)
			r := min(int((y-p.y0)/p.bh), p.rows-1)
			bucket[i] = int32(r*p.cols + c)
		}
	})
	// Each core counts and then places its share of the points, its
	// share of every bucket after the earlier cores' shares: the order
	// within a bucket stays that of the events.
	nb := p.cols * p.rows
	shares := splitEven(len(xs), runtime.GOMAXPROCS(0))
	hist := make([][]int32, len(shares))
	each(len(shares), func(w int) {
		h := make([]int32, nb)
		for _, b := range bucket[shares[w][0]:shares[w][1]] {
			if b >= 0 {
				h[b]++
			}
		}
		hist[w] = h
	})
	p.start = make([]int32, nb+1)
	at := int32(0)
	for b := range nb {
		p.start[b] = at
		for _, h := range hist {
			h[b], at = at, at+h[b] // from a count to where the share begins
		}
	}
	p.start[nb] = at
	p.pts = make([]point, n)
	each(len(shares), func(w int) {
		next := hist[w]
		for i := shares[w][0]; i < shares[w][1]; i++ {
			if b := bucket[i]; b >= 0 {
				q := point{x: xs[i], y: ys[i], event: int32(i), category: -1, place: -1}
				if i < len(category) {
					q.category = category[i]
				}
				if i < len(place) {
					q.place = place[i]
				}
				p.pts[next[b]] = q
				next[b]++
			}
		}
	})
	return p
}

// splitEven cuts [0, n) into parts stretches of about equal length, one
// stretch when n is too small to be worth sharing.
func splitEven(n, parts int) [][2]int {
	if n < 50_000 {
		parts = 1
	}
	step := max((n+parts-1)/max(parts, 1), 1)
	var out [][2]int
	for lo := 0; lo < n; lo += step {
		out = append(out, [2]int{lo, min(n, lo+step)})
	}
	if out == nil {
		out = [][2]int{{0, 0}}
	}
	return out
}

// each runs f(0) … f(n-1), each on a goroutine of its own when n > 1.
func each(n int, f func(int)) {
	if n == 1 {
		f(0)
		return
	}
	var wg sync.WaitGroup
	for w := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			f(w)
		}()
	}
	wg.Wait()
}

// run is a stretch of the sorted points, [lo, hi), drawn off plane metres
// to the right: one copy of the world in a view across the antimeridian.
type run struct {
	lo, hi int
	off    float64
}

// runs appends the runs of sorted points that may lie in the plane box
// [minX, maxX] × [minY, maxY]: one per row of buckets, so that the points
// in a run outside the box are only those of its edge buckets. A bucket of
// slack on every side keeps rounding from ever leaving a point out.
func (p *placed) runs(out []run, off, minX, maxX, minY, maxY float64) []run {
	c0, c1, ok := span((minX-p.x0)/p.bw, (maxX-p.x0)/p.bw, p.cols)
	if !ok {
		return out
	}
	r0, r1, ok := span((minY-p.y0)/p.bh, (maxY-p.y0)/p.bh, p.rows)
	if !ok {
		return out
	}
	for r := r0; r <= r1; r++ {
		lo, hi := int(p.start[r*p.cols+c0]), int(p.start[r*p.cols+c1+1])
		if lo < hi {
			out = append(out, run{lo, hi, off})
		}
	}
	return out
}

// span is the buckets [a, b] of n that cover the bucket coordinates
// [lo, hi] with one of slack either side; false when none do.
func span(lo, hi float64, n int) (a, b int, ok bool) {
	lo, hi = math.Floor(lo)-1, math.Floor(hi)+1
	if !(hi >= 0 && lo < float64(n)) { // also false for NaN
		return 0, 0, false
	}
	return int(math.Max(lo, 0)), int(math.Min(hi, float64(n-1))), true
}

// parallel runs f over [0, n) split between the cores, or on the calling
// goroutine when n is too small to be worth it.
func parallel(n int, f func(lo, hi int)) {
	shares := splitEven(n, runtime.GOMAXPROCS(0))
	each(len(shares), func(w int) { f(shares[w][0], shares[w][1]) })
}
