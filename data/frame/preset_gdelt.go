package frame

import "strings"

// GDELT event files have no header: they are recognised by their width and
// by the date columns every record starts with. Column names are those of
// the GDELT 2.0 Event Codebook and of GDELT 1.0's header files
// (CSV.header.dailyupdates.txt, CSV.header.historical.txt).

// gdelt2Columns are the 61 columns of a GDELT 2.0 events export
// (yyyymmddhhmmss.export.CSV).
var gdelt2Columns = []string{
	"GlobalEventID", "Day", "MonthYear", "Year", "FractionDate",
	"Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
	"Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
	"Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
	"Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
	"IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
	"GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
	"Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
	"Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
	"Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
	"Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
	"ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
	"ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
	"DATEADDED", "SOURCEURL",
}

// gdelt1Columns are the 58 columns of a GDELT 1.0 daily events file
// (yyyymmdd.export.CSV, from April 2013 on). The historical backfiles
// (1979 to March 2013) have the first 57: they lack SOURCEURL. Unlike 2.0,
// 1.0 calls the event date SQLDATE and has no ADM2 codes.
var gdelt1Columns = []string{
	"GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
	"Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
	"Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
	"Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
	"Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
	"IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
	"GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
	"Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code",
	"Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
	"Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code",
	"Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
	"ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code",
	"ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
	"DATEADDED", "SOURCEURL",
}

// gdeltRoles maps both GDELT versions but for the start, which is the
// second column whatever a version calls it (Day, SQLDATE).
//
// Where is ActionGeo, the place of the action itself, rather than where
// either actor is from. Its country is a FIPS 10-4 code ("RS" is Russia),
// not ISO (see gdeltCodes). The category is the CAMEO root code ("04"
// consult, "19" fight), named by CodeName:
// twenty classes make a legible legend where the full EventCode has some
// three hundred. There is no title: every candidate is either a CAMEO code
// or an actor name the actor role already shows, so the events layer is
// better placed to compose a label from actors and event code.
var gdeltRoles = map[string][]string{
	"lat":      {"actiongeo_lat"},
	"lon":      {"actiongeo_long"},
	"place":    {"actiongeo_fullname"},
	"country":  {"actiongeo_countrycode"},
	"category": {"eventrootcode"},
	"actor":    {"actor1name", "actor2name"},
	"url":      {"sourceurl"},
	"id":       {"globaleventid"},
}

// gdeltCodes are the code lists of GDELT's columns that hold codes: the
// countries of every geography, the CAMEO root code and the QuadClass.
var gdeltCodes = map[string]string{
	"actor1geo_countrycode": FIPS, "actor2geo_countrycode": FIPS, "actiongeo_countrycode": FIPS,
	"eventrootcode": CAMEORoot, "quadclass": QuadClass,
}

// gdeltShape is one width a GDELT event file comes in.
type gdeltShape struct {
	name    string
	columns []string
}

// gdeltShapes are the GDELT event files by width.
var gdeltShapes = map[int]gdeltShape{
	61: {"gdelt2", gdelt2Columns},
	58: {"gdelt1", gdelt1Columns},
	57: {"gdelt1", gdelt1Columns[:57]},
}

// detectGDELT recognises a headerless GDELT event file: 61, 58 or 57
// fields, each record starting with an integer event ID, the event date as
// yyyymmdd, then its month (yyyymm) and year. Every sampled record of the
// same width must look the same; records of other widths are the reader's
// to report as ragged.
//
// A line ending in a tab has one empty field more than the schema: it gets
// an unnamed column so that Columns still matches the file's width.
func detectGDELT(first []string, rows [][]string) (Preset, bool) {
	n := len(first)
	if n == 0 || !gdeltRecord(first) {
		return Preset{}, false
	}
	shape, ok := gdeltShapes[n]
	trailing := false
	if !ok && first[n-1] == "" {
		shape, ok = gdeltShapes[n-1]
		trailing = true
	}
	if !ok {
		return Preset{}, false
	}
	for _, r := range rows {
		if len(r) == n && !gdeltRecord(r) {
			return Preset{}, false
		}
	}
	cols := append([]string(nil), shape.columns...)
	if trailing {
		cols = append(cols, "")
	}
	have := make(map[string]string, len(cols))
	for _, c := range cols {
		have[presetKey(c)] = c
	}
	roles := presetRoles(gdeltRoles, have)
	roles["start"] = []string{cols[1]}
	codes := map[string]string{}
	for key, list := range gdeltCodes {
		if col, ok := have[key]; ok {
			codes[col] = list
		}
	}
	return Preset{Name: shape.name, Columns: cols, Roles: roles, Codes: codes}, true
}

// gdeltRecord reports whether a record starts the way GDELT event records
// do: GlobalEventID, Day (yyyymmdd), MonthYear (yyyymm), Year (yyyy).
func gdeltRecord(r []string) bool {
	digits := func(s string) bool { return s != "" && strings.Trim(s, "0123456789") == "" }
	if len(r) < 4 || !digits(r[0]) || len(r[0]) > 19 {
		return false
	}
	day := r[1]
	if len(day) != 8 || !digits(day) || r[2] != day[:6] || r[3] != day[:4] {
		return false
	}
	month := int(day[4]-'0')*10 + int(day[5]-'0')
	dom := int(day[6]-'0')*10 + int(day[7]-'0')
	return month >= 1 && month <= 12 && dom >= 1 && dom <= 31
}
