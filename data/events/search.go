package events

import (
	"bytes"
	"context"
	"errors"
	"hash/maphash"
	"math/bits"
	"runtime"
	"slices"
	"strings"
	"sync"

	"chronomap/data/frame"
)

// Search answers the filter bar's query (the same as Index.Matching) over a
// million events in milliseconds, so that it can run on every keystroke.
//
// Why words and not trigrams: a query word is a substring of a folded cell
// exactly when it is a substring of one of the cell's white-space-separated
// words (see fold.go), so an index of those words is exact for substring
// search — "dougou" finds "Ouagadougou", "gyumri" finds "Gyumri's" — with
// nothing to verify afterwards. The distinct words are few next to the
// text (a few MB for a million ACLED rows, mostly the event ids), so a
// query word is looked for in all of them at memory speed with
// bytes.Index, and the events of every word that contains it are united.
// A trigram index would need a candidate check against the text for every
// query, and nothing at all for one- and two-letter words, which are the
// first keystrokes of every search.
//
// Each word's events are kept as a sorted list, or, for words in more than
// one event in 32 ("the", a country), as a bitset, which is then smaller
// and unites faster. The events a word matched are cached for the next
// keystrokes: "checkpoint k" reuses "checkpoint", and "checkpoint ki" only
// has to look at the few events that matched "checkpoint k".
//
// A Search is safe for concurrent use.
type Search struct {
	n int // events
	// words holds every distinct folded word of the text columns, each
	// followed by '\n' (white space, so never inside a word or a query
	// word), in word-number order; word w is
	// words[start[w] : start[w+1]-1].
	words []byte
	start []uint32
	// The frame rows having word w, ascending, are
	// post[first[w]:first[w+1]], or, when that is empty, the bitset
	// dense[w]. The index speaks of rows, not events, so that it is built
	// reading the frame in row order (see BuildSearch); Match turns rows
	// into events at the end.
	first []uint32
	post  []uint32
	dense map[uint32][]uint64

	f      *frame.Frame
	rows   []int32  // the row of each event
	events []uint64 // the rows that are events, as a bitset
	cols   []int    // the text columns

	// checkAtMost is the size of a candidate list from which reading the
	// candidates' text (about a microsecond an event) is cheaper than
	// looking a word up in the index (scanning the words and uniting
	// their events: a few milliseconds for a million events).
	checkAtMost int
	// partBytes is how much of the dictionary is worth a goroutine of its
	// own when scanning it.
	partBytes int

	mu    sync.Mutex
	cache []cachedWord // most recently used last
}

// cachedWord is the rows one folded query word matched.
type cachedWord struct {
	word  string
	bits  []uint64
	count int
}

const (
	// denseShare: a word in more than one row in denseShare is kept as a
	// bitset (rows/8 bytes) instead of a list (4 bytes a row).
	denseShare = 32
	// cacheWords is how many recent query words keep their events: a
	// bitset of n/8 bytes each.
	cacheWords = 16
)

// errTooMuchText is returned by BuildSearch when the distinct words pass
// the 4 GiB the index's 32-bit offsets can address.
var errTooMuchText = errors.New("events: too much distinct text to index for search (over 4 GiB)")

// BuildSearch indexes the text columns of f for the events of x, which was
// built from f. It is meant to run in the background after loading: it
// stops early with ctx's error when ctx is done, and calls progress (when
// not nil, from any goroutine but never concurrently) with the number of
// events indexed so far out of x.Len().
//
// It reads the frame in row order, not in event (time) order: the cells
// of a row lie together in memory and those of neighbouring rows close
// by, while events in time order jump across the frame, which made
// reading the text three times slower.
func BuildSearch(ctx context.Context, f *frame.Frame, x *Index, progress func(done, total int)) (*Search, error) {
	n, rows := x.Len(), f.Rows()
	s := &Search{n: n, f: f, rows: x.Row, cols: textColumns(f), dense: map[uint32][]uint64{},
		checkAtMost: 4096, partBytes: 1 << 20, events: make([]uint64, (rows+63)/64)}
	isEvent := make([]bool, rows)
	for _, r := range x.Row {
		isEvent[r] = true
		s.events[r/64] |= 1 << (r % 64)
	}

	// One shard of rows per core but one, each finding the words of its
	// events with its own dictionary. The index is built in the
	// background while the window is in use: on every core, it kept the
	// UI thread waiting for a core for hundreds of milliseconds at a
	// time.
	workers := min(max(1, runtime.GOMAXPROCS(0)-1), max(1, rows/10_000))
	// A multiple of 64 rows, so that no two shards write to the same
	// word of a bitset.
	step := max(64, (rows+workers*64-1)/(workers*64)*64)
	shards := make([]*shard, (rows+step-1)/step)
	var (
		wg     sync.WaitGroup
		pmu    sync.Mutex
		done   int
		failed error
	)
	for k := range shards {
		sh := &shard{lo: k * step, hi: min(rows, (k+1)*step), dict: newDict(maphash.MakeSeed())}
		shards[k] = sh
		wg.Add(1)
		go func() {
			defer wg.Done()
			err := sh.read(ctx, f, isEvent, s.cols, func(m int) {
				pmu.Lock()
				defer pmu.Unlock()
				done += m
				if progress != nil {
					progress(done, n)
				}
			})
			if err != nil {
				pmu.Lock()
				failed = err
				pmu.Unlock()
			}
		}()
	}
	wg.Wait()
	if failed != nil {
		return nil, failed
	}
	if err := s.merge(shards, step); err != nil {
		return nil, err
	}
	return s, ctx.Err()
}

