package report

import (
	"strings"

	"chronomap/data/dates"
)

// dateKind is how a date in running text is written, which says what it
// is counted from.
type dateKind uint8

const (
	dAbsolute  dateKind = iota + 1 // the calendar date itself, with or without its year: "7. November 2023", "Nov. 4"
	dWeekday                       // a day of the week: "am Dienstag", "on Friday"
	dDeictic                       // counted from the report's date: "gestern", "last week", "overnight", "recently"
	dAnaphoric                     // counted from the date last told: "zwei Tage später", "a day later"
)

// spec is what a date's words say, before it is resolved against the
// report's date or the one told before it.
type spec struct {
	kind dateKind

	// dAbsolute: the words for dates.Parse, and whether they hold a year.
	text    string
	hasYear bool
	numeric bool // "7.11.": the year is written on without a space
	prec    dates.Precision
	weekday int // 1 (Monday) to 7, when written beside the date or alone

	// dWeekday, dDeictic, dAnaphoric.
	unit     dates.Precision // Day, Month or Year
	week     bool            // the unit is a week (Monday to Sunday)
	n        int             // how many units on (negative: back)
	dir      int             // a weekday's direction: -1 the last one, +1 the next one, 0 as the tense says
	night    bool            // the night before the day: "in der Nacht zum Sonntag", "overnight"
	weekend  bool            // the Saturday and Sunday
	vague    bool            // "kürzlich", "recently": the month, not the day
	lastDay  bool            // "am letzten Tag": the end of the last span told
	firstDay bool            // "am ersten Tag": its start
	soon     bool            // "anschließend": right after the event before, a clue rather than a date
}

// mention is a date found in a sentence: tokens from..j hold the words
// shown in why (with a preposition), i..j the date itself.
type mention struct {
	from, i, j int
	spec       spec
	planned    bool   // the words themselves look ahead: "kommenden Montag", "next week", "morgen"
	decoy      string // why it is no event's date; empty for an event's
}

// weekdays maps the names of the days of the week to 1 (Monday) – 7.
var weekdays = map[string]int{
	"montag": 1, "dienstag": 2, "mittwoch": 3, "donnerstag": 4, "freitag": 5, "samstag": 6, "sonnabend": 6, "sonntag": 7,
	"monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7,
}

// daytimes may be written onto a German weekday or after an English one:
// "Sonntagmorgen", "Friday evening".
var daytimes = []string{"morgen", "vormittag", "mittag", "nachmittag", "abend", "nacht", "früh"}

var englishDaytimes = setOf("morning", "afternoon", "evening", "night")

// weekdayOf returns the weekday a word names, with a time of day written
// onto it ("Sonntagmorgen") and whether it is the night of that day.
func weekdayOf(w string) (day int, night bool) {
	if d, ok := weekdays[w]; ok {
		return d, false
	}
	for _, suffix := range daytimes {
		if stem, ok := strings.CutSuffix(w, suffix); ok {
			if d, ok := weekdays[stem]; ok {
				return d, suffix == "nacht"
			}
		}
	}
	return 0, false
}

// numberWords are the counts written as words in relative dates.
var numberWords = map[string]int{
	"ein": 1, "eine": 1, "einen": 1, "einem": 1, "einer": 1, "a": 1, "an": 1, "one": 1,
	"zwei": 2, "two": 2, "drei": 3, "three": 3, "vier": 4, "four": 4, "fünf": 5, "five": 5,
	"sechs": 6, "six": 6, "sieben": 7, "seven": 7, "acht": 8, "eight": 8, "neun": 9, "nine": 9,
	"zehn": 10, "ten": 10, "elf": 11, "eleven": 11, "zwölf": 12, "twelve": 12, "wenige": 0, "few": 0,
}

// units are the words for days, weeks, months and years.
var units = map[string]dates.Precision{
	"tag": dates.Day, "tage": dates.Day, "tagen": dates.Day, "day": dates.Day, "days": dates.Day,
	"monat": dates.Month, "monate": dates.Month, "monaten": dates.Month, "month": dates.Month, "months": dates.Month,
	"jahr": dates.Year, "jahre": dates.Year, "jahren": dates.Year, "year": dates.Year, "years": dates.Year,
}

