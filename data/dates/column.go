package dates

import (
	"math"
	"strconv"
	"strings"
)

// Order is the order of day and month in numeric dates such as 04/05/2023.
type Order uint8

const (
	Unknown    Order = iota // not settled: a value is read only if it settles itself
	DayFirst                // 13/11/2023
	MonthFirst              // 11/13/2023
)

// String returns "", "day-first" or "month-first".
func (o Order) String() string {
	switch o {
	case DayFirst:
		return "day-first"
	case MonthFirst:
		return "month-first"
	}
	return ""
}

// Kind is how a column writes its dates.
type Kind uint8

const (
	// Text: each value is read as written (ISO dates, 7 November 2023,
	// 13/11/2023, 509 BC, ...). Bare numbers are years (three or four
	// digits), yyyymmdd or yyyymmddhhmmss. The zero Column is Text.
	Text Kind = iota
	// UnixSeconds: integers (or decimals) of seconds since 1970-01-01 UTC.
	UnixSeconds
	// UnixMillis: integers of milliseconds since 1970-01-01 UTC.
	UnixMillis
	// ExcelSerial: Excel serial day numbers in the 1900 date system
	// (45237 is 7 November 2023), a fraction being the time of day.
	ExcelSerial
	// Years: bare integers are years, negative ones BC in the historian's
	// sense (-509 is 509 BC, astronomical -508); 0 is an error.
	Years
	// YearMonths: six-digit yyyymm integers (GDELT MonthYear).
	YearMonths
	// DecimalYears: a year and a fraction of it (GDELT FractionDate, 2023.8493).
	DecimalYears
)

var kindNames = [...]string{"text", "unix-seconds", "unix-millis", "excel-serial", "years", "year-months", "decimal-years"}

// String returns the kind's name: "text", "unix-seconds", "unix-millis",
// "excel-serial", "years", "year-months" or "decimal-years".
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "Kind(" + itoa(int(k)) + ")"
}

// Column is how the values of one column are read, decided once from its
// values by Detect so that e.g. day-first vs month-first is settled per
// column. The zero Column reads values as Parse does.
type Column struct {
	Order Order // DayFirst, MonthFirst, or Unknown when no value settles it
	// Ambiguous is true when the column has a/b/yyyy values that could be
	// either order and none settles it: callers flag this, it is not
	// guessed silently. Parse then fails on each such value, saying both
	// readings.
	Ambiguous bool
	Kind      Kind // how the values are written

	// Checked is how many non-empty values Detect looked at, and Parsed
	// how many of those this Column reads, for callers deciding whether
	// the column holds dates at all.
	Checked, Parsed int
}

// Parse reads one value the way this column reads: a single time (Range.End
// zero) or a range. Values that do not fit the column's numeric Kind are
// read as text, so a column of serials may still hold "2023-11-07".
func (c Column) Parse(s string) (Range, error) {
	s = clean(s)
	if s == "" {
		return Range{}, ErrEmpty
	}
	if c.Kind != Text && isDecimal(s) {
		t, reason := c.number(s)
		if reason != "" {
			return Range{}, newError(s, reason)
		}
		return Range{Start: t}, nil
	}
	return parseText(s, c.Order)
}

