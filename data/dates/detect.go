package dates

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// sampleSize is how many values Detect reads from a big column, spread
// evenly over it.
const sampleSize = 4096

// Detect decides how a column's values are read, from its header name and
// its values (all of them, or an even spread of sampleSize for bigger
// columns):
//
//   - Numbers: a column of numbers (at least 90% of its non-empty values)
//     is read as years when the header says so (year, Jahr, año, année,
//     год) or some are negative — unless negatives are zero-padded ISO years
//     such as -0508; as yyyymm with a header like MonthYear; as Unix
//     milliseconds when all have 13 digits (12 or 13 with a header like
//     ms/millis); as Unix seconds when all have 10 digits (9 to 11, or
//     decimals, with a header like timestamp/epoch/unix/time); as Excel
//     serial days when they lie in 1–2958465 and the header suggests a date
//     (date, Datum, fecha, дата, day, time, ...), except for whole numbers
//     in 1000–2999, which are years. Columns of valid yyyymmdd or
//     yyyymmddhhmmss stay Text, which reads them.
//   - Text: the order of numeric dates is settled by values that can only
//     be read one way (13/11/2023 is day first). The majority wins if
//     values disagree. When nothing settles it in the sample, the whole
//     column is scanned for one settling value; if none exists and some
//     values could be read both ways, the column is Ambiguous.
func Detect(header string, values []string) Column {
	hint := readHeader(header)
	vals := spread(values)
	var st numStats
	for _, v := range vals {
		if v = clean(v); v != "" {
			st.add(v)
		}
	}
	c := Column{Kind: st.kind(hint)}
	if c.Kind == Text {
		c.Order, c.Ambiguous = detectOrder(vals, values)
	}
	for _, v := range vals {
		if clean(v) == "" {
			continue
		}
		c.Checked++
		if _, err := c.Parse(v); err == nil {
			c.Parsed++
		}
	}
	return c
}

// spread returns all values, or sampleSize of them spread evenly.
func spread(values []string) []string {
	if len(values) <= sampleSize {
		return values
	}
	out := make([]string, sampleSize)
	for i := range out {
		out[i] = values[int(int64(i)*int64(len(values))/sampleSize)]
	}
	return out
}

// numStats gathers what the numbers of a column look like.
type numStats struct {
	nonEmpty, numbers, ints int
	min, max                float64
	minDigits, maxDigits    int  // digits of the integers, without sign
	negative, paddedNeg     bool // some integers are negative; some as -0508
	padded                  bool // some integers have a leading zero: codes, not counts
	compact, yearMonth      int  // integers reading as yyyymmdd[hhmmss], as yyyymm
}

func (st *numStats) add(v string) {
	st.nonEmpty++
	if !isDecimal(v) {
		return
	}
	f, err := strconv.ParseFloat(strings.Replace(v, ",", ".", 1), 64)
	if err != nil {
		return
	}
	if st.numbers == 0 || f < st.min {
		st.min = f
	}
	if st.numbers == 0 || f > st.max {
		st.max = f
	}
	st.numbers++
	if !isInteger(v) {
		return
	}
	digits := strings.TrimLeft(v, "+-")
	n := len(digits)
	if st.ints == 0 || n < st.minDigits {
		st.minDigits = n
	}
	if n > st.maxDigits {
		st.maxDigits = n
	}
	st.ints++
	if digits[0] == '0' && n > 1 {
		st.padded = true
	}
	if v[0] == '-' {
		st.negative = true
		if digits[0] == '0' && n > 1 {
			st.paddedNeg = true
		}
	}
	switch n {
	case 8, 12, 14:
		if v[0] != '-' && v[0] != '+' {
			if _, err := Parse(v); err == nil {
				st.compact++
			}
		}
	case 6:
		y, m := atoi(digits[:4]), atoi(digits[4:])
		if v[0] != '-' && y >= 1000 && m >= 1 && m <= 12 {
			st.yearMonth++
		}
	}
}

// kind decides the Kind of a column from its numbers and header.
func (st *numStats) kind(h headerHint) Kind {
	if st.numbers == 0 || st.numbers*10 < st.nonEmpty*9 {
		return Text
	}
	allInts := st.ints == st.numbers
	switch {
	case h.code:
		return Text
	case st.padded && !st.negative:
		// 0301234567 is a phone number, not an epoch; padded years such
		// as 0033 read as years in Text too.
		return Text
	case allInts && h.yearMonth && st.yearMonth == st.ints:
		return YearMonths
	case allInts && st.compact == st.ints:
		return Text
	case allInts && st.min >= -9999 && st.max <= 9999 && (h.year || st.negative) && !st.paddedNeg:
		return Years
	case allInts && st.min >= 1e11 && st.max < 1e13 && (h.millis || st.minDigits == 13):
		return UnixMillis
	case st.min >= 1e8 && st.max < 1e11 && !h.millis &&
		(h.epoch || allInts && st.minDigits == 10 && st.maxDigits == 10):
		return UnixSeconds
	case !allInts && h.fraction && st.min >= 1000 && st.max < 3000:
		return DecimalYears
	case h.date && st.min >= 1 && st.max < maxExcel && !(allInts && st.min >= 1000 && st.max <= 2999):
		return ExcelSerial
	}
	return Text
}