// shard is the words of the events in frame rows lo to hi.
type shard struct {
	lo, hi int
	dict   *dict
	seen   []int32 // the last row found with each word
	// The word numbers of row lo+i are list[end[i-1]:end[i]] (from 0 for
	// the first row), each once; none for a row that is not an event.
	list []uint32
	end  []uint32
	// cells remembers, for each text column, the word numbers of the
	// cells read so far, as places in list: most columns (event type,
	// actor, country, place, source) repeat a few values over and over.
	// A column whose cells mostly differ (ids, notes) drops its memory.
	cells []map[string]uint64
}

// Remembering cells: the sample of rows after which a column whose
// distinct cells are more than a quarter of them is not remembered, and
// how many distinct cells a column may remember at most.
const (
	cellSample   = 2048
	cellsAtMost  = 1 << 16
	cellDistinct = cellSample / 4
)

// read finds the words of the shard's events, reporting every few
// thousand rows to progress and stopping when ctx is done.
func (sh *shard) read(ctx context.Context, f *frame.Frame, isEvent []bool, cols []int, progress func(events int)) error {
	const every = 1 << 14
	var buf []byte
	sh.end = make([]uint32, 0, sh.hi-sh.lo)
	sh.cells = make([]map[string]uint64, len(cols))
	for k := range sh.cells {
		sh.cells[k] = map[string]uint64{}
	}
	events := 0
	for row := sh.lo; row < sh.hi; row++ {
		switch {
		case row-sh.lo == cellSample:
			// Room for the rest at the rate so far, rather than a list
			// of tens of MB copied each time it doubles.
			sh.list = slices.Grow(sh.list, len(sh.list)/cellSample*(sh.hi-row)*9/8)
			sh.dict.reserve(sh.dict.len() / cellSample * (sh.hi - sh.lo) * 9 / 8)
			for k, m := range sh.cells {
				if len(m) > cellDistinct {
					sh.cells[k] = nil
				}
			}
		case (row-sh.lo)%every == every-1:
			if err := ctx.Err(); err != nil {
				return err
			}
			progress(events)
			events = 0
		}
		if !isEvent[row] {
			sh.end = append(sh.end, uint32(len(sh.list)))
			continue
		}
		events++
		for k, c := range cols {
			cell := f.Text(row, c)
			m := sh.cells[k]
			if at, ok := m[cell]; ok {
				for _, id := range sh.list[at>>32 : uint32(at)] {
					sh.add(id, row)
				}
				continue
			}
			// The cell's words are those it adds to the list, unless it
			// has one an earlier cell of the row added: then it is not
			// remembered.
			from, whole := len(sh.list), true
			buf = appendFold(buf[:0], cell)
			for rest := buf; len(rest) > 0; {
				j := bytes.IndexByte(rest, ' ')
				if j < 0 {
					j = len(rest)
				}
				w := rest[:j]
				rest = rest[min(j+1, len(rest)):]
				if len(w) == 0 {
					continue
				}
				id := sh.dict.add(w)
				if !sh.add(id, row) && m != nil && !slices.Contains(sh.list[from:], id) {
					whole = false
				}
			}
			if m != nil && whole && len(m) < cellsAtMost && !sh.dict.full {
				m[cell] = uint64(from)<<32 | uint64(len(sh.list))
			}
		}
		sh.end = append(sh.end, uint32(len(sh.list)))
	}
	progress(events)
	return ctx.Err()
}

// add lists word id for the row, once, and reports whether it did.
func (sh *shard) add(id uint32, row int) bool {
	if int(id) == len(sh.seen) {
		sh.seen = append(sh.seen, -1)
	}
	if sh.seen[id] == int32(row) {
		return false
	}
	sh.seen[id] = int32(row)
	sh.list = append(sh.list, id)
	return true
}

