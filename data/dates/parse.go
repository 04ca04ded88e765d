package dates

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Parse reads one value without column context: day-first and month-first
// numeric dates are read only when the value itself settles the order
// ("13/11/2023"), and bare numbers are read as years (three or four
// digits), yyyymmdd or yyyymmddhhmmss, never as epochs or Excel serials.
// Use Detect and Column.Parse for a column of values.
func Parse(s string) (Range, error) {
	return Column{}.Parse(s)
}

// clean trims white space and one pair of surrounding quotes.
func clean(s string) string {
	s = strings.TrimSpace(s)
	if len(s) < 2 || s[0] != '"' && s[0] != '\'' && s[0] < utf8.RuneSelf {
		return s
	}
	for _, q := range quotePairs {
		if strings.HasPrefix(s, q[0]) && strings.HasSuffix(s, q[1]) && len(s) >= len(q[0])+len(q[1]) {
			return strings.TrimSpace(s[len(q[0]) : len(s)-len(q[1])])
		}
	}
	return s
}

var quotePairs = [][2]string{{`"`, `"`}, {`'`, `'`}, {"“", "”"}, {"„", "“"}, {"«", "»"}, {"‘", "’"}}

// parseText reads a written value, a single time or a range.
func parseText(s string, order Order) (Range, error) {
	f, reason := readFields(s, order)
	if reason == "" {
		var t Time
		if t, reason = f.time(); reason == "" {
			return Range{Start: t}, nil
		}
	}
	if r, rreason, ok := parseRange(s, order); ok {
		if rreason == "" {
			return r, nil
		}
		return Range{}, newError(s, rreason)
	}
	return Range{}, newError(s, reason)
}

// readFields reads the parts of one date.
func readFields(s string, order Order) (fields, string) {
	p := parser{s: s, order: order}
	if reason := p.run(); reason != "" {
		return fields{}, reason
	}
	if reason := p.f.resolve(); reason != "" {
		return fields{}, reason
	}
	return p.f, ""
}

// token kinds, to know what an "am" or "Uhr" follows.
const (
	tokNone = iota
	tokNumber
	tokClock
	tokWord
)

// parser reads one date left to right. Numeric dates (2023-11-07,
// 13/11/2023, 20231107) are read in one piece where they start; words and
// loose numbers are collected and sorted out by fields.resolve.
type parser struct {
	s     string
	i     int
	order Order
	prev  int // kind of the last token, ignoring separators
	f     fields
}

func (p *parser) run() string {
	s := p.s
	if len(s) > 1 && (s[0] == '-' || s[0] == '+') && isDigit(s[1]) {
		if r := p.signed(); r != "" {
			return r
		}
	}
	for p.i < len(s) {
		c := s[p.i]
		switch {
		case isDigit(c):
			if r := p.number(); r != "" {
				return r
			}
		case c == ' ' || c == ',' || c == '.' || c == '-' || c == '/' || c == '\t':
			p.i++
		case c < utf8.RuneSelf && !isASCIILetter(c):
			return notDate
		default:
			r, size := utf8.DecodeRuneInString(s[p.i:])
			switch {
			case unicode.IsSpace(r):
				p.i += size
			case unicode.IsLetter(r):
				if r := p.word(); r != "" {
					return r
				}
			default:
				return notDate
			}
		}
	}
	return ""
}

// signed reads a value starting with a sign: an ISO 8601 year of four or
// more digits ("-0508", "-0508-01-01", "+10000"), astronomical; or a
// historian's BC year of fewer digits ("-509" is 509 BC).
func (p *parser) signed() string {
	s := p.s
	v, n := digitRun(s, 1)
	j := 1 + n
	if n >= 4 {
		if n > 6 {
			return outOfRange
		}
		if s[0] == '-' {
			v = -v
		}
		if j+1 < len(s) && s[j] == '-' && (isDigit(s[j+1]) || s[j+1] == 'W') {
			return p.yearFirst(v, j)
		}
		p.i = j
		return p.f.setDate(v, 0, 0, false, false)
	}
	if s[0] == '+' {
		return notDate
	}
	p.i = j
	p.f.bc = true
	return p.f.setDate(v, 0, 0, false, false)
}