var weekUnits = setOf("woche", "wochen", "week", "weeks")

// monthOK says whether a month's name in the text is one: English "may",
// "march", "set" and friends are words too, so a month written in lower
// case counts only beside a day, and short or ambiguous names only beside
// a day or a year.
func monthOf(t token) int {
	if t.kind != tWord {
		return 0
	}
	m := dates.MonthNumber(t.s)
	if m == 0 {
		return 0
	}
	if trapMonths[t.lower] && !t.upper {
		return 0
	}
	return m
}

// trapMonths are month names that are also common words.
var trapMonths = setOf("may", "march", "mar", "set", "ago", "sat", "sun", "jan", "jun", "jul", "dec", "mai", "de", "ene", "dic", "abr", "avr", "gen")

// fullMonth reports a month written out, which may stand alone after a
// preposition ("im Januar", "in May").
func fullMonth(t token) bool {
	n := len([]rune(t.lower))
	return n >= 4 || t.is("mai", "may", "juni", "juli", "june", "july", "märz")
}

// scanner finds the dates of one sentence.
type scanner struct {
	text string
	toks []token
	lang string
}

func (sc *scanner) tok(i int) token {
	if i < 0 || i >= len(sc.toks) {
		return token{}
	}
	return sc.toks[i]
}

// dotAfter reports a full stop written right after token i.
func (sc *scanner) dotAfter(i int) bool {
	n := sc.tok(i + 1)
	return n.punct(".") && n.start == sc.toks[i].end
}

// day returns whether token i is a day of the month, and the index after
// it (past an ordinal's stop or suffix).
func (sc *scanner) day(i int) (int, bool) {
	t := sc.tok(i)
	if t.kind != tNum || t.digits > 2 || t.num < 1 || t.num > 31 {
		return i, false
	}
	if t.suffix && !strings.HasSuffix(t.lower, "st") && !strings.HasSuffix(t.lower, "nd") && !strings.HasSuffix(t.lower, "rd") && !strings.HasSuffix(t.lower, "th") && !strings.HasSuffix(t.lower, "er") {
		return i, false
	}
	// A stop after a day is a German ordinal ("am 7. November"); in
	// English it ends the sentence ("on June 7.").
	if sc.dotAfter(i) && (sc.lang == German || monthOf(sc.tok(i+2)) != 0) {
		return i + 2, true
	}
	return i + 1, true
}

// month returns the month at token i and the index after it (past an
// abbreviation's stop).
func (sc *scanner) month(i int) (int, int) {
	m := monthOf(sc.tok(i))
	if m == 0 {
		return 0, i
	}
	if sc.dotAfter(i) {
		return m, i + 2
	}
	return m, i + 1
}

// year returns whether token i is a year, 1000–2199.
func (sc *scanner) year(i int) bool {
	t := sc.tok(i)
	return t.kind == tNum && t.digits == 4 && !t.suffix && t.num >= 1000 && t.num < 2200
}

// words returns the text of tokens i..j.
func (sc *scanner) words(i, j int) string { return join(sc.text, sc.toks, i, j) }

// scan returns the dates of the sentence, in order.
func (sc *scanner) scan() []mention {
	var out []mention
	for i := 0; i < len(sc.toks); {
		m, ok := sc.at(i)
		if !ok {
			i++
			continue
		}
		m.from = sc.lead(m.i)
		out = append(out, m)
		i = m.j
	}
	for k := range out {
		out[k].decoy = sc.decoy(out[k])
	}
	return out
}

// lead returns the start of the words shown with a date at i: its
// preposition and article ("am", "on", "in der", "vom").
func (sc *scanner) lead(i int) int {
	k := i
	for k > 0 && i-k < 3 {
		p := sc.tok(k - 1)
		if p.kind != tWord || !leadWords[p.lower] {
			break
		}
		k--
	}
	return k
}

