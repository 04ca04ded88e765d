package report

import (
	"strings"
	"unicode/utf8"

	"chronomap/data/places"
)

// Roles of a place in its sentence, as the why of a proposal tells them.
const (
	roleAt        = "at"        // "in Moskau", "near Tombouctou"
	roleTowards   = "towards"   // "nach Jerewan", "to Kyiv"
	roleFrom      = "from"      // "aus Gjumri"
	roleOf        = "of"        // "residents of Gyumri", "the siege of Gaza"
	roleBare      = "named"     // "visited Kyiv", "dass sich Jerewan ... distanziert"
	roleCapital   = "capital"   // "in der russischen Hauptstadt"
	rolePossessor = "possessor" // "Armenia's", "Russlands": a country's, not where anything happened
	roleQualifier = "qualifier" // the "Armenien" of "Gyumri, Armenien"
)

// where is a place named in a sentence.
type where struct {
	from, i, j int // tokens: from the preposition shown in why, i..j the name
	query      string
	match      places.Match
	weight     float64 // how surely an event of the sentence happened there, from the words around it
	role       string
	country    bool   // the whole country
	state      string // a US state, folded, placed at its capital
	hint       string // the country a qualifier after the name gives: "Gyumri, Armenien", "Moscow, Idaho"
	qualified  bool
	region     bool // the region of that name ("Odesa Oblast", "das Gebiet Kursk"), placed at its city
}

// found is one answer of the gazetteer, remembered for the document.
type found struct {
	m  places.Match
	ok bool
}

// gazetteer looks names up once per document.
type gazetteer struct {
	cache map[string]found
}

func (g *gazetteer) geocode(name, hint string) (places.Match, bool) {
	key := name + "\x00" + hint
	if f, ok := g.cache[key]; ok {
		return f.m, f.ok
	}
	m, err := places.Geocode(name, hint)
	ok := err == nil && acceptable(name, m)
	g.cache[key] = found{m, ok}
	return m, ok
}

// acceptable drops answers a text's word should not get: a code of two or
// three letters that is not a country's usual abbreviation ("AM", "IS"),
// and names of one or two letters.
func acceptable(name string, m places.Match) bool {
	if utf8.RuneCountInString(name) <= 3 && strings.ToUpper(name) == name {
		_, ok := countryCodes[name]
		return ok
	}
	return utf8.RuneCountInString(name) >= 3
}

// scanPlaces finds the places named in toks, with the words around them.
func (d *document) scanPlaces(toks []token) []where {
	var out []where
	for i := 0; i < len(toks); i++ {
		if w, ok := d.capitalPhrase(toks, i); ok {
			out = append(out, w)
			i = w.j - 1
			continue
		}
		t := toks[i]
		if t.kind != tWord || !t.upper || isNotName(t) && !t.caps || isActorHead(t) && !t.caps {
			continue
		}
		if _, ok := demonym(t.s, true); ok && !strings.ContainsAny(t.s, "-") {
			if _, isCode := countryCodes[t.s]; !isCode {
				continue
			}
		}
		w, ok := d.name(toks, i)
		if !ok {
			continue
		}
		d.context(toks, &w)
		d.qualifier(toks, &w)
		out = append(out, w)
		i = w.j - 1
	}
	return out
}

// name looks up the longest name starting at token i: up to four words
// with the small words of names between them ("Rostow am Don").
func (d *document) name(toks []token, i int) (where, bool) {
	end := i + 1
	for end < len(toks) && end-i < 4 {
		n, p := toks[end], toks[end-1]
		if n.punct(".") && n.start == p.end && p.is("st", "ft", "mt") && end+1 < len(toks) && toks[end+1].upper {
			end += 2 // "St. Petersburg", "Ft. Worth"
			continue
		}
		if n.kind != tWord || n.start-p.end > 1 || !(n.upper && !isNotName(n) || nameConnectors[n.lower] && end+1 < len(toks) && toks[end+1].upper) {
			break
		}
		end++
	}
	for j := end; j > i; j-- {
		if !toks[j-1].upper {
			continue
		}
		q := join(d.text, toks, i, j)
		for _, v := range variants(q, j-i > 1) {
			m, ok := d.gaz.geocode(v.name, "")
			_, isState := usStates[places.Fold(v.name)]
			if isState && (!ok || m.Kind != places.KindCountry) {
				// "Idaho", "Texas": the state, not a town named after it.
				if w, ok := d.state(v.name, i, j); ok {
					w.possessive(v.possessive)
					return w, true
				}
			}
			if !ok {
				continue
			}
			w := where{from: i, i: i, j: j, query: v.name, match: m, country: m.Kind == places.KindCountry}
			w.possessive(v.possessive)
			return w, true
		}
	}
	return where{}, false
}

