package frame

import "strings"

// Code lists that columns of recognised schemas hold. Source.Codes names,
// for each such column, the list its values come from, so that the events
// layer reads them right (FIPS country codes are not ISO's) and the views
// show names where the file writes codes (GDELT's "04" is "Consult").
const (
	// FIPS is FIPS 10-4 country codes, as GDELT writes countries: "RS" is
	// Russia, where ISO 3166's RS is Serbia.
	FIPS = "fips"
	// CAMEORoot is the twenty root codes of the CAMEO event scheme ("01"
	// to "20"), GDELT's EventRootCode.
	CAMEORoot = "cameo-root"
	// QuadClass is GDELT's four classes of events (1 to 4).
	QuadClass = "quadclass"
)

// codeName is one code's name in the languages the interface speaks.
type codeName struct{ en, de string }

// codeNames are the names of the codes of each list that has names.
// CAMEO's are the root categories of the CAMEO codebook (Schrodt, version
// 1.1b3) in its words, German as German press reports of GDELT name them;
// the QuadClass names are those of the GDELT 2.0 Event Codebook.
var codeNames = map[string]map[string]codeName{
	CAMEORoot: {
		"01": {"Make public statement", "Öffentliche Erklärung"},
		"02": {"Appeal", "Appell"},
		"03": {"Express intent to cooperate", "Kooperationsabsicht"},
		"04": {"Consult", "Beratung"},
		"05": {"Engage in diplomatic cooperation", "Diplomatische Zusammenarbeit"},
		"06": {"Engage in material cooperation", "Materielle Zusammenarbeit"},
		"07": {"Provide aid", "Hilfe"},
		"08": {"Yield", "Nachgeben"},
		"09": {"Investigate", "Untersuchung"},
		"10": {"Demand", "Forderung"},
		"11": {"Disapprove", "Missbilligung"},
		"12": {"Reject", "Ablehnung"},
		"13": {"Threaten", "Drohung"},
		"14": {"Protest", "Protest"},
		"15": {"Exhibit force posture", "Machtdemonstration"},
		"16": {"Reduce relations", "Abbruch von Beziehungen"},
		"17": {"Coerce", "Zwang"},
		"18": {"Assault", "Angriff"},
		"19": {"Fight", "Kampf"},
		"20": {"Use unconventional mass violence", "Unkonventionelle Massengewalt"},
	},
	QuadClass: {
		"1": {"Verbal cooperation", "Verbale Kooperation"},
		"2": {"Material cooperation", "Materielle Kooperation"},
		"3": {"Verbal conflict", "Verbaler Konflikt"},
		"4": {"Material conflict", "Materieller Konflikt"},
	},
}

// CodeName returns the name of a code of a list in a language ("de" for
// German, anything else English): CodeName(CAMEORoot, "04", "de") is
// "Beratung". A root code written without its leading zero ("4", as a
// spreadsheet keeps it) is the same code. ok is false for a list without
// names (FIPS: the gazetteer names countries) or a code not in it.
func CodeName(list, code, lang string) (name string, ok bool) {
	names := codeNames[list]
	if names == nil {
		return "", false
	}
	code = strings.TrimSpace(code)
	n, ok := names[code]
	if !ok && list == CAMEORoot && len(code) == 1 {
		n, ok = names["0"+code]
	}
	if !ok {
		return "", false
	}
	if strings.HasPrefix(lang, "de") {
		return n.de, true
	}
	return n.en, true
}
