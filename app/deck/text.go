package deck

import (
	"encoding/xml"
	"strings"
	"unicode/utf8"
)

// clean returns s with what XML 1.0 cannot carry taken out: control
// characters other than tab, newline and carriage return, lone surrogates
// and U+FFFE/U+FFFF are dropped, so a stray byte pasted from a source
// cannot make the whole file unreadable. Bytes that are not UTF-8 become
// U+FFFD, which keeps a mark where something was lost.
func clean(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i, r := range s {
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
				b.WriteRune(utf8.RuneError)
				continue
			}
		}
		if xmlChar(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// xmlChar reports whether r is a Char in the XML 1.0 grammar.
func xmlChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD ||
		r >= 0x10000 && r <= 0x10FFFF
}

// esc returns s cleaned and escaped for XML text and attribute values
// alike (quotes, tabs and line ends become character references).
func esc(s string) string {
	var b strings.Builder
	// EscapeText writes to a strings.Builder, which never fails.
	_ = xml.EscapeText(&b, []byte(clean(s)))
	return b.String()
}

// lines splits s at line ends (\n, \r\n or a lone \r) after cleaning it;
// a paragraph of a slide is one line.
func lines(s string) []string {
	s = strings.ReplaceAll(clean(s), "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return strings.Split(s, "\n")
}

// oneLine is s cleaned with its line ends turned into spaces, for
// properties that hold a single line such as the document title.
func oneLine(s string) string {
	return strings.Join(strings.Fields(strings.Join(lines(s), " ")), " ")
}
