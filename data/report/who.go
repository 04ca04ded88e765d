package report

import (
	"strings"

	"chronomap/data/places"
)

// actor is a person, office, force, body or country named in a sentence.
type actor struct {
	i, j    int
	name    string // as written
	country string
	head    string // the word naming the office or body, lower case ("verteidigungsminister")
	last    string // a person's last name, folded, to know them again ("shoigu")
}

// englishTitles are the lower-case words English puts before an office:
// "defence minister", "regional officials".
var englishTitles = setOf("defence", "defense", "foreign", "interior", "regional", "local", "senior", "top", "former",
	"military", "deputy", "transitional", "prime", "army", "border", "security", "federal", "air", "coast", "state",
	"agriculture", "finance", "health", "justice", "republican", "democratic", "opposition", "rebel", "armed",
	"ukrainian", "russian", "government", "police", "ministry", "presidential", "acting", "vice", "assistant",
	"chief", "general", "supreme", "leader", "rights", "voting", "farm", "general's")

// scanActors finds who acts in a sentence, given the places found in it
// (a place is nobody, except a country standing as one).
func (d *document) scanActors(toks []token, wheres []where) []actor {
	d.wheres = wheres
	inPlace := make([]bool, len(toks))
	for _, w := range wheres {
		if w.weight <= 0 {
			continue // "Vladimir", "Ararat": names that are also towns, standing bare
		}
		for k := w.i; k < w.j && k < len(toks); k++ {
			inPlace[k] = true
		}
	}
	var out []actor
	used := make([]bool, len(toks))
	mark := func(a actor) {
		for k := a.i; k < a.j; k++ {
			used[k] = true
		}
		out = append(out, a)
	}
	for i := 0; i < len(toks); i++ {
		if used[i] || inPlace[i] || !isActorHead(toks[i]) {
			continue
		}
		a := d.phrase(toks, i, inPlace)
		mark(a)
		i = a.j - 1
	}
	// People known from before ("Shoigu", "Alijews"), acronyms ("NATO"),
	// the Kremlin, and countries named as actors ("Russland und Nicaragua").
	for i, t := range toks {
		if used[i] || inPlace[i] || t.kind != tWord || !t.upper {
			continue
		}
		base := strings.TrimSuffix(strings.TrimSuffix(t.s, "’s"), "'s")
		if cc, ok := d.people[places.Fold(base)]; ok {
			mark(actor{i: i, j: i + 1, name: t.s, country: cc, last: places.Fold(base)})
			continue
		}
		if strings.HasSuffix(t.s, "s") {
			if cc, ok := d.people[places.Fold(t.s[:len(t.s)-1])]; ok {
				mark(actor{i: i, j: i + 1, name: t.s, country: cc, last: places.Fold(t.s[:len(t.s)-1])})
				continue
			}
		}
		if cc, ok := institutions[t.lower]; ok {
			mark(actor{i: i, j: i + 1, name: t.s, country: cc, head: t.lower})
			continue
		}
		if t.caps && len(t.s) <= 8 && !isNotName(t) {
			if _, isCountry := countryCodes[t.s]; !isCountry {
				mark(actor{i: i, j: i + 1, name: t.s, head: t.lower})
			}
		}
	}
	for _, w := range wheres {
		if w.country && (w.role == roleBare || w.role == rolePossessor) && !used[w.i] {
			mark(actor{i: w.i, j: w.j, name: join(d.text, toks, w.i, w.j), country: w.match.Country, head: places.Fold(w.query)})
		}
	}
	// In text order, the subject first.
	for a := 1; a < len(out); a++ {
		for b := a; b > 0 && out[b].i < out[b-1].i; b-- {
			out[b], out[b-1] = out[b-1], out[b]
		}
	}
	return out
}

// phrase reads the actor whose head word is at i: the adjectives and
// titles before it, the office or body it belongs to after it, the name
// that follows ("russische Verteidigungsminister Sergei Shoigu", "Chef des
// armenischen Generalstabs Edvard Asyran", "Armenia's Foreign Minister
// Ararat Mirzoyan").
func (d *document) phrase(toks []token, i int, inPlace []bool) actor {
	a := i
	for k := i - 1; k >= 0 && i-k <= 4 && d.before(toks, k, inPlace); k-- {
		a = k
	}
	j := i + 1
	for j < len(toks) {
		t := toks[j]
		switch {
		case t.kind == tWord && (isActorHead(t) && t.upper || englishTitles[t.lower] && d.lang == English && j+1 < len(toks) && isActorHead(toks[j+1])):
			j++
		case t.kind == tWord && t.upper && !isNotName(t) && !inPlace[j]:
			j++
		case t.is("des", "der") && d.lang == German && j+1 < len(toks):
			// A genitive: "des armenischen Generalstabs", "der Junta".
			k := j + 1
			for k < len(toks) && !toks[k].upper && germanAdjective(toks[k]) {
				k++
			}
			if k < len(toks) && toks[k].upper && toks[k].kind == tWord && !inPlace[k] {
				j = k + 1
				continue
			}
			return d.actorOf(toks, a, j)
		case t.is("of") && d.lang == English && j+1 < len(toks):
			k := j + 1
			if toks[k].is("the") {
				k++
			}
			if k < len(toks) && toks[k].upper && toks[k].kind == tWord && !isNotName(toks[k]) || k < len(toks) && toks[k].is("state") && toks[k].upper {
				j = k + 1
				continue
			}
			return d.actorOf(toks, a, j)
		case t.punct("(") && j+2 < len(toks) && toks[j+1].caps && toks[j+2].punct(")"):
			j += 3
		default:
			return d.actorOf(toks, a, j)
		}
	}
	return d.actorOf(toks, a, j)
}

