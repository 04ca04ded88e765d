package report

import (
	"fmt"
	"time"

	"chronomap/data/dates"
)

// anchors are what a date without its year, or a relative one, is counted
// from: the report's date (its dateline, its publication line, or the
// date the caller gives) and the date the text told last.
type anchors struct {
	report    dates.Time // a day; zero when unknown
	reportWhy string     // where it came from, for why
	last      dates.Range
	today     dates.Time // stands in for the report's date when neither it nor the text gives a year
}

// resolved is a date read from the text.
type resolved struct {
	r     dates.Range
	note  string // how it was counted, for why
	conf  float64
	ahead bool // it lies after the report's date: what is to happen
}

func civil(t dates.Time) time.Time { return time.Unix(t.Unix, 0).UTC() }

func dayOf(t time.Time) dates.Time {
	return dates.Date(t.Year(), int(t.Month()), t.Day(), 0, 0, 0, dates.Day)
}

func addDays(t dates.Time, n int) dates.Time { return dayOf(civil(t).AddDate(0, 0, n)) }

// isoWeekday returns 1 (Monday) to 7 (Sunday).
func isoWeekday(t dates.Time) int {
	wd := int(civil(t).Weekday())
	if wd == 0 {
		return 7
	}
	return wd
}

// lastDay returns the last day a range covers, as a day.
func lastDayOf(r dates.Range) dates.Time {
	_, to := r.Span()
	return dayOf(time.Unix(to-1, 0).UTC())
}

// base returns what a deictic date counts from: the report's date, else
// the date last told, else today.
func (a *anchors) base() (dates.Time, string, bool) {
	switch {
	case !a.report.IsZero():
		return a.report, "the report's date " + a.report.String() + a.reportWhy, true
	case !a.last.IsZero():
		return dayOf(civil(a.last.Start)), "the date before, " + a.last.String(), true
	case !a.today.IsZero():
		return a.today, "today's date " + a.today.String() + " (the text gives no year)", true
	}
	return dates.Time{}, "", false
}

var weekdayNames = [8]string{"", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}

// resolve turns a date's words into a date, counting from the anchors.
// tense is the clause's: 1 what is to happen, -1 what happened, 0 not
// told. ok is false when nothing gives the date a footing: a weekday in a
// text with no date at all, or a day and month with no year anywhere.
func (a *anchors) resolve(m mention, tense int) (resolved, bool) {
	s := m.spec
	var r resolved
	ok := false
	switch s.kind {
	case dAbsolute:
		r, ok = a.absolute(s, tense)
	case dWeekday:
		r, ok = a.weekday(s, tense > 0)
	case dDeictic:
		r, ok = a.deictic(s)
	case dAnaphoric:
		r, ok = a.anaphoric(s)
	}
	if ok && !a.report.IsZero() {
		from, _ := r.r.Span()
		r.ahead = from > a.report.Unix
	}
	return r, ok
}

func (a *anchors) absolute(s spec, tense int) (resolved, bool) {
	if s.hasYear {
		r, err := dates.Parse(s.text)
		if err != nil {
			return resolved{}, false
		}
		res := resolved{r: r, conf: 0.95}
		if s.weekday != 0 && r.End.IsZero() && r.Start.Prec == dates.Day && isoWeekday(r.Start) != s.weekday {
			res.conf = 0.6
			res.note = fmt.Sprintf("but %s is a %s", r.Start, weekdayNames[isoWeekday(r.Start)])
		}
		return res, true
	}
	base, why, ok := a.base()
	if !ok {
		return resolved{}, false
	}
	narrative := a.report.IsZero() && !a.last.IsZero()
	if a.report.IsZero() && a.last.IsZero() && tense == 0 {
		tense = -1 // counted from today: a report tells what happened
	}
	by := civil(base).Year()
	var best dates.Range
	bestScore := int64(1) << 62
	for y := by - 1; y <= by+1; y++ {
		text := s.text + " " + fmt.Sprint(y)
		if s.numeric {
			text = s.text + fmt.Sprint(y)
		}
		r, err := dates.Parse(text)
		if err != nil {
			continue
		}
		from, to := r.Span()
		d := from - base.Unix
		if to <= base.Unix {
			d = to - base.Unix // a month before the base: how far its end is
		} else if from <= base.Unix {
			d = 0
		}
		score := abs64(d)
		switch {
		case narrative:
		case tense > 0 && d < -86400:
			score += 400 * 86400 // a plan lies ahead
		case tense < 0 && d > 86400:
			score += 400 * 86400 // what happened lies behind
		}
		if s.weekday != 0 && r.Start.Prec == dates.Day && isoWeekday(r.Start) != s.weekday {
			score += 800 * 86400
		}
		if score < bestScore {
			best, bestScore = r, score
		}
	}
	if best.IsZero() {
		return resolved{}, false
	}
	return resolved{r: best, conf: 0.85, note: fmt.Sprintf("year %d from %s", best.Start.Year(), why)}, true
}

