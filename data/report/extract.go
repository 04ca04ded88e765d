package report

import (
	"fmt"
	"math"
	"strings"
	"time"

	"chronomap/data/dates"
	"chronomap/data/places"
)

// Options say what Extract knows of a text besides its words. The zero
// value reads the language from the text and dates from its dateline or
// publication line.
type Options struct {
	// Lang is the text's language, German ("de") or English ("en"); empty
	// reads it from the text.
	Lang string
	// Date is the report's date, which weekdays, "gestern" and "last week"
	// count from and a day without its year ("am 7. November") takes its
	// year from. Zero: the text's dateline or publication line gives it,
	// or else the last date the text told.
	Date time.Time
	// Today stands in for the report's date when neither Date nor the text
	// gives a year, with a lower confidence that the why says. Zero: such
	// dates are not proposed.
	Today time.Time
}

// Proposal is one event a report's text suggests: what happened, when,
// where and who, the sentence that says so and why it was read that way.
// Every field is the reader's to change before the event is accepted.
type Proposal struct {
	When    dates.Range // Start cut to its precision; End zero for a single day, month or year
	Planned bool        // the text says it is to happen: "soll am Montag", "will meet on"
	// Place is where it happened: Name is empty when the text names no
	// place. Kind is places' kind, or KindState for a US state placed at
	// its capital.
	Place        places.Place
	Alternatives []places.Place // other places the name could mean, for the reader to pick
	Actors       []Actor
	Title        string
	Sentence     string  // the text the event comes from: a sentence, or two when the next one gave the place
	Offset       int     // of Sentence in the text, in bytes
	Confidence   float64 // 0–1: how sure the date and the place are, together
	Why          Why
}

// Actor is a person, office, force, body or country as the text names it
// ("Nicaraguas Armeechef", "U.S. European Command"), with the country the
// text ties it to (ISO 3166-1 alpha-2), if any.
type Actor struct {
	Name    string
	Country string
}

// Why says which words gave a proposal's date and which its place, and
// how they were read.
type Why struct {
	Date, Place string
}

// String writes both parts in one line.
func (w Why) String() string {
	switch {
	case w.Place == "":
		return "date: " + w.Date
	case w.Date == "":
		return "place: " + w.Place
	}
	return "date: " + w.Date + "; place: " + w.Place
}

// document is a text being read.
type document struct {
	text   string
	lang   string
	sents  []sentence
	infos  []info
	gaz    gazetteer
	people map[string]string // last names of people met so far → their country
	ctx    map[string]int    // countries the text mentions → how often
	anchor anchors
	line   *dateline
	wheres []where // the places of the sentence whose actors are being read
}

// info is what one sentence holds.
type info struct {
	toks    []token // without a dateline
	dates   []mention
	places  []where
	actors  []actor
	heading bool
	// aside marks the tokens of a clause whose date is a decoy ("born in
	// 1960 in Mashhad"): its places are not where the sentence's event
	// happened.
	aside []bool
}

// dateline is the place (and perhaps date) a report opens with:
// "YEREVAN, Nov. 4 —", "Ouagadougou/Moskau (5. Februar 2024) –".
type dateline struct {
	where where
	words string
}

// Extract reads a report's text and proposes its events, in the order the
// text tells them. It never fails: a text with no dated events gives none.
func Extract(text string, opt Options) []Proposal {
	d := &document{text: text, lang: opt.Lang, gaz: gazetteer{cache: map[string]found{}}, people: map[string]string{}, ctx: map[string]int{}}
	if d.lang != German && d.lang != English {
		d.lang = DetectLang(text)
	}
	if !opt.Date.IsZero() {
		d.anchor.report = dayOf(opt.Date.UTC())
		d.anchor.reportWhy = ""
	}
	if !opt.Today.IsZero() {
		d.anchor.today = dayOf(opt.Today.UTC())
	}
	d.sents = sentences(text, d.lang)
	d.read()
	d.disambiguate()
	for k := range d.infos {
		in := &d.infos[k]
		in.actors = d.scanActors(in.toks, in.places)
	}
	return d.propose()
}

