package dates

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Error is a value that could not be read as a date. Its text is one plain
// fragment for a problems list: the value, quoted and cut short, then what
// is wrong with it: `"32.13.2023" has month 13`.
type Error struct {
	Value     string // the value as given (trimmed)
	Reason    string // "is not a date", "could be 4 May or 5 April", ...
	Ambiguous bool   // the value reads as two different dates
}

// ErrEmpty is returned for an empty value (or one of only spaces or quotes),
// so that callers can tell missing dates from wrong ones with errors.Is.
var ErrEmpty = &Error{Reason: "is empty"}

func (e *Error) Error() string {
	return quote(e.Value) + " " + e.Reason
}

// Reasons used in more than one place.
const (
	notDate      = "is not a date"
	noYearZero   = "has year 0, but there is no year 0 (1 BC is followed by AD 1)"
	twoDigitYear = "has a two-digit year; write the year in full"
	outOfRange   = "is out of range"
)

// maxQuoted is how many characters of a value an error message shows.
const maxQuoted = 40

// quote returns v in double quotes, cut to maxQuoted characters so that a
// stray paragraph in a date column does not flood the problems list.
func quote(v string) string {
	if utf8.RuneCountInString(v) > maxQuoted {
		n := 0
		for i := range v {
			if n == maxQuoted {
				v = v[:i] + "…"
				break
			}
			n++
		}
	}
	return strconv.Quote(v)
}

// newError makes the error for value s failing for reason.
func newError(s, reason string) *Error {
	return &Error{Value: s, Reason: reason, Ambiguous: strings.HasPrefix(reason, "could be ")}
}
