package frame

import (
	"context"
	"fmt"
	"iter"
	"runtime"
	"slices"
	"sync"

	"github.com/go-gota/gota/series"

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
	// column i's series is built.
	cells    func(i int) iter.Seq2[int, string]
	release  func(i int)
	rows     int
	flags    []string // per column, may be nil or shorter than names
	problems []Problem
}

// frame decides the kind of each column and builds the gota frame. The
// cells of t are not used afterwards. A cancelled ctx stops it between
// columns.
func (t *table) frame(ctx context.Context, src Source) (*Frame, error) {
	if len(t.names) == 0 {
		return nil, fmt.Errorf("%s has no columns", displayName(src.Path))
	}
	t.names = uniqueNames(t.names)
	if t.cells == nil {
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
		t.release = func(i int) { t.cols[i] = nil } // the series holds the cells now
	}
	if t.rows >= pacer.Big {
		defer pacer.Tight()()
	}
	cols := make([]Column, len(t.names))
	ser := make([]series.Series, len(t.names))
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
				ser[i], col.Kind = column(t.names[i], t.rows, t.cells(i), src.DecimalComma)
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
	df := newDataFrame(ser)
	if df.Err != nil {
		return nil, fmt.Errorf("%s: %w", displayName(src.Path), df.Err)
	}
	return &Frame{DF: df, Source: src, Columns: cols, Problems: t.problems}, nil
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
