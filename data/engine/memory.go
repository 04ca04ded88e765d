package engine

import (
	"math"

	"chronomap/data/dataset"
)

// Memory answers the questions a Source answers from a dataset in memory,
// through its Mask: what the views compute for a file, in the form an
// engine gives it. The engines are tested to agree with it.
type Memory struct{ D *dataset.Dataset }

// lane returns event i's category name, "" for none.
func (m Memory) lane(i int) string {
	if k := m.D.Categories.Of[i]; k >= 0 {
		return m.D.Categories.Names[k]
	}
	return ""
}

// Legend counts as Source.Legend does.
func (m Memory) Legend(f dataset.Filter) Legend {
	mask := m.D.Apply(f)
	l := Legend{KeptBy: map[string]int64{}, ShownBy: map[string]int64{}}
	for i := range m.D.Len() {
		kept, shown := mask.IsKept(i), mask.IsShown(i)
		located := shown && m.D.Index.IsLocated(i)
		l.add(m.lane(i), 1, b2i(kept), b2i(shown), b2i(located))
	}
	return l
}

// Histogram counts as Source.Histogram does.
func (m Memory) Histogram(f dataset.Filter, b Bins) (Histogram, error) {
	if err := b.check(); err != nil {
		return Histogram{}, err
	}
	mask := m.D.Apply(f)
	h := Histogram{Bins: b, Counts: map[string][]int64{}}
	for i, start := range m.D.Index.Start {
		if mask.IsKept(i) && start >= b.From && start < b.To() {
			h.add(m.lane(i), (start-b.From)/b.Width, 1)
		}
	}
	return h, nil
}

// Grid counts as Source.Grid does.
func (m Memory) Grid(f dataset.Filter, tl Tiles) (Grid, error) {
	if err := tl.check(); err != nil {
		return Grid{}, err
	}
	mask := m.D.Apply(f)
	g := Grid{Tiles: tl, Count: map[[2]int64]int64{}}
	x := m.D.Index
	size := tl.Size()
	for i := range m.D.Len() {
		if !mask.IsShown(i) || !x.IsLocated(i) {
			continue
		}
		px, py := Mercator(x.Lon[i], x.Lat[i], size)
		if px >= tl.X0 && px < tl.X1 && py >= tl.Y0 && py < tl.Y1 {
			g.Count[[2]int64{px, py}]++
		}
	}
	return g, nil
}

// Page reads as Source.Page does, the frame's cells as Frame.Text writes
// them.
func (m Memory) Page(f dataset.Filter, offset, limit int) Page {
	mask := m.D.Apply(f)
	fr := m.D.Frame
	var p Page
	for _, c := range fr.Columns {
		p.Columns = append(p.Columns, c.Name)
	}
	x := m.D.Index
	skipped := 0
	for i := 0; i < m.D.Len() && len(p.Rows) < limit; i++ {
		if !mask.IsShown(i) {
			continue
		}
		if skipped < offset {
			skipped++
			continue
		}
		row := make([]string, len(fr.Columns))
		for c := range row {
			row[c] = fr.Text(int(x.Row[i]), c)
		}
		p.Rows, p.Start = append(p.Rows, row), append(p.Start, x.Start[i])
		la, lo := x.Lat[i], x.Lon[i]
		if !x.IsLocated(i) {
			la, lo = math.NaN(), math.NaN()
		}
		p.Lat, p.Lon = append(p.Lat, la), append(p.Lon, lo)
	}
	return p
}

// Problems counts as Source.Problems does.
func (m Memory) Problems() Problems {
	rows, evs := int64(m.D.Frame.Rows()), int64(m.D.Len())
	return Problems{Rows: rows, Untimed: rows - evs, Unplaced: evs - int64(m.D.Index.Located)}
}

func b2i(b bool) int64 {
	if b {
		return 1
	}
	return 0
}

// Span is what Source.Span says of the same events.
func (m Memory) Span() Span {
	x := m.D.Index
	if x.Len() == 0 {
		return Span{}
	}
	// The index is sorted by start.
	return Span{First: x.Start[0], Last: x.Start[x.Len()-1], OK: true}
}

// Outside counts as Source.Outside does.
func (m Memory) Outside(f dataset.Filter, from, to int64) (earlier, later int64) {
	mask := m.D.Apply(f)
	for i, start := range m.D.Index.Start {
		if !mask.IsKept(i) {
			continue
		}
		if m.D.Stop[i] <= from {
			earlier++
		}
		if start >= to {
			later++
		}
	}
	return earlier, later
}
