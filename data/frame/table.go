package frame

import (
	"context"
	"fmt"
	"iter"
	"runtime"
	"slices"
	"sync"

	"chronomap/data/pacer"
)

// table is what every reader produces before the frame is built: column
// names and cells, column-major, plus the problems met while reading.
// Every reader goes through it so that column kinds are decided in one place.
type table struct {
	names []string
	cols  [][]string
	// cells, when set, yields column i's cells on demand instead of cols,
	// so that a large file never has every cell as a string at once; rows
	// then gives the number of rows, and release(i), if set, is called once
	// column i is stored. A column's cells are yielded in row order; they
	// may be views into the reader's buffers, read only while the frame is
	// built.
	cells   func(i int) iter.Seq2[int, string]
	release func(i int)
	// build, when set, stores column i itself instead of cells: a typed
	// file's numbers need no parsing. It passes any text it has through
	// text, the frame's own path for cells (cuts and kinds as for CSV).
	build    func(ctx context.Context, i int, text func(iter.Seq2[int, string]) (values, Kind)) (values, Kind, error)
	rows     int
	flags    []string // per column, may be nil or shorter than names
	problems []Problem
}

// frame decides the kind of each column and stores its values. The cells
// of t are not used afterwards: the frame keeps copies. A cancelled ctx stops it between
// columns.
func (t *table) frame(ctx context.Context, src Source) (*Frame, error) {
	if len(t.names) == 0 {
		return nil, fmt.Errorf("%s has no columns", displayName(src.Path))
	}
	t.names = uniqueNames(t.names)
	if t.cells == nil && t.build == nil {
		if len(t.cols) != len(t.names) {
			return nil, fmt.Errorf("internal: %d columns for %d names", len(t.cols), len(t.names))
		}
		t.rows = len(t.cols[0])
		for i, c := range t.cols {
			if len(c) != t.rows {
				return nil, fmt.Errorf("internal: column %q has %d cells, want %d", t.names[i], len(c), t.rows)
			}
		}
		t.cells = func(i int) iter.Seq2[int, string] { return slices.All(t.cols[i]) }
		t.release = func(i int) { t.cols[i] = nil } // the column holds the cells now
	}
	if t.rows >= pacer.Big {
		defer pacer.Tight()()
	}
	cols := make([]Column, len(t.names))
	vals := make([]values, len(t.names))
	cut := make([][]Problem, len(t.names)) // per column, the cells cut to MaxCellBytes
	errs := make([]error, len(t.names))
	var wg sync.WaitGroup
	next := make(chan int)
	workers := min(runtime.GOMAXPROCS(0), len(t.names))
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				if ctx.Err() != nil {
					continue // drain: the frame is dropped
				}
				col := Column{Name: t.names[i]}
				if i < len(t.flags) {
					col.Flag = t.flags[i]
				}
				text := func(cells iter.Seq2[int, string]) (values, Kind) {
					return column(t.rows, cutCells(cells, t.names[i], &cut[i]), src.DecimalComma)
				}
				if t.build != nil {
					vals[i], col.Kind, errs[i] = t.build(ctx, i, text)
				} else {
					vals[i], col.Kind = text(t.cells(i))
				}
				if t.release != nil {
					t.release(i)
				}
				cols[i] = col
			}
		}()
	}
	for i := range t.names {
		next <- i
	}
	close(next)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	// The first column that failed says why; the others most likely fail
	// for the same reason.
	for _, err := range errs {
		if err != nil {
			return nil, fmt.Errorf("%s: %w", displayName(src.Path), err)
		}
	}
	for _, ps := range cut {
		t.problems = append(t.problems, ps...)
	}
	slices.SortStableFunc(t.problems, func(a, b Problem) int { return a.Row - b.Row })
	byName := make(map[string]int, len(cols))
	for i, c := range cols {
		byName[c.Name] = i
	}
	return &Frame{Source: src, Columns: cols, Problems: t.problems, rows: t.rows, vals: vals, byName: byName}, nil
}

// cutCells yields cells as they are, but those longer than MaxCellBytes
// cut there, listing each cut in probs once however often the cells are
// read.
func cutCells(cells iter.Seq2[int, string], name string, probs *[]Problem) iter.Seq2[int, string] {
	listed := map[int]bool{}
	return func(yield func(int, string) bool) {
		for i, c := range cells {
			if short, ok := cutCell(c); ok {
				if !listed[i] {
					listed[i] = true
					*probs = append(*probs, cutProblem(i+1, name, c, len(c)))
				}
				c = short
			}
			if !yield(i, c) {
				return
			}
		}
	}
}

// uniqueNames gives empty and repeated header names a distinct name, the
// way a spreadsheet user would refer to them.
func uniqueNames(names []string) []string {
	out := make([]string, len(names))
	seen := make(map[string]bool, len(names))
	for i, n := range names {
		if n == "" {
			n = fmt.Sprintf("column %d", i+1)
		}
		base, k := n, 2
		for seen[n] {
			n = fmt.Sprintf("%s (%d)", base, k)
			k++
		}
		seen[n] = true
		out[i] = n
	}
	return out
}
