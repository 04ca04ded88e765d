package timeline

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"time"
	"unicode/utf8"

	"chronomap/data/dates"
)

// Unit is a calendar unit ticks count in.
type Unit uint8

const (
	Minute Unit = iota
	Hour
	Day
	Week // starting on Monday, as ISO 8601 and most of Europe count
	Month
	Year
)

// Step is the distance between ticks: N units.
type Step struct {
	Unit Unit
	N    int
}

// steps are the steps an axis may count in, finest first.
var steps = []Step{
	{Minute, 1}, {Minute, 5}, {Minute, 15}, {Minute, 30},
	{Hour, 1}, {Hour, 3}, {Hour, 6}, {Hour, 12},
	{Day, 1}, {Week, 1},
	{Month, 1}, {Month, 3},
	{Year, 1}, {Year, 2}, {Year, 5},
	{Year, 10}, {Year, 20}, {Year, 50},
	{Year, 100}, {Year, 200}, {Year, 500},
	{Year, 1000}, {Year, 2000}, {Year, 5000},
	{Year, 10000}, {Year, 20000}, {Year, 50000},
	{Year, 100000}, {Year, 200000}, {Year, 500000}, {Year, 1000000},
}

// Name is what the step counts: "minutes", "hours", "days", "weeks",
// "months", "quarters", "years", "decades", "centuries" or "millennia".
func (s Step) Name() string {
	switch s.Unit {
	case Minute:
		return "minutes"
	case Hour:
		return "hours"
	case Day:
		return "days"
	case Week:
		return "weeks"
	case Month:
		if s.N%3 == 0 {
			return "quarters"
		}
		return "months"
	}
	switch {
	case s.N >= 1000:
		return "millennia"
	case s.N >= 100:
		return "centuries"
	case s.N >= 10:
		return "decades"
	}
	return "years"
}

// seconds is the shortest the step can be, for spacing labels.
func (s Step) seconds() float64 {
	d := [...]float64{Minute: 60, Hour: 3600, Day: 86400, Week: 7 * 86400, Month: 28 * 86400, Year: 365 * 86400}[s.Unit]
	return d * float64(s.N)
}

// tiles reports whether ticks of step s fall on every tick of step t, so
// that s can be t's minor step.
func (s Step) tiles(t Step) bool {
	switch {
	case s.Unit == t.Unit:
		return t.N%s.N == 0
	case s.Unit > t.Unit, s.Unit == Week, t.Unit == Week && s.Unit != Day:
		return false
	case s.Unit == Minute:
		return 60%s.N == 0
	case s.Unit == Hour:
		return 24%s.N == 0
	}
	return true // days into months and years, months into years
}

// Tick is a mark on the time axis.
type Tick struct {
	At float64 // Unix seconds
	// Level is 0 for a minor tick, 1 for a labelled one, 2 for a major
	// tick: the start of a larger unit, drawn stronger.
	Level int
	Label string // on labelled ticks: "7", "Nov", "14:00", "1850", "509 BC"
	// Context names the larger unit a major tick starts ("November 2023",
	// "Tue 7 Nov 2023") when labels alone do not say it; "" from years up.
	Context string
}

// Axis is the ticks of a time window drawn Width pixels wide.
type Axis struct {
	From, To float64 // Unix seconds
	Width    float64 // pixels
	Lang     Lang
	// Zone is the time zone ticks fall and labels read in; nil is UTC.
	Zone *time.Location
	// Measure returns the width of a label in pixels; nil guesses seven
	// pixels a letter, about right for a 12-pixel sans.
	Measure func(string) float64
	// Finest is the finest unit ticks count in: what the data is known
	// to, so that daily data gets no hour ticks however close the view.
	// The zero value, Minute, allows every step.
	Finest Unit
}

// UnitOf returns the unit a precision is known to, for Axis.Finest:
// Minute for minutes and seconds, Year for a year or none.
func UnitOf(p dates.Precision) Unit {
	switch p {
	case dates.Month:
		return Month
	case dates.Day:
		return Day
	case dates.Hour:
		return Hour
	case dates.Minute, dates.Second:
		return Minute
	}
	return Year
}

