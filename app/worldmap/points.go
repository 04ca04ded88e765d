package worldmap

import (
	"math"
	"runtime"
	"sync"

	"github.com/paulmach/orb"
)

// Points are events projected once for a projection: a frame then only
// scales and shifts them, which is what lets a million markers be drawn
// at the pace of a pan. X and Y are NaN for events that are not placed.
type Points struct {
	Projection Projection
	X, Y       []float64
	// Category, when set before the points are first binned, is each
	// event's category, kept with the points sorted by place.
	Category []int32
	// Place, likewise, is each event's place's number (Events.PlaceCode).
	Place []int32

	once   sync.Once
	sorted *placed // X and Y sorted by place, for frames: see index
}

// Project projects events' longitudes and latitudes, on all cores.
func Project(p Projection, lon, lat []float64) *Points {
	n := len(lon)
	pts := &Points{Projection: p, X: make([]float64, n), Y: make([]float64, n)}
	workers := runtime.GOMAXPROCS(0)
	if n < 50_000 {
		workers = 1
	}
	var wg sync.WaitGroup
	step := (n + workers - 1) / max(workers, 1)
	for lo := 0; lo < n; lo += step {
		wg.Add(1)
		go func(lo, hi int) {
			defer wg.Done()
			for i := lo; i < hi; i++ {
				if math.IsNaN(lat[i]) || math.IsNaN(lon[i]) {
					pts.X[i], pts.Y[i] = math.NaN(), math.NaN()
					continue
				}
				q := p.Forward(orb.Point{lon[i], lat[i]})
				pts.X[i], pts.Y[i] = q[0], q[1]
			}
		}(lo, min(n, lo+step))
	}
	wg.Wait()
	return pts
}

// Grid counts points per square cell of a picture: the basis of clusters
// (where markers would overlap) and of density layers (a million points).
type Grid struct {
	Cols, Rows, Cell int
	// Count is the number of points in each cell, row by row.
	Count []int32
	// First is one point in each cell (the first met, -1 when empty), for a
	// tooltip or a label.
	First []int32
	// SumX and SumY add up the points' pixel positions in each cell, so
	// that a cluster sits where its points are, not at the cell's centre.
	// They are float64: in float32 a sum over a quarter of a million
	// points is off by pixels, and by how much depends on the order the
	// points are read in.
	SumX, SumY []float64
}

// Bin counts the points that keep marks (nil keeps all) into cells of
// cell pixels over the viewport. Points outside the picture are left out.
func (pts *Points) Bin(v Viewport, cell int, keep []bool) *Grid {
	return pts.BinInto(nil, v, cell, keep)
}

// BinInto is Bin reusing g's storage when it is large enough, so that a
// frame allocates nothing.
func (pts *Points) BinInto(g *Grid, v Viewport, cell int, keep []bool) *Grid {
	cell = max(cell, 1)
	if g == nil {
		g = &Grid{}
	}
	g.Cols, g.Rows, g.Cell = (v.Width+cell-1)/cell, (v.Height+cell-1)/cell, cell
	n := g.Cols * g.Rows
	if cap(g.Count) < n {
		g.Count, g.First = make([]int32, n), make([]int32, n)
		g.SumX, g.SumY = make([]float64, n), make([]float64, n)
	}
	g.Count, g.First, g.SumX, g.SumY = g.Count[:n], g.First[:n], g.SumX[:n], g.SumY[:n]
	clear(g.Count)
	clear(g.SumX)
	clear(g.SumY)
	for i := range g.First {
		g.First[i] = -1
	}
	// Pixel = (plane - origin) * k, written out so the loop is a few
	// multiplications and comparisons per point.
	k := 1 / v.MetresPerPx
	ox, oy := v.corner()
	w, h := float64(v.Width), float64(v.Height)
	inv := 1 / float64(cell)
	p := pts.index()
	copies := v.Copies()
	var firstPass []int8 // which copy of the world first reached each cell
	if len(copies) > 1 {
		firstPass = make([]int8, n)
	}
	for pass, off := range copies {
		ox := ox - off
		for _, r := range p.runs(nil, off, ox, ox+w/k, oy-h/k, oy) {
			for _, q := range p.pts[r.lo:r.hi] {
				px := (q.x - ox) * k
				py := (oy - q.y) * k
				if !(px >= 0 && px < w && py >= 0 && py < h) {
					continue
				}
				i := q.event
				if keep != nil && !keep[i] {
					continue
				}
				c := int(py*inv)*g.Cols + int(px*inv)
				// First is the lowest event of the first copy of the
				// world that reaches the cell, as when the points were
				// read in event order, whatever order the runs come in.
				switch {
				case g.Count[c] == 0:
					g.First[c] = i
					if firstPass != nil {
						firstPass[c] = int8(pass)
					}
				case i < g.First[c] && (firstPass == nil || int(firstPass[c]) == pass):
					g.First[c] = i
				}
				g.Count[c]++
				g.SumX[c] += px
				g.SumY[c] += py
			}
		}
	}
	return g
}

