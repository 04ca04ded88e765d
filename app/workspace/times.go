package workspace

import (
	"fmt"
	"math"

	"chronomap/data/dates"
)

// Stamp writes an instant in Unix seconds, such as an edge of the
// timeline's window, as an ISO 8601 time to the second:
// "2023-11-07T10:00:05Z", "-0508-01-01T00:00:00Z". The fraction of a second
// is dropped: the timeline never shows less than a minute.
func Stamp(unix float64) string {
	return dates.Time{Unix: int64(math.Floor(unix)), Prec: dates.Second}.String()
}

// Window returns the timeline's window in Unix seconds, each edge the
// start of the time written there; ok is false when either edge is empty
// (fit the window to the data).
func (v TimelineView) Window() (from, to float64, ok bool, err error) {
	if v.From == "" || v.To == "" {
		return 0, 0, false, nil
	}
	f, err := dates.Parse(v.From)
	if err != nil {
		return 0, 0, false, fmt.Errorf("timeline from: %w", err)
	}
	t, err := dates.Parse(v.To)
	if err != nil {
		return 0, 0, false, fmt.Errorf("timeline to: %w", err)
	}
	if t.Start.Unix <= f.Start.Unix {
		return 0, 0, false, fmt.Errorf("timeline window %s to %s ends before it starts", v.From, v.To)
	}
	return float64(f.Start.Unix), float64(t.Start.Unix), true, nil
}

// Span returns the filter's time bounds in Unix seconds, [from, to): from
// is the start of From's period and to the end of To's, so that From
// "2023-11" To "2023-11" is the whole of November. An empty bound is open:
// math.MinInt64 or math.MaxInt64.
func (f Filter) Span() (from, to int64, err error) {
	from, to = math.MinInt64, math.MaxInt64
	if f.From != "" {
		r, err := dates.Parse(f.From)
		if err != nil {
			return 0, 0, fmt.Errorf("filter from: %w", err)
		}
		from, _ = r.Span()
	}
	if f.To != "" {
		r, err := dates.Parse(f.To)
		if err != nil {
			return 0, 0, fmt.Errorf("filter to: %w", err)
		}
		_, to = r.Span()
	}
	if from >= to {
		return 0, 0, fmt.Errorf("filter %s to %s ends before it starts", f.From, f.To)
	}
	return from, to, nil
}
