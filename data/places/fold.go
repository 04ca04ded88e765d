package places

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Fold returns the form of a name that matching compares: lower case,
// without diacritics (so ё is е, é is e, and й is и), with hyphens, dots,
// commas and slashes read as spaces, apostrophes dropped and runs of
// spaces made one. "Sant Julià de Lòria", "SANT-JULIA DE LORIA" and
// "sant julia de loria" all fold to the last.
//
// The embedded gazetteer stores its names already folded by this function:
// a change here must be followed by regenerating it (assets/gazetteer).
func Fold(s string) string {
	if isPlainASCII(s) {
		return foldASCII(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	space := true // true at the start, so leading spaces vanish
	for _, r := range norm.NFD.String(s) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		if rep, ok := letterFolds[r]; ok {
			b.WriteString(rep)
			space = false
			continue
		}
		switch {
		case isApostrophe(r):
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mc, r): // Mc: vowel signs of Indic scripts
			b.WriteRune(unicode.ToLower(r))
			space = false
		case !space: // any other sign or space separates words
			b.WriteByte(' ')
			space = true
		}
	}
	return strings.TrimSuffix(b.String(), " ")
}

// letterFolds spells the letters that have no decomposition into a base
// letter and a mark the way their languages' own ASCII spellings do.
var letterFolds = map[rune]string{
	'ß': "ss", 'ẞ': "ss", 'æ': "ae", 'Æ': "ae", 'œ': "oe", 'Œ': "oe",
	'ø': "o", 'Ø': "o", 'ł': "l", 'Ł': "l", 'đ': "d", 'Đ': "d", 'ð': "d", 'Ð': "d",
	'þ': "th", 'Þ': "th", 'ı': "i", 'ħ': "h", 'Ħ': "h", 'ŧ': "t", 'Ŧ': "t",
}

// isApostrophe reports the signs that sit inside a word without splitting
// it: "Sana'a", "Kam’yanets", the soft-sign prime of transliterations.
func isApostrophe(r rune) bool {
	switch r {
	case '\'', '’', '‘', 'ʼ', 'ʻ', 'ʹ', 'ʺ', '`', '´', '"', '″', '′':
		return true
	}
	return false
}

// isPlainASCII reports whether s has only ASCII bytes, the common case
// that needs no Unicode normalisation.
func isPlainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// foldASCII is Fold for ASCII text, without allocation when s is already
// folded.
func foldASCII(s string) string {
	folded := true
	space := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
			space = false
		case c == ' ' && !space && i < len(s)-1:
			space = true
		default:
			folded = false
		}
		if !folded {
			break
		}
	}
	if folded {
		return s
	}
	b := make([]byte, 0, len(s))
	space = true
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
			b = append(b, c)
			space = false
		case c >= 'A' && c <= 'Z':
			b = append(b, c+'a'-'A')
			space = false
		case c == '\'' || c == '`' || c == '"':
			continue
		case !space:
			b = append(b, ' ')
			space = true
		}
	}
	if n := len(b); n > 0 && b[n-1] == ' ' {
		b = b[:n-1]
	}
	return string(b)
}