var leadWords = setOf("am", "an", "vom", "von", "bis", "seit", "im", "in", "um", "ab", "zum", "zur", "der", "dem", "den", "des",
	"on", "at", "by", "from", "until", "till", "since", "of", "the", "during", "between", "zwischen", "während", "ende", "anfang", "mitte",
	"early", "late", "mid", "this", "last", "next", "diese", "dieser", "diesen", "letzte", "letzten", "vergangene", "vergangenen",
	"kommende", "kommenden", "nächste", "nächsten")

// at reads a date starting at token i, if one does.
func (sc *scanner) at(i int) (mention, bool) {
	if m, ok := sc.weekdayDate(i); ok {
		return m, true
	}
	if m, ok := sc.absolute(i); ok {
		return m, true
	}
	if m, ok := sc.relative(i); ok {
		return m, true
	}
	return mention{}, false
}

// weekdayDate reads a weekday written before a date: "Donnerstag, dem
// 14. März", "Thursday, March 14".
func (sc *scanner) weekdayDate(i int) (mention, bool) {
	t := sc.tok(i)
	wd, _ := weekdayOf(t.lower)
	if wd == 0 || !t.upper {
		return mention{}, false
	}
	k := i + 1
	if sc.tok(k).punct(",") {
		k++
	}
	if sc.tok(k).is("dem", "den", "the", "der") {
		k++
	}
	m, ok := sc.absolute(k)
	if !ok || m.i != k {
		return mention{}, false
	}
	m.i = i
	m.spec.weekday = wd
	return m, true
}

// absolute reads a calendar date at token i: a day, month and perhaps
// year; a span of them; a month and year; a month or a year alone after
// a word that makes it a date ("im Januar", "seit dem Jahr 2015").
func (sc *scanner) absolute(i int) (mention, bool) {
	t := sc.tok(i)
	switch {
	case t.kind == tNum:
		if m, ok := sc.numeric(i); ok {
			return m, true
		}
		if m, ok := sc.dayFirst(i); ok {
			return m, true
		}
		if sc.year(i) && sc.yearContext(i) {
			return sc.abs(i, i+1, sc.words(i, i+1), true, dates.Year), true
		}
	case t.kind == tWord:
		if m, ok := sc.monthFirst(i); ok {
			return m, true
		}
	}
	return mention{}, false
}

func (sc *scanner) abs(i, j int, text string, hasYear bool, prec dates.Precision) mention {
	return mention{i: i, j: j, spec: spec{kind: dAbsolute, text: text, hasYear: hasYear, prec: prec}}
}

// numeric reads 7.11.2023, 7.11., 2023-11-07 and 13/11/2023.
func (sc *scanner) numeric(i int) (mention, bool) {
	a := sc.tok(i)
	sep := sc.tok(i + 1)
	b := sc.tok(i + 2)
	adjacent := func(k int) bool { return sc.tok(k).start == sc.tok(k-1).end }
	if sep.kind != tPunct || b.kind != tNum || !adjacent(i+1) || !adjacent(i+2) {
		return mention{}, false
	}
	sep2 := sc.tok(i + 3)
	c := sc.tok(i + 4)
	switch {
	case a.digits == 4 && sep.s == "-" && b.digits == 2 && sep2.punct("-") && c.kind == tNum && c.digits == 2 && adjacent(i+3) && adjacent(i+4):
		return sc.abs(i, i+5, sc.words(i, i+5), true, dates.Day), true
	case a.digits <= 2 && (sep.s == "." || sep.s == "/") && b.digits <= 2 && sep2.punct(sep.s) && adjacent(i+3):
		if c.kind == tNum && c.digits == 4 && adjacent(i+4) {
			return sc.abs(i, i+5, sc.words(i, i+5), true, dates.Day), true
		}
		if sep.s == "." && a.num >= 1 && a.num <= 31 && b.num >= 1 && b.num <= 12 {
			// "am 7.11.": the year is the reader's to supply.
			m := sc.abs(i, i+4, sc.words(i, i+4), false, dates.Day)
			m.spec.numeric = true
			return m, true
		}
	}
	return mention{}, false
}

