package events

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"math"
	"runtime"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"chronomap/data/dates"
	"chronomap/data/frame"
	"chronomap/data/pacer"
)

// Index is the events of one frame, column by column and sorted by start:
// event i starts at Start[i] and comes from frame row Row[i].
type Index struct {
	Start     []int64           // Unix seconds at which each event's start period begins, ascending
	StartPrec []dates.Precision // how finely each start is known
	// End is the Unix second at which each event's end value begins, and
	// EndPrec its precision; EndPrec is None (and End equals Start) when
	// the event has no end.
	End     []int64
	EndPrec []dates.Precision
	Lat     []float64 // NaN when the event is not placed
	Lon     []float64
	Row     []int32 // 0-based row of the frame
	Located int     // events with coordinates, given or found by name
	// How says how each event was placed, and Confidence how sure the
	// placement is (1 for coordinates in the file). Both are nil when no
	// event was placed by name: every placed event then had coordinates.
	How        []Placement
	Confidence []float32
	Geocoded   int // events placed by name (place or country)
}

// Len returns the number of events.
func (x *Index) Len() int { return len(x.Start) }

// StartTime returns event i's start with its precision.
func (x *Index) StartTime(i int) dates.Time {
	return dates.Time{Unix: x.Start[i], Prec: x.StartPrec[i]}
}

// EndTime returns event i's end with its precision, zero when it has none.
func (x *Index) EndTime(i int) dates.Time {
	if x.EndPrec[i] == dates.None {
		return dates.Time{}
	}
	return dates.Time{Unix: x.End[i], Prec: x.EndPrec[i]}
}

// IsLocated reports whether event i has coordinates.
func (x *Index) IsLocated(i int) bool { return !math.IsNaN(x.Lat[i]) }

// Span returns the earliest start and the latest end (or start, for an
// event without end), in Unix seconds; ok is false when there are no events.
func (x *Index) Span() (min, max int64, ok bool) {
	if x.Len() == 0 {
		return 0, 0, false
	}
	min, max = x.Start[0], x.Start[0]
	for i := range x.Start {
		// An end known more coarsely than its start may begin before it
		// (start 2023-11-07, end 2023): the start still counts.
		max = int64Max(max, int64Max(x.Start[i], x.End[i]))
	}
	return min, max, true
}

func int64Max(a, b int64) int64 {
	if a > b {
		return a
	}
	return b
}

// Build makes the event index of a frame under a mapping, and lists every
// row that could not become an event, or could not be placed, with why.
func Build(f *frame.Frame, m Mapping) (*Index, []frame.Problem) {
	x, probs, _ := BuildContext(context.Background(), f, m)
	return x, probs
}

// BuildContext is Build stopping with ctx.Err() within a few thousand
// rows when ctx is cancelled.
func BuildContext(ctx context.Context, f *frame.Frame, m Mapping) (*Index, []frame.Problem, error) {
	n := f.Rows()
	if n >= pacer.Big {
		defer pacer.Tight()()
	}
	c := newColumns(n)
	var probs problems
	m = present(f, m, &probs)
	if cols := m.Columns[Start]; len(cols) > 0 {
		readTimes(ctx, f, cols, c, false, m.Order, &probs)
		if cols := m.Columns[End]; len(cols) > 0 && ctx.Err() == nil {
			readTimes(ctx, f, cols, c, true, m.Order, &probs)
		}
	} else {
		probs.add(frame.Problem{Reason: "no date column", Detail: "no column is mapped as the date, so no row is on the timeline; map one with start=COLUMN"})
	}
	if err := ctx.Err(); err != nil {
		return nil, nil, err
	}
	readPlaces(ctx, f, m, c, &probs)
	if err := ctx.Err(); err != nil {
		return nil, nil, err
	}
	geocode(ctx, f, m, c, &probs)
	if err := ctx.Err(); err != nil {
		return nil, nil, err
	}
	listUnplaced(f, m, c, &probs)

	// Sort the rows that have a start by time; ties keep file order. The
	// row-order columns are then gathered into that order one at a time,
	// so that only one spare column is ever held.
	keep := make([]int32, 0, n)
	for i, p := range c.startPrec {
		if p != dates.None {
			keep = append(keep, int32(i))
		}
	}
	sortByStart(keep, c.start)
	for i := range c.endPrec {
		if c.endPrec[i] == dates.None {
			c.end[i] = c.start[i]
		}
	}
	x := &Index{Row: keep}
	x.Start, c.start = gather(c.start, keep), nil
	x.StartPrec, c.startPrec = gather(c.startPrec, keep), nil
	x.End, c.end = gather(c.end, keep), nil
	x.EndPrec, c.endPrec = gather(c.endPrec, keep), nil
	x.Lat, c.lat = gather(c.lat, keep), nil
	x.Lon, c.lon = gather(c.lon, keep), nil
	if c.how != nil {
		x.How, x.Confidence = gather(c.how, keep), gather(c.conf, keep)
		for _, h := range x.How {
			if h == ByPlace || h == ByCountry {
				x.Geocoded++
			}
		}
	}
	for _, v := range x.Lat {
		if !math.IsNaN(v) {
			x.Located++
		}
	}
	return x, probs.sorted(), nil
}

