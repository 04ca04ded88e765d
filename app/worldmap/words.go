package worldmap

import (
	"fmt"
	"strconv"
	"strings"

	"chronomap/app/number"
)

// The map's own words — counts of events, the legend's lines, the scale
// bar's numbers — follow its Language: German for "de", English for the
// rest (the window speaks those two; the other languages name countries
// only).

// german reports whether the map writes its words in German.
func (m *Map) german() bool { return m.Language == "de" }

// marks are the separators the map writes numbers with.
func (m *Map) marks() number.Marks {
	if m.german() {
		return number.German
	}
	return number.English
}

// events writes a number of events: "1 event", "5,988 events",
// "5.988 Ereignisse".
func (m *Map) events(n int) string {
	switch {
	case m.german() && n == 1:
		return "1 Ereignis"
	case m.german():
		return m.marks().Int(n) + " Ereignisse"
	case n == 1:
		return "1 event"
	}
	return m.marks().Int(n) + " events"
}

// more writes how many more there are than a list shows: "5,988 more",
// "5.988 weitere".
func (m *Map) more(n int) string {
	if m.german() {
		return m.marks().Int(n) + " weitere"
	}
	return m.marks().Int(n) + " more"
}

// all writes a cluster whose events are all of one category: "12 events:
// all Battles", "12 Ereignisse: alle Battles".
func (m *Map) all(head, name string) string {
	if m.german() {
		return head + ": alle " + name
	}
	return head + ": all " + name
}

// categories writes a cluster whose categories tie: "3 events of 3
// categories", "3 Ereignisse aus 3 Kategorien".
func (m *Map) categories(head string, kinds int) string {
	if m.german() {
		return fmt.Sprintf("%s aus %d Kategorien", head, kinds)
	}
	return fmt.Sprintf("%s of %d categories", head, kinds)
}

// compact writes a count short, for a cluster's disc: 950, 1.2k, 34k,
// 1.1M (German 1,2k, 1,1M).
func (m *Map) compact(n int) string {
	var s string
	switch {
	case n < 1000:
		return strconv.Itoa(n)
	case n < 10_000:
		s = fmt.Sprintf("%.1fk", float64(n)/1000)
	case n < 1_000_000:
		return fmt.Sprintf("%dk", n/1000)
	default:
		s = fmt.Sprintf("%.1fM", float64(n)/1e6)
	}
	return strings.Replace(s, ".", m.marks().Decimal, 1)
}

// sizeKey writes the legend's key to sized markers: "size: fatalities (5,
// 50)", "Größe: fatalities (5, 50)"; numbers without needless decimals.
func (m *Map) sizeKey(title string, ref float64) string {
	num := func(v float64) string {
		return strings.Replace(strconv.FormatFloat(v, 'g', 3, 64), ".", m.marks().Decimal, 1)
	}
	word := "size"
	if m.german() {
		word = "Größe"
	}
	return fmt.Sprintf("%s: %s (%s, %s)", word, title, num(ref), num(ref*10))
}

// densityWords are the density legend's heading and the note under its
// ramp: "5,988 events, by density", "per 4 px cell".
func (m *Map) densityWords(total, cell int) (head, note string) {
	if m.german() {
		return m.events(total) + ", nach Dichte", fmt.Sprintf("je Zelle von %d px", cell)
	}
	return m.events(total) + ", by density", fmt.Sprintf("per %d px cell", cell)
}