// possessive marks a name written as a country's or city's ("Armenia's",
// "Russlands"): what belongs to it, not where anything happened.
func (w *where) possessive(yes bool) {
	if yes {
		w.role = rolePossessor
	}
}

// state returns a US state as a place: its capital, under its own name.
func (d *document) state(name string, i, j int) (where, bool) {
	f := places.Fold(name)
	capital, ok := usStates[f]
	if !ok {
		return where{}, false
	}
	m, ok := d.gaz.geocode(capital, "US")
	if !ok {
		return where{}, false
	}
	m.Query, m.Place.Name, m.Place.Kind = name, name, KindState
	m.Alternatives = nil // the capital's namesakes are not the state's
	return where{from: i, i: i, j: j, query: name, match: m, state: f}, true
}

// KindState is the kind of a proposal's place that is a state of the
// United States, put at its capital.
const KindState = "state"

type variant struct {
	name       string
	possessive bool
}

// variants returns the forms a name in running text may be looked up in:
// as written; without an English possessive ("Armenia's"); without a
// German genitive -s ("Russlands", "Moskaus"); with a German adjective's
// -en made -e ("Vereinigten Staaten"); a Russian case ending made the
// nominative ("Москве").
func variants(q string, multi bool) []variant {
	vs := []variant{{name: q}}
	for _, suffix := range []string{"'s", "’s", "'", "’"} {
		if base, ok := strings.CutSuffix(q, suffix); ok && len(base) > 2 {
			return []variant{{name: base, possessive: true}}
		}
	}
	if strings.HasSuffix(q, "s") && utf8.RuneCountInString(q) >= 5 {
		vs = append(vs, variant{name: q[:len(q)-1], possessive: true})
	}
	if multi {
		words := strings.Fields(q)
		changed := false
		for k, w := range words {
			if strings.HasSuffix(w, "en") && utf8.RuneCountInString(w) > 4 {
				words[k] = w[:len(w)-1]
				changed = true
			}
		}
		if changed {
			vs = append(vs, variant{name: strings.Join(words, " ")})
		}
	}
	for _, e := range [][2]string{{"е", "а"}, {"ы", "а"}, {"и", "я"}, {"у", "а"}, {"ой", "а"}, {"ом", ""}, {"е", ""}, {"а", ""}} {
		if base, ok := strings.CutSuffix(q, e[0]); ok && utf8.RuneCountInString(base) >= 3 {
			vs = append(vs, variant{name: base + e[1]})
		}
	}
	return vs
}