// number reads what starts with a digit.
func (p *parser) number() string {
	s := p.s
	start := p.i
	v, n := digitRun(s, start)
	j := start + n
	var next byte
	if j < len(s) {
		next = s[j]
	}
	digitAfter := j+1 < len(s) && isDigit(s[j+1])
	switch {
	case next == ':' && n <= 2 && digitAfter:
		return p.clock(false)
	case n == 4 && (next == '-' || next == '/' || next == '.') && (digitAfter || next == '-' && j+1 < len(s) && s[j+1] == 'W'):
		return p.yearFirst(v, j)
	case n <= 2 && (next == '.' || next == '/' || next == '-') && digitAfter:
		return p.dayMonth(start)
	case n >= 5:
		return p.compact(start, j)
	}
	p.i = j
	num := number{v: v, digits: n}
	if j < len(s) && (isASCIILetter(next) || next >= utf8.RuneSelf) {
		// Letters written onto the number: 1er, 7th, 2pm, 14h05.
		end := letterRun(s, j)
		switch strings.ToLower(s[j:end]) {
		case "st", "nd", "rd", "th", "er", "re", "e", "eme", "ème", "º", "ª":
			num.ordinal = true
			p.i = end
		case "am", "pm", "h":
			// Leave the suffix to word(), which turns the number into an hour.
			p.prev = tokNumber
			return p.f.addNumber(num)
		default:
			if end == j {
				break // not a letter: let run() judge it
			}
			return notDate
		}
	}
	p.prev = tokNumber
	return p.f.addNumber(num)
}

// yearFirst reads a date after a year, at the separator s[j]: 2023-11-07,
// 2023/11/07, 2023.11.07, 2023-11, 2023/11, the ordinal 2023-311 and the
// week date 2023-W45-2, then an ISO time after a T.
func (p *parser) yearFirst(y, j int) string {
	s := p.s
	sep := s[j]
	k := j + 1
	if sep == '-' && s[k] == 'W' {
		return p.week(y, k+1)
	}
	m, n := digitRun(s, k)
	k += n
	if sep == '-' && n == 3 {
		if r := p.f.setDate(y, 1, m, false, true); r != "" {
			return r
		}
		p.f.yday = true
		return p.afterDate(k)
	}
	if n > 2 {
		return notDate
	}
	d, hasDay := 0, false
	if k+1 < len(s) && s[k] == sep && isDigit(s[k+1]) {
		d, n = digitRun(s, k+1)
		if n > 2 {
			return notDate
		}
		hasDay = true
		k += 1 + n
	} else if sep == '.' {
		return notDate // 2023.5 is a decimal, not May 2023
	}
	if r := p.f.setDate(y, m, d, true, hasDay); r != "" {
		return r
	}
	if !hasDay {
		p.i = k
		return ""
	}
	return p.afterDate(k)
}

// afterDate moves past a full date ending at k, reading an ISO time if a T
// follows: 2023-11-07T10:00Z.
func (p *parser) afterDate(k int) string {
	s := p.s
	p.i = k
	if k+1 < len(s) && (s[k] == 'T' || s[k] == 't') && isDigit(s[k+1]) {
		p.i = k + 1
		return p.clock(true)
	}
	return ""
}

// week reads the rest of an ISO week date, 2023-W45-2, from k.
func (p *parser) week(y, k int) string {
	s := p.s
	w, n := digitRun(s, k)
	if n != 2 || k+n+1 >= len(s) || s[k+n] != '-' {
		return notDate
	}
	k += n + 1
	d, n := digitRun(s, k)
	if n != 1 || d < 1 || d > 7 {
		return notDate
	}
	if y < -maxYear || y > maxYear {
		return outOfRange
	}
	first := isoWeekOne(y)
	if w < 1 || int64(w-1)*7 >= isoWeekOne(y+1)-first {
		return "has week " + itoa(w) + ", but " + yearText(y) + " has no such week"
	}
	yy, mm, dd := civilFromDays(first + int64(w-1)*7 + int64(d-1))
	if r := p.f.setDate(yy, mm, dd, true, true); r != "" {
		return r
	}
	return p.afterDate(k + n)
}

// isoWeekOne returns the day count of the Monday of ISO week 1 of year y,
// the week holding 4 January.
func isoWeekOne(y int) int64 {
	jan4 := daysFromCivil(y, 1, 4)
	return jan4 - int64(weekday(jan4)-1)
}