// labelPad is the least space between two labels, in pixels, and
// labelEvery the least distance from one labelled tick to the next: an
// axis with a label every inch or so reads at a glance.
const (
	labelPad   = 14
	labelEvery = 90
)

// minorPx is the least space between two minor ticks, in pixels.
const minorPx = 8

func (a Axis) zone() *time.Location {
	if a.Zone == nil {
		return time.UTC
	}
	return a.Zone
}

func (a Axis) measure(s string) float64 {
	if a.Measure != nil {
		return a.Measure(s)
	}
	return 7 * float64(utf8.RuneCountInString(s))
}

// px returns how many pixels a step takes at this zoom.
func (a Axis) px(s Step) float64 { return s.seconds() / (a.To - a.From) * a.Width }

// era reports whether years AD need their era: the window reaches back
// before AD 1.
func (a Axis) era() bool { return a.civil(a.From).Year() <= 0 }

func (a Axis) civil(u float64) time.Time {
	return time.Unix(int64(math.Floor(u)), 0).In(a.zone())
}

// minLabels is how many labels an axis should have at the least: with one
// ("Nov") it says where the window is, not how long it is.
const minLabels = 3

// Step returns the step labels count in: the finest whose labels fit with
// room to spare (labelEvery apart); when that would write fewer than
// minLabels, the coarsest finer one that writes that many and whose labels
// still fit, closer together. No step is finer than Finest.
func (a Axis) Step() Step {
	if !(a.To > a.From) || a.Width <= 0 {
		return steps[len(steps)-1]
	}
	var fits []Step // the steps whose labels fit, if closer, finest first
	for _, s := range steps {
		if s.Unit < a.Finest || a.px(s) < a.widest(s)+labelPad/2 {
			continue
		}
		fits = append(fits, s)
		if a.px(s) < max(a.widest(s)+labelPad, labelEvery) {
			continue
		}
		if a.Width/a.px(s) >= minLabels {
			return s
		}
		// Too few labels: back to the finer steps that fit.
		for k := len(fits) - 2; k >= 0; k-- {
			if a.Width/a.px(fits[k]) >= minLabels {
				return fits[k]
			}
		}
		if len(fits) > 1 {
			return fits[0]
		}
		return s
	}
	if len(fits) > 0 {
		return fits[len(fits)-1]
	}
	return steps[len(steps)-1]
}

// widest returns the width of the widest label step s would write.
func (a Axis) widest(s Step) float64 {
	switch s.Unit {
	case Minute, Hour:
		return a.measure("00:00")
	case Day:
		return a.measure(a.dayLabel(time.Date(2023, 11, 29, 0, 0, 0, 0, time.UTC), false))
	case Week:
		return a.measure(a.weekLabel(time.Date(2023, 9, 25, 0, 0, 0, 0, time.UTC)))
	case Month:
		if s.N%3 == 0 {
			return a.measure("Q4")
		}
		w := 0.0
		for m := 1; m <= 12; m++ {
			w = math.Max(w, a.measure(a.Lang.MonthShort(m)))
		}
		return w
	}
	era := a.era()
	lo, hi := a.civil(a.From).Year(), a.civil(a.To).Year()
	return math.Max(a.measure(a.Lang.Year(lo, era)), a.measure(a.Lang.Year(hi, era)))
}

