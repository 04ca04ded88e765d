package report

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxTitleWords bounds a title: a line on a timeline, not a paragraph.
const maxTitleWords = 12

// attributionWords open the tail of a sentence that only says who told
// it: ", police said", ", the ministry said", "nach Angaben der …".
var attributionWords = setOf("said", "says", "reported", "told", "announced", "sagte", "teilte", "berichtete", "hieß")

// title makes a short title of tokens lo..hi of a sentence: its words
// without the date m, brackets, an opening "Wie Anwohner berichten," and
// the tail saying who told it, cut at a clause that only adds to it, a
// German sentence opened by its date put back in subject–verb order, at
// most maxTitleWords words.
func (d *document) title(toks []token, lo, hi int, m mention) string {
	lo, hi = max(lo, 0), min(hi, len(toks))
	var kept []int
	depth := 0
	subordinate := false
	for k := lo; k < hi; k++ {
		t := toks[k]
		switch {
		case k >= m.from && k < m.j:
			continue
		case t.punct("(") || t.punct("["):
			depth++
			continue
		case t.punct(")") || t.punct("]"):
			depth--
			continue
		case depth > 0:
			continue
		}
		if t.punct(",") && opensWithReport(toks, kept) {
			kept = kept[:0] // "Wie Anwohner aus Gjumri berichten,": who told it
			continue
		}
		if t.punct(",") && k+1 < hi && toks[k+1].is("dass", "that") && emptyFrame(toks, kept) {
			// "Es wurde festgestellt, dass sich Jerewan … distanziert":
			// what was found is the title.
			kept = kept[:0]
			subordinate = true
			k++
			continue
		}
		if (t.punct(",") || t.punct(";") || t.punct(":") || t.isDash() && k > lo) && k >= m.j {
			// A clause that only adds ("…, killing two people", "…, the
			// ministry said", "…, dass …") ends the title once it has a
			// subject and a verb, and the date's clause is in.
			words := 0
			for _, q := range kept {
				if toks[q].kind != tPunct {
					words++
				}
			}
			if words >= 5 || words >= 3 && k+1 < hi && (clauseWords[toks[k+1].lower] || attributionTail(toks, k+1, hi)) {
				break
			}
		}
		if t.kind == tPunct && (t.s == "." || t.s == "!" || t.s == "?") && k == hi-1 {
			break
		}
		kept = append(kept, k)
	}
	kept = dropAttribution(toks, kept)
	for len(kept) > 0 && (toks[kept[0]].kind == tPunct || leadingConnectives[toks[kept[0]].lower]) {
		kept = kept[1:]
	}
	if d.lang == German && subordinate {
		kept = verbSecond(toks, kept)
	} else if d.lang == German {
		kept = subjectFirst(toks, kept)
	}
	for len(kept) > 0 && (toks[kept[len(kept)-1]].kind == tPunct || auxiliaries[toks[kept[len(kept)-1]].lower]) {
		kept = kept[:len(kept)-1]
	}
	var b strings.Builder
	words := 0
	cut := false
	for n, k := range kept {
		t := toks[k]
		if t.kind != tPunct {
			if words == maxTitleWords {
				cut = true
				break
			}
			words++
		}
		glued := n > 0 && kept[n-1] == k-1 && t.start == toks[k-1].end
		if n > 0 && !glued && !(t.kind == tPunct && strings.Contains(",;:.!?", t.s)) {
			b.WriteByte(' ')
		}
		b.WriteString(t.s)
	}
	out := strings.TrimRight(b.String(), ",;: ")
	if cut {
		out += " …"
	}
	return upperFirst(out)
}

// auxiliaries are the verbs a title does not end on: a clause cut before
// its participle ("Nach dem Abzug … hat").
var auxiliaries = setOf("hat", "haben", "ist", "sind", "wurde", "wurden", "has", "have", "had", "was", "were", "und", "and")

// reportingVerbs end an opening clause that only says who told it: "Wie
// Anwohner aus Gjumri berichten,", "As officials reported,".
var reportingVerbs = setOf("berichten", "berichtet", "berichtete", "berichteten", "meldet", "meldete", "sagte", "sagten",
	"heißt", "hieß", "said", "reported", "reports", "say", "says")

