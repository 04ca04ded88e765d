package dates

// The calendar arithmetic below is Howard Hinnant's days-from-civil
// algorithm for the proleptic Gregorian calendar. It is exact for any year
// an int64 count of seconds can hold, needs no time.Time, and does not
// allocate, which keeps parsing fast.

// daysFromCivil returns the days from 1970-01-01 to year-month-day. The
// month must be 1–12; days past the end of the month run on into the
// next, as in time.Date.
func daysFromCivil(year, month, day int) int64 {
	y := int64(year)
	if month <= 2 {
		y--
	}
	era := floorDiv(y, 400)
	yoe := y - era*400 // 0–399
	mp := int64(month + 9)
	if month > 2 {
		mp = int64(month - 3)
	}
	doy := (153*mp+2)/5 + int64(day) - 1   // day of the year starting 1 March
	doe := yoe*365 + yoe/4 - yoe/100 + doy // day of the 400-year era
	return era*146097 + doe - 719468
}

// civilFromDays is the inverse of daysFromCivil.
func civilFromDays(z int64) (year, month, day int) {
	z += 719468
	era := floorDiv(z, 146097)
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	day = int(doy - (153*mp+2)/5 + 1)
	if mp < 10 {
		month = int(mp + 3)
	} else {
		month = int(mp - 9)
	}
	y := yoe + era*400
	if month <= 2 {
		y++
	}
	return int(y), month, day
}

// civil returns the UTC calendar date of a Unix time.
func civil(unix int64) (year, month, day int) {
	return civilFromDays(floorDiv(unix, secondsPerDay))
}

// daysIn returns the number of days in a month of a year.
func daysIn(year, month int) int {
	switch month {
	case 2:
		if isLeap(year) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

func isLeap(year int) bool {
	return year%4 == 0 && (year%100 != 0 || year%400 == 0)
}

// weekday returns the ISO weekday of a day count, Monday = 1 … Sunday = 7.
func weekday(days int64) int {
	return int(floorMod(days+3, 7)) + 1 // 1970-01-01 was a Thursday
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

func floorMod(a, b int64) int64 {
	return a - floorDiv(a, b)*b
}
