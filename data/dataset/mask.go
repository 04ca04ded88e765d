package dataset

import (
	"context"
	"runtime"
	"strings"
	"sync"

	"chronomap/data/events"
)

// Mask is a filter worked out for every event of a dataset at once, so
// that the views, the table and the counts look up a bool rather than run
// the filter again, a million times per frame.
type Mask struct {
	// Kept says which events pass every part of the filter but the time
	// window: what the timeline draws, its window being its axis. Shown
	// says which pass it all: what the map, the table and the exports
	// show. Each is nil when the filter hides no event that way.
	Kept, Shown []bool
	Counts      Counts
}

// Counts are what a mask leaves, in figures.
type Counts struct {
	All     int // every event
	Kept    int // passing all but the window
	Shown   int // passing it all
	Located int // shown, and on the map
	// KeptBy and ShownBy count the kept and the shown events of each
	// category, by its index in Categories.Names: the timeline's lanes and
	// the map's legend.
	KeptBy, ShownBy []int
}

// IsKept reports whether event i passes all but the window.
func (m Mask) IsKept(i int) bool { return m.Kept == nil || m.Kept[i] }

// IsShown reports whether event i passes the whole filter.
func (m Mask) IsShown(i int) bool { return m.Shown == nil || m.Shown[i] }

// Narrowed reports whether the mask hides any event.
func (m Mask) Narrowed() bool { return m.Counts.Shown < m.Counts.All }

// Apply works the filter out for every event, on all cores.
func (d *Dataset) Apply(f Filter) Mask {
	n := d.Len()
	cats := len(d.Categories.Names)
	m := Mask{Counts: Counts{All: n}}
	var match, actors []bool
	if strings.TrimSpace(f.Query) != "" {
		match = d.Matching(f.Query)
	}
	if len(f.Actors) > 0 {
		actors = d.Index.WithActors(d.Frame, d.Mapping, f.Actors)
	}
	var hidden []bool
	if len(f.HiddenCategories) > 0 && cats > 0 {
		hidden = make([]bool, cats)
		for _, name := range f.HiddenCategories {
			if k := d.Categories.Index(name); k >= 0 {
				hidden[k] = true
			}
		}
	}
	x := d.Index
	of := d.Categories.Of
	kept := func(i int) bool {
		switch {
		case match != nil && !match[i]:
			return false
		case actors != nil && !actors[i]:
			return false
		case hidden != nil && of[i] >= 0 && hidden[of[i]]:
			return false
		case f.LocatedOnly && !x.IsLocated(i):
			return false
		case f.Box != nil && !f.Box.Contains(x.Lon[i], x.Lat[i]):
			return false
		}
		return true
	}
	narrows, windowed := f.Narrows(false), f.Window != nil
	if narrows {
		m.Kept = make([]bool, n)
	}
	if narrows || windowed {
		m.Shown = make([]bool, n)
	}
	parts := runtime.GOMAXPROCS(0)
	if n < 20_000 {
		parts = 1
	}
	partial := make([]Counts, parts)
	var wg sync.WaitGroup
	for p := range parts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c := Counts{KeptBy: make([]int, cats), ShownBy: make([]int, cats)}
			for i := p * n / parts; i < (p+1)*n/parts; i++ {
				if narrows && !kept(i) {
					continue
				}
				if m.Kept != nil {
					m.Kept[i] = true
				}
				c.Kept++
				k := of[i]
				if k >= 0 {
					c.KeptBy[k]++
				}
				if windowed && !f.Window.Overlaps(x.Start[i], d.Stop[i]) {
					continue
				}
				if m.Shown != nil {
					m.Shown[i] = true
				}
				c.Shown++
				if k >= 0 {
					c.ShownBy[k]++
				}
				if x.IsLocated(i) {
					c.Located++
				}
			}
			partial[p] = c
		}()
	}
	wg.Wait()
	m.Counts.KeptBy, m.Counts.ShownBy = make([]int, cats), make([]int, cats)
	for _, c := range partial {
		m.Counts.Kept += c.Kept
		m.Counts.Shown += c.Shown
		m.Counts.Located += c.Located
		for k := range cats {
			m.Counts.KeptBy[k] += c.KeptBy[k]
			m.Counts.ShownBy[k] += c.ShownBy[k]
		}
	}
	return m
}

// Matching marks the events whose text holds every word of the query,
// through the search index once BuildSearch has made one, else by reading
// the frame. The last answer is kept, so that a filter applied again at
// every step of a drag searches once.
func (d *Dataset) Matching(query string) []bool {
	d.mu.Lock()
	if d.matches != nil && d.query == query {
		defer d.mu.Unlock()
		return d.matches
	}
	d.mu.Unlock()
	// Searched without the lock: a slow scan must not hold up a caller
	// whose answer is kept already.
	var out []bool
	if s := d.search.Load(); s != nil {
		out = s.Match(query).Bools(d.Len())
	} else {
		out = d.Index.Matching(d.Frame, query)
	}
	d.mu.Lock()
	d.query, d.matches = query, out
	d.mu.Unlock()
	return out
}

// BuildSearch builds the search index that answers Matching in
// milliseconds on a million events, telling progress (which may be nil)
// how far it got; a big file's window calls it once the file is on show.
func (d *Dataset) BuildSearch(ctx context.Context, progress func(done, total int)) error {
	s, err := events.BuildSearch(ctx, d.Frame, d.Index, progress)
	if err != nil {
		return err
	}
	d.search.Store(s)
	return nil
}

// Searchable reports whether the search index is built.
func (d *Dataset) Searchable() bool { return d.search.Load() != nil }