// read finds the dates, places and actors of every sentence, the
// dateline, and the report's date.
func (d *document) read() {
	d.infos = make([]info, len(d.sents))
	for k := range d.sents {
		s := &d.sents[k]
		in := &d.infos[k]
		in.toks = s.toks
		if k < 6 && s.first && d.line == nil && s.para <= 2 {
			if line, rest, ok := d.readDateline(s.toks); ok {
				d.line = line
				in.toks = rest
			}
		}
		in.heading = isHeading(d.text, s)
		sc := scanner{text: d.text, toks: in.toks, lang: d.lang}
		in.dates = sc.scan()
		in.places = d.scanPlaces(in.toks)
		in.aside = make([]bool, len(in.toks))
		for _, m := range in.dates {
			if m.decoy != "" && m.decoy != "said" {
				lo, hi := clause(in.toks, m)
				for q := lo; q < hi; q++ {
					in.aside[q] = true
				}
			}
		}
	}
	// The report's date: the caller's, else the dateline's, else the
	// first publication line's.
	if d.anchor.report.IsZero() {
		for k := range d.infos {
			for _, m := range d.infos[k].dates {
				// A publication line, or the title of an assessment:
				// "Russian Offensive Campaign Assessment, March 14, 2024".
				title := d.infos[k].heading && d.sents[k].para < 3 && m.spec.kind == dAbsolute && m.spec.hasYear
				if m.decoy != "publication" && !title {
					continue
				}
				if r, ok := d.anchor.resolve(m, -1); ok && r.r.Start.Prec >= dates.Day {
					d.anchor.report = dayOf(civil(r.r.Start))
					d.anchor.reportWhy = ", from „" + pubPhrase(d.text, d.infos[k].toks, m) + "“"
					break
				}
			}
			if !d.anchor.report.IsZero() {
				break
			}
		}
	}
}

// isHeading reports a paragraph of one short line without a final stop:
// a title or a heading, after which a new subject starts.
func isHeading(text string, s *sentence) bool {
	if !s.first || len(s.toks) == 0 || len(s.toks) > 14 {
		return false
	}
	last := s.toks[len(s.toks)-1]
	return !(last.kind == tPunct && strings.Contains(".!?:\"“”»)", last.s))
}

// readDateline reads a dateline at the start of a paragraph: names of
// places (split by "/"), then perhaps a qualifier, a date and an agency,
// and a dash. It returns the tokens after the dash.
func (d *document) readDateline(toks []token) (*dateline, []token, bool) {
	dash := -1
	for k, t := range toks {
		if k > 16 {
			break
		}
		if t.isDash() && (k+1 == len(toks) || toks[k+1].start > t.end) {
			dash = k
			break
		}
		if t.kind == tPunct && !(t.s == "," || t.s == "/" || t.s == "(" || t.s == ")" || t.s == ".") {
			break
		}
	}
	if dash < 1 {
		return nil, toks, false
	}
	head := toks[:dash]
	// The first place: the name up to the first comma, slash or bracket.
	end := 0
	for end < len(head) && head[end].kind == tWord {
		end++
	}
	if end == 0 {
		return nil, toks, false
	}
	w, ok := d.name(head[:end], 0)
	if !ok || w.j != end || w.match.Kind == places.KindCountry {
		return nil, toks, false
	}
	d.qualifier(head, &w)
	w.role, w.weight = roleAt, 0.9
	// The rest must be places, a qualifier, a date or an agency.
	rest := head[w.j:]
	sc := scanner{text: d.text, toks: rest, lang: d.lang}
	ms := sc.scan()
	covered := make([]bool, len(rest))
	for _, m := range ms {
		for k := m.from; k < m.j; k++ {
			covered[k] = true
		}
	}
	for k, t := range rest {
		if covered[k] || t.kind == tPunct || agencies[t.lower] {
			continue
		}
		if t.kind == tWord && t.upper {
			if _, ok := d.gaz.geocode(t.s, ""); ok {
				continue
			}
			if _, ok := usStates[places.Fold(t.s)]; ok {
				continue
			}
		}
		return nil, toks, false
	}
	line := &dateline{where: w, words: join(d.text, head, 0, len(head))}
	// Its date is the report's, unless the caller gave that.
	for _, m := range ms {
		if r, ok := d.anchor.resolve(m, -1); ok && d.anchor.report.IsZero() && r.r.Start.Prec >= dates.Day {
			d.anchor.report = dayOf(civil(r.r.Start))
			d.anchor.reportWhy = ", from the dateline „" + line.words + "“"
		}
	}
	return line, toks[dash+1:], true
}

// count adds n to the evidence for a country.
func (d *document) count(cc string, n int) {
	if cc != "" {
		d.ctx[cc] += n
	}
}

