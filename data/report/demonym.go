package report

import "strings"

// germanDemonyms are the stems of German adjectives of countries, as
// "russisch" in "der russische Verteidigungsminister"; the endings -e,
// -en, -er, -es, -em follow.
var germanDemonyms = map[string]string{
	"afghanisch": "AF", "ägyptisch": "EG", "albanisch": "AL", "algerisch": "DZ", "amerikanisch": "US",
	"angolanisch": "AO", "argentinisch": "AR", "armenisch": "AM", "aserbaidschanisch": "AZ", "äthiopisch": "ET",
	"australisch": "AU", "belarussisch": "BY", "weißrussisch": "BY", "belgisch": "BE", "beninisch": "BJ",
	"bolivianisch": "BO", "bosnisch": "BA", "brasilianisch": "BR", "britisch": "GB", "bulgarisch": "BG",
	"burkinisch": "BF", "burundisch": "BI", "chilenisch": "CL", "chinesisch": "CN", "dänisch": "DK",
	"deutsch": "DE", "emiratisch": "AE", "eritreisch": "ER", "estnisch": "EE", "finnisch": "FI",
	"französisch": "FR", "georgisch": "GE", "ghanaisch": "GH", "griechisch": "GR", "guineisch": "GN",
	"indisch": "IN", "indonesisch": "ID", "irakisch": "IQ", "iranisch": "IR", "irisch": "IE",
	"isländisch": "IS", "israelisch": "IL", "italienisch": "IT", "ivorisch": "CI", "japanisch": "JP",
	"jemenitisch": "YE", "jordanisch": "JO", "kamerunisch": "CM", "kanadisch": "CA", "kasachisch": "KZ",
	"katarisch": "QA", "kenianisch": "KE", "kirgisisch": "KG", "kolumbianisch": "CO", "kongolesisch": "CD",
	"nordkoreanisch": "KP", "südkoreanisch": "KR", "kroatisch": "HR", "kubanisch": "CU", "lettisch": "LV",
	"libanesisch": "LB", "libysch": "LY", "litauisch": "LT", "malisch": "ML", "marokkanisch": "MA",
	"mauretanisch": "MR", "mexikanisch": "MX", "moldauisch": "MD", "mongolisch": "MN", "mosambikanisch": "MZ",
	"nicaraguanisch": "NI", "niederländisch": "NL", "nigerianisch": "NG", "nigrisch": "NE", "norwegisch": "NO",
	"österreichisch": "AT", "pakistanisch": "PK", "palästinensisch": "PS", "polnisch": "PL", "portugiesisch": "PT",
	"ruandisch": "RW", "rumänisch": "RO", "russisch": "RU", "saudisch": "SA", "schwedisch": "SE",
	"schweizerisch": "CH", "senegalesisch": "SN", "serbisch": "RS", "slowakisch": "SK", "slowenisch": "SI",
	"somalisch": "SO", "spanisch": "ES", "sudanesisch": "SD", "südafrikanisch": "ZA", "syrisch": "SY",
	"tadschikisch": "TJ", "togoisch": "TG", "tschadisch": "TD", "tschechisch": "CZ", "tunesisch": "TN",
	"türkisch": "TR", "turkmenisch": "TM", "ugandisch": "UG", "ukrainisch": "UA", "ungarisch": "HU",
	"usbekisch": "UZ", "venezolanisch": "VE", "vietnamesisch": "VN", "zentralafrikanisch": "CF", "zyprisch": "CY",
}