// context reads the words before a name: its preposition, past articles,
// adjectives and a word for a settlement ("in der nicaraguanischen Stadt
// León", "at the southern port of Odesa").
func (d *document) context(toks []token, w *where) {
	if w.role == rolePossessor {
		w.weight = 0
		return
	}
	k := w.i - 1
	noun, region := false, false
	tok := func(i int) token {
		if i < 0 || i >= len(toks) {
			return token{}
		}
		return toks[i]
	}
	region = regionNouns[tok(w.j).lower] && !w.country && w.state == "" // "Odesa Oblast", "Krasnodar Krai"
	if region {
		w.j++
	}
	defer func() { w.region = region && w.weight > 0 && w.state == "" }()
	if stateWords[tok(k).lower] && w.state != "" || tok(k).is("of") && tok(k-1).is("state") {
		w.qualified = true
	}
	switch {
	case tok(k).is("of") && (placeNouns[tok(k-1).lower] || tok(k-1).is("port")):
		noun = true
		k -= 2
	case tok(k).is("of") && tok(k-1).kind == tWord && !tok(k-1).upper:
		// "residents of Gyumri", "the siege of Gaza", "north of Kyiv".
		w.from, w.role, w.weight = k, roleOf, 0.75
		return
	case placeNouns[tok(k).lower] || tok(k).upper && strings.HasSuffix(tok(k).lower, "stadt"):
		noun = true
		region = region || regionNouns[tok(k).lower]
		k--
	}
	// Articles and adjectives: "der russischen", "the southern".
	for n := 0; n < 3 && k >= 0; n++ {
		t := tok(k)
		if t.kind != tWord || actionVerbs[t.lower] || !(articles[t.lower] || !t.upper && !isPreposition(t.lower) && !isVerbish(t) || isDemonymTok(t)) {
			break
		}
		k--
	}
	p := tok(k)
	if pw, ok := prepositions[p.lower]; ok && p.kind == tWord {
		wt, role := pw.weight, pw.role
		if p.is("and", "und") {
			// "in Kastilien und León": the preposition before the list.
			wt = 0
			for q := k - 1; q >= 0 && q > k-5; q-- {
				if pw2, ok := prepositions[toks[q].lower]; ok && !toks[q].is("and", "und") {
					wt, role = pw2.weight, pw2.role
					break
				}
			}
		}
		if p.is("as") && !tok(k-1).is("such") {
			wt = 0
		}
		if wt > 0 {
			w.from, w.weight, w.role = k, wt, role
			if noun && role == roleAt {
				w.weight = max(w.weight, 0.9)
			}
			if region && w.state == "" {
				w.weight *= 0.5 // "das Gebiet Kursk": the region, not its city
			}
			return
		}
	}
	if noun {
		w.from, w.role, w.weight = k+1, roleAt, 0.9
		if region && w.state == "" {
			w.weight = 0.45
		}
		return
	}
	// The object of a verb that acts on a place: "shelling Stepanakert",
	// "besuchte Lwiw".
	if p.kind == tWord && actionVerbs[p.lower] && !w.country && w.state == "" {
		w.from, w.role, w.weight = k, roleAt, 0.85
		return
	}
	w.role = roleBare
	// A name standing bare is a place only when it is a large one: a
	// capital or a city of a hundred thousand, found with some certainty;
	// and not a person's first name ("Vladimir Putin", "President
	// Vladimir …").
	next := tok(w.j)
	person := next.kind == tWord && next.upper && !isNotName(next) && !regionNouns[next.lower] && !placeNouns[next.lower] ||
		isActorHead(tok(w.i-1)) && tok(w.i-1).upper
	switch {
	case person:
		w.weight = 0
	case w.country || w.state != "":
		w.weight = 0
	case w.match.Kind == places.KindCapital && w.match.Confidence >= 0.8,
		w.match.Population >= 100_000 && w.match.Confidence >= 0.8:
		w.weight = 0.6
	default:
		w.weight = 0
	}
}

func isPreposition(w string) bool { _, ok := prepositions[w]; return ok }

func isDemonymTok(t token) bool { _, ok := demonym(t.s, t.upper); return ok }

// isVerbish reports lower-case words that are plainly not adjectives, so
// that "sich Jerewan" does not reach back past "sich".
func isVerbish(t token) bool {
	return t.is("sich", "sind", "ist", "war", "hat", "haben", "wurde", "wird", "und", "oder", "dass", "that", "is", "was",
		"were", "has", "had", "have", "be", "been", "also", "auch", "nicht", "not", "erneut", "again", "visited",
		"reached", "hit", "left", "entered", "struck", "attacked", "besuchte", "erreichte")
}