// disambiguate settles names that several places bear by the countries
// the text mentions: León in a text about Spain is Spain's, Odessa in one
// about Ukraine is Ukraine's, Georgia in one about Atlanta is the state.
func (d *document) disambiguate() {
	// Evidence: countries named, adjectives of countries, US states, and
	// places only one country has.
	for k := range d.infos {
		in := &d.infos[k]
		for _, t := range in.toks {
			if t.kind != tWord {
				continue
			}
			if cc, ok := demonym(t.s, t.upper); ok {
				d.count(cc, 1)
			}
			if cc, ok := institutions[t.lower]; ok {
				d.count(cc, 1)
			}
		}
		for _, w := range in.places {
			if places.Fold(w.query) == "georgia" && w.hint == "" {
				continue // what is to be settled is no evidence
			}
			switch {
			case w.state != "":
				d.count("US", 2) // a state says more than a mention of the country
			case w.hint != "":
				d.count(w.hint, 2)
			case w.country:
				d.count(w.match.Country, 1)
			case onlyIn(w.match):
				// A name no other country has: "Yerevan", not "León".
				d.count(w.match.Country, 1)
			}
		}
	}
	if d.line != nil {
		d.count(d.line.where.match.Country, 1)
	}
	for k := range d.infos {
		in := &d.infos[k]
		states := 0
		for _, w := range in.places {
			if w.state != "" && w.state != "georgia" {
				states++
			}
		}
		for p := range in.places {
			d.settle(&in.places[p], in.toks, states)
		}
	}
	if d.line != nil {
		d.settle(&d.line.where, nil, 0)
	}
}

// onlyIn reports whether the places a name may mean all lie in one
// country.
func onlyIn(m places.Match) bool {
	for _, a := range m.Alternatives {
		if a.Country != m.Country {
			return false
		}
	}
	return true
}

// settle chooses among the places a name may mean; states counts the US
// states its sentence names besides Georgia.
func (d *document) settle(w *where, toks []token, states int) {
	if w.hint != "" {
		return
	}
	if places.Fold(w.query) == "georgia" && w.state == "" {
		us, ge := d.ctx["US"], d.ctx["GE"]
		stateWord := w.qualified || w.i > 0 && w.i-1 < len(toks) && stateWords[toks[w.i-1].lower]
		if stateWord || us > 0 && ge == 0 {
			if s, ok := d.state(w.query, w.i, w.j); ok {
				s.from, s.weight, s.role = w.from, w.weight*0.9, w.role
				if s.role == rolePossessor {
					s.weight = 0
				}
				*w = s
			}
		}
		return
	}
	if w.country || w.state != "" || len(w.match.Alternatives) == 0 || d.ctx[w.match.Country] > 0 {
		return
	}
	// A capital gives way only to a state of the other country in its
	// sentence ("Moscow, Idaho" is settled by its qualifier); any other
	// place to the country the text is about.
	if w.match.Kind == places.KindCapital && states == 0 {
		return
	}
	best, bestN := "", 0
	for _, a := range w.match.Alternatives {
		if n := d.ctx[a.Country]; n > bestN {
			best, bestN = a.Country, n
		}
	}
	if best == "" {
		return
	}
	if m, ok := d.gaz.geocode(w.query, best); ok {
		m.Confidence = math.Round(m.Confidence*0.9*1000) / 1000
		w.match = m
		w.hint = best
	}
}

// propose walks the sentences in order, keeping the last date told, and
// makes the proposals.
func (d *document) propose() []Proposal {
	var out []Proposal
	var prev []int // indexes into out of the previous sentence's proposals
	prevSent := -1
	for k := range d.sents {
		in := &d.infos[k]
		if in.heading {
			prev, prevSent = nil, -1
			continue
		}
		events := d.events(in)
		start := len(out)
		if len(events) == 0 {
			if prevSent == k-1 && len(prev) > 0 {
				out = d.follow(out, prev, k)
			}
			if len(out) > start {
				prev, prevSent = indexes(start, len(out)), k
			} else if !d.mergedInto(out, prev, k) {
				prev, prevSent = nil, -1
			}
			continue
		}
		for e, m := range events {
			planned := m.planned || d.future(in.toks, m)
			tense := 0
			switch {
			case planned:
				tense = 1
			case d.past(in.toks, m):
				tense = -1
			}
			r, ok := d.anchor.resolve(m, tense)
			if !ok {
				continue
			}
			planned = planned || r.ahead
			d.anchor.last = r.r
			lo, hi := scope(in.toks, events, e)
			out = d.event(out, k, m, r, planned, lo, hi)
		}
		if len(out) > start {
			prev, prevSent = indexes(start, len(out)), k
		} else {
			prev, prevSent = nil, -1
		}
	}
	return out
}