// Ticks returns the ticks of the window in time order: labelled ticks at
// Step, minor ones between them where they are at least a few pixels
// apart, and major ones at the starts of the next larger unit.
func (a Axis) Ticks() []Tick {
	if !(a.To > a.From) || a.Width <= 0 {
		return nil
	}
	label := a.Step()
	byAt := map[int64]*Tick{}
	add := func(s Step, level int) {
		for _, u := range a.times(s) {
			t := byAt[u]
			if t == nil {
				t = &Tick{At: float64(u)}
				byAt[u] = t
			}
			t.Level = max(t.Level, level)
		}
	}
	if minor, ok := a.minor(label); ok {
		add(minor, 0)
	}
	add(label, 1)
	major := majorOf(label)
	add(major, 2)
	long := label.Unit == Day && a.px(label) >= a.measure(a.dayLabel(time.Date(2023, 11, 29, 0, 0, 0, 0, time.UTC), true))+labelPad
	out := make([]Tick, 0, len(byAt))
	era := a.era()
	for u, t := range byAt {
		c := time.Unix(u, 0).In(a.zone())
		if t.Level >= 1 && onStep(c, label, era) {
			t.Label = a.label(c, label, long, era)
		}
		if t.Level == 2 && label.Unit < Year {
			t.Context = a.context(c, major)
		}
		out = append(out, *t)
	}
	slices.SortFunc(out, func(x, y Tick) int { return cmp.Compare(x.At, y.At) })
	return out
}

// Context returns the name of the larger unit the window's start falls
// in ("November 2023"), which an axis pins at its left end so that a
// window without a major tick still says where it is; "" from years up.
func (a Axis) Context() string {
	label := a.Step()
	if label.Unit >= Year {
		return ""
	}
	return a.context(a.civil(a.From), majorOf(label))
}

// minor returns the finest step that tiles s with ticks minorPx apart.
func (a Axis) minor(s Step) (Step, bool) {
	for _, m := range steps {
		if m == s {
			break
		}
		if m.Unit >= a.Finest && m.tiles(s) && a.px(m) >= minorPx {
			return m, true
		}
	}
	return Step{}, false
}

// majorOf returns the larger unit a label step's ticks group into: days
// for hours, months for days, years for months, and powers of ten for
// years (decades for years, centuries for decades).
func majorOf(s Step) Step {
	switch s.Unit {
	case Minute, Hour:
		return Step{Day, 1}
	case Day, Week:
		return Step{Month, 1}
	case Month:
		return Step{Year, 1}
	}
	n := 10
	for n <= s.N {
		n *= 10
	}
	return Step{Year, n}
}

// onStep reports whether a time on some tick falls on step s (a major
// tick between labels, such as a month start among weeks, does not).
func onStep(c time.Time, s Step, era bool) bool {
	switch s.Unit {
	case Minute:
		return c.Second() == 0 && c.Minute()%s.N == 0
	case Hour:
		return c.Minute() == 0 && c.Hour()%s.N == 0
	case Day:
		return c.Hour() == 0 && c.Minute() == 0
	case Week:
		return c.Weekday() == time.Monday && c.Hour() == 0
	case Month:
		return c.Day() == 1 && (int(c.Month())-1)%s.N == 0
	}
	return c.YearDay() == 1 && yearOnStep(c.Year(), s.N)
}

// yearOnStep reports whether astronomical year y starts a tick of n
// years. Years AD fall on multiples of n; years BC on multiples of n
// counted back as historians count (100 BC, 200 BC, astronomical -99,
// -199), there being no year 0; AD 1 itself starts a tick from 5 years up,
// marking the turn of the era.
func yearOnStep(y, n int) bool {
	switch {
	case n == 1:
		return true
	case y == 1:
		return n >= 5
	case y > 0:
		return y%n == 0
	}
	return (1-y)%n == 0
}

