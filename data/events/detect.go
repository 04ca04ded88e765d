package events

import (
	"fmt"
	"slices"
	"strings"

	"chronomap/data/dates"
	"chronomap/data/frame"
)

// presetNames are how recognised schemas are named in reasons.
var presetNames = map[string]string{
	"acled": "ACLED export", "gdelt2": "GDELT 2.0 event file", "gdelt1": "GDELT 1.0 event file",
	"usgs": "USGS earthquake feed", "ucdp": "UCDP GED export", "timelinejs": "TimelineJS sheet",
}

// roleNouns say what a role is, for reasons.
var roleNouns = map[Role]string{
	Start: "the date", End: "the end date", Lat: "latitude", Lon: "longitude", Coords: "coordinates",
	Place: "the place", Country: "the country", Title: "the title", Description: "the description",
	Category: "the category", Actor: "an actor", Source: "the source", URL: "a link", ID: "the identifier",
}

// bareNoun is a role's noun without its article: "date", "actor".
func bareNoun(r Role) string {
	n := roleNouns[r]
	for _, a := range []string{"the ", "an ", "a "} {
		n = strings.TrimPrefix(n, a)
	}
	return n
}

// Detect decides the mapping of a frame: a recognised schema's own
// mapping, else the column names in English, German, French, Spanish or
// Russian, else what the values look like. Each role says why.
func Detect(f *frame.Frame) Mapping {
	var m Mapping
	m.init()
	if f.Source.Preset != "" && len(f.Source.Roles) > 0 {
		names := f.Names()
		for _, r := range Roles {
			cols := slices.DeleteFunc(slices.Clone(f.Source.Roles[string(r)]), func(c string) bool { return !slices.Contains(names, c) })
			if len(cols) > 0 {
				why := fmt.Sprintf("%s: %s is its %s column", presetNames[f.Source.Preset], quoteList(cols), bareNoun(r))
				if len(cols) > 1 {
					why = fmt.Sprintf("%s: %s are its %s columns", presetNames[f.Source.Preset], quoteList(cols), bareNoun(r))
				}
				m.set(r, why, cols...)
			}
		}
		return m
	}
	detectByName(f, &m)
	detectSplitDate(f, &m)
	detectByValues(f, &m)
	return m
}

// candidate is a column whose name suggests a role.
type candidate struct {
	col   string
	role  Role
	score int // 3 whole name, 2 whole name but a weak hint, 1 a word inside the name
	why   string
}

// weakStart are whole names that suggest a date only faintly (a year or a
// time of day alone), with what they do mean; a column named for the date
// wins over them.
var weakStart = map[string]string{
	"year": "the year", "jahr": "the year", "année": "the year", "annee": "the year", "año": "the year", "год": "the year",
	"time": "the time", "zeit": "the time", "heure": "the time", "hora": "the time", "время": "the time",
	"day": "the day", "tag": "the day", "jour": "the day", "día": "the day", "день": "the day",
}

func detectByName(f *frame.Frame, m *Mapping) {
	var cands []candidate
	for _, col := range f.Names() {
		if blank(f, col) {
			// A column with nothing in it plays no part: "final", the
			// end date in Spanish, left empty in every row, is no end.
			continue
		}
		h := normHeader(col)
		if w, ok := headerWords[h]; ok {
			score, noun := 3, roleNouns[w.role]
			if w.role == Start && weakStart[h] != "" {
				score, noun = 2, weakStart[h] // "Jahr" means the year, not the date
			}
			why := fmt.Sprintf("header %q means %s in %s", col, noun, w.lang)
			if w.lang == "English" {
				why = fmt.Sprintf("header %q names %s", col, noun)
			}
			cands = append(cands, candidate{col, w.role, score, why})
			continue
		}
		if r, word := tokenRole(h); r != "" {
			cands = append(cands, candidate{col, r, 1, fmt.Sprintf("header %q contains %q", col, word)})
		}
	}
	slices.SortStableFunc(cands, func(a, b candidate) int { return b.score - a.score })
	used := map[string]bool{}
	for _, c := range cands {
		if used[c.col] {
			continue
		}
		if c.role == Actor && len(m.Columns[Actor]) > 0 {
			m.Columns[Actor] = append(m.Columns[Actor], c.col)
			m.Why[Actor] += "; " + c.why
			used[c.col] = true
			continue
		}
		// A "location" column of coordinates is coordinates, not a place.
		role := c.role
		if (role == Place || role == Country || role == Title || role == Actor) && share(f, c.col, isURL) >= 0.8 {
			// Wikidata's "location" holds the place's entity link; its
			// name is in "locationLabel", which is the place.
			continue
		}
		if (role == Place || role == Coords) && share(f, c.col, isCoordPair) >= 0.8 {
			role = Coords
		}
		if m.set(role, c.why, c.col) {
			used[c.col] = true
		}
	}
	// Coordinates given twice: separate columns win over a combined one.
	if _, ok := m.Columns[Lat]; ok {
		if _, ok := m.Columns[Lon]; ok {
			delete(m.Columns, Coords)
			delete(m.Why, Coords)
		}
	}
}

