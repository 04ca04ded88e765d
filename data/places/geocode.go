package places

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
)

// maxAlternatives bounds Match.Alternatives: enough to see what else a
// name could mean, short enough to read.
const maxAlternatives = 8

// ErrEmpty is returned for a name with nothing in it.
var ErrEmpty = errors.New("empty place name")

// NotFoundError says that a name is neither a place nor a country of the
// gazetteer, or not one in the country asked for; Elsewhere then lists
// where places of that name are.
type NotFoundError struct {
	Query     string
	In        string // the country the place was looked for in, by name; empty for anywhere
	Elsewhere []Place
}

func (e *NotFoundError) Error() string {
	if e.In == "" {
		return fmt.Sprintf("no place or country called %q in the gazetteer", e.Query)
	}
	msg := fmt.Sprintf("no place called %q in %s", e.Query, e.In)
	if len(e.Elsewhere) > 0 {
		var cs []string
		for _, p := range e.Elsewhere {
			if !slices.Contains(cs, p.Country) {
				cs = append(cs, p.Country)
			}
		}
		msg += " (there is one in " + strings.Join(cs, ", ") + ")"
	}
	return msg
}

// Geocode finds the place a name means. The name may be a place in any of
// the spellings the gazetteer knows (English, native, exonyms: "Moskau",
// "Москва", "Kiew"), "Place, Country" ("Gyumri, Armenia",
// "Moskau, Russland", "León, NI"), a country's name in any language, or an
// upper-case ISO 3166-1 code ("AM", "ARM"). Case and diacritics do not
// matter. countryHint, when not empty, is the country the place lies in,
// as a table's country column gives it: an ISO code or a name; a hint
// that names no country is ignored.
//
// Among places of the same name, a country's capital comes before other
// places and a larger place before a smaller one, as a reader would take
// them: Moscow is Russia's, not Idaho's. Confidence says how clearly the
// chosen place stands out; the others are its Alternatives.
//
// A name that matches nothing is an error (*NotFoundError, or ErrEmpty),
// never a guess.
func Geocode(name, countryHint string) (Match, error) {
	g, err := load()
	if err != nil {
		return Match{Query: name}, err
	}
	return g.geocode(name, countryHint)
}

// candidate is one place or country a name could mean, with its score.
type candidate struct {
	place   Place
	score   float64
	country bool
	primary bool // matched by its own name, not another
}

func (g *gazetteer) geocode(name, countryHint string) (Match, error) {
	m := Match{Query: name}
	q := strings.TrimSpace(name)
	if q == "" {
		return m, ErrEmpty
	}
	hint := -1
	if h := strings.TrimSpace(countryHint); h != "" {
		if i, ok := g.lookupCountry(h); ok {
			hint = i
		}
	}
	// An upper-case code is a country: "AM", "ARM". Lower case is read as
	// a name, since short names ("Ath", "Ede") are also towns.
	if isUpperCode(q) {
		if i, ok := g.countryByCode(q); ok {
			m.Place, m.Confidence = g.countries[i].Place(), 1
			return m, nil
		}
	}
	if head, tail, ok := strings.Cut(lastCommaSplit(q)); ok {
		if i, ok := g.lookupCountry(tail); ok {
			// "Gyumri, Armenia": the country written with the name wins
			// over the column's hint.
			first, _, _ := strings.Cut(head, ",")
			return g.resolve(m, strings.TrimSpace(first), i, 1)
		}
		// "Moscow, Idaho": the part after the comma is not a country. A
		// name with a comma in it is tried whole; else the first part,
		// with a confidence halved since the rest could not be checked.
		if r, err := g.resolve(m, q, hint, 1); err == nil {
			return r, nil
		}
		first, _, _ := strings.Cut(q, ",")
		return g.resolve(m, strings.TrimSpace(first), hint, 0.5)
	}
	return g.resolve(m, q, hint, 1)
}

// lastCommaSplit returns q with its last comma turned into the separator
// strings.Cut looks for, so that "a, b, c" cuts into "a, b" and " c".
func lastCommaSplit(q string) (string, string) {
	i := strings.LastIndexByte(q, ',')
	if i < 0 {
		return q, "\x00"
	}
	return q[:i] + "\x00" + q[i+1:], "\x00"
}

