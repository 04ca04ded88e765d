package worldmap

import (
	"fmt"
	"image"
	"image/color"
	stddraw "image/draw"
	"math"
	"runtime"
	"sort"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geo"

	"chronomap/app/draw"
	"chronomap/app/number"
	"chronomap/data/dataset"
)

// Map is what the map view draws: the view, its style and the events.
type Map struct {
	View      Viewport
	Theme     draw.Theme
	Graticule bool
	Events    *Events
	// Shown, when set, says which events to show (a filter's mask);
	// others are left out. Counts, when set, are the shown events of
	// each category (the mask's counts), for the legend: a category with
	// none shown leaves it, the others keep their colours.
	Shown  []bool
	Counts []int
	// Density, when set, counts the shown events per cell of cell pixels
	// over the view v, row by row: the map of a table that stays in its
	// engine, asked for its grid at the view's extent and zoom. Events is
	// then nil, and the events are drawn as a density layer.
	Density func(v Viewport, cell int) (counts []int32, cols, rows int)
	// Extent, for a map drawn from Density, is where its shown events
	// are: what FitEvents fits the view to.
	Extent orb.Bound
	// Selected events are drawn ringed, on top, and labelled first.
	Selected map[int]bool
	// Area, when set, is the map area the filter keeps, outlined.
	Area *dataset.Box
	// Language names countries in that language ("de", "fr", "es", "ru")
	// where Natural Earth has the name; "" is English.
	Language string
	// Moving, while set, says the view is changing under the user's hand:
	// a zoom's basemap may then be the last sharp one rescaled, and the
	// first frame without it draws it sharp again.
	Moving bool
	// Redraw, when set, lets the basemap of a zoom be drawn off the
	// caller's goroutine: the frames show the last sharp one rescaled
	// until it is ready, and Redraw is then called, from the goroutine
	// that drew it, for the caller to ask for a frame (the window's map
	// through fyne.Do). Unset, each frame draws what it needs at once,
	// as a picture written to a file must.
	Redraw func()

	later  *later  // the basemaps being drawn for Redraw, made on first use
	points *Points // Events projected for View.Projection
	base   *image.RGBA
	baseOf baseKey
	// legendAt is where the legend stood in the last frame, how long it
	// was, or that it was left out.
	legendAt legendPlace
	wide     *image.RGBA // the basemap with a margin, for panning
	wideOf   baseKey
	widePad  int
	counts   []int32   // the frame's events per densityCell, reused
	coarse   *Grid     // the events per clusterCell, with positions, reused
	markers  []cluster // the markers of the last frame, for hit tests
	labels   []label   // the event labels of the last frame
	ref      float64   // the median size, once computed
}

// baseKey is what the cached basemap picture depends on.
type baseKey struct {
	projection, theme string
	center            orb.Point
	metresPerPx       float64
	w, h              int
	graticule         bool
	language          string
}

func (m *Map) baseKey() baseKey {
	v := m.View
	return baseKey{v.Projection.Name, m.Theme.Name, v.Center, v.MetresPerPx, v.Width, v.Height, m.Graticule, m.Language}
}

// marker sizes, in pixels at a scale of 1.
const (
	markerR     = 5.5
	clusterR    = 9.0
	clusterCell = 40 // markers closer than about this join a cluster
	densityCell = 4  // the resolution of the density layer
	denseBlock  = 16 // a view with events in more blocks this big than denseClusters is dense
	labelSize   = 12.5
	// denseClusters is how many denseBlock-sized blocks may hold events
	// before the view is drawn as a density layer instead: past it,
	// clusters stand shoulder to shoulder and the picture says nothing a
	// density does not say better.
	denseClusters = 1500
)

// Render draws the map on s: basemap, arcs, markers and clusters, labels,
// legend and scale bar. On a raster surface the basemap is kept and reused
// while the view does not change, so that a frame with a million events
// costs their binning and the markers, not the countries.
func (m *Map) Render(s *draw.Surface) {
	m.Prepare()
	m.drawBase(s)
	m.drawArea(s)
	m.labels = m.labels[:0]
	occupied := &boxes{}
	// The legend and the scale bar come last but their places are taken
	// first, so no label runs under them; the legend's once the markers
	// are known, so that it can stand where it hides fewest.
	if sb, ok := m.scaleLayout(s); ok {
		occupied.take(sb.box)
	}
	if m.Events == nil && m.Density != nil {
		counts, cols, rows := m.Density(m.View, densityCell)
		if len(counts) == cols*rows {
			d := &Grid{Cols: cols, Rows: rows, Cell: densityCell, Count: counts}
			m.drawDensity(s, d)
			m.drawDensityLegend(s, d)
		}
		m.drawScaleBar(s)
		return
	}
	if m.Events == nil {
		m.drawCountryLabels(s, occupied)
		m.drawScaleBar(s)
		return
	}
	m.drawArcs(s)
	// Count first at the density layer's resolution: that alone decides
	// whether the view is too dense for markers, and is all a density
	// layer needs.
	var cols, rows int
	m.counts, cols, rows = m.points.Counts(m.counts, m.View, densityCell, m.Shown)
	m.markers = nil
	if occupiedBlocks(m.counts, cols, rows, denseBlock/densityCell) > denseClusters {
		d := &Grid{Cols: cols, Rows: rows, Cell: densityCell, Count: m.counts}
		m.drawDensity(s, d)
		m.drawDensityLegend(s, d)
		m.drawScaleBar(s)
		return
	}
	m.coarse = m.points.BinInto(m.coarse, m.View, clusterCell, m.Shown)
	clusters := m.clusters(m.coarse)
	m.markers = clusters
	m.placeLegend(s, clusters)
	if l, ok := m.legendLayout(s); ok {
		occupied.take(l.box)
	}
	m.drawMarkers(s, clusters)
	m.reserveMarkers(clusters, occupied)
	m.drawEventLabels(s, clusters, occupied)
	m.drawCountryLabels(s, occupied)
	m.drawLegend(s)
	m.drawScaleBar(s)
}

