package timeline

import (
	"strconv"
	"time"

	"chronomap/app/number"
	"chronomap/data/dates"
)

// Lang is how dates and numbers are written: the order of day, month and
// year, month names, era words and the marks that group digits.
type Lang uint8

const (
	English Lang = iota // 7 Nov 2023, 509 BC, AD 100
	German              // 7. Nov. 2023, 509 v. Chr., 100 n. Chr.
)

// marks are the separators numbers are written with in l: "1,234" in
// English, "1.234" in German.
func (l Lang) marks() number.Marks {
	if l == German {
		return number.German
	}
	return number.English
}

var (
	monthsShort = [2][12]string{
		{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"},
		// Duden's abbreviations; the short months are written out.
		{"Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.", "Nov.", "Dez."},
	}
	monthsLong = [2][12]string{
		{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
		{"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"},
	}
	weekdays = [2][7]string{
		{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"},
		{"So.", "Mo.", "Di.", "Mi.", "Do.", "Fr.", "Sa."},
	}
)

func (l Lang) idx() int {
	if l == German {
		return 1
	}
	return 0
}

// Year writes an astronomical year (0 = 1 BC) as historians do: "509 BC"
// for -508, there being no year 0. With era set, years AD say so too
// ("AD 100", "100 n. Chr."), as they must on an axis that crosses 1 BC.
func (l Lang) Year(y int, era bool) string {
	if y <= 0 {
		if l == German {
			return strconv.Itoa(1-y) + " v. Chr."
		}
		return strconv.Itoa(1-y) + " BC"
	}
	if !era {
		return strconv.Itoa(y)
	}
	if l == German {
		return strconv.Itoa(y) + " n. Chr."
	}
	return "AD " + strconv.Itoa(y)
}

// MonthShort returns the abbreviated name of month m (1–12): "Nov", "Nov.".
func (l Lang) MonthShort(m int) string { return monthsShort[l.idx()][m-1] }

// MonthLong returns the name of month m (1–12): "November".
func (l Lang) MonthLong(m int) string { return monthsLong[l.idx()][m-1] }

// Day writes a day of month and year: "7 Nov 2023", "7. Nov. 2023".
func (l Lang) Day(y, m, d int) string { return l.day(y, m, d, false) }

func (l Lang) day(y, m, d int, era bool) string {
	if l == German {
		return strconv.Itoa(d) + ". " + l.MonthShort(m) + " " + l.Year(y, era)
	}
	return strconv.Itoa(d) + " " + l.MonthShort(m) + " " + l.Year(y, era)
}

// Clock writes a time of day on the 24-hour clock: "14:05", "14:05:09".
func Clock(h, m, s int, seconds bool) string {
	out := two(h) + ":" + two(m)
	if seconds {
		out += ":" + two(s)
	}
	return out
}

func two(v int) string { return string([]byte{byte('0' + v/10), byte('0' + v%10)}) }

// Format writes a time to its precision, in UTC: "2023", "Nov 2023",
// "7 Nov 2023", "7 Nov 2023, 14:05", "509 BC" (German: "Nov. 2023",
// "7. Nov. 2023", "509 v. Chr."). The zero Time is "".
func (l Lang) Format(t dates.Time) string { return l.format(t, false) }

// format is Format, with the era on years AD when era is set.
func (l Lang) format(t dates.Time, era bool) string {
	if t.IsZero() {
		return ""
	}
	c := time.Unix(t.Unix, 0).UTC()
	y, m, d := c.Date()
	switch t.Prec {
	case dates.Year:
		return l.Year(y, era)
	case dates.Month:
		return l.MonthShort(int(m)) + " " + l.Year(y, era)
	case dates.Day:
		return l.day(y, int(m), d, era)
	}
	return l.day(y, int(m), d, era) + ", " + Clock(c.Hour(), c.Minute(), c.Second(), t.Prec == dates.Second)
}

// Span writes a span of time from its first to its last time, each to its
// precision: "7 Nov 2023 – 12 Dec 2023", one time when both ends read the
// same, "" when neither is known. A span that crosses 1 BC gives both ends
// their era, as the axis does: "509 BC – AD 516", not "509 BC – 516".
func (l Lang) Span(from, to dates.Time) string {
	era := !from.IsZero() && !to.IsZero() && (from.Year() <= 0) != (to.Year() <= 0)
	a, b := l.format(from, era), l.format(to, era)
	switch {
	case a == b || b == "":
		return a
	case a == "":
		return b
	}
	return a + " – " + b
}