// dayFirst reads "7. November 2023", "4 May", "4th of May 2024", and the
// spans "3. bis 5. Oktober 2023", "3.–7. November", "3 and 5 October".
func (sc *scanner) dayFirst(i int) (mention, bool) {
	k, ok := sc.day(i)
	if !ok {
		return mention{}, false
	}
	// A span whose first day borrows the month: "3. bis 5. Oktober".
	if sep := sc.tok(k); sep.is("bis", "to", "and", "und") || sep.isDash() {
		if end, ok := sc.dayMonth(k + 1); ok && end.spec.prec == dates.Day {
			text := sc.words(i, k) + " – " + end.spec.text
			m := sc.abs(i, end.j, text, end.spec.hasYear, dates.Day)
			return m, true
		}
	}
	m, ok := sc.dayMonth(i)
	if !ok {
		return mention{}, false
	}
	// A span of two full dates: "3. Oktober bis 5. November 2023".
	if sep := sc.tok(m.j); sep.is("bis", "to", "until") || sep.isDash() {
		if end, ok := sc.dayMonth(m.j + 1); ok {
			m.spec.text += " – " + end.spec.text
			m.spec.hasYear = m.spec.hasYear || end.spec.hasYear
			m.j = end.j
		}
	}
	return m, true
}

// dayMonth reads a day, a month and perhaps a year at i.
func (sc *scanner) dayMonth(i int) (mention, bool) {
	k, ok := sc.day(i)
	if !ok {
		return mention{}, false
	}
	if sc.tok(k).is("of", "de") {
		k++
	}
	mo, k2 := sc.month(k)
	if mo == 0 {
		return mention{}, false
	}
	if sc.year(k2) {
		return sc.abs(i, k2+1, sc.words(i, k2+1), true, dates.Day), true
	}
	return sc.abs(i, k2, sc.words(i, k2), false, dates.Day), true
}

// monthFirst reads "Nov. 4", "November 4, 2023", "March 23–25", "January
// 2024", "Nov. 3 to Nov. 7", and a month alone after "im", "in",
// "Anfang", "since".
func (sc *scanner) monthFirst(i int) (mention, bool) {
	mo, k := sc.month(i)
	if mo == 0 {
		return mention{}, false
	}
	if sc.year(k) {
		return sc.abs(i, k+1, sc.words(i, k+1), true, dates.Month), true
	}
	if d, ok := sc.day(k); ok && !sc.tok(k).punct(".") && !(sc.dotAfter(k) && sc.lang == German) {
		j := d
		text := sc.words(i, d)
		// "March 23–25", "Nov. 3 to Nov. 7", "Nov. 3 to 7".
		if sep := sc.tok(j); sep.isDash() || sep.is("to", "until", "and") {
			if m2, k2 := sc.month(j + 1); m2 != 0 {
				if d2, ok := sc.day(k2); ok {
					text += " – " + sc.words(j+1, d2)
					j = d2
				}
			} else if d2, ok := sc.day(j + 1); ok {
				text += " – " + sc.words(j+1, d2)
				j = d2
			}
		}
		hasYear := false
		y := j
		if sc.tok(y).punct(",") {
			y++
		}
		if sc.year(y) {
			text += " " + sc.words(y, y+1)
			hasYear, j = true, y+1
		}
		return sc.abs(i, j, text, hasYear, dates.Day), true
	}
	// A month alone: only where a word before it makes it a date.
	if !fullMonth(sc.tok(i)) || !sc.tok(i).upper && sc.lang != "" && !sc.tok(i-1).is("im", "in") {
		return mention{}, false
	}
	p := sc.tok(i - 1)
	if p.is("im", "in", "anfang", "mitte", "ende", "early", "mid", "late", "during", "seit", "since", "bis", "until", "vom", "from", "of", "ab", "zum", "last", "next", "this", "vergangenen", "letzten", "kommenden", "nächsten") ||
		p.punct("-") && sc.tok(i-2).is("mid") {
		return sc.abs(i, k, sc.words(i, k), false, dates.Month), true
	}
	return mention{}, false
}

