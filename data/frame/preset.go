package frame

import "strings"

// Preset is a known export schema, recognised from a file's header or shape
// and mapped without asking.
type Preset struct {
	Name string // "acled", "gdelt2", "gdelt1", "usgs", "ucdp", "timelinejs"
	// Columns names the columns of headerless files (GDELT); nil otherwise.
	Columns []string
	// Roles names the column(s) that play each role. Role names are those of
	// package events: start, end, lat, lon, coords, place, country, title,
	// description, category, actor, source, url, id. A start or end role
	// with several columns lists split date parts in the order year, month,
	// day, time.
	Roles map[string][]string
	// Codes names the code list of the columns that hold codes (see
	// Source.Codes); nil when none does.
	Codes map[string]string
}

// detectPreset recognises a schema from the first row of a file (its header
// when hasHeader is set) and a few rows after it.
//
// Files with a header are recognised by their column names alone (see
// presetSchemas); headerless files only by the shape of GDELT event
// records (see detectGDELT). Roles name the columns exactly as the file
// spells them, so that they name the frame's columns.
func detectPreset(first []string, hasHeader bool, rows [][]string) (Preset, bool) {
	if !hasHeader {
		return detectGDELT(first, rows)
	}
	have := make(map[string]string, len(first)) // normalised name → as written
	for _, cell := range first {
		key := presetKey(cell)
		if _, dup := have[key]; !dup {
			have[key] = cell
		}
	}
	for _, s := range presetSchemas {
		if s.matches(have) {
			return Preset{Name: s.name, Roles: presetRoles(s.roles, have)}, true
		}
	}
	return Preset{}, false
}

// presetSchema is a headed export format: the names that identify it and the
// column each role takes. All names are written as presetKey leaves them.
type presetSchema struct {
	name string
	// need lists the columns the schema cannot do without.
	need []string
	// marks lists columns that few files other than this schema's have;
	// at least enough of them must be present. Asking for some rather than
	// all lets through exports where the user left optional columns out
	// (ACLED's and USGS's export tools both allow it) and older versions of
	// a schema.
	marks  []string
	enough int
	// roles lists, for each role, the columns that play it, in order. Those
	// missing from a file are left out, and a role left with no column is
	// dropped.
	roles map[string][]string
}

