package events

import (
	"bytes"
	"context"
	"strings"

	"chronomap/data/frame"
)

// Matching marks the events whose text columns contain every word of a
// query, ignoring case and accents (see fold.go): the search box of the
// filter bar before its Search is built, and the reference a Search must
// agree with. An empty query matches every event. It reads every text cell
// of every event, about a second for a million events; Search answers the
// same question in milliseconds.
func (x *Index) Matching(f *frame.Frame, query string) []bool {
	out := make([]bool, x.Len())
	words := wordBytes(queryWords(query))
	if len(words) == 0 {
		for i := range out {
			out[i] = true
		}
		return out
	}
	cols := textColumns(f)
	parallel(context.Background(), x.Len(), func(lo, hi int) {
		var m matcher
		for i := lo; i < hi; i++ {
			out[i] = m.match(f, cols, int(x.Row[i]), words)
		}
	})
	return out
}

// textColumns returns the positions of the frame's text columns: the ones
// searched. Numbers (coordinates, counts, years) are not.
func textColumns(f *frame.Frame) []int {
	var cols []int
	for i, c := range f.Columns {
		if c.Kind == frame.Text {
			cols = append(cols, i)
		}
	}
	return cols
}

// matcher checks rows against folded query words, reusing its buffers
// from row to row.
type matcher struct {
	cells  [][]byte // the folded cells of the row being checked
	folded []bool   // which of them are folded yet
}

// match reports whether every word occurs in some text cell of the row.
// Cells are folded when first needed: a common word is mostly found in
// the first.
func (m *matcher) match(f *frame.Frame, cols []int, row int, words [][]byte) bool {
	if len(m.cells) < len(cols) {
		m.cells, m.folded = make([][]byte, len(cols)), make([]bool, len(cols))
	}
	clear(m.folded)
	for _, w := range words {
		found := false
		for k, c := range cols {
			if !m.folded[k] {
				m.cells[k] = appendFold(m.cells[k][:0], f.Text(row, c))
				m.folded[k] = true
			}
			if bytes.Contains(m.cells[k], w) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

func wordBytes(words []string) [][]byte {
	out := make([][]byte, len(words))
	for i, w := range words {
		out[i] = []byte(w)
	}
	return out
}

// WithActors marks the events with one of the given actors in a column
// mapped as an actor, compared as the search compares words: ignoring case
// and accents, the whole value. No actors marks none.
func (x *Index) WithActors(f *frame.Frame, m Mapping, actors []string) []bool {
	out := make([]bool, x.Len())
	want := map[string]bool{}
	for _, a := range actors {
		if a = fold(strings.TrimSpace(a)); a != "" {
			want[a] = true
		}
	}
	var cols []int
	for _, c := range m.Columns[Actor] {
		if k := f.Col(c); k >= 0 {
			cols = append(cols, k)
		}
	}
	if len(want) == 0 || len(cols) == 0 {
		return out
	}
	parallel(context.Background(), x.Len(), func(lo, hi int) {
		var buf []byte
		for i := lo; i < hi; i++ {
			for _, c := range cols {
				buf = appendFold(buf[:0], strings.TrimSpace(f.Text(int(x.Row[i]), c)))
				if want[string(buf)] {
					out[i] = true
					break
				}
			}
		}
	})
	return out
}
