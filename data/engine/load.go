package engine

import (
	"fmt"
	"math"
	"slices"

	"chronomap/data/dataset"
	"chronomap/data/events"
	"chronomap/data/frame"
)

// Load is a dataset as `chronomap import` writes it into a table: every
// column of the file with its kind (text, integer or number), then the
// Imported columns, which hold what the reader made of each row.
type Load struct {
	D       *dataset.Dataset
	Columns []Column   // Kind Text, Integer or Number for the file's own; see Imported for the rest
	text    []int      // the frame's text columns: what chronomap_text folds
	folded  [][]string // per entry of text, its Distinct values folded; nil for a column paged row by row
	// order is the frame's rows as they are written: the events by
	// start, then the rows that are not events. A table written in that
	// order reads a range of starts from a few pages (PostgreSQL's heap)
	// or parts that barely overlap (ClickHouse's).
	order []int32
}

// NewLoad lays out a dataset for import. A file with a column named as
// one of the Imported columns cannot be imported: the table would hold
// two columns of that name.
func NewLoad(d *dataset.Dataset) (*Load, error) {
	l := &Load{D: d}
	for i, c := range d.Frame.Columns {
		if slices.Contains(Imported, c.Name) {
			return nil, fmt.Errorf("%s has a column %q, a name Chronomap keeps for what it makes of each row; rename it to import the file", d.Name, c.Name)
		}
		k := Text
		switch c.Kind {
		case frame.Integer:
			k = Integer
		case frame.Number:
			k = Number
		default:
			l.text = append(l.text, i)
			// A column that repeats its values is folded once per value.
			var folded []string
			if vals, ok := d.Frame.Distinct(i); ok {
				folded = make([]string, len(vals))
				for k, v := range vals {
					folded[k] = events.Fold(v)
				}
			}
			l.folded = append(l.folded, folded)
		}
		l.Columns = append(l.Columns, Column{Name: c.Name, Kind: k})
	}
	for _, name := range Imported {
		k := map[string]Kind{RowColumn: Integer, StartColumn: Integer, StopColumn: Integer, LatColumn: Number, LonColumn: Number, TextColumn: Text}[name]
		l.Columns = append(l.Columns, Column{Name: name, Kind: k})
	}
	l.order = append(make([]int32, 0, d.Frame.Rows()), d.Index.Row...)
	for r := range d.Frame.Rows() {
		if d.EventOfRow(r) < 0 {
			l.order = append(l.order, int32(r))
		}
	}
	return l, nil
}

// Rows is the number of rows to write: every row of the file, events or
// not, so that the engine counts the problems the file has.
func (l *Load) Rows() int { return l.D.Frame.Rows() }

// Chunk returns rows [lo, hi) of the load, in the order it writes them
// (events by start, then the rest), column by column, a slice per column in
// the order of Columns: []string for text, []*int64 and []*float64 for
// numbers (nil where a value is missing), and []uint32 for RowColumn.
// The numbers behind the pointers are laid out in one allocation per
// column rather than one per cell: a million rows made four million
// small objects for the collector.
func (l *Load) Chunk(lo, hi int) []any {
	f, d := l.D.Frame, l.D
	n := hi - lo
	out := make([]any, 0, len(l.Columns))
	rowOf := l.order[lo:hi]
	for c, col := range f.Columns {
		switch col.Kind {
		case frame.Integer:
			v, xs := make([]*int64, n), make([]int64, n)
			for r := range n {
				xs[r] = int64(f.Number(int(rowOf[r]), c)) // an Integer column has no gaps
				v[r] = &xs[r]
			}
			out = append(out, v)
		case frame.Number:
			v, xs := make([]*float64, n), make([]float64, n)
			for r := range n {
				if xs[r] = f.Number(int(rowOf[r]), c); !math.IsNaN(xs[r]) {
					v[r] = &xs[r]
				}
			}
			out = append(out, v)
		default:
			v := make([]string, n)
			for r := range n {
				v[r] = f.Text(int(rowOf[r]), c)
			}
			out = append(out, v)
		}
	}
	rows := make([]uint32, n)
	start, stop := make([]*int64, n), make([]*int64, n)
	lat, lon := make([]*float64, n), make([]*float64, n)
	times, places := make([]int64, 2*n), make([]float64, 2*n)
	text := make([]string, n)
	x := d.Index
	var buf []byte
	for r := range n {
		row := int(rowOf[r])
		rows[r] = uint32(row + 1)
		buf = buf[:0]
		for k, c := range l.text {
			if k > 0 {
				buf = append(buf, '\n') // white space: no query word spans two cells
			}
			if l.folded[k] != nil {
				buf = append(buf, l.folded[k][f.Code(row, c)]...)
			} else {
				buf = events.AppendFold(buf, f.Text(row, c))
			}
		}
		text[r] = string(buf)
		i := d.EventOfRow(row)
		if i < 0 {
			continue
		}
		times[2*r], times[2*r+1] = x.Start[i], d.Stop[i]
		start[r], stop[r] = &times[2*r], &times[2*r+1]
		if x.IsLocated(i) {
			places[2*r], places[2*r+1] = x.Lat[i], x.Lon[i]
			lat[r], lon[r] = &places[2*r], &places[2*r+1]
		}
	}
	return append(out, rows, start, stop, lat, lon, text)
}