// merge numbers the words of all shards as one dictionary, the first
// shard's numbering extended by the others', and lists the events of each
// word. step is the number of rows in a shard.
func (s *Search) merge(shards []*shard, step int) error {
	if len(shards) == 0 {
		s.start, s.first = []uint32{0}, []uint32{0}
		return nil
	}
	d := shards[0].dict
	for _, sh := range shards {
		sh.cells, sh.seen = nil, nil
		if sh.dict.full {
			return errTooMuchText
		}
	}
	all := 0
	for _, sh := range shards {
		all += sh.dict.len()
	}
	d.reserve(all) // at most: the shards' words are often the same
	remaps := make([][]uint32, len(shards))
	for k, sh := range shards[1:] {
		remap := make([]uint32, sh.dict.len())
		for id := range remap {
			remap[id] = d.add(sh.dict.word(uint32(id)))
		}
		remaps[k+1] = remap
		sh.dict = nil
	}
	if d.full {
		return errTooMuchText
	}
	s.words, s.start = d.words, d.start
	nw := len(s.start) - 1

	// Renumber the shards' lists and count each word's events, a
	// goroutine a shard.
	counts := make([][]uint32, len(shards))
	eachShard(shards, func(k int, sh *shard) {
		remap, count := remaps[k], make([]uint32, nw)
		for i, l := range sh.list {
			if remap != nil {
				l = remap[l]
				sh.list[i] = l
			}
			count[l]++
		}
		counts[k] = count
	})
	count := make([]uint32, nw)
	for _, c := range counts {
		for w, n := range c {
			count[w] += n
		}
	}

	// The common words become bitsets, the others lists.
	rows := len(s.events) * 64
	s.first = make([]uint32, nw+1)
	dense := make([][]uint64, nw)
	total := uint32(0)
	for w := range nw {
		s.first[w] = total
		if int(count[w]) > rows/denseShare {
			dense[w] = make([]uint64, len(s.events))
			s.dense[uint32(w)] = dense[w]
		} else {
			total += count[w]
		}
	}
	s.first[nw] = total
	s.post = make([]uint32, total)
	// Each shard fills its rows' part of every list, in row order, so that
	// the lists come out sorted: its part of word w begins after the
	// earlier shards' rows with w.
	for w := range nw {
		at := s.first[w]
		for _, c := range counts {
			at, c[w] = at+c[w], at
		}
	}
	eachShard(shards, func(k int, sh *shard) {
		next, from := counts[k], uint32(0)
		for r, to := range sh.end {
			row := uint32(sh.lo + r)
			for _, w := range sh.list[from:to] {
				if d := dense[w]; d != nil {
					d[row/64] |= 1 << (row % 64)
				} else {
					s.post[next[w]] = row
					next[w]++
				}
			}
			from = to
		}
	})
	return nil
}

// eachShard runs fn for every shard, a goroutine each.
func eachShard(shards []*shard, fn func(k int, sh *shard)) {
	var wg sync.WaitGroup
	for k, sh := range shards {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fn(k, sh)
		}()
	}
	wg.Wait()
}

// Len returns the number of events searched.
func (s *Search) Len() int { return s.n }

// Matches is the events a query matched: event i (numbered as in the
// Index) matched when bit i%64 of Bits[i/64] is set.
type Matches struct {
	Bits  []uint64
	Count int // how many matched
}

// Has reports whether event i matched.
func (m Matches) Has(i int) bool {
	return i >= 0 && i/64 < len(m.Bits) && m.Bits[i/64]&(1<<(i%64)) != 0
}

// Bools returns the matches as Index.Matching does.
func (m Matches) Bools(n int) []bool {
	out := make([]bool, n)
	for i := range out {
		out[i] = m.Has(i)
	}
	return out
}

// Match returns the events whose text columns contain every word of the
// query, ignoring case and accents, exactly as Index.Matching marks them.
// An empty query matches every event.
func (s *Search) Match(query string) Matches {
	words := queryWords(query)
	// Longer words first: they tend to match fewer events, which makes the
	// remaining words cheaper to check.
	slices.SortStableFunc(words, func(a, b string) int { return len(b) - len(a) })

	s.mu.Lock()
	defer s.mu.Unlock()
	result := s.all()
	var todo []string
	for _, w := range words {
		if c := s.cached(w); c != nil {
			and(result, c.bits)
		} else {
			todo = append(todo, w)
		}
	}
	for k, w := range todo {
		// A cached word inside w ("checkpoint k" inside "checkpoint ki")
		// matched every event w matches, and perhaps a few more.
		for i := range s.cache {
			if strings.Contains(w, s.cache[i].word) {
				and(result, s.cache[i].bits)
			}
		}
		if popcount(result) <= s.checkAtMost {
			s.check(result, todo[k:])
			break
		}
		c := s.lookup(w)
		and(result, c.bits)
	}
	return s.toEvents(result)
}

