package events

import (
	"bytes"
	"context"
	"errors"
	"math"
	"math/bits"
	"runtime"
	"slices"
	"strings"
	"sync"

	"chronomap/data/frame"
	"chronomap/data/pacer"
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
	// The events having word w, ascending, are post[first[w]:first[w+1]],
	// or, when that is empty, the bitset dense[w].
	first []uint32
	post  []uint32
	dense map[uint32][]uint64

	// Where the text is, for checking short candidate lists directly.
	f    *frame.Frame
	rows []int32
	cols []int

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

// cachedWord is the events one folded query word matched.
type cachedWord struct {
	word  string
	bits  []uint64
	count int
}

const (
	// denseShare: a word in more than one event in denseShare is kept as a
	// bitset (n/8 bytes) instead of a list (4 bytes an event).
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
func BuildSearch(ctx context.Context, f *frame.Frame, x *Index, progress func(done, total int)) (*Search, error) {
	n := x.Len()
	if n >= pacer.Big {
		defer pacer.Tight()()
	}
	s := &Search{n: n, f: f, rows: x.Row, cols: textColumns(f), dense: map[uint32][]uint64{},
		checkAtMost: 4096, partBytes: 1 << 20}

	// Split the events into one shard per core; each finds the words of
	// its events with its own dictionary.
	workers := min(runtime.GOMAXPROCS(0), max(1, n/10_000))
	shards := make([]*shard, workers)
	var (
		wg     sync.WaitGroup
		pmu    sync.Mutex
		done   int
		failed error
	)
	step := (n + workers - 1) / max(workers, 1)
	for k := range shards {
		lo, hi := min(n, k*step), min(n, (k+1)*step)
		sh := newShard(lo, hi)
		shards[k] = sh
		wg.Add(1)
		go func() {
			defer wg.Done()
			err := sh.read(ctx, f, x.Row, s.cols, func(m int) {
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
	if err := s.merge(shards); err != nil {
		return nil, err
	}
	return s, ctx.Err()
}

// shard is the words of events lo to hi, numbered in the order found.
type shard struct {
	lo, hi int
	ids    map[string]uint32 // word → its number in this shard
	words  []byte            // as Search.words
	start  []uint32
	seen   []int32 // the last event found with each word
	// The word numbers of event lo+i are list[end[i-1]:end[i]], each once.
	list []uint32
	end  []uint32
}

func newShard(lo, hi int) *shard {
	return &shard{lo: lo, hi: hi, ids: map[string]uint32{}, start: []uint32{0}, end: make([]uint32, 0, hi-lo)}
}

// read finds the words of the shard's events, reporting every few
// thousand events to progress and stopping when ctx is done.
func (sh *shard) read(ctx context.Context, f *frame.Frame, rows []int32, cols []int, progress func(int)) error {
	const every = 1 << 14
	var buf []byte
	for i := sh.lo; i < sh.hi; i++ {
		if (i-sh.lo)%every == every-1 {
			if err := ctx.Err(); err != nil {
				return err
			}
			progress(every)
		}
		buf = buf[:0]
		for _, c := range cols {
			buf = appendFold(buf, f.Text(int(rows[i]), c))
			buf = append(buf, ' ')
		}
		for len(buf) > 0 {
			j := bytes.IndexByte(buf, ' ')
			w := buf[:j]
			buf = buf[j+1:]
			if len(w) == 0 {
				continue
			}
			id, ok := sh.ids[string(w)]
			if !ok {
				id = uint32(len(sh.seen))
				sh.ids[string(w)] = id
				sh.words = append(append(sh.words, w...), '\n')
				sh.start = append(sh.start, uint32(len(sh.words)))
				sh.seen = append(sh.seen, -1)
			}
			if sh.seen[id] != int32(i) {
				sh.seen[id] = int32(i)
				sh.list = append(sh.list, id)
			}
		}
		sh.end = append(sh.end, uint32(len(sh.list)))
	}
	progress((sh.hi - sh.lo) % every)
	return ctx.Err()
}

// merge numbers the words of all shards as one dictionary, the first
// shard's numbering extended by the others', and lists the events of each.
func (s *Search) merge(shards []*shard) error {
	if len(shards) == 0 {
		s.start = []uint32{0}
		s.first = []uint32{0}
		return nil
	}
	global := shards[0]
	s.words, s.start = global.words, global.start
	remaps := make([][]uint32, len(shards))
	for k, sh := range shards[1:] {
		remap := make([]uint32, len(sh.seen))
		for id := range remap {
			w := sh.words[sh.start[id] : sh.start[id+1]-1]
			g, ok := global.ids[string(w)]
			if !ok {
				if len(s.words)+len(w)+1 > math.MaxUint32 {
					return errTooMuchText
				}
				g = uint32(len(s.start) - 1)
				global.ids[string(w)] = g
				s.words = append(append(s.words, w...), '\n')
				s.start = append(s.start, uint32(len(s.words)))
			}
			remap[id] = g
		}
		remaps[k+1] = remap
		sh.ids = nil
	}
	global.ids = nil
	if uint64(len(s.words)) > math.MaxUint32 {
		return errTooMuchText
	}
	id := func(k int, local uint32) uint32 {
		if k == 0 {
			return local
		}
		return remaps[k][local]
	}

	// Count each word's events; the common words become bitsets, the
	// others lists, filled in event order so that they come out sorted.
	nw := len(s.start) - 1
	count := make([]uint32, nw+1)
	for k, sh := range shards {
		for _, l := range sh.list {
			count[id(k, l)]++
		}
	}
	s.first = make([]uint32, nw+1)
	total := uint32(0)
	for w := range nw {
		s.first[w] = total
		if int(count[w]) > s.n/denseShare {
			s.dense[uint32(w)] = make([]uint64, (s.n+63)/64)
		} else {
			total += count[w]
		}
	}
	s.first[nw] = total
	s.post = make([]uint32, total)
	next := count[:nw] // reused: where the next event of each word goes
	copy(next, s.first)
	for k, sh := range shards {
		from := uint32(0)
		for i, to := range sh.end {
			e := uint32(sh.lo + i)
			for _, l := range sh.list[from:to] {
				w := id(k, l)
				if s.first[w] == s.first[w+1] {
					s.dense[w][e/64] |= 1 << (e % 64)
				} else {
					s.post[next[w]] = e
					next[w]++
				}
			}
			from = to
		}
		sh.list = nil
	}
	return nil
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
	return Matches{Bits: result, Count: popcount(result)}
}

// all returns a bitset of every event.
func (s *Search) all() []uint64 {
	b := make([]uint64, (s.n+63)/64)
	for i := range b {
		b[i] = math.MaxUint64
	}
	if r := s.n % 64; r != 0 {
		b[len(b)-1] = 1<<r - 1
	}
	return b
}

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

// check keeps, of the candidates, the events whose text has every word,
// reading the text.
func (s *Search) check(candidates []uint64, words []string) {
	wb := wordBytes(words)
	var m matcher
	for k, b := range candidates {
		for b != 0 {
			i := k*64 + bits.TrailingZeros64(b)
			b &= b - 1
			if !m.match(s.f, s.cols, int(s.rows[i]), wb) {
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

// scan returns the events of the words numbered lo to hi that contain w.
func (s *Search) scan(w string, lo, hi int) []uint64 {
	out := make([]uint64, (s.n+63)/64)
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