// dayMonth reads a numeric date starting with a one- or two-digit number:
// 7.11.2023 (always day first), 13/11/2023 and 11/13/2023 (order from the
// column or the value), 11/2023 (month and year).
func (p *parser) dayMonth(start int) string {
	s := p.s
	a, n := digitRun(s, start)
	sep := s[start+n]
	k := start + n + 1
	b, nb := digitRun(s, k)
	k += nb
	if nb == 4 {
		if k < len(s) && s[k] == sep {
			return notDate
		}
		p.i = k
		return p.f.setDate(b, a, 0, true, false)
	}
	if nb > 2 || k+1 >= len(s) || s[k] != sep || !isDigit(s[k+1]) {
		return notDate
	}
	c, nc := digitRun(s, k+1)
	switch nc {
	case 4:
	case 2:
		return twoDigitYear
	default:
		return notDate
	}
	day, month := a, b
	order := p.order
	if sep == '.' {
		order = DayFirst
	}
	switch order {
	case MonthFirst:
		day, month = b, a
	case Unknown:
		switch {
		case a > 12 || a == b || a == 0 || b == 0:
			// day first settles itself, or both readings agree
		case b > 12:
			day, month = b, a
		default:
			return "could be " + itoa(a) + " " + monthName(b) + " or " + itoa(b) + " " + monthName(a)
		}
	}
	if r := p.f.setDate(c, month, day, true, true); r != "" {
		return r
	}
	p.i = k + 1 + nc
	return ""
}

// compact reads a run of five or more digits from start to end: yyyymmdd,
// yyyymmddhhmm, yyyymmddhhmmss, and yyyymmddThhmm[ss] (ISO basic format).
// Such a number is a date only when it is a valid one, since IDs and counts
// look the same.
func (p *parser) compact(start, end int) string {
	s := p.s
	d := s[start:end]
	var hh, mm, ss int
	prec := Day
	switch len(d) {
	case 8:
		if end+1 < len(s) && s[end] == 'T' && isDigit(s[end+1]) {
			t, n := digitRun(s, end+1)
			switch n {
			case 2:
				hh, prec = t, Hour
			case 4:
				hh, mm, prec = t/100, t%100, Minute
			case 6:
				hh, mm, ss, prec = t/10000, t/100%100, t%100, Second
			default:
				return notDate
			}
			end += 1 + n
		}
	case 12:
		hh, mm, prec = atoi(d[8:10]), atoi(d[10:12]), Minute
	case 14:
		hh, mm, ss, prec = atoi(d[8:10]), atoi(d[10:12]), atoi(d[12:14]), Second
	default:
		return notDate
	}
	y, m, dd := atoi(d[:4]), atoi(d[4:6]), atoi(d[6:8])
	if y < 1000 || m < 1 || m > 12 || dd < 1 || dd > daysIn(y, m) || hh > 23 || mm > 59 || ss > 59 {
		return notDate
	}
	if r := p.f.setDate(y, m, dd, true, true); r != "" {
		return r
	}
	p.i = end
	if prec > Day {
		if r := p.f.setClock(hh, mm, ss, prec); r != "" {
			return r
		}
		p.prev = tokClock
		p.zone()
	}
	return ""
}

// clock reads a time of day at p.i: hh:mm, hh:mm:ss, with a fraction of a
// second (dropped: Times hold whole seconds) and a zone. hourAlone allows a
// bare hour, as after the T of 2023-11-07T10Z.
func (p *parser) clock(hourAlone bool) string {
	s := p.s
	i := p.i
	h, n := digitRun(s, i)
	if n == 0 || n > 2 {
		return notDate
	}
	i += n
	m, sec, prec := 0, 0, Hour
	if i+1 < len(s) && s[i] == ':' && isDigit(s[i+1]) {
		v, n := digitRun(s, i+1)
		if n != 2 {
			return notDate
		}
		m, prec = v, Minute
		i += 3
		if i+1 < len(s) && s[i] == ':' && isDigit(s[i+1]) {
			v, n := digitRun(s, i+1)
			if n != 2 {
				return notDate
			}
			sec, prec = v, Second
			i += 3
			if i+1 < len(s) && (s[i] == '.' || s[i] == ',') && isDigit(s[i+1]) {
				i++
				for i < len(s) && isDigit(s[i]) {
					i++
				}
			}
		}
	} else if !hourAlone {
		return notDate
	}
	if r := p.f.setClock(h, m, sec, prec); r != "" {
		return r
	}
	p.i = i
	p.prev = tokClock
	p.zone()
	return ""
}