// Prepare projects the map's events for its projection and sorts them by
// place, which its first frame would otherwise do. Called off the UI
// thread when a file is loaded, it leaves the first frame of a big file
// costing what the next ones do: at a million events the two took a
// third of a second of the UI thread, and more when the machine was busy.
func (m *Map) Prepare() {
	if m.Events == nil {
		return
	}
	if m.points == nil || m.points.Projection.Name != m.View.Projection.Name {
		m.points = Project(m.View.Projection, m.Events.Lon, m.Events.Lat)
		m.points.Category = m.Events.Category
		m.points.Place = m.Events.PlaceCode
	}
	m.points.index()
	m.Events.extent()
}

// extent returns the bound of all the events that are placed, found once.
func (e *Events) extent() orb.Bound {
	if e.bound == nil {
		b := extentOf(e, nil)
		e.bound = &b
	}
	return *e.bound
}

// extentOf returns the bound of the placed events that shown marks (nil
// marks all): empty, with Min above Max, when there are none.
func extentOf(e *Events, shown []bool) orb.Bound {
	b := orb.Bound{Min: orb.Point{math.Inf(1), math.Inf(1)}, Max: orb.Point{math.Inf(-1), math.Inf(-1)}}
	for i := range e.Lon {
		if !math.IsNaN(e.Lat[i]) && (shown == nil || shown[i]) {
			b = b.Extend(orb.Point{e.Lon[i], e.Lat[i]})
		}
	}
	return b
}

// drawBase paints the basemap, from the cache when the view is unchanged.
// While the view is panned — the same scale, another centre — it is cut
// from a basemap drawn once with a margin around the view, so that a drag
// costs a copy per frame rather than the countries.
func (m *Map) drawBase(s *draw.Surface) {
	if s.Pixels == nil {
		drawBasemap(s, m.View, m.Theme, m.Graticule)
		return
	}
	key := m.baseKey()
	if m.base != nil && m.baseOf == key && m.base.Rect == s.Pixels.Rect {
		copy(s.Pixels.Pix, m.base.Pix)
		return
	}
	if m.Redraw != nil && m.drawBaseLater(s, key) {
		return
	}
	if m.Moving && m.base != nil && m.base.Rect == s.Pixels.Rect && samePlace(m.baseOf, key) {
		// A zoom under way: the sharp basemap rescaled, from the one with
		// the margin when there is one, so that a zoom out finds land.
		if m.wide == nil || m.wideOf != m.baseOf {
			// Once a zoom: the sharp view with a margin round it.
			m.drawWideOf(Viewport{Projection: m.View.Projection, Center: m.baseOf.center,
				MetresPerPx: m.baseOf.metresPerPx, Width: m.baseOf.w, Height: m.baseOf.h})
		}
		src, of, pad := m.wide, m.wideOf, m.widePad
		if preview(s.Pixels, m.View, src, of, pad, m.Theme.Background) {
			return // m.base stays the sharp one
		}
	}
	panned := m.base != nil && m.base.Rect == s.Pixels.Rect && sameButCentre(m.baseOf, key)
	if panned && (m.wide == nil || !sameButCentre(m.wideOf, key) || !m.cutWide(s)) {
		m.drawWide()
		panned = m.cutWide(s)
	}
	if !panned {
		drawBasemap(s, m.View, m.Theme, m.Graticule)
	}
	if m.base == nil || m.base.Rect != s.Pixels.Rect {
		m.base = image.NewRGBA(s.Pixels.Rect)
	}
	copy(m.base.Pix, s.Pixels.Pix)
	m.baseOf = key
}

// drawBaseLater paints the basemap for a map with Redraw: one drawn in
// the background when it is the view's, else, for a zoom (under way or
// just rested), the sharp one rescaled while the view's own is drawn in
// the background. False leaves the frame to draw it at once: the first
// frame, a pan, or a zoom too far from the last sharp basemap.
func (m *Map) drawBaseLater(s *draw.Surface, key baseKey) bool {
	if m.later == nil {
		m.later = &later{}
	}
	for _, j := range m.later.take() {
		switch {
		case j.pad == 0 && j.key == key && j.img.Rect == s.Pixels.Rect:
			if m.base == nil || m.base.Rect != s.Pixels.Rect {
				m.base = image.NewRGBA(s.Pixels.Rect)
			}
			copy(m.base.Pix, j.img.Pix)
			m.baseOf = key
		case j.pad > 0 && j.key == m.baseOf:
			m.wide, m.wideOf, m.widePad = j.img, j.key, j.pad
		}
	}
	if m.base != nil && m.baseOf == key && m.base.Rect == s.Pixels.Rect {
		copy(s.Pixels.Pix, m.base.Pix)
		return true
	}
	if m.base == nil || m.base.Rect != s.Pixels.Rect || !samePlace(m.baseOf, key) || sameButCentre(m.baseOf, key) {
		return false
	}
	sharp := Viewport{Projection: m.View.Projection, Center: m.baseOf.center,
		MetresPerPx: m.baseOf.metresPerPx, Width: m.baseOf.w, Height: m.baseOf.h}
	src, of, pad := m.base, m.baseOf, 0
	if m.wide != nil && m.wideOf == m.baseOf {
		src, of, pad = m.wide, m.wideOf, m.widePad
	} else {
		// The sharp view with a margin, so that a zoom out finds land.
		m.later.ask(m.baseOf, int(math.Ceil(float64(max(sharp.Width, sharp.Height))*widePad)), sharp, m.Theme, m.Redraw)
	}
	if !m.Moving {
		m.later.ask(key, 0, m.View, m.Theme, m.Redraw)
	}
	return preview(s.Pixels, m.View, src, of, pad, m.Theme.Background)
}

// sameButCentre reports whether two basemaps differ only in their centre.
func sameButCentre(a, b baseKey) bool {
	a.center = b.center
	return a == b
}

// widePad is the margin around the view of the basemap drawn for panning,
// as a fraction of the view's larger side.
const widePad = 0.5

