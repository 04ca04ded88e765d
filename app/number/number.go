// Package number writes numbers for people to read, as a language writes
// them: digits grouped in threes, and the language's decimal mark. It
// knows no language itself: callers pass the marks, which the window
// takes from its translations and the views from their language setting.
package number

import (
	"strconv"
	"strings"
)

// Marks are the separators a language writes numbers with.
type Marks struct {
	Group   string // between groups of three digits: "," in English
	Decimal string // before the fraction: "." in English
}

// English and German are the marks of the languages Chronomap speaks.
var (
	English = Marks{Group: ",", Decimal: "."}
	German  = Marks{Group: ".", Decimal: ","}
)

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