// AllProblems joins the reader's problems with the event index's, in row
// order: every row problem of a file.
func AllProblems(f *frame.Frame, built []frame.Problem) []frame.Problem {
	all := append(append([]frame.Problem(nil), f.Problems...), built...)
	slices.SortStableFunc(all, func(a, b frame.Problem) int { return a.Row - b.Row })
	for i := range all { // whoever made them, no problem quotes a cell whole
		all[i].Value, all[i].Detail = clip(all[i].Value), clipTo(all[i].Detail, maxDetail)
	}
	return all
}

// gather returns col's values at the given rows, in their order.
func gather[T any](col []T, rows []int32) []T {
	out := make([]T, len(rows))
	for i, r := range rows {
		out[i] = col[r]
	}
	return out
}

// present returns the mapping without the columns f does not have, and
// lists each as a problem. A mapping saved with a workspace may name a
// column the file no longer has; reading it would index past the frame.
func present(f *frame.Frame, m Mapping, probs *problems) Mapping {
	names := f.Names()
	out := Mapping{Order: m.Order}
	out.init()
	for r, cols := range m.Columns {
		var kept []string
		for _, c := range cols {
			if slices.Contains(names, c) {
				kept = append(kept, c)
				continue
			}
			probs.add(frame.Problem{Column: c, Reason: "missing column",
				Detail: fmt.Sprintf("column %q is mapped as %s but the file has no such column; its columns are %s", c, bareNoun(r), quoteList(names))})
		}
		if len(kept) > 0 {
			out.Columns[r], out.Why[r] = kept, m.Why[r]
		}
	}
	return out
}

// columns holds what each frame row yields while the index is built, a
// slice per field in row order.
type columns struct {
	start, end         []int64
	startPrec, endPrec []dates.Precision
	lat, lon           []float64   // NaN where the row is not placed
	zero               []bool      // rows whose coordinates were exactly 0, 0: see readPlaces
	how                []Placement // nil unless some row was placed by name
	conf               []float32
}

func newColumns(n int) *columns {
	c := &columns{
		start: make([]int64, n), end: make([]int64, n),
		startPrec: make([]dates.Precision, n), endPrec: make([]dates.Precision, n),
		lat: make([]float64, n), lon: make([]float64, n),
	}
	for i := range c.lat {
		c.lat[i], c.lon[i] = math.NaN(), math.NaN()
	}
	return c
}

// problems collects row problems from several goroutines.
type problems struct {
	mu   sync.Mutex
	list []frame.Problem
}

func (p *problems) add(pr ...frame.Problem) {
	p.mu.Lock()
	p.list = append(p.list, pr...)
	p.mu.Unlock()
}

func (p *problems) sorted() []frame.Problem {
	slices.SortStableFunc(p.list, func(a, b frame.Problem) int { return a.Row - b.Row })
	return p.list
}

// texts returns a column's values as text, as the file wrote them for text
// and whole numbers.
func texts(f *frame.Frame, col string) []string { return f.Texts(f.Col(col)) }