// drawWide draws the basemap of the view with a margin on every side.
func (m *Map) drawWide() { m.drawWideOf(m.View) }

// drawWideOf draws the basemap of view v with a margin on every side.
func (m *Map) drawWideOf(v Viewport) {
	was := m.View
	m.View = v
	key := m.baseKey()
	m.View = was
	pad := int(math.Ceil(float64(max(v.Width, v.Height)) * widePad))
	v.Width, v.Height = v.Width+2*pad, v.Height+2*pad
	w := draw.NewRaster(v.Width, v.Height, m.Theme.Background)
	drawBasemap(w, v, m.Theme, m.Graticule)
	m.wide, m.widePad, m.wideOf = w.Pixels, pad, key
}

// cutWide copies the view's part of the wide basemap into s; false when
// the view has left it.
func (m *Map) cutWide(s *draw.Surface) bool {
	dx := (m.View.Center[0] - m.wideOf.center[0]) / m.View.MetresPerPx
	dy := (m.wideOf.center[1] - m.View.Center[1]) / m.View.MetresPerPx
	x, y := m.widePad+int(math.Round(dx)), m.widePad+int(math.Round(dy))
	r := s.Pixels.Rect
	if x < 0 || y < 0 || x+r.Dx() > m.wide.Rect.Dx() || y+r.Dy() > m.wide.Rect.Dy() {
		return false
	}
	stddraw.Draw(s.Pixels, r, m.wide, image.Pt(x, y), stddraw.Src)
	return true
}

// cluster is a group of events that would overlap on the map.
type cluster struct {
	x, y     float64
	count    int
	first    int   // an event of the group
	category int32 // the most common category, -1 for none
	// mix counts the events of each category, nil on a map without
	// categories; place is the one place every event of
	// the group is at, "" when they are at several.
	mix      []int32
	place    string
	selected bool
	weight   float64 // the sum of the events' sizes, when the map sizes by a column
}

// clusters turns the events binned into cells of clusterCell pixels into
// markers and clusters.
func (m *Map) clusters(g *Grid) []cluster {
	var out []cluster
	for c, n := range g.Count {
		if n == 0 {
			continue
		}
		out = append(out, cluster{
			x: g.SumX[c] / float64(n), y: g.SumY[c] / float64(n),
			count: int(n), first: int(g.First[c]), category: -1,
		})
	}
	// Selected events are markers of their own (below), ringed and
	// labelled: the clusters they fell in give them up, or a lone one
	// would be drawn and labelled twice.
	index := make([]int32, g.Cols*g.Rows) // cell → cluster + 1
	for i := range out {
		p := m.View.Pixel(orb.Point{m.Events.Lon[out[i].first], m.Events.Lat[out[i].first]})
		if c := cellOf(g, p); c >= 0 {
			index[c] = int32(i + 1)
		}
	}
	var selCell []bool
	for i := range m.Selected {
		if !m.Selected[i] || i >= len(m.Events.Lon) || !m.shown(i) {
			continue
		}
		p := m.View.Pixel(orb.Point{m.Events.Lon[i], m.Events.Lat[i]})
		c := cellOf(g, p)
		if c < 0 || index[c] == 0 {
			continue
		}
		if selCell == nil {
			selCell = make([]bool, len(index))
		}
		selCell[c] = true
		k := &out[index[c]-1]
		if n := float64(k.count); n > 1 {
			k.x, k.y = (k.x*n-p[0])/(n-1), (k.y*n-p[1])/(n-1)
		}
		k.count--
	}
	// What each cluster holds: counted over the events again only for
	// clusters, which are few next to the events.
	m.clusterMix(out, g, index, selCell)
	kept := out[:0]
	for _, c := range out {
		if c.count > 0 {
			kept = append(kept, c)
		}
	}
	out = kept
	for i := range m.Selected {
		if i < len(m.Events.Lon) && m.shown(i) {
			p := m.View.Pixel(orb.Point{m.Events.Lon[i], m.Events.Lat[i]})
			c := cluster{x: p[0], y: p[1], count: 1, first: i, category: m.Events.Category[i], place: m.place(i), selected: true}
			if n := len(m.Events.Legend); n > 0 {
				c.mix = make([]int32, n)
				if c.category >= 0 {
					c.mix[c.category] = 1
				}
			}
			out = append(out, c)
		}
	}
	m.clusterWeights(out, g, selCell)
	out = mergeOverlaps(out, m.sizeRef())
	// Big clusters under small ones, so no single marker hides.
	sort.SliceStable(out, func(a, b int) bool { return out[a].count > out[b].count })
	return out
}

// mergeOverlaps joins clusters whose discs would overlap into the larger
// one, at their combined centre, until none overlap: grid cells alone put
// neighbours either side of a cell border on top of each other. Selected
// events stay apart.
func mergeOverlaps(cs []cluster, ref float64) []cluster {
	for range 4 {
		sort.SliceStable(cs, func(a, b int) bool { return cs[a].count > cs[b].count })
		var kept []cluster
		merged := false
	next:
		for _, c := range cs {
			if !c.selected {
				for k := range kept {
					o := &kept[k]
					if o.selected || math.Hypot(o.x-c.x, o.y-c.y) >= radius(*o, ref)+radius(c, ref)+1 {
						continue
					}
					n := float64(o.count + c.count)
					o.x = (o.x*float64(o.count) + c.x*float64(c.count)) / n
					o.y = (o.y*float64(o.count) + c.y*float64(c.count)) / n
					o.count += c.count
					o.weight += c.weight
					o.join(c)
					merged = true
					continue next
				}
			}
			kept = append(kept, c)
		}
		cs = kept
		if !merged {
			break
		}
	}
	return cs
}

func (m *Map) shown(i int) bool {
	return !math.IsNaN(m.Events.Lat[i]) && (m.Shown == nil || m.Shown[i])
}

// place returns event i's place name, "" when the map has none.
func (m *Map) place(i int) string {
	if m.Events.Place == nil {
		return ""
	}
	return m.Events.Place[i]
}

