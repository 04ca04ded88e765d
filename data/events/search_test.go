package events

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"chronomap/data/frame"
)

// TestMatching checks the filter bar's search: every word must appear in
// some text column, case and accents do not matter, Cyrillic and umlauts
// included.
func TestMatching(t *testing.T) {
	f, err := frame.ReadBytes("x.csv", []byte("date,title,place\n2023-11-07,Shoigu meets Avilés Castillo,Moskau\n2023-11-03,Asryan trifft Basham,Ереван\n2023-11-05,Blogger warnt,Gjumri's Straße\n"), frame.Options{})
	if err != nil {
		t.Fatal(err)
	}
	x, _ := Build(f, Detect(f))
	s, err := BuildSearch(context.Background(), f, x, nil)
	if err != nil {
		t.Fatal(err)
	}
	count := func(m []bool) int {
		n := 0
		for _, ok := range m {
			if ok {
				n++
			}
		}
		return n
	}
	for q, want := range map[string]int{
		"": 3, "  ": 3, "shoigu": 1, "SHOIGU moskau": 1, "shoigu basham": 0, "ереван": 1, "ЕРЕВАН": 1,
		"avilés": 1, "AVILÉS": 1, "aviles": 1, "t": 3, "xyz": 0, "gjumri": 1, "strasse": 1,
		"STRAẞE": 1, "ri's": 1, "meets moskau": 1, "meets basham": 0, "2023-11-05": 1,
	} {
		if got := count(x.Matching(f, q)); got != want {
			t.Errorf("Matching(%q): %d events, want %d", q, got, want)
		}
		m := s.Match(q)
		if m.Count != want || count(m.Bools(x.Len())) != want {
			t.Errorf("Match(%q): %d events, want %d", q, m.Count, want)
		}
	}
}

// brute is the reference the search must agree with, written as plainly
// as possible: fold each query word and each cell, and look.
func brute(f *frame.Frame, x *Index, query string) []bool {
	var words []string
	for _, w := range strings.Fields(query) {
		if w = fold(w); w != "" {
			words = append(words, w)
		}
	}
	out := make([]bool, x.Len())
	for i := range out {
		out[i] = true
		for _, w := range words {
			found := false
			for c, col := range f.Columns {
				if col.Kind == frame.Text && strings.Contains(fold(f.Text(int(x.Row[i]), c)), w) {
					found = true
				}
			}
			out[i] = out[i] && found
		}
	}
	return out
}

// tricky are words that test folding and word boundaries.
var tricky = []string{
	"Avilés", "AVILES", "Straße", "STRASSE", "über", "Über", "ueber", "Ёлка", "елка", "ЁЛКА",
	"Край", "краи", "Ереван", "Gyumri's", "Gyumri", "(2000-)", "Ouagadougou", "OUAGA", "dougou",
	"e\u0301", "é", "İstanbul", "ı", "Łódź", "--", "'", "\"", "a", "A", "x", "1", "2023-11-07",
	"Москва,", "St.-Petersburg", "ǅ", "ﬁ", "Σίσυφος", "ς", "σ", "K", "\u212a", "日本",
}

// randomFrame makes a frame of up to 60 events with three text columns
// drawn from tricky words and the given extra ones, and a numeric column.
func randomFrame(t testing.TB, r *rand.Rand, extra []string) (*frame.Frame, *Index) {
	vocab := append(slices.Clone(tricky), extra...)
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.Write([]string{"date", "title", "place", "notes", "fatalities"})
	n := 1 + r.IntN(60)
	for range n {
		rec := []string{"2023-11-07"}
		for range 3 {
			var cell []string
			for range r.IntN(5) {
				word := vocab[r.IntN(len(vocab))]
				if r.IntN(4) == 0 {
					word += vocab[r.IntN(len(vocab))] // glued: a word inside a word
				}
				cell = append(cell, word)
			}
			sep := []string{" ", "  ", "\t", "\u00a0", " / "}[r.IntN(5)]
			rec = append(rec, strings.Join(cell, sep))
		}
		rec = append(rec, []string{"3", "12", ""}[r.IntN(3)])
		w.Write(rec)
	}
	w.Flush()
	f, err := frame.ReadBytes("random.csv", buf.Bytes(), frame.Options{})
	if err != nil {
		t.Skip("not a frame:", err)
	}
	x, _ := Build(f, Detect(f))
	return f, x
}

// randomQuery makes a query of a few words: pieces of tricky words, of
// the extra ones, in any case, with odd white space.
func randomQuery(r *rand.Rand, extra []string) string {
	vocab := append(slices.Clone(tricky), extra...)
	var q []string
	for range r.IntN(4) {
		w := []rune(vocab[r.IntN(len(vocab))])
		if len(w) == 0 {
			continue
		}
		lo := r.IntN(len(w))
		hi := lo + 1 + r.IntN(len(w)-lo)
		piece := string(w[lo:hi])
		switch r.IntN(3) {
		case 0:
			piece = strings.ToUpper(piece)
		case 1:
			piece = strings.ToLower(piece)
		}
		q = append(q, piece)
	}
	return strings.Join(q, []string{" ", "   ", "\t", "\n"}[r.IntN(4)])
}

