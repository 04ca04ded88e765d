package report

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// sentence is one sentence of the text, with its tokens. Para numbers the
// paragraphs from 0; a heading or a dateline line is a paragraph of its
// own.
type sentence struct {
	start, end int
	para       int
	first      bool // the first sentence of its paragraph
	toks       []token
}

// paragraphs returns the byte spans of the text's paragraphs. A blank line
// always ends one. A single line break ends one too, unless the text is
// wrapped at a fixed width (no line much longer than a hundred
// characters), where it ends one only after a short line or one ending a
// sentence.
func paragraphs(s string) [][2]int {
	lines := splitLines(s)
	wrapped := true
	longest := 0
	for _, l := range lines {
		n := utf8.RuneCountInString(strings.TrimSpace(s[l[0]:l[1]]))
		longest = max(longest, n)
		if n > 100 {
			wrapped = false
		}
	}
	var paras [][2]int
	cur := [2]int{-1, -1}
	flush := func() {
		if cur[0] >= 0 {
			paras = append(paras, cur)
		}
		cur = [2]int{-1, -1}
	}
	for k, l := range lines {
		text := strings.TrimSpace(s[l[0]:l[1]])
		if text == "" {
			flush()
			continue
		}
		a := l[0] + strings.Index(s[l[0]:l[1]], text)
		b := a + len(text)
		if cur[0] < 0 {
			cur = [2]int{a, b}
		} else {
			cur[1] = b
		}
		if !wrapped || k+1 == len(lines) {
			flush()
			continue
		}
		n := utf8.RuneCountInString(text)
		last, _ := utf8.DecodeLastRuneInString(text)
		if n < longest*2/3 || n < 40 || strings.ContainsRune(".!?:\"“”»", last) && n < longest-15 {
			flush()
		}
	}
	flush()
	return paras
}

// splitLines returns the byte spans of the lines of s, without their
// line breaks.
func splitLines(s string) [][2]int {
	var lines [][2]int
	start := 0
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' {
			end := i
			if end > start && s[end-1] == '\r' {
				end--
			}
			lines = append(lines, [2]int{start, end})
			start = i + 1
		}
	}
	if start < len(s) {
		lines = append(lines, [2]int{start, len(s)})
	}
	return lines
}

// sentences splits the text into sentences, paragraph by paragraph.
func sentences(s string, lang string) []sentence {
	var out []sentence
	for p, span := range paragraphs(s) {
		toks := tokenize(s, span[0], span[1])
		begin := 0
		for i := 0; i < len(toks); i++ {
			if !endsSentence(toks, i, lang) {
				continue
			}
			// Closing quotes and brackets stay with the sentence they end.
			j := i + 1
			for j < len(toks) && toks[j].kind == tPunct && strings.Contains("\"“”»«’)]", toks[j].s) && toks[j].start == toks[j-1].end {
				j++
			}
			out = appendSentence(out, toks[begin:j], p)
			begin = j
			i = j - 1
		}
		out = appendSentence(out, toks[begin:], p)
	}
	return out
}

func appendSentence(out []sentence, toks []token, para int) []sentence {
	if len(toks) == 0 {
		return out
	}
	first := len(out) == 0 || out[len(out)-1].para != para
	return append(out, sentence{start: toks[0].start, end: toks[len(toks)-1].end, para: para, first: first, toks: toks})
}

// endsSentence reports whether toks[i] ends a sentence: a full stop,
// question or exclamation mark before a word that starts one, unless the
// stop belongs to an abbreviation ("Nov.", "Gen."), an initial ("C."), or
// a German ordinal ("am 7. November", "die 102. Militärbasis").
func endsSentence(toks []token, i int, lang string) bool {
	t := toks[i]
	if t.kind != tPunct || !(t.s == "." || t.s == "!" || t.s == "?" || t.s == "…") {
		return false
	}
	if i+1 == len(toks) {
		return false // the paragraph ends it anyway
	}
	next := toks[i+1]
	if next.kind == tPunct && strings.Contains("\"“”»«’)]", next.s) {
		if i+2 == len(toks) {
			return false
		}
		next = toks[i+2]
	}
	if next.start == t.end && next.kind != tPunct {
		return false // no space: "3.5", "ISW.org"
	}
	r, _ := utf8.DecodeRuneInString(next.s)
	startsUpper := unicode.IsUpper(r) || next.kind == tNum || next.kind == tPunct && strings.Contains("\"„“«(", next.s)
	if !startsUpper {
		return false
	}
	if t.s != "." || i == 0 {
		return true
	}
	prev := toks[i-1]
	if prev.end != t.start {
		return true
	}
	switch prev.kind {
	case tNum:
		// "am 7. November", "die 102. Militärbasis": a German ordinal,
		// and before a month's name in any text. A year before a stop
		// ends a sentence: "seit 2019. Die".
		if prev.digits <= 2 && monthOf(next) != 0 {
			return false
		}
		return !(lang == "de" && prev.digits <= 3 && !prev.suffix)
	case tWord:
		if strings.Contains(prev.s, ".") || utf8.RuneCountInString(prev.s) == 1 {
			return false // "U.S.", "z.B.", an initial
		}
		if abbreviations[prev.lower] {
			// "Nov. 4" and "Gen. Basham" go on; "... in Nov. The" is rare.
			return false
		}
	}
	return true
}

// abbreviations are the words written with a stop that does not end a
// sentence.
var abbreviations = setOf(
	"jan", "feb", "febr", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "okt", "nov", "dec", "dez",
	"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
	"mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "brig", "sgt", "capt", "adm", "cpl", "pvt", "cmdr",
	"st", "sen", "rep", "gov", "pres", "jr", "sr", "no", "nos", "nr", "vs", "ca", "approx", "inc", "corp", "co", "ltd",
	"bzw", "vgl", "sog", "ggf", "evtl", "inkl", "zzgl", "hrsg", "abs", "art", "bd", "bde", "mio", "mrd", "tsd", "fig",
	"oberst", "gen", "ft", "mt", "ave", "blvd", "dept", "univ", "est", "al",
)

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
