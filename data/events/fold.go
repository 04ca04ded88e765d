package events

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Folding is what makes the search box forgiving: "sudan" finds "SUDAN",
// "aviles" finds "Avilés", "ёлка" and "елка" find each other, "strasse"
// finds "Straße". Text and query are both folded rune by rune and a word
// matches where its folding is a substring of a cell's folding.
//
// Folding one rune never depends on its neighbours, every white-space rune
// folds to a single ' ' and no other rune folds to anything containing
// white space. So the folding of a text is the foldings of its
// white-space-separated words joined by spaces, and a query word (which
// holds no white space) occurs in a folded cell exactly when it occurs
// inside one of the cell's folded words: that is what lets the search index
// keep words rather than whole cells (see Search).

// foldTableSize covers Latin, Greek, Cyrillic, Armenian, Hebrew, Arabic and
// Vietnamese letters: the runes whose accents analysts leave out. Above it
// (CJK, Hangul, symbols) runes are only lower-cased; Hangul syllables in
// particular must not be decomposed into their letters.
const foldTableSize = 0x2000

// foldSpecial are letters without a canonical decomposition that a reader
// without the right keyboard still writes with plain Latin letters.
var foldSpecial = map[rune]string{
	'ß': "ss", 'ẞ': "ss", 'æ': "ae", 'Æ': "ae", 'œ': "oe", 'Œ': "oe",
	'ø': "o", 'Ø': "o", 'đ': "d", 'Đ': "d", 'ð': "d", 'Ð': "d", 'ł': "l", 'Ł': "l",
	'ı': "i", 'ħ': "h", 'Ħ': "h", 'þ': "th", 'Þ': "th", 'ŧ': "t", 'Ŧ': "t",
	// й is a letter of its own in Russian and Ukrainian, not an и with an
	// accent: "Край" must not find "Краи".
	'й': "й", 'Й': "й",
}

// foldTable holds the folding of every rune below foldTableSize.
var foldTable = sync.OnceValue(func() *[foldTableSize]string {
	var t [foldTableSize]string
	for r := rune(0); r < foldTableSize; r++ {
		t[r] = foldSlow(r)
	}
	return &t
})

// foldSlow folds one rune: white space to ' ', combining marks away,
// the letters of foldSpecial to theirs, others to the lower case of their
// canonical decomposition without its accents.
func foldSlow(r rune) string {
	switch {
	case unicode.IsSpace(r):
		return " "
	case unicode.Is(unicode.Mn, r):
		return ""
	case foldSpecial[r] != "":
		return foldSpecial[r]
	case r >= foldTableSize || r == utf8.RuneError:
		return string(unicode.ToLower(r))
	}
	var b strings.Builder
	for _, d := range norm.NFD.String(string(r)) {
		if unicode.Is(unicode.Mn, d) {
			continue
		}
		if s, ok := foldSpecial[d]; ok {
			b.WriteString(s)
		} else {
			b.WriteRune(unicode.ToLower(d))
		}
	}
	out := b.String()
	if strings.IndexFunc(out, unicode.IsSpace) >= 0 {
		// Never happens for canonical decompositions, but the index relies
		// on it (see above): keep the rune rather than break a word.
		return string(unicode.ToLower(r))
	}
	return out
}

// asciiFold is the folding of each ASCII byte: lower case, white space to
// ' '. Most cells are ASCII, and this keeps them off the rune path.
var asciiFold = func() (t [utf8.RuneSelf]byte) {
	for i := range t {
		t[i] = byte(unicode.ToLower(rune(i)))
		if unicode.IsSpace(rune(i)) {
			t[i] = ' '
		}
	}
	return t
}()

// appendFold appends the folding of s to dst.
func appendFold(dst []byte, s string) []byte {
	table := foldTable()
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			dst = append(dst, asciiFold[c])
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if r < foldTableSize {
			dst = append(dst, table[r]...)
		} else {
			dst = append(dst, foldSlow(r)...)
		}
	}
	return dst
}

// fold returns the folding of s.
func fold(s string) string { return string(appendFold(nil, s)) }

// queryWords splits a query at white space and folds each word, dropping
// words that fold to nothing (a lone accent) and repeated words: every word
// left must occur in some text column of a matching event.
func queryWords(query string) []string {
	var words []string
	for _, w := range strings.Fields(query) {
		if w = fold(w); w != "" && !slices.Contains(words, w) {
			words = append(words, w)
		}
	}
	return words
}

// Fold returns s folded as the search box folds it: what an engine table
// imported by Chronomap keeps beside the text, so that a query there
// finds what it finds in memory.
func Fold(s string) string { return fold(s) }

// AppendFold appends the folding of s to dst (see Fold).
func AppendFold(dst []byte, s string) []byte { return appendFold(dst, s) }

// QueryWords returns the folded words of a query that a matching event
// must all hold, as Matching and Search read it.
func QueryWords(query string) []string { return queryWords(query) }