// clusterMix counts each cluster's events by category and finds its most
// common one, and the place its events share, if they share one. index
// maps cells to clusters (+1); in the cells selCell marks, the selected
// events are left out, and a cluster whose first event is one of them
// takes the next as its first. It reads the points in view from the
// index by place, on all cores, as the binning did: the first frame of
// ten million events spent half a second here reading them one by one.
func (m *Map) clusterMix(out []cluster, g *Grid, index []int32, selCell []bool) {
	selected := func(i int32) bool { return m.Selected[int(i)] }
	var refirst []bool
	for i := range out {
		if selected(int32(out[i].first)) {
			if refirst == nil {
				refirst = make([]bool, len(out))
			}
			refirst[i] = true
		}
	}
	ncat := len(m.Events.Legend)
	places := m.Events.Place != nil
	// With the places numbered, a point carries its place's number and
	// the places are compared as numbers, in the points' order; without,
	// as text, reading each event's at random.
	coded := places && m.points.Place != nil
	placeOf := func(q point) int32 {
		if coded {
			return q.place
		}
		return q.event
	}
	same := func(a, b int32) bool {
		if coded {
			return a == b
		}
		return m.Events.Place[a] == m.Events.Place[b]
	}
	v := m.View
	k := 1 / v.MetresPerPx
	ox, oy := v.corner()
	w, h := float64(v.Width), float64(v.Height)
	inv := 1 / float64(g.Cell)
	p := m.points.index()
	runs, total := p.inView(v, w, h)
	// What one core finds over its share of the points: the category
	// counts of each cluster; the place all its events share, as placeOf
	// gives it (-1 none seen yet, -2 when they are at several); the lowest event
	// that is not selected, for the clusters that give up their first.
	type share struct{ counts, place, first []int32 }
	read := func(runs []run) share {
		var sh share
		if ncat > 0 {
			sh.counts = make([]int32, len(out)*ncat)
		}
		if places {
			sh.place = make([]int32, len(out))
			for c := range sh.place {
				sh.place[c] = -1
			}
		}
		if refirst != nil {
			sh.first = make([]int32, len(out))
			for c := range sh.first {
				sh.first[c] = -1
			}
		}
		for _, r := range runs {
			ox := ox - r.off
			for _, q := range p.pts[r.lo:r.hi] {
				px := (q.x - ox) * k
				py := (oy - q.y) * k
				if !(px >= 0 && px < w && py >= 0 && py < h) {
					continue
				}
				i := q.event
				if m.Shown != nil && !m.Shown[i] {
					continue
				}
				c := int(py*inv)*g.Cols + int(px*inv)
				if index[c] == 0 || (selCell != nil && selCell[c] && selected(i)) {
					continue
				}
				x := int(index[c] - 1)
				if sh.counts != nil && q.category >= 0 && q.category < int32(ncat) {
					sh.counts[x*ncat+int(q.category)]++
				}
				if places {
					switch at := sh.place[x]; {
					case at == -1:
						sh.place[x] = placeOf(q)
					case at >= 0 && !same(at, placeOf(q)):
						sh.place[x] = -2
					}
				}
				if refirst != nil && refirst[x] && (sh.first[x] < 0 || i < sh.first[x]) {
					sh.first[x] = i
				}
			}
		}
		return sh
	}
	parts := [][]run{runs}
	if workers := runtime.GOMAXPROCS(0); workers > 1 && total >= 200_000 {
		parts = splitRuns(runs, total, workers)
	}
	shares := make([]share, len(parts))
	each(len(parts), func(w int) { shares[w] = read(parts[w]) })
	all := shares[0]
	for _, sh := range shares[1:] {
		for c, n := range sh.counts {
			all.counts[c] += n
		}
		for c, at := range sh.place {
			switch was := all.place[c]; {
			case was == -1 || at == -2:
				all.place[c] = at
			case at >= 0 && was >= 0 && !same(was, at):
				all.place[c] = -2
			}
		}
		for c, i := range sh.first {
			if i >= 0 && (all.first[c] < 0 || i < all.first[c]) {
				all.first[c] = i
			}
		}
	}
	for c := range out {
		if refirst != nil && refirst[c] && all.first[c] >= 0 {
			out[c].first = int(all.first[c])
		}
		// A cluster whose events share a place is named after its
		// first event's, which is one of them.
		if places && all.place[c] >= 0 {
			out[c].place = m.place(out[c].first)
		}
		if all.counts != nil {
			out[c].mix = all.counts[c*ncat : (c+1)*ncat : (c+1)*ncat]
			out[c].category = majority(out[c].mix)
		}
	}
}

// join adds what cluster c holds to o, which swallows it. Each cluster
// owns its counts, so they are added in place.
func (o *cluster) join(c cluster) {
	if o.mix != nil && c.mix != nil {
		for k, n := range c.mix {
			o.mix[k] += n
		}
		o.category = majority(o.mix)
	}
	if o.place != c.place {
		o.place = ""
	}
}

// majority is the category with the most events, -1 for none.
func majority(mix []int32) int32 {
	best, k := int32(0), int32(-1)
	for cat, n := range mix {
		if n > best {
			best, k = n, int32(cat)
		}
	}
	return k
}

// clusterWeights sums the sizes of each cluster's events, when the map
// sizes markers by a column.
func (m *Map) clusterWeights(out []cluster, g *Grid, selCell []bool) {
	size := m.Events.Size
	if size == nil {
		return
	}
	index := make([]int32, g.Cols*g.Rows)
	for i := range out {
		if out[i].selected {
			continue // a selected event's own marker, weighed below
		}
		p := m.View.Pixel(orb.Point{m.Events.Lon[out[i].first], m.Events.Lat[out[i].first]})
		if c := cellOf(g, p); c >= 0 {
			index[c] = int32(i + 1)
		}
	}
	for i, v := range size {
		if !(v > 0) || (m.Shown != nil && !m.Shown[i]) || math.IsNaN(m.points.X[i]) {
			continue
		}
		p := m.View.PlanePixel(orb.Point{m.points.X[i], m.points.Y[i]})
		c := cellOf(g, p)
		if c < 0 {
			continue
		}
		switch {
		case selCell != nil && selCell[c] && m.Selected[i]:
		case index[c] > 0:
			out[index[c]-1].weight += v
		}
	}
	for k := range out {
		if out[k].selected && out[k].count == 1 {
			if v := size[out[k].first]; v > 0 {
				out[k].weight = v
			}
		}
	}
}