// readTimes parses the start (or end) of every row from one column, or
// from split year, month, day and time columns.
func readTimes(ctx context.Context, f *frame.Frame, cols []string, into *columns, isEnd bool, order dates.Order, probs *problems) {
	what := "date"
	if isEnd {
		what = "end date"
	}
	set := func(i int, v string, r dates.Range) {
		if !isEnd {
			into.start[i], into.startPrec[i] = r.Start.Unix, r.Start.Prec
			if !r.End.IsZero() {
				into.end[i], into.endPrec[i] = r.End.Unix, r.End.Prec
			}
			return
		}
		if into.startPrec[i] == dates.None {
			return
		}
		t := r.Start
		if !r.End.IsZero() { // an end column holding a range: its end counts
			t = r.End
		}
		if t.End() <= into.start[i] {
			end := fmt.Sprintf("%q", clip(v))
			if v != t.String() { // say how a value written otherwise was read
				end += " (" + t.String() + ")"
			}
			probs.add(frame.Problem{Row: i + 1, Column: cols[0], Value: clip(v), Reason: "end before start",
				Detail: fmt.Sprintf("the end %s comes before the start (%s), so the event is shown without an end", end, dates.Time{Unix: into.start[i], Prec: into.startPrec[i]})})
			return
		}
		into.end[i], into.endPrec[i] = t.Unix, t.Prec
	}
	fail := func(i int, col, v string, err error) {
		if isEnd && errors.Is(err, dates.ErrEmpty) {
			return // most events have no end
		}
		p := frame.Problem{Row: i + 1, Column: col, Value: clip(v), Detail: err.Error()}
		var de *dates.Error
		switch {
		case errors.Is(err, dates.ErrEmpty):
			p.Reason, p.Detail = "no date", "the date is empty"
		case errors.As(err, &de) && de.Ambiguous:
			p.Reason = "ambiguous " + what
		default:
			p.Reason = "unparseable " + what
		}
		// Say what became of the row, so that the analyst knows whether
		// it is missing from the timeline or only lacks its end.
		if isEnd {
			p.Detail += ", so the event is shown without an end"
		} else {
			p.Detail += ", so the row is not on the timeline"
		}
		probs.add(p)
	}

	if len(cols) > 1 {
		parts := make([][]string, 4)
		for k, c := range cols {
			parts[k] = texts(f, c)
		}
		get := func(k, i int) string {
			if parts[k] == nil {
				return ""
			}
			return parts[k][i]
		}
		for i := range into.start {
			if i%blockRows == 0 && ctx.Err() != nil {
				return
			}
			p := [4]string{get(0, i), get(1, i), get(2, i), get(3, i)}
			// Parts tells an empty date (no date) from a month without a
			// year (an unparseable one).
			t, err := dates.Parts(p[0], p[1], p[2], p[3])
			if err != nil {
				col, v := badPart(cols, p, err)
				fail(i, col, v, err)
				continue
			}
			set(i, strings.TrimSpace(strings.Join(p[:], " ")), dates.Range{Start: t})
		}
		return
	}

	col := cols[0]
	ci := f.Col(col)
	vals := detectSample(f, ci)
	c := dates.Detect(col, vals)
	switch {
	case order != dates.Unknown: // the user's word beats what the values suggest
		c.Order, c.Ambiguous = order, false
	case c.Ambiguous:
		probs.add(frame.Problem{Column: col, Reason: "ambiguous date order",
			Detail: fmt.Sprintf("dates in %q such as %s could be day-first or month-first, and no value settles it; those dates are left out until the order is chosen (--dates dmy or mdy)", col, ambiguousExample(c, vals))})
	}
	if distinct, ok := f.Distinct(ci); ok { // each date once
		type parsed struct {
			r   dates.Range
			err error
		}
		read := make([]parsed, len(distinct))
		parallel(ctx, len(distinct), func(lo, hi int) {
			for k := lo; k < hi; k++ {
				read[k].r, read[k].err = c.Parse(distinct[k])
			}
		})
		parallel(ctx, f.Rows(), func(lo, hi int) {
			for i := lo; i < hi; i++ {
				k := f.Code(i, ci)
				if read[k].err != nil {
					fail(i, col, distinct[k], read[k].err)
					continue
				}
				set(i, distinct[k], read[k].r)
			}
		})
		return
	}
	parallel(ctx, f.Rows(), func(lo, hi int) {
		for i := lo; i < hi; i++ {
			v := f.Text(i, ci)
			r, err := c.Parse(v)
			if err != nil {
				fail(i, col, v, err)
				continue
			}
			set(i, v, r)
		}
	})
}