// opensWithReport reports whether kept is an opening clause that only
// says who told it: "Wie Anwohner aus Gjumri berichten", "As officials
// reported".
func opensWithReport(toks []token, kept []int) bool {
	return len(kept) >= 2 && toks[kept[0]].is("wie", "as", "laut", "according") && reportingVerbs[toks[kept[len(kept)-1]].lower]
}

// dropAttribution drops "nach Angaben der Regierung", "nach ukrainischen
// Angaben", "laut …", "according to …" from kept: who told it, not what
// happened.
func dropAttribution(toks []token, kept []int) []int {
	out := kept[:0:0]
	for n := 0; n < len(kept); n++ {
		t := toks[kept[n]]
		end := -1
		switch {
		case t.is("nach") && n+1 < len(kept) && (toks[kept[n+1]].is("angaben") || n+2 < len(kept) && toks[kept[n+2]].is("angaben")):
			end = n + 2
			if toks[kept[n+1]].is("angaben") {
				end = n + 2
			} else {
				end = n + 3
			}
		case t.is("according") && n+1 < len(kept) && toks[kept[n+1]].is("to"):
			end = n + 2
		}
		if end < 0 {
			out = append(out, kept[n])
			continue
		}
		// The one who told it: "der Regierung", "aus Teheran", "officials".
		if end < len(kept) && toks[kept[end]].is("der", "des", "aus", "von", "the") {
			q := end + 1
			for q < len(kept) && !toks[kept[q]].upper && toks[kept[q]].kind == tWord {
				q++
			}
			if q < len(kept) && toks[kept[q]].upper {
				end = q + 1
			}
		}
		n = end - 1
	}
	return out
}

// frameWords make a main clause that only frames what follows: "Es wurde
// festgestellt, dass …", "It was reported that …".
var frameWords = setOf("festgestellt", "berichtet", "gemeldet", "bekannt", "heißt", "hieß", "erklärt", "reported",
	"said", "noted", "observed", "emerged", "understood", "believed", "known", "announced")

// emptyFrame reports whether kept is such a frame: a few words, one of
// them a frame word.
func emptyFrame(toks []token, kept []int) bool {
	if len(kept) == 0 || len(kept) > 5 {
		return false
	}
	for _, k := range kept {
		if frameWords[toks[k].lower] {
			return true
		}
	}
	return false
}

// verbSecond puts a German subordinate clause, verb last, in main-clause
// order: "sich Jerewan von Moskau distanziert" → "Jerewan distanziert
// sich von Moskau".
func verbSecond(toks []token, kept []int) []int {
	if len(kept) < 3 {
		return kept
	}
	end := len(kept)
	for end > 0 && toks[kept[end-1]].kind == tPunct {
		end--
	}
	v := end
	for v > 0 && end-v < 2 && toks[kept[v-1]].kind == tWord && !toks[kept[v-1]].upper && !germanAdjective(toks[kept[v-1]]) {
		v--
	}
	if v == end || v == 0 {
		return kept
	}
	start := 0
	reflexive := toks[kept[0]].is("sich")
	if reflexive {
		start = 1
	}
	np := nounPhrase(toks, kept, start)
	if np == start || np > v {
		return kept
	}
	out := make([]int, 0, len(kept))
	out = append(out, kept[start:np]...)
	out = append(out, kept[v:end]...)
	if reflexive {
		out = append(out, kept[0])
	}
	out = append(out, kept[np:v]...)
	return out
}