func cellOf(g *Grid, p orb.Point) int {
	if p[0] < 0 || p[1] < 0 {
		return -1
	}
	cx, cy := int(p[0])/g.Cell, int(p[1])/g.Cell
	if cx >= g.Cols || cy >= g.Rows {
		return -1
	}
	return cy*g.Cols + cx
}

// radius is a cluster's disc radius: it grows with the logarithm of the
// count, so a thousand events do not cover a continent, and stays within
// its cell, so clusters do not pile on each other.
//
// When markers are sized by a column, ref is the typical (median) size:
// a single marker's area then grows with its size and a cluster's radius
// with the logarithm of its sizes' sum; ref 0 sizes by count.
func radius(c cluster, ref float64) float64 {
	if ref > 0 {
		if c.count == 1 {
			return math.Max(3, math.Min(markerR*math.Sqrt(c.weight/ref), 18))
		}
		return math.Min(clusterR+2.2*math.Log2(1+c.weight/ref), clusterCell*0.46)
	}
	if c.count == 1 {
		return markerR
	}
	return math.Min(clusterR+2.2*math.Log2(float64(c.count)), clusterCell*0.46)
}

// sizeRef is the median positive size, the size a plain marker stands
// for; 0 when the map does not size by a column.
func (m *Map) sizeRef() float64 {
	if m.Events == nil || m.Events.Size == nil {
		return 0
	}
	if m.ref > 0 {
		return m.ref
	}
	var pos []float64
	for _, v := range m.Events.Size {
		if v > 0 {
			pos = append(pos, v)
		}
	}
	if len(pos) == 0 {
		return 0
	}
	sort.Float64s(pos)
	m.ref = pos[len(pos)/2]
	return m.ref
}

func (m *Map) drawMarkers(s *draw.Surface, cs []cluster) {
	t := m.Theme
	for _, c := range cs {
		fill := t.Category(int(c.category))
		r := radius(c, m.sizeRef())
		ring, width := t.Halo, 1.5
		if c.selected {
			ring, width = t.Selection, 2.5
		}
		alpha := 0.95
		if c.count > 1 {
			alpha = 0.85
		}
		s.Disc(c.x, c.y, r, fill, alpha, ring, width)
		if c.count > 1 && !c.selected {
			m.drawMix(s, c, r)
		}
		if c.count > 1 {
			label := m.compact(c.count)
			f := draw.Sans(math.Min(11+math.Log2(float64(c.count))/2, 15), true)
			s.Text(f, c.x-f.Width(label)/2, c.y+f.Ascent()*0.36, label, contrastText(fill))
		}
	}
}

// drawMix rings a cluster of several categories with its mix: an arc per
// category, as long as its share, in its colour, the largest first from
// twelve o'clock; a cluster of one category keeps its plain ring.
func (m *Map) drawMix(s *draw.Surface, c cluster, r float64) {
	if c.mix == nil || c.mix[c.category] == int32(c.count) {
		return
	}
	type part struct {
		cat int
		n   int32
	}
	var parts []part
	total := int32(0)
	for k, n := range c.mix {
		if n > 0 {
			parts = append(parts, part{k, n})
			total += n
		}
	}
	if len(parts) < 2 {
		return
	}
	sort.SliceStable(parts, func(a, b int) bool { return parts[a].n > parts[b].n })
	rr := r + 2.5
	s.Circle(c.x, c.y, rr, nil, m.Theme.Halo, 5.5)
	at := -math.Pi / 2
	for _, p := range parts {
		sweep := 2 * math.Pi * float64(p.n) / float64(total)
		steps := max(2, int(sweep/(math.Pi/24))+1)
		line := make([][2]float64, 0, steps+1)
		for k := 0; k <= steps; k++ {
			a := at + sweep*float64(k)/float64(steps)
			line = append(line, [2]float64{c.x + rr*math.Cos(a), c.y + rr*math.Sin(a)})
		}
		s.Stroke(draw.Path{line}, m.Theme.Category(p.cat), 3, false)
		at += sweep
	}
}

// clusterLabel says what a cluster holds: the one place all its events
// are at ("Moscow, 3 events"), else how many events of its largest
// category ("183 events: 150 Battles, …"); never one member's title.
func (m *Map) clusterLabel(c cluster) string {
	if c.place != "" {
		return truncate(c.place, 32) + ", " + m.events(c.count)
	}
	head := m.events(c.count)
	if c.mix == nil || c.category < 0 {
		return head
	}
	n := c.mix[c.category]
	name := truncate(m.Events.Legend[c.category], 28)
	kinds, tied := 0, false
	for k, v := range c.mix {
		if v > 0 {
			kinds++
			tied = tied || (v == n && int32(k) != c.category)
		}
	}
	switch {
	case n == int32(c.count):
		return m.all(head, name)
	case tied: // no category leads: say how many there are
		return m.categories(head, kinds)
	}
	return fmt.Sprintf("%s: %s %s, …", head, m.marks().Int(int(n)), name)
}

// contrastText is black or white, whichever reads better on c.
func contrastText(c color.RGBA) color.RGBA {
	lum := 0.2126*float64(c.R) + 0.7152*float64(c.G) + 0.0722*float64(c.B)
	if lum > 150 {
		return color.RGBA{0x11, 0x11, 0x11, 0xFF}
	}
	return color.RGBA{0xFF, 0xFF, 0xFF, 0xFF}
}

