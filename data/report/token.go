package report

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// tokKind is what a token is made of.
type tokKind uint8

const (
	tWord  tokKind = iota + 1 // letters, with inner hyphens, apostrophes and dotted abbreviations: "Rostov-on-Don", "O'Brien", "U.S."
	tNum                      // digits, with letters written onto them: "7", "2023", "4th"
	tPunct                    // any other sign, one rune a token
)

// token is one word, number or sign of a sentence. Start and end are
// byte offsets in the whole text.
type token struct {
	s          string
	start, end int
	kind       tokKind
	upper      bool // starts with an upper-case letter
	caps       bool // all its letters are upper case, two or more of them: "YEREVAN", "NATO"
	lower      string
	num        int  // the value of a number's digits (up to 9 of them)
	digits     int  // how many digits a number has
	suffix     bool // a number with letters written onto it: "4th", "1er"
}

// is reports whether the token, in lower case, is one of words.
func (t token) is(words ...string) bool {
	for _, w := range words {
		if t.lower == w {
			return true
		}
	}
	return false
}

// punct reports whether the token is the sign s.
func (t token) punct(s string) bool { return t.kind == tPunct && t.s == s }

// isDash reports a dash or hyphen standing alone.
func (t token) isDash() bool {
	return t.kind == tPunct && (t.s == "-" || t.s == "–" || t.s == "—" || t.s == "‒" || t.s == "―")
}

// tokenize splits s[from:to] into tokens; offsets are into s.
func tokenize(s string, from, to int) []token {
	toks := make([]token, 0, (to-from)/5+1)
	i := from
	for i < to {
		r, size := utf8.DecodeRuneInString(s[i:to])
		switch {
		case unicode.IsSpace(r):
			i += size
		case r >= '0' && r <= '9':
			j := i
			v, n := 0, 0
			for j < to && s[j] >= '0' && s[j] <= '9' {
				if n < 9 {
					v = v*10 + int(s[j]-'0')
				}
				n++
				j++
			}
			k := wordEnd(s, j, to)
			t := token{start: i, end: k, kind: tNum, num: v, digits: n, suffix: k > j}
			if n > 9 {
				t.num = -1 // a run too long to be a date's part
			}
			t.s = s[i:k]
			t.lower = strings.ToLower(t.s)
			toks = append(toks, t)
			i = k
		case unicode.IsLetter(r):
			j := wordEnd(s, i, to)
			t := token{s: s[i:j], start: i, end: j, kind: tWord, upper: unicode.IsUpper(r)}
			t.lower = strings.ToLower(t.s)
			t.caps = t.upper && allCaps(t.s)
			toks = append(toks, t)
			i = j
		default:
			toks = append(toks, token{s: s[i : i+size], start: i, end: i + size, kind: tPunct, lower: s[i : i+size]})
			i += size
		}
	}
	return toks
}

// wordEnd returns the end of the word or letters starting at i: letters
// and digits, joined by single hyphens, apostrophes and, between single
// letters, dots ("U.S.", "z.B.").
func wordEnd(s string, i, to int) int {
	j := i
	for j < to {
		r, size := utf8.DecodeRuneInString(s[j:to])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
			j += size
			continue
		}
		if r == '-' || r == '\'' || r == '’' || r == '‐' {
			// Only inside a word: "Rostov-on-Don", "O'Brien", "Armenia's".
			if j+size < to {
				if n, _ := utf8.DecodeRuneInString(s[j+size : to]); unicode.IsLetter(n) || unicode.IsDigit(n) && r != '\'' && r != '’' {
					if j > i {
						j += size
						continue
					}
				}
			}
			return j
		}
		if r == '.' && j > i && j+1 < to && isLetterByte(s[j+1]) && (j+2 == to || s[j+2] == '.') && singleLetterBefore(s, i, j) {
			// A dotted abbreviation: U.S., U.K., z.B. — take the dot and
			// the next letter, then its dot.
			j += 2
			if j < to && s[j] == '.' {
				j++
			}
			continue
		}
		return j
	}
	return j
}

// singleLetterBefore reports whether s[i:j] ends with a single letter that
// starts the word or follows a dot.
func singleLetterBefore(s string, i, j int) bool {
	k := j - 1
	if k < i || !isLetterByte(s[k]) {
		return false
	}
	return k == i || s[k-1] == '.'
}

func isLetterByte(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// allCaps reports whether a word has two or more letters, all upper case.
func allCaps(w string) bool {
	n := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			n++
		}
	}
	return n >= 2
}

// join returns the text the tokens toks[i:j] cover in s.
func join(s string, toks []token, i, j int) string {
	if i >= j || i < 0 || j > len(toks) {
		return ""
	}
	return s[toks[i].start:toks[j-1].end]
}
