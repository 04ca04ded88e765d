package events

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"chronomap/data/frame"
)

// Matching marks the events whose text columns contain every word of a
// query, ignoring case: the search box of the filter bar. An empty query
// matches every event.
func (x *Index) Matching(f *frame.Frame, query string) []bool {
	out := make([]bool, x.Len())
	words := strings.Fields(strings.ToLower(query))
	if len(words) == 0 {
		for i := range out {
			out[i] = true
		}
		return out
	}
	var cols []int
	for i, c := range f.Columns {
		if c.Kind == frame.Text {
			cols = append(cols, i)
		}
	}
	parallel(x.Len(), func(lo, hi int) {
		for i := lo; i < hi; i++ {
			row := int(x.Row[i])
			all := true
			for _, w := range words {
				found := false
				for _, c := range cols {
					if containsFold(f.Text(row, c), w) {
						found = true
						break
					}
				}
				if !found {
					all = false
					break
				}
			}
			out[i] = all
		}
	})
	return out
}

// containsFold reports whether s contains the lower-case word w, ignoring
// the case of s, without allocating: the search runs over every text cell
// on every keystroke.
func containsFold(s, w string) bool {
	if len(w) == 0 {
		return true
	}
	first, size := utf8.DecodeRuneInString(w)
	for i := 0; i+len(w) <= len(s)+3; {
		r, n := utf8.DecodeRuneInString(s[i:])
		if n == 0 {
			return false
		}
		if unicode.ToLower(r) == first && hasPrefixFold(s[i+n:], w[size:]) {
			return true
		}
		i += n
	}
	return false
}

// hasPrefixFold reports whether s starts with the lower-case w, ignoring
// the case of s.
func hasPrefixFold(s, w string) bool {
	for _, wr := range w {
		if len(s) == 0 {
			return false
		}
		r, n := utf8.DecodeRuneInString(s)
		if unicode.ToLower(r) != wr {
			return false
		}
		s = s[n:]
	}
	return true
}