func indexes(from, to int) []int {
	var ix []int
	for i := from; i < to; i++ {
		ix = append(ix, i)
	}
	return ix
}

// mergedInto reports whether sentence k gave its place to one of the
// previous proposals (then they stay the ones a next sentence follows).
func (d *document) mergedInto(out []Proposal, prev []int, k int) bool {
	for _, p := range prev {
		if out[p].Offset+len(out[p].Sentence) >= d.sents[k].end {
			return true
		}
	}
	return false
}

// events returns the dates of a sentence that are events' dates: not the
// decoys, and not the date of the saying when the sentence has the date of
// what was said ("overnight, the air force said on Friday").
func (d *document) events(in *info) []mention {
	var ev []mention
	said := 0
	for _, m := range in.dates {
		switch m.decoy {
		case "":
			ev = append(ev, m)
		case "said":
			said++
		}
	}
	// "anschließend" is a clue for a sentence without a date of its own,
	// not a second date beside one.
	if len(ev) > 1 {
		kept := ev[:0]
		for _, m := range ev {
			if !m.spec.soon {
				kept = append(kept, m)
			}
		}
		ev = kept
	}
	if len(ev) == 0 && said > 0 {
		for _, m := range in.dates {
			if m.decoy == "said" {
				m.decoy = ""
				ev = append(ev, m)
			}
		}
	}
	return ev
}

// scope returns the tokens that belong to the e-th date of a sentence:
// up to the comma or clause word between it and its neighbours.
func scope(toks []token, events []mention, e int) (int, int) {
	lo, hi := 0, len(toks)
	if e > 0 {
		lo = boundary(toks, events[e-1].j, events[e].from)
	}
	if e+1 < len(events) {
		hi = boundary(toks, events[e].j, events[e+1].from)
	}
	return lo, hi
}

// boundary returns where the tokens a..b split between two dates: the
// last comma or clause word, else the middle.
func boundary(toks []token, a, b int) int {
	for k := b - 1; k >= a; k-- {
		if toks[k].punct(",") || toks[k].punct(";") || clauseWords[toks[k].lower] {
			return k
		}
	}
	return (a + b) / 2
}

// clause returns the tokens of the clause a date stands in: up to a
// comma, a semicolon or a word that opens another clause.
func clause(toks []token, m mention) (int, int) {
	lo, hi := max(m.from, 0), max(m.j, 0)
	for lo > 0 && !toks[lo-1].punct(",") && !toks[lo-1].punct(";") && !clauseWords[toks[lo-1].lower] {
		lo--
	}
	for hi < len(toks) && !toks[hi].punct(",") && !toks[hi].punct(";") && !clauseWords[toks[hi].lower] {
		hi++
	}
	return lo, hi
}

// past reports whether the clause of a date tells what happened: a verb
// in a past tense ("verlegte", "hat … empfangen", "met", "was held").
func (d *document) past(toks []token, m mention) bool {
	lo, hi := clause(toks, m)
	aux := false
	for k := lo; k < hi; k++ {
		t := toks[k]
		if t.kind != tWord || t.upper || k >= m.from && k < m.j {
			continue
		}
		switch {
		case pastMarkers[t.lower] || pastVerbs[t.lower]:
			return true
		case t.is("hat", "haben", "ist", "sind", "has", "have"):
			aux = true
		case aux && strings.HasPrefix(t.lower, "ge") && (strings.HasSuffix(t.lower, "t") || strings.HasSuffix(t.lower, "en")):
			return true // "hat … gesagt", "ist … gereist"
		case d.lang == English && strings.HasSuffix(t.lower, "ed") && len(t.lower) > 4 && !t.is("need", "speed", "armed", "based", "united", "related", "expected", "scheduled", "planned"):
			return true
		case d.lang == German && (strings.HasSuffix(t.lower, "te") || strings.HasSuffix(t.lower, "ten")) && !strings.HasSuffix(t.lower, "ste") && !strings.HasSuffix(t.lower, "sten") &&
			!germanOrdinals[t.lower] && (k == 0 || !articles[toks[k-1].lower] && !isPreposition(toks[k-1].lower)):
			return true // "verlegte", "meldeten"
		}
	}
	return false
}

