package dates

import (
	"fmt"
	"strconv"
)

// fields are the parts of one written date as the parser finds them, before
// they are checked and turned into a Time. Keeping them apart lets a range
// such as "3–7 November 2023" lend the month and year of its end to its
// start.
type fields struct {
	year, month, day          int
	hasYear, hasMonth, hasDay bool
	yday                      bool // day is a day of the year (ISO ordinal date)
	bc, ad                    bool // an era marker was written

	hour, min, sec int
	clock          Precision // None, Hour, Minute or Second
	meridiem       wordKind  // 0, amWord or pmWord
	offset         int       // seconds east of UTC
	zone           bool

	// Numbers standing on their own ("7", "2023") and a month name, sorted
	// into day and year by resolve once the whole value has been read.
	nums      [3]number
	nnums     int
	monthName int
	structed  bool // a numeric date (2023-11-07, 7.11.2023, ...) set the date
}

type number struct {
	v, digits int
	ordinal   bool // 1er, 7th, 7.: a day
}

// setDate records a date read in one piece, such as 2023-11-07 or 11/2023.
func (f *fields) setDate(y, m, d int, hasMonth, hasDay bool) string {
	if f.structed || f.hasYear {
		return notDate
	}
	f.structed = true
	f.year, f.month, f.day = y, m, d
	f.hasYear, f.hasMonth, f.hasDay = true, hasMonth, hasDay
	return ""
}

func (f *fields) setClock(h, m, s int, p Precision) string {
	if f.clock != None {
		return notDate
	}
	f.hour, f.min, f.sec, f.clock = h, m, s, p
	return ""
}

func (f *fields) addNumber(n number) string {
	if f.nnums == len(f.nums) {
		return notDate
	}
	f.nums[f.nnums] = n
	f.nnums++
	return ""
}

// resolve sorts the loose numbers and the month name into the date.
func (f *fields) resolve() string {
	if f.monthName != 0 {
		if f.hasMonth {
			return notDate
		}
		f.month, f.hasMonth = f.monthName, true
	}
	nums := f.nums[:f.nnums]
	if len(nums) > 0 && f.structed {
		return notDate
	}
	era := f.bc || f.ad
	isYear := func(n number) bool { return !n.ordinal && (n.digits >= 3 || era) }
	switch len(nums) {
	case 0:
	case 1:
		if isYear(nums[0]) {
			f.year, f.hasYear = nums[0].v, true
		} else {
			f.day, f.hasDay = nums[0].v, true
		}
	case 2:
		// The year is the number written with three or more digits; with an
		// era and two short numbers ("15 March 44 BC") it is the last one.
		a, b := nums[0], nums[1]
		switch {
		case a.digits >= 3 && b.digits < 3 && !a.ordinal:
			f.year, f.day = a.v, b.v
		case b.digits >= 3 && a.digits < 3 && !b.ordinal:
			f.year, f.day = b.v, a.v
		case a.digits < 3 && b.digits < 3 && era && !b.ordinal:
			f.year, f.day = b.v, a.v
		case a.digits < 3 && b.digits < 3:
			return twoDigitYear
		default:
			return notDate
		}
		f.hasYear, f.hasDay = true, true
	default:
		return notDate
	}
	return ""
}

// finest returns the finest part the fields hold.
func (f *fields) finest() Precision {
	switch {
	case f.clock != None:
		return f.clock
	case f.hasDay:
		return Day
	case f.hasMonth:
		return Month
	case f.hasYear:
		return Year
	}
	return None
}

// has reports whether the fields hold the part of precision p.
func (f *fields) has(p Precision) bool {
	switch p {
	case Year:
		return f.hasYear
	case Month:
		return f.hasMonth
	case Day:
		return f.hasDay
	case None:
		return false
	}
	return f.clock != None
}

// time checks the fields and returns their Time, or the reason they are not
// one.
func (f *fields) time() (Time, string) {
	switch {
	case !f.hasYear && (f.hasMonth || f.hasDay):
		return Time{}, "has no year"
	case !f.hasYear:
		return Time{}, notDate
	case f.hasDay && !f.hasMonth && !f.yday:
		return Time{}, "has no month"
	case f.clock != None && !f.hasDay:
		return Time{}, "has a time but no day"
	}
	y := f.year
	if f.bc || f.ad {
		switch {
		case f.bc && f.ad, y < 0:
			return Time{}, notDate
		case y == 0:
			return Time{}, noYearZero
		}
		if f.bc {
			y = 1 - y
		}
	}
	if y < -maxYear || y > maxYear {
		return Time{}, outOfRange
	}
	prec := Year
	days := daysFromCivil(y, 1, 1)
	switch {
	case f.yday:
		n := 365
		if isLeap(y) {
			n = 366
		}
		if f.day < 1 || f.day > n {
			return Time{}, fmt.Sprintf("has day %d of the year, but %s has %d days", f.day, yearText(y), n)
		}
		days += int64(f.day - 1)
		prec = Day
	case f.hasMonth:
		if f.month < 1 || f.month > 12 {
			return Time{}, fmt.Sprintf("has month %d", f.month)
		}
		days = daysFromCivil(y, f.month, 1)
		prec = Month
		if f.hasDay {
			n := daysIn(y, f.month)
			if f.day < 1 || f.day > n {
				if f.day < 1 || f.day > 31 {
					return Time{}, fmt.Sprintf("has day %d", f.day)
				}
				return Time{}, fmt.Sprintf("has day %d, but %s %s has %d days", f.day, monthName(f.month), yearText(y), n)
			}
			days += int64(f.day - 1)
			prec = Day
		}
	}
	unix := days * secondsPerDay
	if f.clock != None {
		h := f.hour
		if f.meridiem != 0 {
			if h < 1 || h > 12 {
				return Time{}, fmt.Sprintf("has hour %d with am/pm", h)
			}
			h %= 12
			if f.meridiem == pmWord {
				h += 12
			}
		}
		switch {
		case h > 23:
			return Time{}, fmt.Sprintf("has hour %d", h)
		case f.min > 59:
			return Time{}, fmt.Sprintf("has minute %d", f.min)
		case f.sec > 59:
			return Time{}, fmt.Sprintf("has second %d", f.sec)
		}
		unix += int64(h*3600+f.min*60+f.sec) - int64(f.offset)
		prec = f.clock
		// An hour in a zone such as +05:30 starts at half past in UTC,
		// which only a minute-precise time can say.
		if prec == Hour && f.offset%3600 != 0 {
			prec = Minute
		}
		// A zone offset can carry the time over the edge of the year range.
		if y <= -maxYear || y >= maxYear {
			if uy, _, _ := civil(unix); uy < -maxYear || uy > maxYear {
				return Time{}, outOfRange
			}
		}
	}
	return Time{Unix: unix, Prec: prec}, ""
}

// yearText writes an astronomical year for a message: "2023", "-0508".
func yearText(y int) string {
	return string(appendYear(nil, y))
}

func itoa(v int) string { return strconv.Itoa(v) }