// number reads a numeric value of a numeric Kind.
func (c Column) number(s string) (Time, string) {
	if strings.IndexByte(s, ',') >= 0 {
		s = strings.Replace(s, ",", ".", 1) // decimal comma: 45237,5
	}
	integer := strings.IndexByte(s, '.') < 0
	switch c.Kind {
	case UnixMillis:
		if v, err := strconv.ParseInt(s, 10, 64); err == nil {
			return unixTime(floorDiv(v, 1000))
		}
	case Years:
		if v, err := strconv.Atoi(s); err == nil {
			return historianYear(v)
		}
	case YearMonths:
		if v, err := strconv.Atoi(s); err == nil && len(s) == 6 {
			f := fields{year: v / 100, month: v % 100, hasYear: true, hasMonth: true}
			return f.time()
		}
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsInf(v, 0) {
		return Time{}, notDate
	}
	switch c.Kind {
	case UnixSeconds:
		if math.Abs(v) < 1e15 {
			return unixTime(int64(math.Floor(v)))
		}
	case ExcelSerial:
		return excelTime(v)
	case DecimalYears:
		return decimalYear(v)
	case Years:
		if integer {
			break
		}
		return Time{}, "is not a whole year"
	}
	return Time{}, outOfRange
}

// unixTime returns a Unix time as a Second time, if its year is in range.
func unixTime(unix int64) (Time, string) {
	// ±maxYear years is about ±3.2e13 seconds; check before civil.
	if unix < -31_600_000_000_000 || unix > 31_500_000_000_000 {
		return Time{}, outOfRange
	}
	return Time{Unix: unix, Prec: Second}, ""
}

// historianYear reads a year as historians write it: negative is BC
// (-509 is 509 BC, astronomical -508) and there is no year 0.
func historianYear(v int) (Time, string) {
	f := fields{year: v, hasYear: true}
	switch {
	case v == 0:
		return Time{}, noYearZero
	case v < 0:
		f.year, f.bc = -v, true
	}
	return f.time()
}

// Excel's 1900 date system counts 1 January 1900 as day 1 and, copying a
// Lotus 1-2-3 bug, has a 29 February 1900 as day 60. Days from 61 on are
// therefore one more than the real count since 31 December 1899: they are
// counted from 30 December 1899 instead.
var (
	excelEpoch      = daysFromCivil(1899, 12, 30)
	excelEarlyEpoch = daysFromCivil(1899, 12, 31)
)

// maxExcel is the serial of 9999-12-31, Excel's last day, plus one.
const maxExcel = 2958466

// excelTime reads an Excel serial day number: the whole part is the day,
// the fraction the time of day, to the minute when it falls on one.
func excelTime(v float64) (Time, string) {
	if v < 1 || v >= maxExcel {
		return Time{}, "is not an Excel date (1 to 2958465)"
	}
	day := math.Floor(v)
	if day == 60 {
		return Time{}, "is Excel's 29 February 1900, a day that did not exist"
	}
	epoch := excelEpoch
	if day < 60 {
		epoch = excelEarlyEpoch
	}
	unix := (epoch + int64(day)) * secondsPerDay
	sec := int64(math.Round((v - day) * secondsPerDay))
	if sec == 0 {
		return Time{Unix: unix, Prec: Day}, ""
	}
	prec := Second
	if sec%60 == 0 {
		prec = Minute
	}
	return Time{Unix: unix + sec, Prec: prec}, ""
}

// decimalYear reads a year with a fraction of it, to the day.
func decimalYear(v float64) (Time, string) {
	y := math.Floor(v)
	if y < -maxYear || y > maxYear {
		return Time{}, outOfRange
	}
	year := int(y)
	start := daysFromCivil(year, 1, 1)
	length := daysFromCivil(year+1, 1, 1) - start
	day := int64((v - y) * float64(length))
	return Time{Unix: (start + day) * secondsPerDay, Prec: Day}, ""
}

// isDecimal reports whether s is a plain decimal number: an optional sign,
// digits, and optionally one '.' or ',' with digits after it.
func isDecimal(s string) bool {
	i := 0
	if i < len(s) && (s[i] == '-' || s[i] == '+') {
		i++
	}
	start := i
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	if i == start {
		return false
	}
	if i < len(s) && (s[i] == '.' || s[i] == ',') {
		i++
		frac := i
		for i < len(s) && isDigit(s[i]) {
			i++
		}
		if i == frac {
			return false
		}
	}
	return i == len(s)
}

// isInteger reports whether s is an optional sign and digits.
func isInteger(s string) bool {
	return isDecimal(s) && strings.IndexAny(s, ".,") < 0
}
