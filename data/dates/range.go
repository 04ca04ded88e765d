package dates

import "strings"

// Range is a single time (End zero) or a span from Start to the end of End.
type Range struct{ Start, End Time }

// IsZero reports whether r holds no time.
func (r Range) IsZero() bool { return r.Start.IsZero() }

// Span returns the Unix seconds r covers, [from, to): a single time covers
// its whole period (all of 2023 for "2023"), a span runs to the end of End.
func (r Range) Span() (from, to int64) {
	if r.End.IsZero() {
		return r.Start.Unix, r.Start.End()
	}
	return r.Start.Unix, r.End.End()
}

// String returns Start, or Start and End as an ISO 8601 interval
// ("2023-11-03/2023-11-07"). Parse reads it back to the same Range.
func (r Range) String() string {
	if r.End.IsZero() {
		return r.Start.String()
	}
	return r.Start.String() + "/" + r.End.String()
}

// rangeSeparators split a value into a range wherever they appear, since
// no single date contains them.
var rangeSeparators = []string{"–", "—", " - ", " to ", " until ", " till ", " bis ", " au ", " al ", " hasta ", " по "}

// parseRange reads s as a range. ok is false when s has no separator that
// makes it one, so that the error of reading it as one date stands.
func parseRange(s string, order Order) (r Range, reason string, ok bool) {
	for _, sep := range rangeSeparators {
		if i := strings.Index(s, sep); i > 0 {
			r, reason = joinRange(s[:i], s[i+len(sep):], order)
			return r, reason, true
		}
	}
	// An ISO 8601 interval, 2023-11-03/2023-11-07. A slash is also a date
	// separator (11/2023), so this only counts when both sides read.
	if strings.Count(s, "/") == 1 {
		i := strings.IndexByte(s, '/')
		if r, reason = joinRange(s[:i], s[i+1:], order); reason == "" || reason == endsBeforeStart {
			return r, reason, true
		}
	}
	// A hyphen after a leading number: 1939-1945, 3-7 November 2023,
	// 3.-7. November 2023. Elsewhere a hyphen is a date separator.
	i := 0
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	if i > 0 && i < len(s) && s[i] == '.' {
		i++
	}
	if i > 0 && i+1 < len(s) && s[i] == '-' {
		if r, reason = joinRange(s[:i], s[i+1:], order); reason == "" {
			return r, "", true
		}
	}
	return Range{}, "", false
}

const endsBeforeStart = "ends before it starts"

// joinRange reads the two sides of a range, letting each lend the other
// the parts it leaves out.
func joinRange(a, b string, order Order) (Range, string) {
	fa, reason := readFields(strings.TrimSpace(a), order)
	if reason != "" {
		return Range{}, reason
	}
	fb, reason := readFields(strings.TrimSpace(b), order)
	if reason != "" {
		return Range{}, reason
	}
	borrow(&fa, &fb)
	borrow(&fb, &fa)
	start, reason := fa.time()
	if reason != "" {
		return Range{}, reason
	}
	end, reason := fb.time()
	if reason != "" {
		return Range{}, reason
	}
	if end.Unix < start.Unix {
		return Range{}, endsBeforeStart
	}
	return Range{Start: start, End: end}, ""
}

// borrow fills in the coarser parts one side of a range leaves out from
// the other side: the month and year of "3" in "3–7 November 2023", the
// date of "12:00" in "2023-11-07 10:00 – 12:00", the era of "509" in
// "509–500 BC". It lends only when the other side is written to the same
// finest part, so that "4-5-2023" does not become 4 May – May 2023.
func borrow(to, from *fields) {
	fin := to.finest()
	if fin == None || !from.has(fin) {
		return
	}
	if !to.hasDay && to.clock != None && from.hasDay {
		to.day, to.hasDay, to.yday = from.day, true, from.yday
	}
	if !to.hasMonth && to.hasDay && !to.yday && from.hasMonth {
		to.month, to.hasMonth = from.month, true
	}
	if !to.hasYear && from.hasYear {
		to.year, to.hasYear, to.bc, to.ad = from.year, true, from.bc, from.ad
	}
	if to.hasYear && !to.bc && !to.ad && to.year > 0 && from.bc {
		to.bc = true
	}
}
