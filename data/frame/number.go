package frame

import (
	"iter"
	"math"
	"slices"
	"strconv"
	"strings"
)

var nan = math.NaN()

// isMissing reports whether a cell stands for "no value" in a numeric
// column. Text columns keep such cells as written.
func isMissing(s string) bool {
	switch s {
	case "", "NA", "N/A", "n/a", "NaN", "nan", "null", "NULL", "None":
		return true
	}
	return false
}

// kindOf decides a column's kind from all of its cells. A column is
// numeric only if every non-missing cell is a number; integers with leading
// zeros (identifiers, postcodes) make the column text. The numbers are read
// into floats (NaN where missing; whole numbers are exact there, see
// maxDigits), so that no cell is parsed twice; missing reports a gap in a
// numeric column.
func kindOf(cells []string, decimalComma bool, floats []float64) (kind Kind, missing bool) {
	return scanNumbers(slices.All(cells), decimalComma, func(i int, f float64) { floats[i] = f })
}

// scanNumbers is kindOf over cells given one at a time; put receives each
// number (NaN where missing) as it is read.
func scanNumbers(cells iter.Seq2[int, string], decimalComma bool, put func(int, float64)) (kind Kind, missing bool) {
	marks := []bool{false}
	if decimalComma {
		marks = []bool{true, false}
	}
	for _, comma := range marks {
		kind, missing = Integer, false
		seen := false
		for i, c := range cells {
			if isMissing(c) {
				put(i, nan)
				missing = true
				continue
			}
			seen = true
			if n, ok := parseInt(c); ok {
				put(i, float64(n))
				continue
			}
			if f, ok := parseNumber(c, comma); ok {
				put(i, f)
				kind = Number
				continue
			}
			kind = Text
			break
		}
		if !seen {
			return Text, false
		}
		if kind != Text {
			return kind, missing
		}
	}
	return Text, false
}

// maxDigits is the longest whole number read as a number: every integer of
// up to 15 digits is exact as a float64, so whole-number columns are kept as
// floats while they are built. Longer ones are identifiers, kept as text.
const maxDigits = 15

// parseInt reads a plain whole number: an optional sign and digits, with no
// leading zero, no separators and at most maxDigits digits.
func parseInt(s string) (int, bool) {
	d := s
	if len(d) > 0 && (d[0] == '-' || d[0] == '+') {
		d = d[1:]
	}
	if len(d) == 0 || len(d) > maxDigits || (d[0] == '0' && len(d) > 1) {
		return 0, false
	}
	n := 0
	for i := 0; i < len(d); i++ {
		c := d[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	if s[0] == '-' {
		n = -n
	}
	return n, true
}

// parseNumber reads a decimal number written with the given decimal mark
// ('.' or, when comma is set, ','), allowing the other mark as a thousands
// separator in groups of three ("1,234.5" or "1.234,5"). Special values
// such as "Inf" or "NaN" and hexadecimal forms are not numbers here.
func parseNumber(s string, comma bool) (float64, bool) {
	dec, group := byte('.'), byte(',')
	if comma {
		dec, group = ',', '.'
	}
	i := 0
	if i < len(s) && (s[i] == '-' || s[i] == '+') {
		i++
	}
	// "0042" or "01,5" is an identifier or a code, not a number.
	if i+1 < len(s) && s[i] == '0' && s[i+1] >= '0' && s[i+1] <= '9' {
		return 0, false
	}
	digits, groupLen, grouped, sawDec, sawExp := 0, 0, false, false, false
	clean := true
	for j := i; j < len(s); j++ {
		c := s[j]
		switch {
		case c >= '0' && c <= '9':
			digits++
			groupLen++
		case c == group && !sawDec && !sawExp:
			if digits == 0 || (grouped && groupLen != 3) || (!grouped && groupLen > 3) {
				return 0, false
			}
			grouped, groupLen, clean = true, 0, false
		case c == dec && !sawDec && !sawExp:
			if grouped && groupLen != 3 {
				return 0, false
			}
			sawDec, grouped = true, false
			if comma {
				clean = false
			}
		case (c == 'e' || c == 'E') && digits > 0 && !sawExp && !comma:
			if grouped && groupLen != 3 {
				return 0, false
			}
			sawExp, grouped = true, false
			if j+1 < len(s) && (s[j+1] == '-' || s[j+1] == '+') {
				j++
			}
			if j+1 >= len(s) {
				return 0, false
			}
		default:
			return 0, false
		}
	}
	if digits == 0 || (grouped && groupLen != 3) {
		return 0, false
	}
	// A whole number too long for parseInt is an identifier: as a float it
	// would lose its last digits.
	if !sawDec && !sawExp && digits > maxDigits {
		return 0, false
	}
	if !clean {
		var b strings.Builder
		for j := 0; j < len(s); j++ {
			switch c := s[j]; c {
			case group:
			case dec:
				b.WriteByte('.')
			default:
				b.WriteByte(c)
			}
		}
		s = b.String()
	}
	f, err := strconv.ParseFloat(s, 64)
	return f, err == nil
}