// qualifier reads a country or US state after a name and a comma:
// "Gyumri, Armenien", "Moscow, Idaho", "Savannah, Georgia".
func (d *document) qualifier(toks []token, w *where) {
	k := w.j
	if k+1 >= len(toks) || !(toks[k].punct(",") || toks[k].punct("(")) || toks[k+1].kind != tWord || !toks[k+1].upper {
		return
	}
	closing := toks[k].punct("(")
	end := k + 2
	for end < len(toks) && end-k-1 < 3 && toks[end].kind == tWord && toks[end].upper {
		end++
	}
	for e := end; e > k+1; e-- {
		if closing && (e >= len(toks) || !toks[e].punct(")")) {
			continue // "Butler (Pennsylvania)": the bracket closes on it
		}
		q := join(d.text, toks, k+1, e)
		f := places.Fold(q)
		if _, ok := usStates[f]; ok {
			if f == "georgia" {
				// "Tbilisi, Georgia" is the country; "Savannah, Georgia"
				// the state: whichever has the place.
				if m, ok := d.gaz.geocode(w.query, "GE"); ok && m.Country == "GE" {
					w.hint, w.qualified = "GE", true
					w.match = m
					w.j = e
					return
				}
			}
			if m, ok := d.gaz.geocode(w.query, "US"); ok {
				w.hint, w.qualified, w.match = "US", true, m
				w.j = e
				if closing {
					w.j++
				}
				return
			}
		}
		if c, ok := places.LookupCountry(q); ok && !w.country {
			if m, ok := d.gaz.geocode(w.query, c.Alpha2); ok {
				w.hint, w.qualified, w.match = c.Alpha2, true, m
				w.j = e
				if closing {
					w.j++
				}
			}
			return
		}
	}
}

// capitalPhrase reads "die russische Hauptstadt", "the Armenian capital",
// "Armenia's capital", "die Hauptstadt Armeniens", "the capital of
// Armenia" at token i: the country's capital.
func (d *document) capitalPhrase(toks []token, i int) (where, bool) {
	t := toks[i]
	if !t.is("hauptstadt", "capital") {
		return where{}, false
	}
	tok := func(k int) token {
		if k < 0 || k >= len(toks) {
			return token{}
		}
		return toks[k]
	}
	next := tok(i + 1)
	if next.kind == tWord && next.upper && !isNotName(next) {
		// "die georgische Hauptstadt Tiflis": the name says it.
		if _, ok := d.name(toks, i+1); ok {
			return where{}, false
		}
	}
	cc, start, end := "", i, i+1
	if c, ok := demonym(tok(i-1).s, tok(i-1).upper); ok && tok(i-1).kind == tWord {
		cc, start = c, i-1
	} else if p := tok(i - 1); p.kind == tWord && p.upper {
		if base, ok := strings.CutSuffix(strings.TrimSuffix(p.s, "’s"), "'s"); ok || strings.HasSuffix(p.s, "’s") {
			if base == p.s {
				base = strings.TrimSuffix(p.s, "’s")
			}
			if c, ok := places.LookupCountry(base); ok {
				cc, start = c.Alpha2, i-1
			}
		}
	}
	if cc == "" {
		k := i + 1
		if tok(k).is("of") {
			k++
			if tok(k).is("the") {
				k++
			}
		}
		if n := tok(k); n.kind == tWord && n.upper {
			for _, v := range variants(n.s, false) {
				if c, ok := places.LookupCountry(v.name); ok {
					cc, end = c.Alpha2, k+1
					break
				}
			}
		}
	}
	if cc == "" {
		return where{}, false
	}
	p, ok := places.Capital(cc)
	if !ok {
		return where{}, false
	}
	w := where{from: start, i: start, j: end, query: join(d.text, toks, start, end), role: roleCapital,
		match: places.Match{Query: join(d.text, toks, start, end), Place: p, Confidence: 0.95}}
	// The preposition before: "in der russischen Hauptstadt".
	k := start - 1
	for k >= 0 && articles[toks[k].lower] {
		k--
	}
	w.weight = 0.9
	if k >= 0 {
		if pw, ok := prepositions[toks[k].lower]; ok && pw.role == roleAt {
			w.from, w.weight = k, 1
		}
	}
	return w, true
}