// yearContext says whether a four-digit number at i is a year: after
// "im Jahr", "in", "seit", "since", "Anfang", or opening a sentence before
// a comma or a verb ("2019 eröffnete Russland ...").
func (sc *scanner) yearContext(i int) bool {
	p := sc.tok(i - 1)
	if p.is("jahr", "jahre", "jahres", "year", "in", "im", "seit", "since", "bis", "until", "anfang", "mitte", "ende", "early", "mid", "late", "during", "während", "ab", "from", "vom", "of", "zum") {
		n := sc.tok(i + 1)
		// "in 2000 Metern", "in 1200 homes": a count, not a year.
		if n.kind == tWord && !n.upper && sc.lang == English && !n.is("and", "or", "to", "as", "when", "after", "before", "until", "but", "with", "the", "by", "for", "at", "on", "in") {
			return false
		}
		return true
	}
	if p.punct("-") && sc.tok(i-2).is("mid") {
		return true
	}
	if p.is("bereits", "schon", "erst", "noch", "already", "back", "als") && (i == 1 || sc.tok(i-2).kind == tPunct || sc.tok(i-2).is("und", "and")) {
		return true // "Bereits 2019 hatte Russland …"
	}
	if i == 0 {
		n := sc.tok(1)
		return n.punct(",") || n.kind == tWord && !n.upper && sc.lang == German
	}
	return false
}

