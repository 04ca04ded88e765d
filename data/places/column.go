package places

import (
	"context"
	"fmt"
	"runtime"
	"sync"
)

// GeocodeColumn geocodes a table's place column, with its country column
// as hints (hints may be empty, or as long as names). Each distinct pair of
// name and hint is looked up once, so a column of 100,000 rows naming a
// few dozen places costs a few dozen lookups; distinct pairs are shared
// out over the processors. Rows with the same name and hint share their
// Alternatives slice: callers must not change it.
//
// Both results are as long as names; errs[i] is nil where matches[i] holds
// a place.
func GeocodeColumn(names, hints []string) (matches []Match, errs []error) {
	return GeocodeColumnContext(context.Background(), names, hints)
}

// GeocodeColumnContext is GeocodeColumn giving up when ctx is cancelled:
// the names not looked up by then are left with ctx.Err() as their error.
func GeocodeColumnContext(ctx context.Context, names, hints []string) (matches []Match, errs []error) {
	if len(hints) != 0 && len(hints) != len(names) {
		panic(fmt.Sprintf("places.GeocodeColumn: %d names but %d hints", len(names), len(hints)))
	}
	matches = make([]Match, len(names))
	errs = make([]error, len(names))
	g, err := load()
	if err != nil {
		for i := range names {
			matches[i].Query, errs[i] = names[i], err
		}
		return matches, errs
	}
	type pair struct{ name, hint string }
	first := map[pair]int{} // the first row of each distinct pair
	var distinct []int
	rowOf := make([]int32, len(names))
	for i, n := range names {
		p := pair{name: n}
		if len(hints) != 0 {
			p.hint = hints[i]
		}
		j, ok := first[p]
		if !ok {
			j = i
			first[p] = i
			distinct = append(distinct, i)
		}
		rowOf[i] = int32(j)
	}
	hint := func(i int) string {
		if len(hints) == 0 {
			return ""
		}
		return hints[i]
	}
	workers := min(runtime.GOMAXPROCS(0), len(distinct)/256+1)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := w; k < len(distinct); k += workers {
				i := distinct[k]
				if err := ctx.Err(); err != nil {
					matches[i].Query, errs[i] = names[i], err
					continue
				}
				matches[i], errs[i] = g.geocode(names[i], hint(i))
			}
		}()
	}
	wg.Wait()
	for i, j := range rowOf {
		if int(j) != i {
			matches[i], errs[i] = matches[j], errs[j]
		}
	}
	return matches, errs
}
