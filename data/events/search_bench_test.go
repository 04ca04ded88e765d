package events

import (
	"context"
	"runtime"
	"sync"
	"testing"
	"time"

	"chronomap/data/frame"
)

// bigFrame is the 1,000,000-row ACLED-like frame and its events, read once
// for all the search benchmarks of a run.
var bigFrame = sync.OnceValues(func() (*frame.Frame, *Index) { return acledFrame(1_000_000) })

// hugeFrame is the same with ten million rows (1.6 GB as CSV, about 3 GB
// in memory), for the 10M benchmarks.
var hugeFrame = sync.OnceValues(func() (*frame.Frame, *Index) { return acledFrame(10_000_000) })

func acledFrame(n int) (*frame.Frame, *Index) {
	f, err := frame.ReadBytes("big.csv", acledLike(n), frame.Options{})
	if err != nil {
		panic(err)
	}
	x, _ := Build(f, Detect(f))
	return f, x
}

// benchQueries are typical queries: one, two, three letters, whole words
// common and rare, several words, and a word found nowhere.
var benchQueries = []struct{ name, query string }{
	{"1-letter", "e"},
	{"1-letter-rare", "q"},
	{"2-letters", "ch"},
	{"3-letters", "che"},
	{"word", "checkpoint"},
	{"common-word", "the"},
	{"rare-word", "bur100017"},
	{"place", "ouagadougou"},
	{"3-words", "checkpoint killed ouagadougou"},
	{"nowhere", "xyzzy"},
}

// BenchmarkSearchBuild1M indexes the million events for search (one op =
// one build): ms per build, the index's size and the peak heap above what
// was in use before.
func BenchmarkSearchBuild1M(b *testing.B) { benchSearchBuild(b, bigFrame) }

// BenchmarkSearchBuild10M is BenchmarkSearchBuild1M on ten million events.
func BenchmarkSearchBuild10M(b *testing.B) { benchSearchBuild(b, hugeFrame) }

func benchSearchBuild(b *testing.B, frameOf func() (*frame.Frame, *Index)) {
	f, x := frameOf()
	var s *Search
	peak := peakHeap(b, func() {
		var err error
		if s, err = BuildSearch(context.Background(), f, x, nil); err != nil {
			b.Fatal(err)
		}
	})
	b.ReportMetric(b.Elapsed().Seconds()*1000/float64(b.N), "ms/build")
	b.ReportMetric(float64(s.bytes())/(1<<20), "index-MB")
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
	b.ReportMetric(float64(len(s.start)-1), "words")
}

// BenchmarkSearch1M answers each query on the million events with the
// index, its cache empty (the first keystroke of a query), and by reading
// every text cell (Matching, the reference). One op is one search.
func BenchmarkSearch1M(b *testing.B) { benchSearch(b, bigFrame) }

// BenchmarkSearch10M is BenchmarkSearch1M on ten million events.
func BenchmarkSearch10M(b *testing.B) { benchSearch(b, hugeFrame) }

func benchSearch(b *testing.B, frameOf func() (*frame.Frame, *Index)) {
	f, x := frameOf()
	s, err := BuildSearch(context.Background(), f, x, nil)
	if err != nil {
		b.Fatal(err)
	}
	for _, q := range benchQueries {
		b.Run("index/"+q.name, func(b *testing.B) {
			n := 0
			for range b.N {
				s.cache = nil
				n = s.Match(q.query).Count
			}
			b.ReportMetric(b.Elapsed().Seconds()*1000/float64(b.N), "ms/search")
			b.ReportMetric(float64(n), "matches")
		})
	}
	for _, q := range benchQueries {
		b.Run("Matching/"+q.name, func(b *testing.B) {
			for range b.N {
				x.Matching(f, q.query)
			}
			b.ReportMetric(b.Elapsed().Seconds()*1000/float64(b.N), "ms/search")
		})
	}
}

// BenchmarkSearchTyping1M types queries a letter at a time, as the filter
// bar sees them, starting with an empty cache. One op is one keystroke;
// it reports the mean and the slowest keystroke.
func BenchmarkSearchTyping1M(b *testing.B) {
	f, x := bigFrame()
	s, err := BuildSearch(context.Background(), f, x, nil)
	if err != nil {
		b.Fatal(err)
	}
	for _, q := range []string{"checkpoint killed ouagadougou", "the e a o", "bur100017 moscow"} {
		b.Run(q, func(b *testing.B) {
			var slowest time.Duration
			keys := 0
			for range b.N {
				s.cache = nil
				for i := 1; i <= len(q); i++ {
					t0 := time.Now()
					s.Match(q[:i])
					slowest = max(slowest, time.Since(t0))
					keys++
				}
			}
			b.ReportMetric(b.Elapsed().Seconds()*1000/float64(keys), "ms/key")
			b.ReportMetric(slowest.Seconds()*1000, "max-ms/key")
		})
	}
}

// bytes returns the size of the index, without the cache.
func (s *Search) bytes() int {
	n := len(s.words) + 4*(len(s.start)+len(s.first)+len(s.post))
	for _, d := range s.dense {
		n += 8*len(d) + 16
	}
	return n
}

// peakHeap runs fn b.N times and returns the highest heap in use during a
// run above the heap in use before it, sampled every millisecond.
func peakHeap(b *testing.B, fn func()) uint64 {
	var peak uint64
	b.ResetTimer()
	for range b.N {
		b.StopTimer()
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		base := m.HeapInuse
		stop, done := make(chan struct{}), make(chan uint64)
		go func() {
			var top uint64
			var s runtime.MemStats
			for {
				runtime.ReadMemStats(&s)
				top = max(top, s.HeapInuse)
				select {
				case <-stop:
					done <- top
					return
				case <-time.After(time.Millisecond):
				}
			}
		}()
		b.StartTimer()
		fn()
		b.StopTimer()
		close(stop)
		if top := <-done; top > base {
			peak = max(peak, top-base)
		}
		b.StartTimer()
	}
	return peak
}
