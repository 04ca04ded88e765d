package dates

// Time is a point or period in time known to a precision: the period
// starting at Unix (seconds since 1970-01-01T00:00:00Z, UTC) and lasting one
// unit of Prec (a year-only time is the whole year, not 1 January).
// Years are proleptic Gregorian, astronomical numbering (year 0 = 1 BC,
// -508 = 509 BC). Go's time package already uses that numbering.
// The zero Time is no time at all.
type Time struct {
	Unix int64
	Prec Precision
}

const (
	secondsPerDay = 86400

	// maxYear bounds the years this package reads, so that every Time it
	// returns prints and parses back the same.
	maxYear = 999999
)

// IsZero reports whether t holds no time (Prec == None).
func (t Time) IsZero() bool { return t.Prec == None }

// End returns the exclusive end of the period in Unix seconds: the start of
// the next year for a Year time, the start of the next month for a Month
// time, and Unix + 86400, 3600, 60 or 1 for the finer ones. For the zero
// Time it returns Unix.
func (t Time) End() int64 {
	switch t.Prec {
	case Year:
		y, _, _ := civil(t.Unix)
		return daysFromCivil(y+1, 1, 1) * secondsPerDay
	case Month:
		y, m, _ := civil(t.Unix)
		if m == 12 {
			return daysFromCivil(y+1, 1, 1) * secondsPerDay
		}
		return daysFromCivil(y, m+1, 1) * secondsPerDay
	case Day:
		return t.Unix + secondsPerDay
	case Hour:
		return t.Unix + 3600
	case Minute:
		return t.Unix + 60
	case Second:
		return t.Unix + 1
	}
	return t.Unix
}

// Year returns the astronomical year (0 = 1 BC) in which t starts.
func (t Time) Year() int {
	y, _, _ := civil(t.Unix)
	return y
}

// String returns t in ISO 8601 cut to its precision: "-0508", "2023",
// "2023-11", "2023-11-07", "2023-11-07T10Z" (hour), "2023-11-07T10:00Z",
// "2023-11-07T10:00:05Z". Years before 1 or after 9999 carry a sign and at
// least four digits. The zero Time prints as "". Parse reads every such
// string back to the same Time.
func (t Time) String() string {
	if t.Prec == None {
		return ""
	}
	var buf [32]byte
	return string(t.appendISO(buf[:0]))
}

func (t Time) appendISO(b []byte) []byte {
	y, m, d := civil(t.Unix)
	b = appendYear(b, y)
	if t.Prec >= Month {
		b = append2(append(b, '-'), m)
	}
	if t.Prec >= Day {
		b = append2(append(b, '-'), d)
	}
	if t.Prec >= Hour {
		sec := int(floorMod(t.Unix, secondsPerDay))
		b = append2(append(b, 'T'), sec/3600)
		if t.Prec >= Minute {
			b = append2(append(b, ':'), sec/60%60)
		}
		if t.Prec >= Second {
			b = append2(append(b, ':'), sec%60)
		}
		b = append(b, 'Z')
	}
	return b
}

// appendYear writes a year the ISO 8601 way: four digits for 0–9999, a sign
// and at least four digits otherwise.
func appendYear(b []byte, y int) []byte {
	switch {
	case y < 0:
		b = append(b, '-')
		y = -y
	case y > 9999:
		b = append(b, '+')
	}
	var digits [20]byte
	i := len(digits)
	for y > 0 || i > len(digits)-4 {
		i--
		digits[i] = byte('0' + y%10)
		y /= 10
	}
	return append(b, digits[i:]...)
}

func append2(b []byte, v int) []byte {
	return append(b, byte('0'+v/10%10), byte('0'+v%10))
}

// Date returns the Time of a UTC calendar date and clock known to prec.
// Parts finer than prec are ignored (treated as their minimum: month 1,
// day 1, 00:00:00). Out-of-range parts are normalised as time.Date does
// (month 13 is January of the next year, 31 April is 1 May). It does not
// check anything: Parse is the way to read untrusted values.
func Date(year, month, day, hour, min, sec int, prec Precision) Time {
	if prec == None {
		return Time{}
	}
	if prec < Month {
		month = 1
	}
	if prec < Day {
		day = 1
	}
	if prec < Hour {
		hour = 0
	}
	if prec < Minute {
		min = 0
	}
	if prec < Second {
		sec = 0
	}
	// Bring the month into 1–12 first, since daysFromCivil needs it there.
	year += int(floorDiv(int64(month-1), 12))
	month = int(floorMod(int64(month-1), 12)) + 1
	days := daysFromCivil(year, month, 1) + int64(day-1)
	return Time{
		Unix: days*secondsPerDay + int64(hour)*3600 + int64(min)*60 + int64(sec),
		Prec: prec,
	}
}

// ISO returns a Unix time as a full ISO 8601 UTC timestamp:
// "2020-03-01T00:00:00Z", "-0508-01-01T00:00:00Z" before year 1 (astronomical
// numbering, sign and four digits), "+10000-01-01T00:00:00Z" after 9999.
func ISO(unix int64) string {
	var buf [32]byte
	return string(Time{Unix: unix, Prec: Second}.appendISO(buf[:0]))
}