func (m *Map) drawArcs(s *draw.Surface) {
	for _, a := range m.Events.Arcs {
		if m.Shown != nil && !m.Shown[a.Event] {
			continue
		}
		solid := m.Theme.Category(int(a.Category))
		c := draw.Translucent(solid, 0.75)
		var p draw.Path
		for _, l := range GreatCircle(a.From, a.To, 48) {
			for _, off := range m.View.Copies() {
				var line [][2]float64
				for _, q := range l {
					pp := m.View.Projection.Forward(q)
					px := m.View.PlanePixel(orb.Point{pp[0] + off, pp[1]})
					line = append(line, [2]float64{px[0], px[1]})
				}
				p = append(p, line)
			}
		}
		s.Dashed(p, c, 1.6, 6, 3)
		from := m.View.Pixel(a.From)
		s.Disc(from[0], from[1], 3, solid, 1, m.Theme.Halo, 1)
	}
}

// boxes are the rectangles labels and markers already take.
type boxes struct{ r []rect }

type rect struct{ x0, y0, x1, y1 float64 }

func (b *boxes) free(r rect) bool {
	for _, o := range b.r {
		if r.x0 < o.x1 && o.x0 < r.x1 && r.y0 < o.y1 && o.y0 < r.y1 {
			return false
		}
	}
	return true
}

func (b *boxes) take(r rect) { b.r = append(b.r, r) }

func (m *Map) reserveMarkers(cs []cluster, occ *boxes) {
	for _, c := range cs {
		r := radius(c, m.sizeRef())
		occ.take(rect{c.x - r, c.y - r, c.x + r, c.y + r})
	}
}

// label is an event label a frame wrote: its text, its box and the marker
// it names.
type label struct {
	text string
	box  rect
	of   cluster
}

// maxLabels bounds the event labels a frame writes: past it, the map is
// too busy for names, and the table says what the markers are.
const maxLabels = 60

// drawEventLabels names single markers and clusters of one place, selected
// ones first, never over another label or marker.
func (m *Map) drawEventLabels(s *draw.Surface, cs []cluster, occ *boxes) {
	order := make([]int, len(cs))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool {
		ca, cb := cs[order[a]], cs[order[b]]
		if ca.selected != cb.selected {
			return ca.selected
		}
		return ca.count < cb.count
	})
	f := draw.Sans(labelSize, false)
	placed := 0
	for _, k := range order {
		c := cs[k]
		// An event's title is shortened; a cluster's label is made of
		// shortened parts, so that its count is never cut ("…and 160 mo…").
		text := truncate(m.Events.Label[c.first], 48)
		if c.count > 1 {
			text = m.clusterLabel(c)
		}
		if text == "" || placed >= maxLabels {
			continue
		}
		r := radius(c, m.sizeRef())
		if c.selected {
			// A selected marker may sit on the cluster it came from: its
			// label goes beside the two.
			for _, o := range cs {
				if d := math.Hypot(o.x-c.x, o.y-c.y); !o.selected && d < radius(o, m.sizeRef()) {
					r = math.Max(r, d+radius(o, m.sizeRef()))
				}
			}
		}
		w, asc, desc := f.Width(text), f.Ascent(), f.Descent()
		// Right, left, above, below the marker.
		for _, pos := range [][2]float64{{c.x + r + 4, c.y + asc/2 - 1}, {c.x - r - 4 - w, c.y + asc/2 - 1}, {c.x - w/2, c.y - r - 4}, {c.x - w/2, c.y + r + 4 + asc}} {
			box := rect{pos[0] - 2, pos[1] - asc - 1, pos[0] + w + 2, pos[1] + desc + 1}
			if box.x0 < 2 || box.y0 < 2 || box.x1 > s.W-2 || box.y1 > s.H-2 || !occ.free(box) {
				continue
			}
			s.HaloText(f, pos[0], pos[1], text, m.Theme.Text, m.Theme.Halo)
			occ.take(box)
			m.labels = append(m.labels, label{text: text, box: box, of: c})
			placed++
			break
		}
	}
}