// Counts counts the points keep marks per cell of cell pixels, into
// counts (reused when large enough): Bin without the positions and
// representatives, for density layers, where only the counts are drawn.
func (pts *Points) Counts(counts []int32, v Viewport, cell int, keep []bool) (out []int32, cols, rows int) {
	cell = max(cell, 1)
	cols, rows = (v.Width+cell-1)/cell, (v.Height+cell-1)/cell
	n := cols * rows
	if cap(counts) < n {
		counts = make([]int32, n)
	}
	counts = counts[:n]
	clear(counts)
	k := 1 / v.MetresPerPx / float64(cell)
	ox, oy := v.corner()
	fc, fr := float64(cols), float64(rows)
	p := pts.index()
	runs, total := p.inView(v, fc*float64(cell), fr*float64(cell))
	count := func(counts []int32, runs []run) {
		for _, r := range runs {
			ox := ox - r.off
			for _, q := range p.pts[r.lo:r.hi] {
				cx := (q.x - ox) * k
				cy := (oy - q.y) * k
				if !(cx >= 0 && cx < fc && cy >= 0 && cy < fr) {
					continue
				}
				if keep != nil && !keep[q.event] {
					continue
				}
				counts[int(cy)*cols+int(cx)]++
			}
		}
	}
	workers := runtime.GOMAXPROCS(0)
	if workers == 1 || total < 200_000 {
		count(counts, runs)
		return counts, cols, rows
	}
	// On all cores, each counting a share of the points into a grid of
	// its own, the grids added up after: a grid is small next to the
	// points of a dense view.
	parts := splitRuns(runs, total, workers)
	grids := make([][]int32, len(parts))
	var wg sync.WaitGroup
	for w := range parts {
		grids[w] = counts
		if w > 0 {
			grids[w] = spareGrid(n)
			defer spareGrids.Put(&grids[w])
		}
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			count(grids[w], parts[w])
		}(w)
	}
	wg.Wait()
	for _, g := range grids[1:] {
		for c, v := range g {
			counts[c] += v
		}
	}
	return counts, cols, rows
}

// corner returns the plane point at the top left corner of the picture.
func (v Viewport) corner() (x, y float64) {
	return v.Center[0] - float64(v.Width)/2*v.MetresPerPx, v.Center[1] + float64(v.Height)/2*v.MetresPerPx
}

// inView returns the runs of sorted points that may lie in the w×h
// pixels at the top left of v's picture, over every copy of the world
// the view shows, and how many points they hold.
func (p *placed) inView(v Viewport, w, h float64) (runs []run, total int) {
	ox, oy := v.corner()
	for _, off := range v.Copies() {
		at := len(runs)
		runs = p.runs(runs, off, ox-off, ox-off+w*v.MetresPerPx, oy-h*v.MetresPerPx, oy)
		for _, r := range runs[at:] {
			total += r.hi - r.lo
		}
	}
	return runs, total
}

// spareGrids keeps the grids the other cores count into between frames,
// so that a frame of a pan allocates none.
var spareGrids sync.Pool

// spareGrid returns a cleared grid of n cells.
func spareGrid(n int) []int32 {
	if g, ok := spareGrids.Get().(*[]int32); ok && cap(*g) >= n {
		out := (*g)[:n]
		clear(out)
		return out
	}
	return make([]int32, n)
}

// splitRuns cuts runs holding total points into parts of about equal
// points, cutting a run where a part fills.
func splitRuns(runs []run, total, parts int) [][]run {
	per := (total + parts - 1) / parts
	out := make([][]run, 0, parts)
	var cur []run
	room := per
	for _, r := range runs {
		for r.hi-r.lo > room {
			cur = append(cur, run{r.lo, r.lo + room, r.off})
			r.lo += room
			out, cur, room = append(out, cur), nil, per
		}
		if r.hi > r.lo {
			cur = append(cur, r)
			room -= r.hi - r.lo
		}
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out
}
