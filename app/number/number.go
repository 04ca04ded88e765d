// Package number writes numbers for people to read, as a language writes
// them: digits grouped in threes, and the language's decimal mark. It
// knows no language itself: callers pass the marks, which the window
// takes from its translations and the views from their language setting.
package number

import (
	"math"
	"strconv"
	"strings"
)

// Marks are the separators a language writes numbers with, and the words
// for thousands and millions in short numbers.
type Marks struct {
	Group   string // between groups of three digits: "," in English
	Decimal string // before the fraction: "." in English
	// Thousand and Million follow a short number: "k" and "M" in
	// English; "k" and "M" when empty.
	Thousand, Million string
}

// English and German are the marks of the languages Chronomap speaks.
var (
	English = Marks{Group: ",", Decimal: ".", Thousand: "k", Million: "M"}
	German  = Marks{Group: ".", Decimal: ",", Thousand: " Tsd.", Million: " Mio."}
)

// Short writes n as Int does below 100,000, and above in thousands or
// millions with at most three digits, for a label with little room:
// 39,575,621 is "39.6M" in English, "39,6 Mio." in German; 152,400 is
// "152k".
func (m Marks) Short(n int) string {
	a := math.Abs(float64(n))
	th, mi := m.Thousand, m.Million
	if th == "" {
		th = "k"
	}
	if mi == "" {
		mi = "M"
	}
	switch {
	case a < 100_000:
		return m.Int(n)
	case a < 999_500:
		return m.Fixed(float64(n)/1e3, 0) + th
	case a < 9_995_000:
		return m.Fixed(float64(n)/1e6, 2) + mi
	case a < 99_950_000:
		return m.Fixed(float64(n)/1e6, 1) + mi
	}
	return m.Fixed(float64(n)/1e6, 0) + mi
}

// Int writes n with its digits grouped in threes: -1234567 is
// "-1,234,567" in English, "-1.234.567" in German.
func (m Marks) Int(n int) string {
	return m.digits(strconv.Itoa(n))
}

// Fixed writes v with prec digits after the decimal mark, its whole part
// grouped: 1234.56 with one digit is "1,234.6" in English, "1.234,6" in
// German. A value that rounds to zero has no minus sign; NaN and the
// infinities are written as strconv writes them.
func (m Marks) Fixed(v float64, prec int) string {
	s := strconv.FormatFloat(v, 'f', prec, 64)
	if strings.Trim(s, "-0.") == "" {
		s = strings.TrimPrefix(s, "-")
	}
	whole, frac, ok := strings.Cut(s, ".")
	if !ok {
		return m.digits(whole)
	}
	return m.digits(whole) + m.Decimal + frac
}

// digits groups a run of decimal digits after an optional minus sign;
// anything else (NaN, +Inf) is left as it is.
func (m Marks) digits(s string) string {
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	if len(s) <= 3 || strings.Trim(s, "0123456789") != "" {
		return sign + s
	}
	var b strings.Builder
	b.Grow(len(sign) + len(s) + len(s)/3*len(m.Group))
	b.WriteString(sign)
	head := len(s) % 3
	if head == 0 {
		head = 3
	}
	b.WriteString(s[:head])
	for i := head; i < len(s); i += 3 {
		b.WriteString(m.Group)
		b.WriteString(s[i : i+3])
	}
	return b.String()
}
