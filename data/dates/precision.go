package dates

import "strconv"

// Precision is how finely a time is known.
type Precision uint8

// The precisions, coarsest first, so that p >= Day means "known to the day
// or better".
const (
	None Precision = iota // no time
	Year
	Month
	Day
	Hour
	Minute
	Second
)

var precisionNames = [...]string{"", "year", "month", "day", "hour", "minute", "second"}

// String returns the unit's name ("year", "month", ..., "second"), or "" for
// None.
func (p Precision) String() string {
	if int(p) < len(precisionNames) {
		return precisionNames[p]
	}
	return "Precision(" + strconv.Itoa(int(p)) + ")"
}
