package timeline

import (
	"math/bits"
	"slices"
	"sort"

	"chronomap/data/dates"
)

// laneIndex finds a lane's events in a time window without looking at the
// others. Each lane's events are split by how long they last, in classes
// of powers of two seconds, and sorted by start within a class: an event
// of class c that overlaps [from, to) starts in [from - 2^c, to), two
// binary searches away. A frame so costs O(log n) per lane and class plus
// the events in view, never all events.
type laneIndex struct {
	lanes [][]class
	// grain is each lane's finest precision: what its density strip may
	// bin by (a lane of days is counted per day).
	grain []dates.Precision
}

type class struct {
	span  int64   // every event of the class lasts less than this
	start []int64 // ascending
	id    []int32
}

func (e *Events) laneIndex() *laneIndex {
	if e.index != nil {
		return e.index
	}
	x := &laneIndex{lanes: make([][]class, len(e.Lanes)), grain: make([]dates.Precision, len(e.Lanes))}
	// Count first, then fill, so that a million events cost two passes
	// and no growing slices.
	counts := make([][65]int, len(e.Lanes))
	classOf := func(i int) int { return bits.Len64(uint64(max(e.Stop[i]-e.Start[i], 0))) }
	for i := range e.Start {
		counts[e.Lane[i]][classOf(i)]++
		if i < len(e.Prec) {
			x.grain[e.Lane[i]] = max(x.grain[e.Lane[i]], e.Prec[i])
		}
	}
	slot := make([][65]int, len(e.Lanes))
	for l := range counts {
		for c, n := range counts[l] {
			if n > 0 {
				slot[l][c] = len(x.lanes[l])
				x.lanes[l] = append(x.lanes[l], class{span: 1 << c, start: make([]int64, 0, n), id: make([]int32, 0, n)})
			}
		}
	}
	for i := range e.Start {
		l := e.Lane[i]
		k := &x.lanes[l][slot[l][classOf(i)]]
		k.start = append(k.start, e.Start[i])
		k.id = append(k.id, int32(i))
	}
	for _, cs := range x.lanes {
		for _, k := range cs {
			if !slices.IsSorted(k.start) {
				sort.Sort(byStart(k))
			}
		}
	}
	e.index = x
	return x
}

type byStart class

func (k byStart) Len() int           { return len(k.start) }
func (k byStart) Less(a, b int) bool { return k.start[a] < k.start[b] }
func (k byStart) Swap(a, b int) {
	k.start[a], k.start[b] = k.start[b], k.start[a]
	k.id[a], k.id[b] = k.id[b], k.id[a]
}

// visible appends to out the events of lane l that overlap [from, to),
// sorted by start.
func (x *laneIndex) visible(e *Events, l int, from, to int64, out []int32) []int32 {
	n0 := len(out)
	for _, k := range x.lanes[l] {
		lo, _ := slices.BinarySearch(k.start, from-k.span)
		hi, _ := slices.BinarySearch(k.start, to)
		for j := lo; j < hi; j++ {
			if i := k.id[j]; e.Stop[i] > from {
				out = append(out, i)
			}
		}
	}
	v := out[n0:]
	slices.SortFunc(v, func(a, b int32) int {
		if d := e.Start[a] - e.Start[b]; d != 0 {
			return int(d>>63 | 1)
		}
		return int(a - b)
	})
	return out
}

// count returns how many events of lane l start in [from, to).
func (x *laneIndex) count(l int, from, to int64) int {
	n := 0
	for _, k := range x.lanes[l] {
		lo, _ := slices.BinarySearch(k.start, from)
		hi, _ := slices.BinarySearch(k.start, to)
		n += hi - lo
	}
	return n
}

// total returns how many events lane l has.
func (x *laneIndex) total(l int) int {
	n := 0
	for _, k := range x.lanes[l] {
		n += len(k.start)
	}
	return n
}

// histogram counts the events of lane l starting in each of len(bins)
// columns from `from`, each step seconds wide, adding to bins. Each
// column boundary is a binary search per class, so the cost is the
// columns', whatever the number of events.
func (x *laneIndex) histogram(l int, from, step float64, bins []int32) {
	for _, k := range x.lanes[l] {
		prev := searchF(k.start, from)
		for c := range bins {
			// Boundaries only grow: search what is left.
			next := prev + searchF(k.start[prev:], from+float64(c+1)*step)
			bins[c] += int32(next - prev)
			prev = next
		}
	}
}

// histogramEdges counts the events of lane l starting in each of the
// periods between consecutive edges (ascending; one more than bins),
// adding to bins: histogram, for periods of unequal length (months).
func (x *laneIndex) histogramEdges(l int, edges []float64, bins []int32) {
	for _, k := range x.lanes[l] {
		prev := searchF(k.start, edges[0])
		for c := range bins {
			next := prev + searchF(k.start[prev:], edges[c+1])
			bins[c] += int32(next - prev)
			prev = next
		}
	}
}

// searchF returns the index of the first start at or after t.
func searchF(start []int64, t float64) int {
	i, _ := slices.BinarySearch(start, int64(ceil(t)))
	return i
}

func ceil(t float64) float64 {
	c := float64(int64(t))
	if c < t {
		c++
	}
	return c
}

// kept reports whether event id passes the chart's filter.
func (c *Chart) kept(id int32) bool { return c.Kept == nil || c.Kept[id] }

// keepOnly drops from vis[from:] the events the filter does not keep.
func (c *Chart) keepOnly(vis []int32, from int) []int32 {
	if c.Kept == nil {
		return vis
	}
	out := vis[:from]
	for _, id := range vis[from:] {
		if c.Kept[id] {
			out = append(out, id)
		}
	}
	return out
}

// keptTotals are the kept events of each lane, worked out once per mask.
type keptTotals struct {
	of     []bool // the mask they were counted for
	lanes  []int
	all    int
	prefix [][][]int32 // see keptPrefix; nil until asked for
}

// laneTotal returns how many events of lane l the filter keeps.
func (c *Chart) laneTotal(x *laneIndex, l int) int {
	if c.Density != nil && l < len(c.Events.Totals) {
		return c.Events.Totals[l]
	}
	if c.Kept == nil {
		return x.total(l)
	}
	c.countKept()
	return c.totals.lanes[l]
}

// keptCount returns how many events the filter keeps.
func (c *Chart) keptCount() int {
	if c.Kept == nil {
		return c.Events.Len()
	}
	c.countKept()
	return c.totals.all
}

// countKept counts the kept events per lane, unless this mask is counted.
func (c *Chart) countKept() {
	t := &c.totals
	if len(t.of) == len(c.Kept) && len(t.of) > 0 && &t.of[0] == &c.Kept[0] && len(t.lanes) == len(c.Events.Lanes) {
		return
	}
	t.of, t.lanes, t.all, t.prefix = c.Kept, make([]int, len(c.Events.Lanes)), 0, nil
	for i, k := range c.Kept {
		if k {
			t.lanes[c.Events.Lane[i]]++
			t.all++
		}
	}
}

// LaneTotals returns how many events each lane holds under the filter,
// as its header counts them; a lane of none is left out of the picture.
func (c *Chart) LaneTotals() []int {
	x := c.Events.laneIndex()
	out := make([]int, len(c.Events.Lanes))
	for l := range out {
		out[l] = c.laneTotal(x, l)
	}
	return out
}