// zone reads a zone after a time, if there is one: Z, +03:00, +0300, -05,
// optionally after one space.
func (p *parser) zone() {
	s := p.s
	i := p.i
	if i < len(s) && (s[i] == 'Z' || s[i] == 'z') && (i+1 == len(s) || !isASCIILetter(s[i+1])) {
		p.f.zone = true
		p.i = i + 1
		return
	}
	if i < len(s) && s[i] == ' ' {
		i++
	}
	if i+1 >= len(s) || (s[i] != '+' && s[i] != '-') || !isDigit(s[i+1]) {
		return
	}
	sign := 1
	if s[i] == '-' {
		sign = -1
	}
	v, n := digitRun(s, i+1)
	end := i + 1 + n
	var hh, mm int
	switch n {
	case 1, 2:
		hh = v
		if end+2 < len(s) && s[end] == ':' && isDigit(s[end+1]) {
			v, n := digitRun(s, end+1)
			if n != 2 {
				return
			}
			mm = v
			end += 3
		}
	case 4:
		hh, mm = v/100, v%100
	default:
		return
	}
	if hh > 23 || mm > 59 || p.f.zone {
		return
	}
	p.f.offset = sign * (hh*3600 + mm*60)
	p.f.zone = true
	p.i = end
}

// word reads a word, or a run of short words that together make an era
// or am/pm ("v. Chr.", "a.m.").
func (p *parser) word() string {
	s := p.s
	// Collect up to four words separated only by dots, spaces and hyphens.
	var ends [4]int
	var joined [4]string
	n := 0
	i := p.i
	var b strings.Builder
	for n < len(ends) {
		end := letterRun(s, i)
		if end == i {
			break
		}
		b.WriteString(strings.ToLower(s[i:end]))
		joined[n], ends[n] = b.String(), end
		n++
		i = end
		for i < len(s) && (s[i] == '.' || s[i] == ' ' || s[i] == '-') {
			i++
		}
	}
	for k := n - 1; k >= 1; k-- {
		if kind := joinedWord(joined[k]); kind != 0 {
			p.i = ends[k]
			return p.apply(kind, word{kind: kind})
		}
	}
	p.i = ends[0]
	w, ok := words[joined[0]]
	if !ok {
		return notDate
	}
	return p.apply(w.kind, w)
}

// apply does what a word says.
func (p *parser) apply(kind wordKind, w word) string {
	prev := p.prev
	p.prev = tokWord
	f := &p.f
	switch kind {
	case monthWord:
		if f.monthName != 0 {
			return notDate
		}
		f.monthName = w.v
	case bcWord, adWord:
		if f.bc || f.ad {
			return notDate
		}
		f.bc, f.ad = kind == bcWord, kind == adWord
	case amWord, pmWord, hourWord:
		switch {
		case prev == tokClock:
			if kind != hourWord {
				if f.meridiem != 0 {
					return notDate
				}
				f.meridiem = kind
			}
			p.prev = tokClock
		case prev == tokNumber && f.nnums > 0 && !f.nums[f.nnums-1].ordinal:
			// "2 pm", "14 Uhr", "14h05": the number was an hour.
			f.nnums--
			h := f.nums[f.nnums].v
			if kind == hourWord && p.i < len(p.s) && isDigit(p.s[p.i]) {
				m, n := digitRun(p.s, p.i)
				if n != 2 {
					return notDate
				}
				p.i += 2
				if r := f.setClock(h, m, 0, Minute); r != "" {
					return r
				}
			} else if r := f.setClock(h, 0, 0, Hour); r != "" {
				return r
			}
			if kind != hourWord {
				f.meridiem = kind
			}
			p.prev = tokClock
		case kind != amWord:
			return notDate
		}
		// German "am" (on): a filler.
	case utcWord:
		if f.clock == None || (f.zone && f.offset != 0) {
			return notDate
		}
		f.zone = true
		p.prev = tokClock
	}
	return ""
}

// digitRun returns the value and length of the run of digits at s[i:]. The
// value is only meaningful for runs of up to 18 digits.
func digitRun(s string, i int) (v, n int) {
	for j := i; j < len(s) && isDigit(s[j]); j++ {
		if n < 18 {
			v = v*10 + int(s[j]-'0')
		}
		n++
	}
	return v, n
}

// letterRun returns the end of the run of letters at s[i:].
func letterRun(s string, i int) int {
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf {
			if !isASCIILetter(c) {
				return i
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsLetter(r) {
			return i
		}
		i += size
	}
	return i
}

func atoi(d string) int {
	v, _ := digitRun(d, 0)
	return v
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }
