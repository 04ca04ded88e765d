package slide

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"chronomap/app/timeline"
	"chronomap/data/dates"
)

// Sources turns the values of a source column into the names a source line
// gives: each value split where it lists several ("ISW; Reuters"), blanks
// dropped, each name once, the most frequent first (ties in the order met),
// names longer than forty letters shortened.
func Sources(values []string) []string {
	count := map[string]int{}
	var order []string
	for _, v := range values {
		for _, name := range strings.FieldsFunc(v, func(r rune) bool { return r == ';' || r == '|' }) {
			name = strings.Join(strings.Fields(name), " ")
			if name == "" {
				continue
			}
			if r := []rune(name); len(r) > 40 {
				name = strings.TrimSpace(string(r[:39])) + "…"
			}
			if count[name] == 0 {
				order = append(order, name)
			}
			count[name]++
		}
	}
	slices.SortStableFunc(order, func(a, b string) int { return cmp.Compare(count[b], count[a]) })
	return order
}

// Window writes a time window from its first to its last time, each to
// its precision: "7 Nov 2023 – 12 Dec 2023", "Nov 2023", "509 BC – AD
// 516" (see timeline.Lang.Span).
func Window(l timeline.Lang, from, to dates.Time) string { return l.Span(from, to) }

// DataWindow writes the window from Unix time lo to hi (exclusive), as the
// span of a set of events: to the day over a span of under two years, to
// the month under forty, else to the year.
func DataWindow(l timeline.Lang, lo, hi int64) string {
	if hi <= lo {
		return ""
	}
	prec := dates.Day
	switch span := hi - lo; {
	case span >= 40*365*86400:
		prec = dates.Year
	case span >= 2*365*86400:
		prec = dates.Month
	}
	last := hi - 1
	return Window(l, dates.Time{Unix: lo, Prec: prec}, dates.Time{Unix: last, Prec: prec})
}

func itoa(n int) string { return strconv.Itoa(n) }