// englishDemonyms are English adjectives of countries, in lower case.
var englishDemonyms = map[string]string{
	"afghan": "AF", "egyptian": "EG", "albanian": "AL", "algerian": "DZ", "american": "US", "angolan": "AO",
	"argentine": "AR", "argentinian": "AR", "armenian": "AM", "azerbaijani": "AZ", "azeri": "AZ",
	"ethiopian": "ET", "australian": "AU", "belarusian": "BY", "belarussian": "BY", "belgian": "BE",
	"beninese": "BJ", "bolivian": "BO", "bosnian": "BA", "brazilian": "BR", "british": "GB", "bulgarian": "BG",
	"burkinabe": "BF", "burkinabè": "BF", "burundian": "BI", "chilean": "CL", "chinese": "CN", "danish": "DK",
	"german": "DE", "emirati": "AE", "eritrean": "ER", "estonian": "EE", "finnish": "FI", "french": "FR",
	"georgian": "GE", "ghanaian": "GH", "greek": "GR", "guinean": "GN", "indian": "IN", "indonesian": "ID",
	"iraqi": "IQ", "iranian": "IR", "irish": "IE", "israeli": "IL", "italian": "IT", "ivorian": "CI",
	"japanese": "JP", "yemeni": "YE", "jordanian": "JO", "cameroonian": "CM", "canadian": "CA", "kazakh": "KZ",
	"qatari": "QA", "kenyan": "KE", "kyrgyz": "KG", "colombian": "CO", "congolese": "CD", "croatian": "HR",
	"cuban": "CU", "latvian": "LV", "lebanese": "LB", "libyan": "LY", "lithuanian": "LT", "malian": "ML",
	"moroccan": "MA", "mauritanian": "MR", "mexican": "MX", "moldovan": "MD", "mongolian": "MN",
	"mozambican": "MZ", "nicaraguan": "NI", "dutch": "NL", "nigerian": "NG", "nigerien": "NE",
	"norwegian": "NO", "austrian": "AT", "pakistani": "PK", "palestinian": "PS", "polish": "PL",
	"portuguese": "PT", "rwandan": "RW", "romanian": "RO", "russian": "RU", "saudi": "SA", "swedish": "SE",
	"swiss": "CH", "senegalese": "SN", "serbian": "RS", "slovak": "SK", "slovenian": "SI", "somali": "SO",
	"spanish": "ES", "sudanese": "SD", "syrian": "SY", "tajik": "TJ", "togolese": "TG", "chadian": "TD",
	"czech": "CZ", "tunisian": "TN", "turkish": "TR", "turkmen": "TM", "ugandan": "UG", "ukrainian": "UA",
	"hungarian": "HU", "uzbek": "UZ", "venezuelan": "VE", "vietnamese": "VN", "u.s.": "US", "us": "US",
	"u.k.": "GB", "uk": "GB",
}

// englishTwoWord are the demonyms of two words, keyed by the first.
var englishTwoWord = map[string]map[string]string{
	"north":   {"korean": "KP"},
	"south":   {"korean": "KR", "african": "ZA", "sudanese": "SS"},
	"central": {"african": "CF"},
	"saudi":   {"arabian": "SA"},
}

// institutions are names that stand for a country's government.
var institutions = map[string]string{
	"kreml": "RU", "kremlin": "RU", "pentagon": "US", "élysée": "FR", "elysee": "FR", "downing": "GB",
}

// germanEndings are the endings of a declined German adjective, longest
// first.
var germanEndings = []string{"en", "er", "es", "em", "e", ""}

// compassPrefixes turn "nordspanisch" into "spanisch": a region of the
// country, still the country.
var compassPrefixes = []string{"nord", "süd", "ost", "west", "zentral", "north-", "south-", "east-", "west-", "mittel"}

// demonym returns the country an adjective names, in German ("russische",
// "nordspanischen", "US-armenischen": the last part) or English
// ("Russian", "U.S."), and whether it is one. English adjectives of
// countries are written with a capital, so upper says whether the word
// was: "us" is a pronoun, "US" a country.
func demonym(word string, upper bool) (string, bool) {
	w := strings.ToLower(word)
	if cc, ok := englishDemonyms[w]; ok && upper {
		return cc, true
	}
	if i := strings.LastIndexAny(w, "-‐"); i > 0 && i+1 < len(w) {
		if cc, ok := demonym(w[i+1:], true); ok {
			return cc, true
		}
	}
	if cc, ok := germanDemonym(w); ok {
		return cc, true
	}
	for _, p := range compassPrefixes {
		if rest, ok := strings.CutPrefix(w, p); ok && len(rest) > 3 {
			if cc, ok := germanDemonym(rest); ok {
				return cc, true
			}
		}
	}
	return "", false
}

func germanDemonym(w string) (string, bool) {
	for _, e := range germanEndings {
		if stem, ok := strings.CutSuffix(w, e); ok {
			if cc, ok := germanDemonyms[stem]; ok {
				return cc, true
			}
		}
	}
	return "", false
}

// twoWordDemonym reads "North Korean", "South African" at a and b.
func twoWordDemonym(a, b token) (string, bool) {
	if !a.upper || !b.upper {
		return "", false
	}
	cc, ok := englishTwoWord[a.lower][b.lower]
	return cc, ok
}