// detectLimit is how many values of a date column decide how it reads. The
// order of day and month is settled by any value past the twelfth day, so
// an even spread of this many stands for the whole column; the column is
// not copied whole as text only to decide that.
const detectLimit = 200_000

// detectSample returns a column's values, or an even spread of detectLimit
// of them for a long column.
func detectSample(f *frame.Frame, col int) []string {
	n := f.Rows()
	step := max(1, (n+detectLimit-1)/detectLimit)
	out := make([]string, 0, min(n, detectLimit))
	for i := 0; i < n; i += step {
		out = append(out, f.Text(i, col))
	}
	return out
}

func ambiguousExample(c dates.Column, vals []string) string {
	for _, v := range vals {
		var de *dates.Error
		if _, err := c.Parse(v); errors.As(err, &de) && de.Ambiguous {
			return fmt.Sprintf("%q", clip(strings.TrimSpace(v)))
		}
	}
	return "04/05/2023"
}

// badPart returns the column and value of a split date that an error is
// about: the month column and "13" for a month 13, the empty year column
// for a month without a year, else the year column and the date as the
// error writes it ("2023-2-30").
func badPart(cols []string, parts [4]string, err error) (col, value string) {
	var de *dates.Error
	if strings.TrimSpace(parts[0]) == "" || !errors.As(err, &de) {
		return cols[0], parts[0]
	}
	for k, c := range cols {
		if k < len(parts) && strings.TrimSpace(parts[k]) == de.Value {
			return c, parts[k]
		}
	}
	return cols[0], de.Value
}

// blockRows is how many rows a stage works through between looks at its
// context: a few milliseconds of work, so that Cancel is felt at once.
const blockRows = 16_384

// parallel runs fn over [0, n) split across the cores, in blocks of at
// most blockRows, and stops handing out blocks once ctx is cancelled.
func parallel(ctx context.Context, n int, fn func(lo, hi int)) {
	w := runtime.GOMAXPROCS(0)
	if n < 10_000 || w == 1 {
		w = 1
	}
	var wg sync.WaitGroup
	step := (n + w - 1) / max(w, 1)
	for lo := 0; lo < n; lo += step {
		wg.Add(1)
		go func(lo, hi int) {
			defer wg.Done()
			for b := lo; b < hi; b += blockRows {
				if ctx.Err() != nil {
					return
				}
				fn(b, min(hi, b+blockRows))
			}
		}(lo, min(n, lo+step))
	}
	wg.Wait()
}

// sortByStart orders row numbers by start time, keeping file order for
// equal starts. Start and row are packed into one integer when the span
// allows, which sorts a million events several times faster than a
// comparison function.
func sortByStart(keep []int32, start []int64) {
	if len(keep) == 0 {
		return
	}
	lo, hi := start[keep[0]], start[keep[0]]
	for _, r := range keep {
		lo, hi = min(lo, start[r]), max(hi, start[r])
	}
	const rowBits = 26 // 67 million rows
	if len(start) < 1<<rowBits && uint64(hi-lo) < 1<<(63-rowBits) {
		keys := make([]uint64, len(keep))
		for i, r := range keep {
			keys[i] = uint64(start[r]-lo)<<rowBits | uint64(r)
		}
		slices.Sort(keys)
		for i, k := range keys {
			keep[i] = int32(k & (1<<rowBits - 1))
		}
		return
	}
	slices.SortStableFunc(keep, func(a, b int32) int { return cmp.Compare(start[a], start[b]) })
}

// clip shortens a value for a problem listing to 80 characters, reading
// no more of it than that: a cell may hold a megabyte, and turning it
// whole into runes cost four times its size.
func clip(s string) string { return clipTo(s, 80) }

// clipTo shortens s to n characters, with "…" when it cut.
func clipTo(s string, n int) string {
	i := 0
	for k := 0; k < n && i < len(s); k++ {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	if i >= len(s) {
		return s
	}
	return s[:i] + "…"
}

// maxDetail is the most characters a problem's detail keeps: a sentence
// quoting a few values. One quoting a whole 50 MB cell made 52 MB of
// `inspect` output.
const maxDetail = 400
