package events

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// TestFold checks the folding analysts rely on: case, accents and the few
// letters that are written out without the right keyboard.
func TestFold(t *testing.T) {
	for in, want := range map[string]string{
		"Avilés Castillo": "aviles castillo", "ÜBER München": "uber munchen", "Ёлка": "елка",
		"Straße": "strasse", "Край": "край", "ЙОД": "йод", "Łódź": "lodz", "Ørsted": "orsted",
		"İstanbul": "istanbul", "e\u0301te\u0301": "ete", "Ouagadougou": "ouagadougou",
		"Gyumri's": "gyumri's", "Ереван\tГюмри": "ереван гюмри", "a\u00a0b": "a b",
		"Hà Nội": "ha noi", "Ελλάδα": "ελλαδα", "서울": "서울", "ÆSIR": "aesir",
		"bad\xffbyte": "bad\ufffdbyte", "": "",
	} {
		if got := fold(in); got != want {
			t.Errorf("fold(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestFoldKeepsWords checks, for every rune, what the search index relies
// on: white space folds to one space, and nothing else folds to anything
// holding white space.
func TestFoldKeepsWords(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		got := fold(string(r))
		if unicode.IsSpace(r) {
			if got != " " {
				t.Errorf("fold(%U) = %q, want a space", r, got)
			}
		} else if strings.IndexFunc(got, unicode.IsSpace) >= 0 {
			t.Errorf("fold(%U) = %q holds white space", r, got)
		}
	}
}

// TestQueryWords checks how a query is cut into words.
func TestQueryWords(t *testing.T) {
	for q, want := range map[string]string{
		"": "", "  \t ": "", "Sudan": "sudan", " SUDAN  sudan Süd ": "sudan|sud",
		"\u0301 x": "x", "Gyumri's (2000-)": "gyumri's|(2000-)",
	} {
		if got := strings.Join(queryWords(q), "|"); got != want {
			t.Errorf("queryWords(%q) = %q, want %q", q, got, want)
		}
	}
}