// times returns the Unix times of the ticks of step s in the window.
func (a Axis) times(s Step) []int64 {
	loc := a.zone()
	from, to := a.civil(a.From), a.civil(a.To)
	end := int64(math.Ceil(a.To))
	var out []int64
	keep := func(u int64) bool {
		if float64(u) >= a.From && u <= end {
			out = append(out, u)
		}
		return u <= end && len(out) < 10000
	}
	switch s.Unit {
	case Minute, Hour:
		// Step through absolute time, which is what the clock reads across
		// a change to or from summer time, and keep the times whose local
		// clock falls on the step.
		d := int64(60)
		if s.Unit == Hour {
			d = 3600
		}
		y, m, dd := from.Date()
		start := time.Date(y, m, dd, from.Hour(), 0, 0, 0, loc).Unix()
		for u := start; ; u += d {
			if onStep(time.Unix(u, 0).In(loc), s, false) && !keep(u) {
				break
			}
			if u > end {
				break
			}
		}
	case Day:
		y, m, d := from.Date()
		for k := 0; keep(time.Date(y, m, d+k, 0, 0, 0, 0, loc).Unix()); k++ {
		}
	case Week:
		y, m, d := from.Date()
		d -= (int(from.Weekday()) + 6) % 7 // back to Monday
		for k := 0; keep(time.Date(y, m, d+7*k, 0, 0, 0, 0, loc).Unix()); k++ {
		}
	case Month:
		y, m, _ := from.Date()
		m -= time.Month((int(m) - 1) % s.N)
		for k := 0; keep(time.Date(y, m+time.Month(k*s.N), 1, 0, 0, 0, 0, loc).Unix()); k++ {
		}
	case Year:
		for _, y := range years(from.Year()-s.N, to.Year()+1, s.N) {
			if !keep(time.Date(y, 1, 1, 0, 0, 0, 0, loc).Unix()) {
				break
			}
		}
	}
	return out
}

// years returns the astronomical years from y0 to y1 that start a tick
// of n years (see yearOnStep), in order.
func years(y0, y1, n int) []int {
	var out []int
	if n == 1 {
		for y := y0; y <= y1; y++ {
			out = append(out, y)
		}
		return out
	}
	for k := (1 - y0) / n; k >= 1; k-- { // n·k BC, when y0 is BC
		if y := 1 - k*n; y <= y1 {
			out = append(out, y)
		}
	}
	if y0 <= 1 && 1 <= y1 && yearOnStep(1, n) {
		out = append(out, 1)
	}
	for k := max(1, ceilDiv(y0, n)); k*n <= y1; k++ {
		out = append(out, k*n)
	}
	return out
}

func ceilDiv(a, b int) int {
	q := a / b
	if a%b != 0 && a > 0 {
		q++
	}
	return q
}

// label writes a tick's label at step s.
func (a Axis) label(c time.Time, s Step, long, era bool) string {
	switch s.Unit {
	case Minute, Hour:
		return Clock(c.Hour(), c.Minute(), 0, false)
	case Day:
		return a.dayLabel(c, long)
	case Week:
		return a.weekLabel(c)
	case Month:
		if s.N == 3 {
			return "Q" + string(rune('1'+(int(c.Month())-1)/3))
		}
		return a.Lang.MonthShort(int(c.Month()))
	}
	return a.Lang.Year(c.Year(), era)
}

// dayLabel writes a day on a day-step axis: "7" or, with room, "Tue 7"
// ("7." and "Di. 7.").
func (a Axis) dayLabel(c time.Time, long bool) string {
	d := itoa(c.Day())
	if a.Lang == German {
		d += "."
	}
	if long {
		return weekdays[a.Lang.idx()][c.Weekday()] + " " + d
	}
	return d
}

// weekLabel writes the Monday a week starts on: "6 Nov", "6. Nov.".
func (a Axis) weekLabel(c time.Time) string {
	if a.Lang == German {
		return itoa(c.Day()) + ". " + a.Lang.MonthShort(int(c.Month()))
	}
	return itoa(c.Day()) + " " + a.Lang.MonthShort(int(c.Month()))
}

// context names the unit of a major step starting at c.
func (a Axis) context(c time.Time, major Step) string {
	y, m, d := c.Date()
	switch major.Unit {
	case Day:
		if a.Lang == German {
			return weekdays[1][c.Weekday()] + ", " + a.Lang.Day(y, int(m), d)
		}
		return weekdays[0][c.Weekday()] + " " + a.Lang.Day(y, int(m), d)
	case Month:
		return a.Lang.MonthLong(int(m)) + " " + a.Lang.Year(y, false)
	}
	return a.Lang.Year(y, a.era())
}

func itoa(v int) string { return strconv.Itoa(v) }
