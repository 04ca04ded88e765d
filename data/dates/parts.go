package dates

import (
	"strconv"
	"strings"
)

// Parts reads a date split over columns, as TimelineJS sheets write it
// (Year, Month, Day, Time). The year may be negative or carry an era (BC,
// read as historians do: -509 is 509 BC); the month is a number or a name
// in any supported language; day and clock may be empty, and the Time's
// precision follows the parts given (a year alone is a Year time). The
// clock is read like the time in a full date: 14:05, 2:05 PM, 10:00:05Z,
// 14:05+03:00.
func Parts(year, month, day, clock string) (Time, error) {
	year, month, day, clock = clean(year), clean(month), clean(day), clean(clock)
	if year == "" {
		if month == "" && day == "" && clock == "" {
			return Time{}, ErrEmpty
		}
		return Time{}, &Error{Value: strings.TrimSpace(strings.Join([]string{month, day, clock}, " ")), Reason: "has no year"}
	}
	f, reason := partsYear(year)
	if reason != "" {
		return Time{}, newError(year, reason)
	}
	if month != "" {
		m := MonthNumber(month)
		if m == 0 {
			v, err := strconv.Atoi(month)
			if err != nil || v < 1 || v > 12 {
				return Time{}, &Error{Value: month, Reason: "is not a month"}
			}
			m = v
		}
		f.month, f.hasMonth = m, true
	}
	if day != "" {
		v, err := strconv.Atoi(day)
		if err != nil || v < 1 || v > 31 {
			return Time{}, &Error{Value: day, Reason: "is not a day of the month"}
		}
		if !f.hasMonth {
			return Time{}, &Error{Value: day, Reason: "is a day without a month"}
		}
		f.day, f.hasDay = v, true
	}
	if clock != "" {
		c, reason := readFields(clock, Unknown)
		if reason != "" || c.clock == None || c.hasYear || c.hasMonth || c.hasDay || c.nnums > 0 || c.monthName != 0 {
			return Time{}, &Error{Value: clock, Reason: "is not a time of day"}
		}
		if !f.hasDay {
			return Time{}, &Error{Value: clock, Reason: "is a time without a day"}
		}
		f.hour, f.min, f.sec, f.clock = c.hour, c.min, c.sec, c.clock
		f.meridiem, f.offset, f.zone = c.meridiem, c.offset, c.zone
	}
	t, reason := f.time()
	if reason != "" {
		v := year
		for _, p := range []string{month, day} {
			if p != "" {
				v += "-" + p
			}
		}
		if clock != "" {
			v += " " + clock
		}
		return Time{}, newError(v, reason)
	}
	return t, nil
}

// partsYear reads the year of Parts: an integer as historians write it, or
// a year with an era (509 BC, AD 33).
func partsYear(s string) (fields, string) {
	if isInteger(s) {
		v, err := strconv.Atoi(s)
		switch {
		case err != nil || v < -maxYear || v > maxYear:
			return fields{}, outOfRange
		case v == 0:
			return fields{}, noYearZero
		case v < 0:
			return fields{year: -v, hasYear: true, bc: true}, ""
		}
		return fields{year: v, hasYear: true}, ""
	}
	f, reason := readFields(s, Unknown)
	if reason != "" {
		return fields{}, reason
	}
	if !f.hasYear || f.hasMonth || f.hasDay || f.clock != None {
		return fields{}, "is not a year"
	}
	return f, ""
}