// drawCountryLabels names countries that fit at this zoom, where nothing
// else is.
func (m *Map) drawCountryLabels(s *draw.Surface, occ *boxes) {
	z := m.View.Zoom()
	f := draw.Sans(11, false)
	view := m.View.Plane()
	for _, c := range projected(m.View.Projection, false) {
		if c.min > z+2.2 || !view.Contains(c.label) {
			continue
		}
		text := c.name
		if n := c.names[m.Language]; n != "" {
			text = n
		}
		w := f.Width(text)
		if w > (c.bound.Max[0]-c.bound.Min[0])/m.View.MetresPerPx*1.1 {
			continue // wider than the country
		}
		p := m.View.PlanePixel(c.label)
		box := rect{p[0] - w/2 - 2, p[1] - f.Ascent(), p[0] + w/2 + 2, p[1] + f.Descent()}
		if box.x0 < 0 || box.y0 < 0 || box.x1 > s.W || box.y1 > s.H || !occ.free(box) {
			// A name cut by the picture's edge reads as another name.
			continue
		}
		s.HaloText(f, p[0]-w/2, p[1], text, m.Theme.Muted, m.Theme.Land)
		occ.take(box)
	}
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// legend is the legend's layout: its lines and box.
type legend struct {
	lines []string
	cats  []int  // the category of each line with a colour
	rows  int    // lines with a colour
	size  string // the size key's text, when markers are sized by a column
	box   rect
}

// legendLayout places the legend in the lower left corner.
func (m *Map) legendLayout(s *draw.Surface) (legend, bool) {
	e := m.Events
	if e == nil || len(e.Legend) == 0 {
		return legend{}, false
	}
	maxRows := legendRows
	if m.legendAt.rows > 0 {
		maxRows = m.legendAt.rows
	}
	title := draw.Sans(11.5, true)
	f := draw.Sans(12, false)
	cats, counts := m.legendCategories()
	if len(cats) == 0 {
		return legend{}, false
	}
	l := legend{rows: min(len(cats), maxRows), cats: cats[:min(len(cats), maxRows)]}
	w := title.Width(capitalise(e.LegendTitle))
	for i, k := range l.cats {
		l.lines = append(l.lines, fmt.Sprintf("%s  %s", truncate(e.Legend[k], 32), m.marks().Int(counts[k])))
		w = math.Max(w, f.Width(l.lines[i])+18)
	}
	if len(cats) > maxRows {
		l.lines = append(l.lines, m.more(len(cats)-maxRows))
	}
	h := 28 + 18*float64(len(l.lines))
	if ref := m.sizeRef(); ref > 0 {
		l.size = m.sizeKey(e.SizeTitle, ref)
		w = math.Max(w, f.Width(l.size)+52)
		h += 34
	}
	w += 24
	if m.legendAt.off {
		return legend{}, false
	}
	switch m.legendAt.corner {
	case upperLeft:
		l.box = rect{12, 12, 12 + w, 12 + h}
	case upperRight:
		l.box = rect{s.W - 12 - w, 12, s.W - 12, 12 + h}
	default:
		l.box = rect{12, s.H - 12 - h, 12 + w, s.H - 12}
	}
	return l, true
}

// Legend lists the categories the legend names, by index (and so by
// colour), with the count it writes for each.
func (m *Map) Legend() (cats []int, counts []int) {
	if m.Events == nil {
		return nil, nil
	}
	cats, all := m.legendCategories()
	for _, k := range cats {
		counts = append(counts, all[k])
	}
	return cats, counts
}

// legendCategories lists the categories the legend names: those with
// events shown, most shown first, with the counts it writes. Each keeps
// its index, and so its colour.
func (m *Map) legendCategories() (cats []int, counts []int) {
	e := m.Events
	counts = e.Counts
	if m.Counts != nil {
		counts = m.Counts
	}
	for k := range e.Legend {
		if k < len(counts) && counts[k] > 0 {
			cats = append(cats, k)
		}
	}
	sort.SliceStable(cats, func(a, b int) bool { return counts[cats[a]] > counts[cats[b]] })
	return cats, counts
}

// corner is where the legend stands.
type corner uint8

const (
	lowerLeft corner = iota
	upperLeft
	upperRight
)

// legendRows is how many categories the legend lists, and shortRows how
// many it lists where the full legend would hide markers.
const (
	legendRows = 8
	shortRows  = 3
)

// legendPlace is where the legend stands: its corner, how many categories
// it lists (0 for legendRows), or that it is left out.
type legendPlace struct {
	corner corner
	rows   int
	off    bool
}

// placeLegend puts the legend where it hides no marker: the lower left
// corner, else the upper left or right (the lower right is the scale
// bar's); where each would hide one, a shorter legend, of its largest
// categories; where that too would, none — the markers are what the map
// is for, and the timeline's lanes and the filter's switches name the
// colours too.
func (m *Map) placeLegend(s *draw.Surface, clusters []cluster) {
	sizes := []int{legendRows}
	if cats, _ := m.legendCategories(); len(cats) > shortRows {
		sizes = append(sizes, shortRows)
	}
	for _, rows := range sizes {
		for _, c := range []corner{lowerLeft, upperLeft, upperRight} {
			m.legendAt = legendPlace{corner: c, rows: rows}
			l, ok := m.legendLayout(s)
			if !ok || !hides(l.box, clusters, m.sizeRef()) {
				return
			}
		}
	}
	m.legendAt = legendPlace{off: true}
}

// hides reports whether a box covers any part of a marker's disc, with
// its ring.
func hides(b rect, clusters []cluster, ref float64) bool {
	for _, k := range clusters {
		r := radius(k, ref) + 5 // the mix's ring
		dx := math.Max(0, math.Max(b.x0-k.x, k.x-b.x1))
		dy := math.Max(0, math.Max(b.y0-k.y, k.y-b.y1))
		if dx*dx+dy*dy < r*r {
			return true
		}
	}
	return false
}

// drawLegend lists the categories with their colours and counts.
func (m *Map) drawLegend(s *draw.Surface) {
	l, ok := m.legendLayout(s)
	if !ok {
		return
	}
	title := draw.Sans(11.5, true)
	f := draw.Sans(12, false)
	x, y := l.box.x0, l.box.y0
	s.RoundRect(x, y, l.box.x1-l.box.x0, l.box.y1-l.box.y0, 6, draw.Translucent(m.Theme.Background, 0.9))
	s.Text(title, x+12, y+18, capitalise(m.Events.LegendTitle), m.Theme.Muted)
	for i, line := range l.lines {
		ly := y + 24 + 18*float64(i) + 12
		if i < l.rows {
			s.Disc(x+17, ly-4, 5, m.Theme.Category(l.cats[i]), 1, m.Theme.Halo, 1)
			s.Text(f, x+30, ly, line, m.Theme.Text)
		} else {
			s.Text(f, x+30, ly, line, m.Theme.Muted)
		}
	}
	if l.size != "" {
		// Two markers of the typical size and ten times it.
		ref := m.sizeRef()
		ly := y + 24 + 18*float64(len(l.lines)) + 20
		small := radius(cluster{count: 1, weight: ref}, ref)
		large := radius(cluster{count: 1, weight: 10 * ref}, ref)
		s.Disc(x+12+small, ly, small, m.Theme.Muted, 0.6, m.Theme.Halo, 1)
		s.Disc(x+12+2*small+4+large, ly, large, m.Theme.Muted, 0.6, m.Theme.Halo, 1)
		s.Text(f, x+12+2*small+2*large+12, ly+4, l.size, m.Theme.Text)
	}
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	if r[0] >= 'a' && r[0] <= 'z' {
		r[0] -= 'a' - 'A'
	}
	return string(r)
}

// scaleBar is the scale bar's layout.
type scaleBar struct {
	width float64
	label string
	box   rect
}

// scaleLayout sizes a bar of a round length for the lower right corner,
// measured on the ground at the centre of the view (projections stretch
// distances differently across the map).
func (m *Map) scaleLayout(s *draw.Surface) (scaleBar, bool) {
	cx, cy := s.W/2, s.H/2
	a, b := m.View.LonLat(orb.Point{cx - 50, cy}), m.View.LonLat(orb.Point{cx + 50, cy})
	perPx := geo.DistanceHaversine(a, b) / 100
	if !(perPx > 0) || math.IsInf(perPx, 0) {
		return scaleBar{}, false
	}
	length, label := niceLength(perPx*140, m.marks())
	w := length / perPx
	x, y := s.W-16-w, s.H-22
	return scaleBar{width: w, label: label, box: rect{x - 8, y - 20, x + w + 8, y + 10}}, true
}

func (m *Map) drawScaleBar(s *draw.Surface) {
	sb, ok := m.scaleLayout(s)
	if !ok {
		return
	}
	t := m.Theme
	f := draw.Sans(11.5, false)
	x, y, w := sb.box.x0+8, sb.box.y0+20, sb.width
	s.RoundRect(sb.box.x0, sb.box.y0, sb.box.x1-sb.box.x0, sb.box.y1-sb.box.y0, 5, draw.Translucent(t.Background, 0.82))
	s.Rect(x, y, w, 3, t.Text)
	s.Rect(x, y-5, 1.5, 8, t.Text)
	s.Rect(x+w-1.5, y-5, 1.5, 8, t.Text)
	s.Text(f, x+w/2-f.Width(sb.label)/2, y-7, sb.label, t.Text)
}

// niceLength rounds a distance in metres down to 1, 2 or 5 times a power
// of ten, and writes it with marks: "2,000 km", "2.000 km".
func niceLength(m float64, marks number.Marks) (float64, string) {
	p := math.Pow(10, math.Floor(math.Log10(m)))
	n := p
	for _, k := range []float64{5, 2, 1} {
		if k*p <= m {
			n = k * p
			break
		}
	}
	if n >= 1000 {
		return n, marks.Int(int(n/1000)) + " km"
	}
	return n, marks.Int(int(n)) + " m"
}

// fitPad is the margin FitEvents leaves round the events in a w×h picture.
func fitPad(w, h int) int {
	return int(math.Round(math.Max(56, math.Min(140, float64(min(w, h))/8))))
}

// Hit is what lies under a point of the last frame drawn.
type Hit struct {
	Event int // an event under the point; with Count > 1, the first of a cluster
	Count int // how many events the marker stands for
}

// At returns the marker under pixel px of the last frame, if any: the
// topmost, as drawn (small markers over large clusters). In a density view
// it returns the nearest shown event within a few pixels.
func (m *Map) At(px orb.Point) (Hit, bool) {
	for i := len(m.markers) - 1; i >= 0; i-- {
		c := m.markers[i]
		if math.Hypot(c.x-px[0], c.y-px[1]) <= radius(c, m.sizeRef())+2 {
			return Hit{Event: c.first, Count: c.count}, true
		}
	}
	if m.markers != nil || m.points == nil {
		return Hit{}, false
	}
	// The nearest shown event within 6 pixels, the lowest of equals,
	// from the index by place: the pointer moves over a density layer
	// of millions of events at every frame.
	const reach = 6.0
	v := m.View
	mpp := v.MetresPerPx
	ox, oy := v.corner()
	x0, x1 := ox+(px[0]-reach)*mpp, ox+(px[0]+reach)*mpp
	y0, y1 := oy-(px[1]+reach)*mpp, oy-(px[1]-reach)*mpp
	p := m.points.index()
	best, bestD := -1, reach
	var runs []run
	for _, off := range v.Copies() {
		runs = p.runs(runs[:0], off, x0-off, x1-off, y0, y1)
		for _, r := range runs {
			for _, q := range p.pts[r.lo:r.hi] {
				i := int(q.event)
				if m.Shown != nil && !m.Shown[i] {
					continue
				}
				d := math.Hypot((q.x+off-ox)/mpp-px[0], (oy-q.y)/mpp-px[1])
				if d < bestD || (d == bestD && best >= 0 && i < best) {
					best, bestD = i, d
				}
			}
		}
	}
	if best < 0 {
		return Hit{}, false
	}
	return Hit{Event: best, Count: 1}, true
}

// In returns the shown events whose markers lie inside the pixel box of
// the current view: a shift-drag selection.
func (m *Map) In(box orb.Bound) []int {
	if m.points == nil {
		return nil
	}
	var out []int
	for _, off := range m.View.Copies() {
		for i, x := range m.points.X {
			if math.IsNaN(x) || (m.Shown != nil && !m.Shown[i]) {
				continue
			}
			if box.Contains(m.View.PlanePixel(orb.Point{x + off, m.points.Y[i]})) {
				out = append(out, i)
			}
		}
	}
	return out
}

// FitEvents sets the view to show every event and arc origin in a w×h
// picture, leaving the lower left corner to the legend, so that no event
// hides under it. The events' extent is padded by an eighth of the
// picture's smaller side (56 to 140 pixels): a marker, its ring and its
// label stand inside the frame, never on its edge.
func (m *Map) FitEvents(w, h int) {
	b := orb.Bound{Min: orb.Point{math.Inf(1), math.Inf(1)}, Max: orb.Point{math.Inf(-1), math.Inf(-1)}}
	if m.Events == nil && m.Density != nil {
		b = m.Extent
	}
	if e := m.Events; e != nil {
		if m.Shown == nil {
			b = e.extent()
		} else {
			b = extentOf(e, m.Shown)
		}
		for _, a := range e.Arcs {
			b = b.Extend(a.From).Extend(a.To)
		}
	}
	p := m.View.Projection
	if p.Forward == nil {
		p = EqualEarth
	}
	bottom := 0
	was := m.legendAt
	m.legendAt = legendPlace{} // room for the whole legend, in its corner
	if l, ok := m.legendLayout(&draw.Surface{W: float64(w), H: float64(h)}); ok && h > 300 {
		bottom = int(l.box.y1 - l.box.y0)
	}
	m.legendAt = was
	v := Fit(p, b, w, h-bottom, fitPad(w, h))
	v.Height = h
	m.View = v.Pan(0, -float64(bottom)/2)
}