// determiners are the German possessives and the like, which end like
// adjectives but open a phrase: "seinen armenischen Amtskollegen".
var determiners = setOf("sein", "seine", "seinen", "seinem", "seiner", "seines", "ihr", "ihre", "ihren", "ihrem", "ihrer",
	"ihres", "unser", "unsere", "unseren", "dessen", "deren", "jene", "jenen", "welche", "welchen", "manche", "solche")

// before reports whether token k may stand in an actor's phrase before
// its head word: an adjective of a country, a title, a possessive
// ("Armenia's", "Nicaraguas"), an acronym ("NATO").
func (d *document) before(toks []token, k int, inPlace []bool) bool {
	t := toks[k]
	if t.kind != tWord || inPlace[k] {
		return false
	}
	_, isDem := demonym(t.s, t.upper)
	if !isDem && k+1 < len(toks) {
		_, isDem = twoWordDemonym(t, toks[k+1])
	}
	possessive := strings.HasSuffix(t.s, "'s") || strings.HasSuffix(t.s, "’s")
	switch {
	case isDem, possessive, t.caps && !isNotName(t):
		return true
	case !t.upper:
		return d.lang == German && germanAdjective(t) || englishTitles[t.lower]
	case d.lang == English:
		return !isNotName(t) || englishTitles[t.lower]
	}
	// "Nicaraguas Armeechef"
	return strings.HasSuffix(t.s, "s") && d.isCountryWord(t.s[:len(t.s)-1])
}

// germanAdjective reports a lower-case German word that may be an
// adjective before a noun: declined endings, and not a preposition,
// article or verb.
func germanAdjective(t token) bool {
	if t.kind != tWord || articles[t.lower] || determiners[t.lower] || isPreposition(t.lower) || isVerbish(t) || notNames[t.lower] {
		return false
	}
	for _, e := range []string{"e", "en", "er", "es", "em"} {
		if strings.HasSuffix(t.lower, e) {
			return true
		}
	}
	return false
}

func (d *document) isCountryWord(s string) bool {
	_, ok := places.LookupCountry(s)
	return ok && len(s) > 3
}

// actorOf makes the actor of tokens a..j, with the country its words tie
// it to, and remembers a person's last name.
func (d *document) actorOf(toks []token, a, j int) actor {
	for j > a+1 && (toks[j-1].kind != tWord && !toks[j-1].punct(")")) {
		j--
	}
	act := actor{i: a, j: j, name: join(d.text, toks, a, j)}
	for k := a; k < j; k++ {
		t := toks[k]
		if isActorHead(t) && act.head == "" {
			act.head = t.lower
		}
		if act.country != "" {
			continue
		}
		if k+1 < j {
			if cc, ok := twoWordDemonym(t, toks[k+1]); ok {
				act.country = cc
				continue
			}
		}
		if cc, ok := demonym(t.s, t.upper); ok && t.kind == tWord {
			act.country = cc
			continue
		}
		if cc, ok := institutions[t.lower]; ok {
			act.country = cc
			continue
		}
		if w, ok := d.whereAt(k); ok && (w.role == rolePossessor || k > a && toks[k-1].is("des", "of", "der")) && (w.country || w.state != "") {
			// "Armenia's", "Georgia's" (the state, in a text about Atlanta).
			act.country = w.match.Country
			continue
		}
		if t.upper && t.kind == tWord {
			for _, v := range variants(t.s, false) {
				if v.possessive || k > a && toks[k-1].is("des", "of", "der") {
					if c, ok := places.LookupCountry(v.name); ok && len(v.name) > 3 {
						act.country = c.Alpha2
						break
					}
				}
			}
		}
	}
	// A person's name ends the phrase: its last word is how the text
	// names them again.
	if last := toks[j-1]; last.kind == tWord && last.upper && !isActorHead(last) && !isNotName(last) && j-a >= 2 && toks[j-2].upper {
		act.last = places.Fold(last.s)
		if _, known := d.people[act.last]; !known {
			d.people[act.last] = act.country
		}
	}
	return act
}

// whereAt returns the place of the sentence being read whose name starts
// at token k.
func (d *document) whereAt(k int) (where, bool) {
	for _, w := range d.wheres {
		if w.i == k {
			return w, true
		}
	}
	return where{}, false
}