// isUpperCode reports a two- or three-letter upper-case ASCII word.
func isUpperCode(s string) bool {
	if len(s) < 2 || len(s) > 3 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

// resolve finds name among places and countries, in country in when in
// is not -1, and scales the confidence by trust.
func (g *gazetteer) resolve(m Match, name string, in int, trust float64) (Match, error) {
	key := Fold(name)
	if key == "" {
		return m, ErrEmpty
	}
	all := g.candidates(key)
	cands := all
	if in >= 0 {
		cc := g.countries[in].Alpha2
		cands = slices.DeleteFunc(slices.Clone(all), func(c candidate) bool { return c.place.Country != cc })
	}
	if len(cands) == 0 {
		e := &NotFoundError{Query: name}
		if in >= 0 {
			e.In = g.countries[in].Name
			for _, c := range all {
				if len(e.Elsewhere) < maxAlternatives {
					e.Elsewhere = append(e.Elsewhere, c.place)
				}
			}
		}
		return m, e
	}
	// A country of that name comes first: "Armenia" is the country, not
	// the Colombian city, unless the hint says Colombia (then the country
	// is filtered out above).
	slices.SortStableFunc(cands, func(a, b candidate) int {
		if a.country != b.country {
			if a.country {
				return -1
			}
			return 1
		}
		return -cmpFloat(a.score, b.score)
	})
	best := cands[0]
	m.Place = best.place
	m.Confidence = trust * confidence(cands)
	for _, c := range cands[1:] {
		if len(m.Alternatives) == maxAlternatives {
			break
		}
		m.Alternatives = append(m.Alternatives, c.place)
	}
	return m, nil
}

// candidates returns every place and country whose name or other name
// folds to key, one candidate a place.
func (g *gazetteer) candidates(key string) []candidate {
	var cands []candidate
	var buf [32]uint32
	refs := g.index.lookup(key, buf[:0])
	seen := make(map[uint32]int, len(refs))
	for _, ref := range refs {
		p, primary := ref&^primaryBit, ref&primaryBit != 0
		if j, dup := seen[p]; dup {
			if primary && !cands[j].primary {
				cands[j].primary = true
				cands[j].score += primaryBonus
			}
			continue
		}
		seen[p] = len(cands)
		r := &g.places[p]
		s := math.Log10(float64(r.population) + 10)
		switch r.kind {
		case 'c':
			s += capitalBonus
		case 's':
			s += seatBonus
		}
		if primary {
			s += primaryBonus
		}
		cands = append(cands, candidate{place: g.place(p), score: s, primary: primary})
	}
	for _, i := range g.countryKeys[key] {
		c := g.countries[i]
		cands = append(cands, candidate{place: c.Place(), score: math.Log10(float64(c.Population) + 10), country: true, primary: true})
	}
	return cands
}

// The score of a place is log10 of its population plus these: a capital
// counts as a place a hundred times its size, a regional seat three times
// its size, and a place called by its own name as a thousand times its
// size. The last keeps a historic or foreign name of a large place from
// beating a place whose own name it is ("Victoria" is the Seychelles'
// capital before it is an old name of Hong Kong), while an exonym still
// finds the large place when only villages bear it as their own name
// (Kiew is Kyiv).
const (
	capitalBonus = 2.0
	seatBonus    = 0.5
	primaryBonus = 3.0
)

// confidence is how clearly the first candidate stands out: its share of
// the candidates' weights 10^(score/2) — two places of the same kind where
// one is a hundred times the other give 0.91 — times 0.95 when it was
// found by another of its names. A country chosen over places of the same
// name gets 0.9 at most.
func confidence(cands []candidate) float64 {
	best := cands[0]
	base := 1.0
	if !best.primary {
		base = 0.95
	}
	var sum float64
	for _, c := range cands {
		if c.country != best.country {
			if best.country {
				base = math.Min(base, 0.9)
			}
			continue
		}
		sum += math.Pow(10, (c.score-best.score)/2)
	}
	return math.Round(base/sum*1000) / 1000
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