// relative reads the dates that count from another: weekdays, "gestern",
// "vergangene Woche", "zwei Tage später", "overnight", "kürzlich".
func (sc *scanner) relative(i int) (mention, bool) {
	t := sc.tok(i)
	if t.kind == tNum {
		return sc.count(i, t.num)
	}
	if t.kind != tWord {
		return mention{}, false
	}
	w := t.lower
	mk := func(j int, s spec) (mention, bool) { return mention{i: i, j: j, spec: s}, true }
	deictic := func(n int) spec { return spec{kind: dDeictic, unit: dates.Day, n: n} }
	// A weekday, with what is written before and after it.
	if wd, night := weekdayOf(w); wd != 0 && (t.upper || sc.lang == English) {
		s := spec{kind: dWeekday, weekday: wd, night: night}
		m := mention{i: i, j: i + 1, spec: s}
		if n := sc.tok(i + 1); n.is("morning", "afternoon", "evening") {
			m.j++
		} else if n.is("night") {
			m.j++ // "Sunday night" is Sunday's evening: the day itself
		}
		p, pp := sc.tok(i-1), sc.tok(i-2)
		switch {
		case p.is("kommenden", "kommende", "nächsten", "nächste", "next", "coming", "upcoming"):
			m.i--
			m.spec.dir, m.planned = 1, true
		case p.is("vergangenen", "vergangene", "letzten", "letzte", "last", "past", "vorigen", "previous"):
			m.i--
			m.spec.dir = -1
		case p.is("zum", "zu", "auf") && pp.is("nacht"):
			// "in der Nacht zum Sonntag": the night before Sunday.
			m.i -= 2
			m.spec.night = true
			if sc.tok(i - 3).is("der") {
				m.i--
			}
		case p.is("this") && sc.lang == English:
			m.i--
		}
		return m, true
	}
	n1, n2 := sc.tok(i+1), sc.tok(i+2)
	switch w {
	case "heute", "today":
		if n1.is("nacht") || n1.is("night") {
			return mk(i+2, spec{kind: dDeictic, unit: dates.Day, night: true})
		}
		if n1.is("morgen", "abend", "früh", "vormittag", "nachmittag", "mittag") {
			return mk(i+2, deictic(0))
		}
		return mk(i+1, deictic(0))
	case "tonight":
		return mk(i+1, deictic(0))
	case "gestern", "yesterday":
		if n1.is("abend", "morgen", "früh", "nachmittag", "vormittag", "mittag", "nacht") || n1.is("morning", "afternoon", "evening", "night") {
			return mk(i+2, deictic(-1))
		}
		return mk(i+1, deictic(-1))
	case "vorgestern":
		return mk(i+1, deictic(-2))
	case "morgen":
		if !t.upper && !sc.tok(i-1).is("am", "heute", "gestern", "den", "the") {
			m, _ := mk(i+1, deictic(1))
			m.planned = true
			return m, true
		}
	case "übermorgen":
		m, _ := mk(i+1, deictic(2))
		m.planned = true
		return m, true
	case "tomorrow":
		m, _ := mk(i+1, deictic(1))
		m.planned = true
		return m, true
	case "overnight":
		return mk(i+1, spec{kind: dDeictic, unit: dates.Day, night: true})
	case "the":
		if n1.is("day") && n2.is("before") && sc.tok(i+3).is("yesterday") {
			return mk(i+4, deictic(-2))
		}
		if s, j, ok := sc.anaphoricAfter(i+1, true); ok {
			return mk(j, s)
		}
	case "last":
		if n1.is("night") {
			return mk(i+2, spec{kind: dDeictic, unit: dates.Day, night: true})
		}
		if s, j, ok := sc.period(i+1, -1); ok {
			return mk(j, s)
		}
	case "this", "diese", "dieser", "diesen", "dieses", "diesem":
		if s, j, ok := sc.period(i+1, 0); ok {
			return mk(j, s)
		}
	case "next", "nächste", "nächsten", "nächster", "nächstes", "kommende", "kommenden", "kommender", "kommendes":
		if s, j, ok := sc.period(i+1, 1); ok {
			m, _ := mk(j, s)
			m.planned = true
			return m, true
		}
		if s, j, ok := sc.anaphoricAfter(i, false); ok {
			return mk(j, s)
		}
	case "following", "folgenden":
		if s, j, ok := sc.anaphoricAfter(i, false); ok {
			return mk(j, s)
		}
	case "vergangene", "vergangenen", "vergangener", "vergangenes", "letzte", "letzten", "letzter", "letztes", "vorige", "vorigen", "voriger", "voriges":
		if n1.is("nacht") {
			return mk(i+2, spec{kind: dDeictic, unit: dates.Day, night: true})
		}
		if s, j, ok := sc.period(i+1, -1); ok {
			return mk(j, s)
		}
		if s, j, ok := sc.anaphoricAfter(i, false); ok {
			return mk(j, s)
		}
	case "earlier", "later":
		// "earlier this month", "later this week", "later that day".
		if n1.is("this") {
			if s, j, ok := sc.period(i+2, 0); ok {
				m, _ := mk(j, s)
				m.planned = w == "later"
				if w == "earlier" && s.unit == dates.Month {
					m.spec.vague = true
				}
				return m, true
			}
		}
		if n1.is("that") && n2.is("day", "evening", "night", "morning", "afternoon") {
			return mk(i+3, spec{kind: dAnaphoric, unit: dates.Day})
		}
	case "anfang", "mitte", "ende":
		// "Anfang des Monats", "Ende dieser Woche".
		if n1.is("des", "dieses", "dieser", "der", "vergangener", "letzter") {
			dir := 0
			if n1.is("vergangener", "letzter") {
				dir = -1
			}
			if u := n2.lower; u == "monats" || u == "jahres" || u == "woche" {
				s := spec{kind: dDeictic, unit: dates.Month, n: dir}
				switch u {
				case "jahres":
					s.unit = dates.Year
				case "woche":
					s.unit, s.week = dates.Day, true
				}
				return mk(i+3, s)
			}
		}
	case "nacht":
		// "in der Nacht" alone: the night before the report.
		if sc.tok(i-1).is("der") && sc.tok(i-2).is("in") && !n1.is("zum", "zu", "auf", "vom", "von") {
			return mk(i+1, spec{kind: dDeictic, unit: dates.Day, night: true})
		}
	case "wochenende", "weekend":
		if p := sc.tok(i - 1); p.is("am", "the", "this", "vergangenen", "letzten") || p.is("over") {
			return mk(i+1, spec{kind: dDeictic, unit: dates.Day, weekend: true})
		}
	case "kürzlich", "jüngst", "neulich", "unlängst", "recently", "lately":
		return mk(i+1, spec{kind: dDeictic, unit: dates.Month, vague: true})
	case "kurzem":
		if sc.tok(i - 1).is("vor") {
			return mention{i: i - 1, j: i + 1, spec: spec{kind: dDeictic, unit: dates.Month, vague: true}}, true
		}
	case "recent":
		if sc.tok(i-1).is("in") && (n1.is("days", "weeks")) {
			return mk(i+2, spec{kind: dDeictic, unit: dates.Month, vague: true})
		}
	case "vor":
		// "vor zwei Tagen", "vor einer Woche".
		if c, ok := numberWords[n1.lower]; ok || n1.kind == tNum {
			if n1.kind == tNum {
				c = n1.num
			}
			if u, ok := units[n2.lower]; ok && c > 0 {
				return mk(i+3, spec{kind: dDeictic, unit: u, n: -c})
			}
			if weekUnits[n2.lower] && c > 0 {
				return mk(i+3, spec{kind: dDeictic, unit: dates.Day, n: -7 * c})
			}
		}
	case "that":
		if n1.is("evening", "night", "morning", "afternoon") && !sc.tok(i-1).is("said", "says", "reported", "announced") {
			return mk(i+2, spec{kind: dAnaphoric, unit: dates.Day})
		}
	case "anschließend", "daraufhin", "afterwards", "subsequently":
		// Right after the event before, on its day.
		return mk(i+1, spec{kind: dAnaphoric, unit: dates.Day, soon: true})
	case "kurz":
		if n1.is("darauf", "danach") {
			return mk(i+2, spec{kind: dAnaphoric, unit: dates.Day, soon: true})
		}
	case "shortly":
		if n1.is("afterwards", "after") && !n2.is("the", "a", "his", "her", "their") {
			return mk(i+2, spec{kind: dAnaphoric, unit: dates.Day, soon: true})
		}
	case "tags", "tage":
		if n1.is("darauf", "danach") {
			return mk(i+2, spec{kind: dAnaphoric, unit: dates.Day, n: 1})
		}
	case "hours", "stunden":
		if n1.is("later", "earlier", "später", "zuvor", "vorher", "danach", "früher") {
			return mk(i+2, spec{kind: dAnaphoric, unit: dates.Day})
		}
	case "vortag":
		if sc.tok(i - 1).is("am") {
			return mention{i: i - 1, j: i + 1, spec: spec{kind: dAnaphoric, unit: dates.Day, n: -1}}, true
		}
	case "folgetag":
		if sc.tok(i - 1).is("am") {
			return mention{i: i - 1, j: i + 1, spec: spec{kind: dAnaphoric, unit: dates.Day, n: 1}}, true
		}
	case "am", "an", "on":
		// "am nächsten Tag", "am selben Tag", "am letzten Tag", "on the final day".
		k := i + 1
		if sc.tok(k).is("the") {
			k++
		}
		if s, j, ok := sc.anaphoricAfter(k, false); ok {
			return mk(j, s)
		}
	case "im":
		if n1.is("vorjahr") {
			return mk(i+2, spec{kind: dDeictic, unit: dates.Year, n: -1})
		}
		if n1.is("vormonat") {
			return mk(i+2, spec{kind: dDeictic, unit: dates.Month, n: -1})
		}
		if n1.is("jahr") && n2.is("darauf", "danach") {
			return mk(i+3, spec{kind: dAnaphoric, unit: dates.Year, n: 1})
		}
		if n1.is("folgenden") && n2.is("jahr", "monat") {
			return mk(i+3, spec{kind: dAnaphoric, unit: units[n2.lower], n: 1})
		}
		if n1.is("vergangenen", "letzten", "vorigen") && n2.is("jahr", "monat") {
			return mk(i+3, spec{kind: dDeictic, unit: units[n2.lower], n: -1})
		}
		if n1.is("kommenden", "nächsten") && n2.is("jahr", "monat") {
			m, _ := mk(i+3, spec{kind: dDeictic, unit: units[n2.lower], n: 1})
			m.planned = true
			return m, true
		}
	}
	if c, ok := numberWords[w]; ok {
		return sc.count(i, c)
	}
	return mention{}, false
}

