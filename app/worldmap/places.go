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
	// start[b] is where bucket b's points begin in x, y and event;
	// start[cols*rows] is their number.
	start []int32
	x, y  []float64
	event []int32 // the event each point is
}

// bucketsPer is about how many points share a bucket: fine enough that a
// row's run past the view's edge is short, coarse enough that the start
// offsets stay a small share of the points' memory.
const bucketsPer = 4

// index returns the points sorted by place, built on first use and kept
// with the points (they are never changed once projected).
func (pts *Points) index() *placed {
	pts.once.Do(func() { pts.sorted = sortPlaced(pts.X, pts.Y) })
	return pts.sorted
}

// sortPlaced sorts the placed points by bucket, a counting sort: two
// passes over the points, the first on all cores.
func sortPlaced(xs, ys []float64) *placed {
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
	p.start = make([]int32, p.cols*p.rows+1)
	for _, b := range bucket {
		if b >= 0 {
			p.start[b+1]++
		}
	}
	for b := range p.cols * p.rows {
		p.start[b+1] += p.start[b]
	}
	p.x, p.y, p.event = make([]float64, n), make([]float64, n), make([]int32, n)
	next := append([]int32(nil), p.start[:len(p.start)-1]...)
	for i, b := range bucket {
		if b < 0 {
			continue
		}
		j := next[b]
		next[b]++
		p.x[j], p.y[j], p.event[j] = xs[i], ys[i], int32(i)
	}
	return p
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
	workers := runtime.GOMAXPROCS(0)
	if n < 50_000 || workers == 1 {
		f(0, n)
		return
	}
	var wg sync.WaitGroup
	step := (n + workers - 1) / workers
	for lo := 0; lo < n; lo += step {
		wg.Add(1)
		go func(lo, hi int) {
			defer wg.Done()
			f(lo, hi)
		}(lo, min(n, lo+step))
	}
	wg.Wait()
}