// partNames name the columns of a date split over several columns, in
// the order dates.Parts takes them; a part counts only after all before it.
var partNames = [4][]string{
	{"year", "jahr", "année", "annee", "año", "ano", "год"},
	{"month", "monat", "mois", "mes", "месяц"},
	{"day", "tag", "jour", "día", "dia", "день"},
	{"time", "zeit", "uhrzeit", "heure", "hora", "время"},
}

// detectSplitDate finds a date split into year, month and day columns
// (and a time column) when no single column holds the date.
func detectSplitDate(f *frame.Frame, m *Mapping) {
	if cols, ok := m.Columns[Start]; ok && weakStart[normHeader(cols[0])] == "" {
		return
	}
	var parts []string
	for _, names := range partNames {
		found := ""
		for _, col := range f.Names() {
			if slices.Contains(names, normHeader(col)) {
				found = col
				break
			}
		}
		if found == "" {
			break
		}
		parts = append(parts, found)
	}
	if len(parts) < 2 {
		return
	}
	delete(m.Columns, Start)
	m.set(Start, fmt.Sprintf("the date is split over columns %s", quoteList(parts)), parts...)
}

// detectByValues fills roles that no column name claimed from what the
// values look like.
func detectByValues(f *frame.Frame, m *Mapping) {
	free := func(col string) bool { return m.RoleOf(col) == "" }
	names := f.Names()
	if _, ok := m.Columns[Start]; !ok {
		for i, col := range names {
			if !free(col) || f.Columns[i].Kind == frame.Number ||
				f.Columns[i].Kind == frame.Integer && !wholeNumberDates(f, col) {
				continue
			}
			if s := dateShare(f, col); s >= 0.8 {
				m.set(Start, fmt.Sprintf("%.0f%% of the values in %q read as dates", s*100, col), col)
				break
			}
		}
	}
	_, hasLat := m.Columns[Lat]
	_, hasCoords := m.Columns[Coords]
	if !hasLat && !hasCoords {
		claimByShare(f, m, Coords, isCoordPair, "read as coordinates")
	}
	if _, ok := m.Columns[URL]; !ok {
		claimByShare(f, m, URL, isURL, "are web links")
	}
	if _, ok := m.Columns[Title]; !ok {
		// Events need a label: the first free text column of short values
		// that are mostly distinct.
		for i, col := range names {
			if free(col) && f.Columns[i].Kind == frame.Text && filled(f, col) >= 0.8 && looksLikeTitles(sample(f, col)) {
				m.set(Title, fmt.Sprintf("%q is the first text column of short, distinct values", col), col)
				break
			}
		}
	}
}

// claimByShare gives a role to the first free text column whose sampled
// values mostly pass ok; says tells what they are, for the reason.
func claimByShare(f *frame.Frame, m *Mapping, role Role, ok func(string) bool, says string) {
	for i, col := range f.Names() {
		if m.RoleOf(col) != "" || f.Columns[i].Kind != frame.Text {
			continue
		}
		if s := share(f, col, ok); s >= 0.8 {
			m.set(role, fmt.Sprintf("%.0f%% of the values in %q %s", s*100, col, says), col)
			return
		}
	}
}

// sampleSize is how many values of a column value-based detection reads.
const sampleSize = 1000