// future reports whether the clause of a date tells what is to happen.
func (d *document) future(toks []token, m mention) bool {
	lo, hi := clause(toks, m)
	fut := false
	for k := lo; k < hi; k++ {
		t := toks[k]
		if k >= m.from && k < m.j {
			continue
		}
		switch {
		case pastMarkers[t.lower]:
			return false
		case futureWords[t.lower]:
			if t.is("due") && !(k+1 < len(toks) && toks[k+1].is("to")) {
				continue
			}
			if t.is("expected") && !(k+1 < len(toks) && toks[k+1].is("to")) {
				continue
			}
			fut = true
		case t.is("is", "are") && k+1 < len(toks) && toks[k+1].is("to", "set") && d.lang == English:
			fut = true
		}
	}
	return fut
}

// event makes the proposals of one date in sentence k: one, or one per
// partner of separate meetings, or the event and the reaction to it.
func (d *document) event(out []Proposal, k int, m mention, r resolved, planned bool, lo, hi int) []Proposal {
	in := &d.infos[k]
	s := d.sents[k]
	acts := actorsIn(in.actors, lo, hi)
	// The auxiliary a split left in the scope before: "… hat | die
	// Militärregierung am Samstag … aufgekündigt".
	tlo := lo
	if lo > 0 && auxiliaries[in.toks[lo-1].lower] && !in.toks[lo-1].is("und", "and") {
		tlo = lo - 1
	}
	p := Proposal{When: r.r, Planned: planned, Sentence: d.text[in.toks[0].start:s.end], Offset: in.toks[0].start}
	p.Why.Date = "„" + join(d.text, in.toks, m.from, m.j) + "“"
	if r.note != "" {
		p.Why.Date += " (" + r.note + ")"
	}
	if planned {
		p.Why.Date += ", planned"
	}
	dateConf := r.conf

	// "reagierte auf ein Treffen am 3. November zwischen A und B": the
	// meeting on that day, and a reaction after it.
	if verb, noun, ok := reaction(in.toks, m); ok {
		subject := actorsIn(in.actors, 0, verb)
		object := actorsIn(in.actors, m.j, hi)
		meet := p
		meet.Actors = publicActors(object)
		meet.Title = d.title(in.toks, noun, hi, m)
		d.place(&meet, k, lo, hi, m, object, dateConf)
		out = append(out, meet)
		react := p
		react.Actors = publicActors(subject)
		react.Title = d.title(in.toks, lo, m.from, m)
		if rep := d.anchor.report; !rep.IsZero() && rep.Unix > lastDayOf(r.r).Unix {
			react.When = dates.Range{Start: dayOf(civil(r.r.Start)), End: rep}
			react.Why.Date = "after „" + join(d.text, in.toks, m.from, m.j) + "“, which it answers, up to the report's date " + rep.String()
		}
		react.Why.Place = "no place named for the reaction"
		react.Confidence = round2(dateConf * 0.6 * 0.3)
		out = append(out, react)
		return out
	}

	// "führte separate Treffen mit A und B durch": one event per partner.
	if parts := d.separate(in.toks, lo, hi, in.actors); len(parts) > 1 {
		subject := actorsIn(in.actors, lo, parts[0].i)
		for _, partner := range parts {
			q := p
			q.Actors = publicActors(append(append([]actor(nil), subject...), partner))
			written := partner.i
			if written > 0 && articles[in.toks[written-1].lower] {
				written--
			}
			q.Title = d.meetingTitle(subject, join(d.text, in.toks, written, partner.j))
			d.place(&q, k, lo, hi, m, append(append([]actor(nil), subject...), partner), dateConf)
			out = append(out, q)
		}
		return out
	}
	p.Actors = publicActors(acts)
	p.Title = d.title(in.toks, tlo, hi, m)
	d.place(&p, k, lo, hi, m, acts, dateConf)
	return append(out, p)
}

// reaction finds "reagierte auf ein Treffen am …", "reacted to a meeting
// on …" around a date: the verb's token and the event noun's.
func reaction(toks []token, m mention) (verb, noun int, ok bool) {
	n := m.from - 1
	if n < 0 || !eventNouns[toks[n].lower] {
		return 0, 0, false
	}
	for k := n - 1; k >= 0 && k >= n-4; k-- {
		if reactionVerbs[toks[k].lower] {
			return k, n, true
		}
	}
	return 0, 0, false
}