// checkSearch compares a Search with the reference and with Matching for
// a query and for every prefix of it, as it is typed, so that the cache
// and the direct check of short candidate lists are exercised too.
func checkSearch(t *testing.T, f *frame.Frame, x *Index, s *Search, query string) {
	t.Helper()
	typed := []string{}
	for i := range query {
		typed = append(typed, query[:i])
	}
	checkQueries(t, f, x, s, append(typed, query)...)
}

// checkQueries compares a Search with the reference and with Matching
// for each query in turn.
func checkQueries(t *testing.T, f *frame.Frame, x *Index, s *Search, queries ...string) {
	t.Helper()
	for _, q := range queries {
		want := brute(f, x, q)
		if got := s.Match(q); !slices.Equal(got.Bools(x.Len()), want) || got.Count != count(want) {
			t.Fatalf("Match(%q) = %v (%d), want %v", q, got.Bools(x.Len()), got.Count, want)
		}
		if got := x.Matching(f, q); !slices.Equal(got, want) {
			t.Fatalf("Matching(%q) = %v, want %v", q, got, want)
		}
	}
}

func count(b []bool) int {
	n := 0
	for _, ok := range b {
		if ok {
			n++
		}
	}
	return n
}

// TestSearchAgreesWithBrute checks random frames and queries, through the
// index alone and through the direct check of candidates.
func TestSearchAgreesWithBrute(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 5))
	for range 200 {
		f, x := randomFrame(t, r, nil)
		for _, at := range []int{0, 1 + r.IntN(10), 1 << 30} {
			s, err := BuildSearch(context.Background(), f, x, nil)
			if err != nil {
				t.Fatal(err)
			}
			s.checkAtMost = at
			s.partBytes = 1 + r.IntN(64)
			for range 5 {
				checkSearch(t, f, x, s, randomQuery(r, nil))
			}
		}
	}
}

// FuzzSearch compares the index with the reference on random frames,
// their words drawn from tricky ones and from the fuzzer's text.
func FuzzSearch(f *testing.F) {
	f.Add(uint64(1), "Sudan|Ouagadougou|Gyumri's", "sudan GYUMRI")
	f.Add(uint64(2), "Ёлка|ЕЛКА|ёж", "ел Ё")
	f.Add(uint64(3), "Straße|Füße|MÜLLER", "STRASSE fuss")
	f.Add(uint64(4), "", "")
	f.Add(uint64(5), "a b c", " \t ")
	f.Add(uint64(6), "(2000-)|\"quoted\"|x,y;z", "(2000 ;z \"")
	f.Add(uint64(7), "bad\xff|\xc3", "\xff")
	f.Fuzz(func(t *testing.T, seed uint64, words, query string) {
		r := rand.New(rand.NewPCG(seed, 7))
		extra := strings.Split(words, "|")
		fr, x := randomFrame(t, r, extra)
		s, err := BuildSearch(context.Background(), fr, x, nil)
		if err != nil {
			t.Fatal(err)
		}
		s.checkAtMost = int(seed % 8)
		s.partBytes = 1 + int(seed%32)
		checkSearch(t, fr, x, s, query)
		checkSearch(t, fr, x, s, randomQuery(r, extra))
	})
}

// TestSearchLargeFrame checks the index where its word lists are long, some
// kept as bitsets and the dictionary scanned by several goroutines.
func TestSearchLargeFrame(t *testing.T) {
	f, err := frame.ReadBytes("big.csv", acledLike(10_000), frame.Options{})
	if err != nil {
		t.Fatal(err)
	}
	x, _ := Build(f, Detect(f))
	s, err := BuildSearch(context.Background(), f, x, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.dense) == 0 || len(s.post) == 0 {
		t.Fatalf("%d dense words and %d listed events: want both kinds", len(s.dense), len(s.post))
	}
	s.partBytes = 1 << 14
	checkQueries(t, f, x, s, "c", "ch", "checkpoint", "CHECKPOINT k", "CHECKPOINT kill", "ouagadougou",
		"dougou", "bur10001", "2 jan", "1994-01", `("local").`, "zzz", "e a o", "e a", "the checkp")
}

// TestBuildSearchCancel checks that a cancelled build stops with the
// context's error, and that progress reaches every event.
func TestBuildSearchCancel(t *testing.T) {
	f, err := frame.ReadBytes("big.csv", acledLike(40_000), frame.Options{})
	if err != nil {
		t.Fatal(err)
	}
	x, _ := Build(f, Detect(f))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := BuildSearch(ctx, f, x, nil); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled build: %v, want %v", err, context.Canceled)
	}
	last := 0
	if _, err := BuildSearch(context.Background(), f, x, func(done, total int) {
		if done < last || total != x.Len() {
			t.Errorf("progress %d of %d after %d", done, total, last)
		}
		last = done
	}); err != nil {
		t.Fatal(err)
	}
	if last != x.Len() {
		t.Errorf("progress ended at %d of %d", last, x.Len())
	}
}