// sample returns up to sampleSize non-empty values of a column, spread
// evenly over the rows.
func sample(f *frame.Frame, col string) []string {
	c, n := f.Col(col), f.Rows()
	step := max(1, n/sampleSize)
	var out []string
	for i := 0; i < n && len(out) < sampleSize; i += step {
		if v := strings.TrimSpace(f.Text(i, c)); v != "" {
			out = append(out, v)
		}
	}
	return out
}

// filled returns the fraction of a column's cells, spread as sample
// spreads them, that are not empty: a label column labels most rows.
func filled(f *frame.Frame, col string) float64 {
	c, n := f.Col(col), f.Rows()
	if n == 0 {
		return 0
	}
	step := max(1, n/sampleSize)
	seen, full := 0, 0
	for i := 0; i < n && seen < sampleSize; i += step {
		seen++
		if strings.TrimSpace(f.Text(i, c)) != "" {
			full++
		}
	}
	return float64(full) / float64(seen)
}

// blank reports whether a frame has rows and every cell of a column is
// empty or space. It stops at the first filled cell, so a column in use
// costs a look or two. A file of a header alone keeps the roles its names
// give: nothing says its columns stay empty.
func blank(f *frame.Frame, col string) bool {
	c := f.Col(col)
	if c < 0 || f.Rows() == 0 {
		return false
	}
	for i := range f.Rows() {
		if strings.TrimSpace(f.Text(i, c)) != "" {
			return false
		}
	}
	return true
}

// share returns the fraction of a column's sampled values that pass ok.
func share(f *frame.Frame, col string, ok func(string) bool) float64 {
	vals := sample(f, col)
	if len(vals) == 0 {
		return 0
	}
	n := 0
	for _, v := range vals {
		if ok(v) {
			n++
		}
	}
	return float64(n) / float64(len(vals))
}

// dateShare returns the fraction of a column's sampled values that read
// as dates the way the column as a whole reads.
func dateShare(f *frame.Frame, col string) float64 {
	vals := sample(f, col)
	if len(vals) == 0 {
		return 0
	}
	c := dates.Detect(col, vals)
	n := 0
	for _, v := range vals {
		if _, err := c.Parse(v); err == nil {
			n++
		}
	}
	return float64(n) / float64(len(vals))
}

// wholeNumberDates reports whether a column of whole numbers that no
// header calls dates reads as dates by its values: numbers of a date kind
// (Unix times, negative years), compact dates such as 20231107, or years
// of four digits that are not all the same. A column of counts, "100" on
// every row, once became the date: the year AD 100.
func wholeNumberDates(f *frame.Frame, col string) bool {
	vals := sample(f, col)
	if len(vals) == 0 {
		return false
	}
	if dates.Detect(col, vals).Kind != dates.Text {
		return true
	}
	years := map[string]bool{}
	for _, v := range vals {
		switch len(v) {
		case 8, 12, 14: // yyyymmdd[hhmm[ss]], which Parse checks
		case 4:
			if v[0] < '1' || v[0] > '2' {
				return false
			}
			years[v] = true
		default:
			return false
		}
	}
	return len(years) != 1
}

func isURL(s string) bool {
	l := strings.ToLower(s)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://") || strings.HasPrefix(l, "www.")
}

// looksLikeTitles reports whether values read as labels: mostly distinct,
// short enough to print beside a marker, and not web links (a column of
// links is distinct and short too, but names nothing).
func looksLikeTitles(vals []string) bool {
	if len(vals) == 0 {
		return false
	}
	seen := map[string]bool{}
	total, links, shapes := 0, 0, 0
	for _, v := range vals {
		if isURL(v) {
			links++
		}
		// The column a GeoJSON or GeoParquet file's geometries become
		// holds their types, which a few features make look distinct.
		if geometryTypes[v] {
			shapes++
		}
		seen[v] = true
		total += len([]rune(v))
	}
	return float64(len(seen)) >= 0.5*float64(len(vals)) && total/len(vals) <= 120 && links*2 < len(vals) && shapes*2 < len(vals)
}

// geometryTypes are GeoJSON's names of geometry types.
var geometryTypes = map[string]bool{
	"Point": true, "MultiPoint": true, "LineString": true, "MultiLineString": true,
	"Polygon": true, "MultiPolygon": true, "GeometryCollection": true,
}