// subjectFirst puts a German clause that opens with its verb — because
// its date, now dropped, stood first ("Zwei Tage später reiste Alijews
// Berater nach Jerewan") — back in subject–verb order: "Alijews Berater
// reiste nach Jerewan". The subject is the noun phrase after the verb,
// or after one prepositional phrase there ("Ist in Belgorod ein Wohnhaus
// … eingestürzt").
func subjectFirst(toks []token, kept []int) []int {
	if len(kept) < 3 {
		return kept
	}
	verb := toks[kept[0]]
	if verb.kind != tWord || verb.upper || articles[verb.lower] || isPreposition(verb.lower) {
		return kept
	}
	at := 1
	if isPreposition(toks[kept[at]].lower) {
		// Skip one prepositional phrase: up to its noun and that noun's
		// genitive.
		q := at + 1
		for q < len(kept) && !toks[kept[q]].upper {
			q++
		}
		q++
		for q+1 < len(kept) && toks[kept[q]].is("der", "des") {
			r := q + 1
			for r < len(kept) && !toks[kept[r]].upper {
				r++
			}
			q = r + 1
		}
		if q >= len(kept) {
			return kept
		}
		at = q
	}
	end := nounPhrase(toks, kept, at)
	if end == at {
		return kept
	}
	out := make([]int, 0, len(kept))
	out = append(out, kept[at:end]...)
	out = append(out, kept[0])
	out = append(out, kept[1:at]...)
	return append(out, kept[end:]...)
}

// nounPhrase returns the end of the noun phrase of kept starting at n:
// articles and adjectives, capitalised words and names, a genitive ("der
// Sicherheitsräte"), a second phrase joined by "und". It returns n when
// there is none.
func nounPhrase(toks []token, kept []int, n int) int {
	q := n
	for q < len(kept) && (articles[toks[kept[q]].lower] || !toks[kept[q]].upper && germanAdjective(toks[kept[q]]) || toks[kept[q]].kind == tNum || toks[kept[q]].is("mehrere", "einige", "viele", "zwei", "drei")) {
		q++
	}
	if q >= len(kept) || !toks[kept[q]].upper || toks[kept[q]].kind != tWord {
		return n
	}
	for q < len(kept) && toks[kept[q]].upper && toks[kept[q]].kind == tWord {
		q++
	}
	for q+1 < len(kept) && toks[kept[q]].is("der", "des") {
		r := q + 1
		for r < len(kept) && !toks[kept[r]].upper && germanAdjective(toks[kept[r]]) {
			r++
		}
		if r >= len(kept) || !toks[kept[r]].upper {
			break
		}
		q = r + 1
	}
	if q+1 < len(kept) && toks[kept[q]].is("und") {
		if e := nounPhrase(toks, kept, q+1); e > q+1 {
			q = e
		}
	}
	return q
}

// attributionTail reports whether the tokens from k say only who told it:
// "the ministry said", "regional officials said", "police said".
func attributionTail(toks []token, k, hi int) bool {
	for q := k; q < hi && q < k+5; q++ {
		if attributionWords[toks[q].lower] {
			return true
		}
	}
	return false
}

var leadingConnectives = setOf("dabei", "also", "außerdem", "zudem", "meanwhile", "and", "und", "but", "aber", "so", "then", "dann")

func upperFirst(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s
	}
	return string(unicode.ToUpper(r)) + s[size:]
}

// meetingTitle titles one of separate meetings with the partner as
// written: "Sergei Shoigu – Treffen mit dem nicaraguanischen
// Armeekommandanten Julio Aviles Castillo".
func (d *document) meetingTitle(subject []actor, partner string) string {
	who := ""
	if len(subject) > 0 {
		who = personal(subject[0].name)
	}
	with := "meeting with "
	if d.lang == German {
		with = "Treffen mit "
	}
	t := with + partner
	if who != "" {
		t = who + " – " + t
	}
	if w := strings.Fields(t); len(w) > maxTitleWords+2 {
		t = strings.Join(w[:maxTitleWords+2], " ") + " …"
	}
	return upperFirst(t)
}

// personal returns the personal name at the end of an actor's phrase
// ("Sergei Shoigu" of "russische Verteidigungsminister Sergei Shoigu"),
// or the whole phrase.
func personal(phrase string) string {
	w := strings.Fields(phrase)
	k := len(w)
	for k > 0 {
		r, _ := utf8.DecodeRuneInString(w[k-1])
		if !unicode.IsUpper(r) || isActorHead(token{s: w[k-1], lower: strings.ToLower(w[k-1]), kind: tWord, upper: true}) {
			break
		}
		k--
	}
	if k == len(w) || len(w)-k > 4 {
		return phrase
	}
	return strings.Join(w[k:], " ")
}