// count reads "zwei Tage später", "two days later", "a week later", "two
// days ago", "drei Wochen zuvor" at i, c being the count.
func (sc *scanner) count(i, c int) (mention, bool) {
	if c <= 0 || c > 400 {
		return mention{}, false
	}
	u := sc.tok(i + 1)
	dir := sc.tok(i + 2)
	days := 0
	var unit dates.Precision
	switch {
	case units[u.lower] == dates.Day:
		days, unit = c, dates.Day
	case weekUnits[u.lower]:
		days, unit = 7*c, dates.Day
	case units[u.lower] != 0:
		days, unit = c, units[u.lower]
	default:
		return mention{}, false
	}
	switch {
	case dir.is("später", "danach", "darauf", "later", "after", "afterwards"):
		return mention{i: i, j: i + 3, spec: spec{kind: dAnaphoric, unit: unit, n: days}}, true
	case dir.is("zuvor", "vorher", "früher", "earlier", "before"):
		return mention{i: i, j: i + 3, spec: spec{kind: dAnaphoric, unit: unit, n: -days}}, true
	case dir.is("ago"):
		return mention{i: i, j: i + 3, spec: spec{kind: dDeictic, unit: unit, n: -days}}, true
	}
	return mention{}, false
}

// period reads "Woche", "week", "Monat", "month", "Jahr", "year" at i,
// dir weeks, months or years from the report's.
func (sc *scanner) period(i, dir int) (spec, int, bool) {
	t := sc.tok(i)
	switch {
	case weekUnits[t.lower]:
		return spec{kind: dDeictic, unit: dates.Day, week: true, n: dir}, i + 1, true
	case t.is("monat", "month"):
		return spec{kind: dDeictic, unit: dates.Month, n: dir}, i + 1, true
	case t.is("jahr", "jahres", "year"):
		return spec{kind: dDeictic, unit: dates.Year, n: dir}, i + 1, true
	case t.is("wochenende", "weekend"):
		s := spec{kind: dDeictic, unit: dates.Day, weekend: true}
		if dir > 0 {
			s.n = 7
		}
		return s, i + 1, true
	}
	return spec{}, i, false
}