func (a *anchors) weekday(s spec, planned bool) (resolved, bool) {
	base, why, ok := a.base()
	if !ok {
		return resolved{}, false
	}
	bw := isoWeekday(base)
	var d dates.Time
	conf := 0.8
	dir := s.dir
	narrative := a.report.IsZero() && !a.last.IsZero()
	switch {
	case dir > 0 || dir == 0 && planned:
		n := (s.weekday - bw + 7) % 7
		if n == 0 {
			n = 7
		}
		d = addDays(base, n)
	case dir == 0 && narrative:
		// A story told in order: the first such day on or after the
		// date told last.
		d = addDays(base, (s.weekday-bw+7)%7)
		conf = 0.7
	default:
		n := (bw - s.weekday + 7) % 7
		if n == 0 && dir < 0 {
			n = 7
		}
		d = addDays(base, -n)
	}
	res := resolved{r: dates.Range{Start: d}, conf: conf, note: fmt.Sprintf("the %s %s %s", weekdayNames[s.weekday], relWord(d, base), why)}
	if s.night {
		res.r = dates.Range{Start: addDays(d, -1), End: d}
		res.note = "the night before " + res.note
	}
	return res, true
}

func relWord(d, base dates.Time) string {
	switch {
	case d.Unix == base.Unix:
		return "of"
	case d.Unix < base.Unix:
		return "before"
	}
	return "after"
}

func (a *anchors) deictic(s spec) (resolved, bool) {
	base, why, ok := a.base()
	if !ok {
		return resolved{}, false
	}
	bt := civil(base)
	res := resolved{conf: 0.8, note: "counted from " + why}
	switch {
	case s.vague:
		res.r = dates.Range{Start: dates.Date(bt.Year(), int(bt.Month()), 1, 0, 0, 0, dates.Month)}
		res.conf = 0.5
		res.note = "the month of " + why
	case s.unit == dates.Year:
		res.r = dates.Range{Start: dates.Date(bt.Year()+s.n, 1, 1, 0, 0, 0, dates.Year)}
		res.conf = 0.6
	case s.unit == dates.Month:
		res.r = dates.Range{Start: dates.Date(bt.Year(), int(bt.Month())+s.n, 1, 0, 0, 0, dates.Month)}
		res.conf = 0.7
	case s.week:
		mon := addDays(base, 1-isoWeekday(base))
		switch {
		case s.n < 0:
			res.r = dates.Range{Start: addDays(mon, -7), End: addDays(mon, -1)}
		case s.n > 0:
			res.r = dates.Range{Start: addDays(mon, 7), End: addDays(mon, 13)}
		default:
			res.r = dates.Range{Start: mon, End: base}
			if mon.Unix == base.Unix {
				res.r.End = dates.Time{}
			}
		}
		res.conf = 0.7
	case s.weekend:
		bw := isoWeekday(base)
		var sat dates.Time
		if s.n > 0 {
			sat = addDays(base, (6-bw+7)%7)
		} else {
			sat = addDays(base, -((bw - 6 + 7) % 7))
		}
		res.r = dates.Range{Start: sat, End: addDays(sat, 1)}
		res.conf = 0.7
	case s.night:
		d := addDays(base, s.n)
		res.r = dates.Range{Start: addDays(d, -1), End: d}
		res.note = "the night before " + why
	default:
		res.r = dates.Range{Start: addDays(base, s.n)}
	}
	return res, true
}

func (a *anchors) anaphoric(s spec) (resolved, bool) {
	last := a.last
	why := "the date before, " + last.String()
	if last.IsZero() {
		if a.report.IsZero() {
			return resolved{}, false
		}
		last = dates.Range{Start: a.report}
		why = "the report's date " + a.report.String() + a.reportWhy
	}
	res := resolved{conf: 0.8, note: "counted from " + why}
	if s.soon {
		res.conf = 0.6
	}
	if last.Start.Prec < dates.Day {
		// "Im Januar … zwei Tage später": no finer than the month.
		res.r = dates.Range{Start: last.Start}
		res.conf = 0.5
		return res, true
	}
	first, end := dayOf(civil(last.Start)), lastDayOf(last)
	switch {
	case s.lastDay:
		res.r = dates.Range{Start: end}
		res.note = "the last day of " + last.String()
	case s.firstDay:
		res.r = dates.Range{Start: first}
		res.note = "the first day of " + last.String()
	case s.unit == dates.Month || s.unit == dates.Year:
		t := civil(end)
		if s.unit == dates.Month {
			res.r = dates.Range{Start: dates.Date(t.Year(), int(t.Month())+s.n, 1, 0, 0, 0, dates.Month)}
		} else {
			res.r = dates.Range{Start: dates.Date(t.Year()+s.n, 1, 1, 0, 0, 0, dates.Year)}
		}
		res.conf = 0.6
	case s.n < 0:
		res.r = dates.Range{Start: addDays(first, s.n)}
	default:
		res.r = dates.Range{Start: addDays(end, s.n)}
	}
	return res, true
}

func abs64(v int64) int64 {
	if v < 0 {
		return -v
	}
	return v
}