// presetSchemas are the headed formats, tried in order. Their marks do not
// overlap, so the order matters little.
var presetSchemas = []presetSchema{
	{
		// ACLED, as exported by the Data Export Tool and the API, current
		// (disorder_type, civilian_targeting, tags) and pre-2021 (data_id,
		// iso, event_id_no_cnty, iso3) versions.
		name: "acled",
		need: []string{"event_date"},
		marks: []string{"event_id_cnty", "event_id_no_cnty", "data_id", "time_precision",
			"disorder_type", "event_type", "sub_event_type", "actor1", "assoc_actor_1",
			"ally_actor_1", "inter1", "interaction", "civilian_targeting", "admin1",
			"geo_precision", "source_scale", "fatalities"},
		enough: 4,
		roles: map[string][]string{
			"start":   {"event_date"},
			"lat":     {"latitude"},
			"lon":     {"longitude"},
			"place":   {"location"},
			"country": {"country"},
			// sub_event_type ("Armed clash", "Peaceful protest", "Air/drone
			// strike") says what happened in a few words and is never empty;
			// event_type is one of six broad classes that would repeat the
			// category on every label.
			"title":       {"sub_event_type"},
			"description": {"notes"},
			"category":    {"event_type"},
			"actor":       {"actor1", "actor2"},
			"source":      {"source"},
			"id":          {"event_id_cnty"},
		},
	},
	{
		// USGS earthquake catalogue CSV feeds and FDSN query results
		// (format=csv).
		name: "usgs",
		need: []string{"time", "latitude", "longitude", "mag"},
		marks: []string{"magtype", "nst", "gap", "dmin", "rms", "net", "updated",
			"horizontalerror", "deptherror", "magerror", "magnst", "locationsource", "magsource"},
		enough: 3,
		roles: map[string][]string{
			"start": {"time"},
			"lat":   {"latitude"},
			"lon":   {"longitude"},
			// place reads "10 km SSW of Idyllwild, CA": a description of
			// where the event was relative to a town, not a name a gazetteer
			// holds. It makes a good label, but as the place role a geocoder
			// would try to resolve it, or would put the event on the town.
			// The coordinates are always given, so nothing is lost.
			"title":    {"place"},
			"category": {"type"},
			"id":       {"id"},
		},
	},
	{
		// USGS earthquake GeoJSON feeds: the same catalogue as the CSV feed,
		// with the coordinates in the geometry (the reader's lat and lon
		// columns) and epoch milliseconds in time.
		name: "usgs",
		need: []string{"time", "lat", "lon", "mag"},
		marks: []string{"magtype", "tz", "felt", "cdi", "mmi", "alert", "tsunami", "sig",
			"net", "code", "ids", "sources", "types", "nst", "dmin", "rms", "gap", "detail"},
		enough: 5,
		roles: map[string][]string{
			"start":    {"time"},
			"lat":      {"lat"},
			"lon":      {"lon"},
			"title":    {"place"}, // see the CSV feed above
			"category": {"type"},
			"url":      {"url"},
			"id":       {"id"},
		},
	},
	{
		// UCDP Georeferenced Event Dataset (GED) CSV, global and candidate
		// releases.
		name: "ucdp",
		need: []string{"date_start"},
		marks: []string{"relid", "type_of_violence", "conflict_new_id", "dyad_new_id",
			"side_a", "side_b", "where_prec", "where_coordinates", "event_clarity",
			"date_prec", "deaths_a", "deaths_b", "deaths_civilians", "priogrid_gid"},
		enough: 4,
		roles: map[string][]string{
			"start": {"date_start"},
			"end":   {"date_end"},
			"lat":   {"latitude"},
			"lon":   {"longitude"},
			// where_coordinates names the place the event is geocoded to
			// ("Kabul town"); where_description is free text about it.
			"place":   {"where_coordinates"},
			"country": {"country"},
			// The dyad ("Government of Mali - JNIM") is what the event is
			// about; conflict_name is shared by every dyad of a conflict.
			"title":       {"dyad_name"},
			"description": {"source_headline"},
			// 1 state-based, 2 non-state, 3 one-sided violence: UCDP's own
			// top-level split.
			"category": {"type_of_violence"},
			"actor":    {"side_a", "side_b"},
			// source_article is the full citation and always filled;
			// source_office is often empty.
			"source": {"source_article"},
			"id":     {"id"},
		},
	},
	{
		// Knight Lab TimelineJS Google Sheets template, saved as CSV. Some
		// versions of the template have no Time, End Time or Background.
		name: "timelinejs",
		need: []string{"year", "headline"},
		marks: []string{"month", "day", "end year", "end month", "end day", "display date",
			"text", "media", "media credit", "media caption", "media thumbnail", "type", "group"},
		enough: 4,
		roles: map[string][]string{
			"start": {"year", "month", "day", "time"},
			"end":   {"end year", "end month", "end day", "end time"},
			"title": {"headline"},
			// Text is HTML; the events layer shows it as it sees fit.
			"description": {"text"},
			"category":    {"group"},
			// No url: Media is the picture, video or map shown on the
			// slide, not a link to the event's source.
		},
	},
	{
		// The older TimelineJS 2 template: whole dates in two columns
		// ("1/12/1996", "1996,12,1") and a Tag instead of Group.
		name:   "timelinejs",
		need:   []string{"start date", "headline"},
		marks:  []string{"end date", "text", "media", "media credit", "media caption", "media thumbnail", "type", "tag"},
		enough: 4,
		roles: map[string][]string{
			"start":       {"start date"},
			"end":         {"end date"},
			"title":       {"headline"},
			"description": {"text"},
			"category":    {"tag"},
		},
	},
}

// matches reports whether a header, as normalised names, is this schema's.
func (s presetSchema) matches(have map[string]string) bool {
	for _, n := range s.need {
		if _, ok := have[n]; !ok {
			return false
		}
	}
	found := 0
	for _, n := range s.marks {
		if _, ok := have[n]; ok {
			found++
		}
	}
	return found >= s.enough
}

// presetRoles resolves a schema's roles against the columns a file has,
// keyed by normalised name, giving the names as the file writes them.
func presetRoles(roles map[string][]string, have map[string]string) map[string][]string {
	out := make(map[string][]string, len(roles))
	for role, names := range roles {
		var cols []string
		for _, n := range names {
			col, ok := have[n]
			if !ok {
				if role == "start" || role == "end" {
					// Split date parts are read by position (year, month,
					// day, time): a gap would shift the parts after it, so
					// keep only those before the first missing one.
					break
				}
				continue
			}
			cols = append(cols, col)
		}
		if len(cols) > 0 {
			out[role] = cols
		}
	}
	return out
}

// presetKey is how header names are compared: case and surrounding space
// do not matter ("Event_Date ", "END YEAR").
func presetKey(s string) string {
	return strings.ToLower(strings.TrimSpace(s))
}