// anaphoricAfter reads what follows "am" or "the": "nächsten Tag",
// "folgenden Tag", "selben Tag", "letzten Tag", "next day", "following
// day", "same day", "final day", "day before".
func (sc *scanner) anaphoricAfter(i int, english bool) (spec, int, bool) {
	a, b := sc.tok(i), sc.tok(i+1)
	dayWord := b.is("tag", "day", "tage")
	switch {
	case dayWord && a.is("nächsten", "folgenden", "next", "following"):
		return spec{kind: dAnaphoric, unit: dates.Day, n: 1}, i + 2, true
	case dayWord && a.is("selben", "gleichen", "same"):
		return spec{kind: dAnaphoric, unit: dates.Day}, i + 2, true
	case dayWord && a.is("letzten", "final", "last", "closing"):
		return spec{kind: dAnaphoric, unit: dates.Day, lastDay: true}, i + 2, true
	case dayWord && a.is("ersten", "first", "opening"):
		return spec{kind: dAnaphoric, unit: dates.Day, firstDay: true}, i + 2, true
	case dayWord && a.is("previous"):
		return spec{kind: dAnaphoric, unit: dates.Day, n: -1}, i + 2, true
	case a.is("day") && b.is("before"):
		return spec{kind: dAnaphoric, unit: dates.Day, n: -1}, i + 2, true
	case a.is("day", "tag") && b.is("after", "darauf", "danach"):
		return spec{kind: dAnaphoric, unit: dates.Day, n: 1}, i + 2, true
	case a.is("following", "next", "folgenden", "nächsten") && b.is("year", "jahr"):
		return spec{kind: dAnaphoric, unit: dates.Year, n: 1}, i + 2, true
	case a.is("following", "next", "folgenden", "nächsten") && b.is("month", "monat"):
		return spec{kind: dAnaphoric, unit: dates.Month, n: 1}, i + 2, true
	case a.is("following", "folgenden") && weekUnits[b.lower]:
		return spec{kind: dAnaphoric, unit: dates.Day, n: 7}, i + 2, true
	case a.is("same", "selben", "gleichen") && (b.is("evening", "night", "morning", "afternoon", "abend", "nacht", "morgen", "nachmittag")):
		return spec{kind: dAnaphoric, unit: dates.Day}, i + 2, true
	}
	return spec{}, i, false
}