// detectOrder settles day-first versus month-first from the a/b/yyyy values
// of a sample, scanning all values only if the sample settles nothing.
func detectOrder(sample, all []string) (Order, bool) {
	var day, month, both int
	for _, v := range sample {
		switch orderOf(v) {
		case DayFirst:
			day++
		case MonthFirst:
			month++
		case eitherOrder:
			both++
		}
	}
	if day == 0 && month == 0 && both > 0 && len(all) > len(sample) {
		for _, v := range all {
			if o := orderOf(v); o == DayFirst || o == MonthFirst {
				if o == DayFirst {
					day++
				} else {
					month++
				}
				break
			}
		}
	}
	switch {
	case day > month:
		return DayFirst, false
	case month > day:
		return MonthFirst, false
	case day > 0 || both > 0:
		return Unknown, true
	}
	return Unknown, false
}

// eitherOrder marks a value that reads both ways (04/05/2023).
const eitherOrder Order = 255

// orderOf tells what an a/b/yyyy or a-b-yyyy value says about the order:
// DayFirst or MonthFirst when it settles it, eitherOrder when it could be
// both, Unknown when it says nothing (05/05/2023, not such a value).
func orderOf(v string) Order {
	v = clean(v)
	a, na := digitRun(v, 0)
	if na < 1 || na > 2 || na+1 >= len(v) {
		return Unknown
	}
	sep := v[na]
	if sep != '/' && sep != '-' {
		return Unknown
	}
	b, nb := digitRun(v, na+1)
	k := na + 1 + nb
	if nb < 1 || nb > 2 || k >= len(v) || v[k] != sep {
		return Unknown
	}
	if _, nc := digitRun(v, k+1); nc != 4 {
		return Unknown
	}
	switch {
	case a < 1 || b < 1 || a == b || a > 31 || b > 31:
		return Unknown
	case a > 12 && b <= 12:
		return DayFirst
	case b > 12 && a <= 12:
		return MonthFirst
	case a <= 12 && b <= 12:
		return eitherOrder
	}
	return Unknown
}

// headerHint is what a column's header name says about its values.
type headerHint struct {
	year, yearMonth, date, epoch, millis, fraction bool
	code                                           bool // an identifier, not a time
}

var (
	yearHints  = []string{"year", "yr", "jahr", "año", "ano", "anno", "année", "annee", "anio", "год"}
	dateHints  = []string{"date", "datum", "fecha", "data", "дата", "day", "tag", "jour", "día", "dia", "день", "time", "zeit", "hora", "heure", "время", "when", "wann", "start", "end", "begin", "beginn", "ende", "created", "updated"}
	epochHints = []string{"epoch", "unix", "timestamp", "ts", "time", "created", "updated", "modified", "posix"}
	msHints    = []string{"ms", "millis", "msec", "milliseconds"}
	codeHints  = []string{"id", "ids", "phone", "tel", "fax", "zip", "plz", "postcode", "isbn", "nr", "no", "code"}
)

// readHeader splits a header into lower-case words (at non-letters and at
// camelCase humps) and matches them against the hint lists: a hint of four
// or more letters may be part of a word ("event_date", "DATEADDED").
func readHeader(header string) headerHint {
	var ws []string
	var cur []rune
	var prevLower bool
	flush := func() {
		if len(cur) > 0 {
			ws = append(ws, string(cur))
			cur = cur[:0]
		}
	}
	for _, r := range header {
		switch {
		case unicode.IsLetter(r):
			if unicode.IsUpper(r) && prevLower {
				flush()
			}
			prevLower = unicode.IsLower(r)
			cur = append(cur, unicode.ToLower(r))
		default:
			flush()
			prevLower = false
		}
	}
	flush()
	joined := strings.Join(ws, "")
	match := func(hints []string) bool {
		for _, w := range ws {
			for _, h := range hints {
				if w == h || utf8.RuneCountInString(h) >= 4 && strings.Contains(w, h) {
					return true
				}
			}
		}
		return false
	}
	return headerHint{
		year:      match(yearHints),
		yearMonth: strings.Contains(joined, "monthyear") || strings.Contains(joined, "yearmonth") || strings.Contains(joined, "yyyymm"),
		date:      match(dateHints),
		epoch:     match(epochHints),
		millis:    match(msHints),
		code:      match(codeHints),
		fraction:  strings.Contains(joined, "fraction") || strings.Contains(joined, "decimalyear"),
	}
}