// separate finds "separate Treffen mit A und B", "separate meetings with
// A and B", "held talks separately with A and B": the partners.
func (d *document) separate(toks []token, lo, hi int, acts []actor) []actor {
	sep := -1
	for k := lo; k < hi; k++ {
		if toks[k].is("separate", "getrennte", "getrennten", "separaten", "separately", "jeweils", "einzeln", "einzelne") {
			sep = k
			break
		}
	}
	if sep < 0 {
		return nil
	}
	with := -1
	for k := sep; k < hi && k < sep+5; k++ {
		if toks[k].is("mit", "with") {
			with = k
			break
		}
	}
	if with < 0 {
		return nil
	}
	var parts []actor
	for _, a := range acts {
		if a.i > with && a.i < hi {
			parts = append(parts, a)
		}
	}
	// Only partners joined by "und"/"and": "A und B".
	if len(parts) < 2 {
		return nil
	}
	for q := 1; q < len(parts); q++ {
		joined := false
		for k := parts[q-1].j; k < parts[q].i; k++ {
			if toks[k].is("und", "and") || toks[k].punct(",") {
				joined = true
			}
		}
		if !joined {
			return nil
		}
	}
	return parts
}

// follow reads a sentence without a date of its own that goes on about the
// event before: its place, when the event had none ("Der Blogger äußerte
// Bedenken, dass … in Gyumri, Armenien …"), or what a participant said
// there ("Shoigu betonte, dass …"), which is an event of its own.
func (d *document) follow(out []Proposal, prev []int, k int) []Proposal {
	in := &d.infos[k]
	if len(in.actors) == 0 || in.actors[0].i > 3 {
		return out
	}
	subject := in.actors[0]
	speech := false
	for _, t := range in.toks {
		if speechVerbs[t.lower] {
			speech = true
		}
	}
	if !speech {
		return out
	}
	for _, pi := range prev {
		p := &out[pi]
		if !sameActor(subject, p.Actors) {
			continue
		}
		w, ok := best(in.places, 0, len(in.toks))
		if p.Place.Name == "" && ok {
			p.Place = w.match.Place
			p.Alternatives = w.match.Alternatives
			p.Sentence = d.text[p.Offset:d.sents[k].end]
			p.Why.Place = "„" + join(d.text, in.toks, w.from, w.j) + "“ in the next sentence, which goes on about „" + subject.name + "“"
			p.Confidence = round2(p.Confidence / 0.3 * w.match.Confidence * w.weight * 0.8)
			return out
		}
		if p.Place.Name == "" {
			return out
		}
		q := Proposal{When: p.When, Planned: p.Planned, Place: p.Place, Alternatives: p.Alternatives,
			Sentence: d.text[in.toks[0].start:d.sents[k].end], Offset: in.toks[0].start}
		q.Actors = publicActors(in.actors)
		q.Title = d.title(in.toks, 0, len(in.toks), mention{from: -1, j: -1})
		q.Why.Date = "that of the event before (" + p.When.String() + "), said there by " + subject.name
		q.Why.Place = "that of the event before: " + p.Place.Name
		q.Confidence = round2(p.Confidence * 0.7)
		return append(out, q)
	}
	return out
}

// sameActor reports whether a sentence's subject is one of a proposal's
// actors: the same last name ("Shoigu"), a pronoun, or the same kind of
// person ("Der Blogger" after "Militärblogger").
func sameActor(subject actor, acts []Actor) bool {
	for _, a := range acts {
		name := places.Fold(a.Name)
		if subject.last != "" && strings.Contains(" "+name+" ", " "+subject.last+" ") {
			return true
		}
		if subject.last == "" && subject.head != "" {
			for _, w := range strings.Fields(name) {
				if strings.HasSuffix(w, places.Fold(subject.head)) {
					return true
				}
			}
		}
	}
	return false
}

// place chooses where a proposal happened: the best place named in its
// part of the sentence; else, for a date counted from the event before,
// that event's place; the place of the sentence before in the paragraph;
// the dateline; for a meeting, the capital of the host's country.
func (d *document) place(p *Proposal, k, lo, hi int, m mention, acts []actor, dateConf float64) {
	in := &d.infos[k]
	var here []where
	for _, w := range in.places {
		if !in.aside[w.i] {
			here = append(here, w)
		}
	}
	if w, ok := best(here, lo, hi); ok {
		p.Place = w.match.Place
		p.Alternatives = w.match.Alternatives
		p.Why.Place = "„" + join(d.text, in.toks, w.from, w.j) + "“ → " + placeText(w.match.Place)
		if w.hint != "" && w.state == "" && w.match.Country == w.hint {
			p.Why.Place += fmt.Sprintf(" (the text is about %s)", countryName(w.hint))
		}
		if w.state != "" {
			p.Why.Place += " (a US state, placed at its capital)"
		}
		if w.region {
			p.Why.Place += " (a region, placed at the city of its name)"
		}
		p.Confidence = round2(dateConf * w.match.Confidence * w.weight)
		return
	}
	set := func(pl places.Place, alts []places.Place, why string, conf float64) {
		p.Place, p.Alternatives, p.Why.Place = pl, alts, why
		p.Confidence = round2(dateConf * conf)
	}
	// The sentence before, in the same paragraph, when this one goes on
	// from it: a date counted from its date ("am letzten Tag"), or words
	// pointing back ("die Basis", "dort").
	if k > 0 && d.sents[k-1].para == d.sents[k].para && (m.spec.kind == dAnaphoric || pointsBack(in.toks, lo, hi)) {
		prev := &d.infos[k-1]
		if w, ok := best(prev.places, 0, len(prev.toks)); ok && w.role != roleFrom && !w.country && w.weight >= 0.8 {
			set(w.match.Place, w.match.Alternatives, "not named here; „"+join(d.text, prev.toks, w.from, w.j)+"“ in the sentence before", w.match.Confidence*w.weight*0.7)
			return
		}
	}
	if d.line != nil {
		w := d.line.where
		set(w.match.Place, w.match.Alternatives, "not named here; the dateline „"+d.line.words+"“ → "+placeText(w.match.Place), w.match.Confidence*0.6)
		return
	}
	if d.meeting(in.toks, lo, hi) {
		for _, a := range acts {
			if a.country == "" {
				continue
			}
			if c, ok := places.Capital(a.country); ok {
				set(c, nil, "not named; the capital of "+countryName(a.country)+", home of „"+a.name+"“ who received the other", 0.5)
				return
			}
		}
	}
	p.Why.Place = "no place named"
	p.Confidence = round2(dateConf * 0.3)
}

// pointsBack reports words among tokens lo..hi that point to a place
// named before: "dort", "there", "die Basis", "the city".
func pointsBack(toks []token, lo, hi int) bool {
	for k := lo; k < hi && k < len(toks); k++ {
		t := toks[k]
		if !backReferences[t.lower] {
			continue
		}
		if t.is("dort", "dorthin", "there") || k > 0 && toks[k-1].is("die", "der", "the", "dem", "den") {
			return true
		}
	}
	return false
}

// meeting reports whether tokens lo..hi tell of people meeting.
func (d *document) meeting(toks []token, lo, hi int) bool {
	for k := lo; k < hi && k < len(toks); k++ {
		if meetingWords[toks[k].lower] {
			return true
		}
	}
	return false
}

// best returns the surest place among those of tokens lo..hi: the
// weightiest, a city before a state before a country, the first on a tie.
func best(ws []where, lo, hi int) (where, bool) {
	var b where
	bs := 0.0
	for _, w := range ws {
		if w.i < lo || w.i >= hi || w.weight <= 0 {
			continue
		}
		s := w.weight
		switch {
		case w.country:
			s *= 0.7
		case w.state != "":
			s *= 0.9
		}
		if s > bs {
			b, bs = w, s
		}
	}
	return b, bs > 0
}

func actorsIn(acts []actor, lo, hi int) []actor {
	var out []actor
	for _, a := range acts {
		if a.i >= lo && a.i < hi {
			out = append(out, a)
		}
	}
	return out
}

func publicActors(acts []actor) []Actor {
	var out []Actor
	seen := map[string]bool{}
	for _, a := range acts {
		if seen[a.name] {
			continue
		}
		seen[a.name] = true
		out = append(out, Actor{Name: a.name, Country: a.country})
	}
	return out
}

func placeText(p places.Place) string {
	return p.Name + ", " + p.Country
}

func countryName(cc string) string {
	if c, ok := places.CountryByCode(cc); ok {
		return c.Name
	}
	return cc
}

func round2(v float64) float64 {
	v = math.Round(v*100) / 100
	return math.Max(0, math.Min(1, v))
}
