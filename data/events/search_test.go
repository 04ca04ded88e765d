package events

import (
	"testing"

	"chronomap/data/frame"
)

// TestMatching checks the filter bar's search: every word must appear in
// some text column, case does not matter, Cyrillic and umlauts included.
func TestMatching(t *testing.T) {
	f, err := frame.ReadBytes("x.csv", []byte("date,title,place\n2023-11-07,Shoigu meets Avilés Castillo,Moskau\n2023-11-03,Asryan trifft Basham,Ереван\n2023-11-05,Blogger warnt,Gjumri\n"), frame.Options{})
	if err != nil {
		t.Fatal(err)
	}
	x, _ := Build(f, Detect(f))
	count := func(q string) int {
		n := 0
		for _, ok := range x.Matching(f, q) {
			if ok {
				n++
			}
		}
		return n
	}
	for q, want := range map[string]int{
		"": 3, "shoigu": 1, "SHOIGU moskau": 1, "shoigu basham": 0, "ереван": 1, "ЕРЕВАН": 1,
		"avilés": 1, "AVILÉS": 1, "t": 3, "xyz": 0,
	} {
		if got := count(q); got != want {
			t.Errorf("%q matches %d events, want %d", q, got, want)
		}
	}
}

// BenchmarkMatching1M searches a million generated events for a word
// (one op = one keystroke's search).
func BenchmarkMatching1M(b *testing.B) {
	f, err := frame.ReadBytes("big.csv", acledLike(1_000_000), frame.Options{})
	if err != nil {
		b.Fatal(err)
	}
	x, _ := Build(f, Detect(f))
	b.ResetTimer()
	for range b.N {
		x.Matching(f, "checkpoint")
	}
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/search")
}