// toEvents turns a bitset of rows into the events of those rows, 64
// events at a time so that the cores never share a word.
func (s *Search) toEvents(rows []uint64) Matches {
	out := make([]uint64, (s.n+63)/64)
	parallel(context.Background(), len(out), func(lo, hi int) {
		for k := lo; k < hi; k++ {
			var b uint64
			for j, r := range s.rows[k*64 : min(s.n, k*64+64)] {
				b |= (rows[r/64] >> (r % 64) & 1) << j
			}
			out[k] = b
		}
	})
	return Matches{Bits: out, Count: popcount(out)}
}

// all returns a bitset of the rows of every event.
func (s *Search) all() []uint64 { return slices.Clone(s.events) }

// cached returns the cached events of word w, or nil, and marks it used.
func (s *Search) cached(w string) *cachedWord {
	for i := range s.cache {
		if s.cache[i].word == w {
			c := s.cache[i]
			s.cache = append(slices.Delete(s.cache, i, i+1), c)
			return &s.cache[len(s.cache)-1]
		}
	}
	return nil
}

// check keeps, of the candidate rows, those whose text has every word,
// reading the text.
func (s *Search) check(candidates []uint64, words []string) {
	wb := wordBytes(words)
	var m matcher
	for k, b := range candidates {
		for b != 0 {
			i := k*64 + bits.TrailingZeros64(b)
			b &= b - 1
			if !m.match(s.f, s.cols, i, wb) {
				candidates[k] &^= 1 << (i % 64)
			}
		}
	}
}

// lookup finds the events of word w in the index and caches them. The
// dictionary is split between the cores, each scanning its part and
// uniting the events of its words that contain w.
func (s *Search) lookup(w string) *cachedWord {
	nw := len(s.start) - 1
	parts := min(runtime.GOMAXPROCS(0), max(1, len(s.words)/s.partBytes))
	found := make([][]uint64, parts)
	var wg sync.WaitGroup
	for p := range parts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			found[p] = s.scan(w, p*nw/parts, (p+1)*nw/parts)
		}()
	}
	wg.Wait()
	for _, f := range found[1:] {
		or(found[0], f)
	}
	c := cachedWord{word: w, bits: found[0], count: popcount(found[0])}
	if len(s.cache) == cacheWords {
		s.cache = slices.Delete(s.cache, 0, 1)
	}
	s.cache = append(s.cache, c)
	return &s.cache[len(s.cache)-1]
}

// scan returns the rows of the words numbered lo to hi that contain w.
func (s *Search) scan(w string, lo, hi int) []uint64 {
	out := make([]uint64, len(s.events))
	if lo >= hi {
		return out
	}
	base := int(s.start[lo])
	text := s.words[base:s.start[hi]]
	pat := []byte(w)
	t := lo // the word containing the last hit, or an earlier one
	for at := 0; ; {
		j := bytes.Index(text[at:], pat)
		if j < 0 {
			return out
		}
		t = s.wordAt(uint32(base+at+j), t, hi)
		if a, b := s.first[t], s.first[t+1]; a < b {
			for _, e := range s.post[a:b] {
				out[e/64] |= 1 << (e % 64)
			}
		} else {
			or(out, s.dense[uint32(t)])
		}
		at = int(s.start[t+1]) - base // on to the next word
	}
}

// wordAt returns the number of the word at byte p of s.words, searching
// from word t on (and before hi): hits come in order and often close
// together, so it gallops before bisecting.
func (s *Search) wordAt(p uint32, t, hi int) int {
	step := 1
	for t+step < hi && s.start[t+step] <= p {
		t += step
		step *= 2
	}
	// Now start[t] <= p < start[min(t+step, hi)].
	lo, up := t, min(t+step, hi)
	for up-lo > 1 {
		mid := (lo + up) / 2
		if s.start[mid] <= p {
			lo = mid
		} else {
			up = mid
		}
	}
	return lo
}

func and(dst, src []uint64) {
	for i := range dst {
		dst[i] &= src[i]
	}
}

func or(dst, src []uint64) {
	for i := range dst {
		dst[i] |= src[i]
	}
}

func popcount(b []uint64) int {
	n := 0
	for _, v := range b {
		n += bits.OnesCount64(v)
	}
	return n
}
