package mapping

import (
	"path/filepath"

	"fyne.io/fyne/v2/lang"

	"chronomap/app/number"
	"chronomap/data/dates"
	"chronomap/data/events"
)

// Every word the dialog shows is here, passed through lang.L with the
// English text as its key, so that a translation file only has to add
// entries. Templates take numbers already formatted (see thousands), since
// the digit grouping is not the translator's business.
//
// The reasons under each column come from events.Detect and are not
// translated here; they are the one exception.

// none is the choice for a column that plays no role.
const none = "—"

// roleLabel names a role as the column menu shows it; "" is none.
// "Description" and "ID" are keyed "role.…": go-i18n reserves those words
// in its files, and as keys they would spoil the whole file.
func roleLabel(r events.Role) string {
	switch r {
	case "":
		return none
	case events.Start:
		return lang.L("Start date")
	case events.End:
		return lang.L("End date")
	case events.Lat:
		return lang.L("Latitude")
	case events.Lon:
		return lang.L("Longitude")
	case events.Coords:
		return lang.L("Coordinates")
	case events.Place:
		return lang.L("Place name")
	case events.Country:
		return lang.L("Country")
	case events.Title:
		return lang.L("Title")
	case events.Description:
		return lang.X("role.Description", "Description")
	case events.Category:
		return lang.L("Category")
	case events.Actor:
		return lang.L("Actor")
	case events.Source:
		return lang.L("Source")
	case events.URL:
		return lang.L("Link (URL)")
	case events.ID:
		return lang.X("role.ID", "ID")
	}
	return string(r) // a role added to events but not yet named here
}

// roleOptions lists the column menu's choices: none, then every role.
func roleOptions() []string {
	out := []string{none}
	for _, r := range events.Roles {
		out = append(out, roleLabel(r))
	}
	return out
}

// roleFromLabel is roleLabel undone; "" for none or an unknown label.
func roleFromLabel(s string) events.Role {
	for _, r := range events.Roles {
		if roleLabel(r) == s {
			return r
		}
	}
	return ""
}

// title is the dialog's title.
func title(path string) string {
	if path == "" {
		return lang.L("Columns")
	}
	return lang.L("Columns of {{.File}}", map[string]any{"File": filepath.Base(path)})
}

// intro is the sentence above the preview.
func intro() string {
	return lang.L("Chronomap guessed what each column holds. Check the guesses against the first rows and change any that are wrong.")
}

// previewCaption says how much of the file the preview shows.
func previewCaption(shown, rows int) string {
	if shown == rows {
		return plural(rows, "The only row", "All {{.N}} rows")
	}
	return lang.L("The first {{.Shown}} of {{.N}} rows", map[string]any{"Shown": thousands(shown), "N": thousands(rows)})
}

// countingLine stands in for the counts while they are worked out.
func countingLine() string { return lang.L("Counting…") }

// countsLine is the live line under the preview: what the mapping makes of
// the whole file.
func countsLine(c Counts) string {
	s := plural(c.Events, "1 event", "{{.N}} events") + " · " +
		lang.L("{{.N}} located", map[string]any{"N": thousands(c.Located)})
	if c.Geocoded > 0 {
		s += " " + lang.L("({{.N}} by name)", map[string]any{"N": thousands(c.Geocoded)})
	}
	switch c.Problems {
	case 0:
		s += " · " + lang.L("no problems")
	default:
		s += " · " + plural(c.Problems, "1 problem", "{{.N}} problems")
	}
	return s
}

// orderNote asks for the order of day and month in a column.
func orderNote(a Ambiguity) string {
	return lang.L("Dates in “{{.Column}}” such as {{.Example}} read either way. Which comes first?",
		map[string]any{"Column": a.Column, "Example": a.Example})
}

// orderLabels name the two orders, in orders' order.
func orderLabels() []string {
	return []string{lang.L("Day (13/11/2023)"), lang.L("Month (11/13/2023)")}
}

// orders are the choices of orderLabels.
var orders = []dates.Order{dates.DayFirst, dates.MonthFirst}

// plural picks the singular key for one and the plural key otherwise, so
// that "1 event" reads right without a plural rule in English.
func plural(n int, one, other string) string {
	if n == 1 {
		return lang.L(one)
	}
	return lang.L(other, map[string]any{"N": thousands(n)})
}

// thousands writes n with its digits grouped in threes, as the language
// groups them (the window's translations say how: "," in English, "." in
// German).
func thousands(n int) string {
	return number.Marks{Group: lang.X("number.group", ",")}.Int(n)
}
