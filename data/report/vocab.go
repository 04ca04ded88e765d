package report

import "strings"

// notNames are capitalised words that are never a place's or a person's
// name where they stand: function words that open sentences, months and
// days, and titles. Both languages are in one list; a German text quotes
// English and the other way round.
var notNames = setOf(
	// German
	"der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "eines", "einem", "einen", "und", "oder", "aber",
	"auch", "als", "am", "an", "auf", "aus", "bei", "beim", "bis", "durch", "für", "gegen", "im", "in", "ins", "mit",
	"nach", "nahe", "neben", "ohne", "seit", "über", "um", "unter", "vom", "von", "vor", "während", "wegen", "zu",
	"zum", "zur", "es", "er", "sie", "wir", "ihr", "ich", "man", "sich", "sein", "seine", "ihre", "dieser", "diese",
	"dieses", "diesem", "diesen", "wie", "wo", "was", "wer", "wann", "dass", "ob", "weil", "wenn", "dann", "doch",
	"noch", "nur", "schon", "mehr", "viele", "alle", "beide", "beiden", "laut", "zufolge", "dabei", "dazu", "damit",
	"daher", "deshalb", "trotz", "jedoch", "zudem", "außerdem", "bereits", "erneut", "kein", "keine", "nicht",
	"quellen", "quelle", "foto", "bild", "symbolbild", "stand", "veröffentlicht", "aktualisiert", "heute", "gestern",
	"morgen", "woche", "monat", "jahr", "tag", "tage", "nacht", "zwei", "drei", "vier", "fünf", "mehrere", "einige",
	"nun", "so", "da", "hier", "dort", "wurde", "wurden", "ist", "sind", "war", "waren", "hat", "haben", "soll",
	"westen", "osten", "süden", "norden", "region", "land", "länder", "staat", "staaten", "stadt", "hauptstadt",
	"regierung", "armee", "polizei", "angaben", "berichten", "bericht", "berichte", "treffen", "gespräche",
	// English
	"the", "a", "an", "and", "or", "but", "also", "as", "at", "on", "into", "of", "to", "from", "by", "for", "with",
	"without", "since", "until", "after", "before", "during", "against", "among", "about", "over", "under", "it",
	"he", "she", "they", "we", "i", "you", "his", "her", "their", "its", "our", "this", "that", "these", "those",
	"who", "which", "what", "when", "where", "why", "how", "there", "here", "then", "than", "not", "no", "all",
	"both", "two", "three", "four", "five", "first", "second", "last", "next", "new", "said", "says", "according",
	"earlier", "later", "today", "yesterday", "tomorrow", "week", "month", "year", "day", "night", "overnight",
	"published", "updated", "posted", "sources", "source", "photo", "image", "read", "more", "some", "many",
	"tens", "thousands", "hundreds", "dozens", "one", "most", "air", "west", "east", "north", "south", "state",
	"city", "capital", "region", "government", "police", "meeting", "talks", "while", "if", "so", "once",
	"mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "brig", "sgt", "capt", "adm", "st",
	"president", "minister", "prime", "general", "secretary", "governor", "commander", "chief", "deputy",
	"university", "port", "airport", "hall", "square", "street", "avenue", "no", "yes",
	"präsident", "minister", "kanzler", "general", "gouverneur", "oberst", "brigadegeneral", "generalleutnant",
)

// isNotName reports whether a word cannot be a name: notNames, the days
// and months.
func isNotName(t token) bool {
	if notNames[t.lower] {
		return true
	}
	if d, _ := weekdayOf(t.lower); d != 0 {
		return true
	}
	return nameMonths[t.lower]
}

// nameMonths are the English and German months, which are no names; the
// months of other languages may be ("Julio Avilés").
var nameMonths = setOf("january", "february", "march", "april", "may", "june", "july", "august", "september",
	"october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
	"dec", "januar", "jänner", "februar", "märz", "mai", "juni", "juli", "oktober", "okt", "dezember", "dez")

// articles are the words between a preposition and a name: "in der
// Stadt", "at the port of".
var articles = setOf("der", "die", "das", "dem", "den", "des", "the", "a", "an", "ein", "eine", "einer", "einem", "eines")

// placeNouns are the words for a settlement or area before its name:
// "die Hafenstadt Odessa", "the city of León".
var placeNouns = setOf(
	"stadt", "hafenstadt", "hauptstadt", "großstadt", "kleinstadt", "grenzstadt", "metropole", "ortschaft", "ort",
	"dorf", "gemeinde", "region", "provinz", "gebiet", "oblast", "bezirk", "bundesstaat", "us-bundesstaat",
	"city", "town", "village", "port", "capital", "province", "district", "region", "state", "oblast", "area",
	"outskirts", "suburb", "suburbs", "centre", "center", "streets",
)

// prepositions say how surely an event happened at a place named after
// them, and how it stands to it: at it, towards it, from it.
var prepositions = map[string]struct {
	weight float64
	role   string
}{
	"in": {1, roleAt}, "im": {1, roleAt}, "at": {1, roleAt}, "inside": {1, roleAt}, "within": {1, roleAt},
	"innerhalb": {1, roleAt}, "near": {0.95, roleAt}, "nahe": {0.95, roleAt}, "bei": {0.95, roleAt},
	"beim": {0.95, roleAt}, "around": {0.95, roleAt}, "through": {0.95, roleAt}, "across": {0.9, roleAt},
	"throughout": {0.9, roleAt}, "durch": {0.9, roleAt}, "rund": {0.9, roleAt}, "outside": {0.85, roleAt},
	"außerhalb": {0.85, roleAt}, "auf": {0.85, roleAt}, "on": {0.85, roleAt}, "über": {0.8, roleAt},
	"nach": {0.85, roleTowards}, "to": {0.8, roleTowards}, "into": {0.9, roleTowards},
	"towards": {0.4, roleTowards}, "toward": {0.4, roleTowards}, "richtung": {0.4, roleTowards},
	"aus": {0.55, roleFrom}, "from": {0.55, roleFrom}, "von": {0.55, roleFrom},
	"against": {0.8, roleAt}, "gegen": {0.6, roleAt},
	"including": {0.7, roleAt}, "darunter": {0.7, roleAt}, "einschließlich": {0.7, roleAt}, "as": {0.6, roleAt},
	"zwischen": {0.5, roleAt}, "between": {0.5, roleAt}, "and": {0.5, roleAt}, "und": {0.5, roleAt},
}

// nameConnectors are the small words inside place names: "Rostow am
// Don", "Castilla y León", "Stratford upon Avon".
var nameConnectors = setOf("am", "an", "der", "de", "del", "la", "le", "les", "on", "upon", "sur", "na", "y", "and", "und", "of", "el", "al")

// countryCodes are the upper-case abbreviations read as countries where
// they stand alone: others ("AM", "IS", "IT") are words or names too.
var countryCodes = map[string]string{"US": "US", "USA": "US", "U.S.": "US", "U.S.A.": "US", "UK": "GB", "U.K.": "GB", "UAE": "AE", "VAE": "AE", "DRC": "CD"}

// agencies are the news agencies a dateline names in brackets.
var agencies = setOf("dpa", "ap", "afp", "reuters", "apa", "epd", "kna", "sda", "ans", "tass", "ria", "interfax", "efe", "ansa", "xinhua", "upi", "bloomberg", "rtr")

// Speech and stance verbs: a sentence with one of these, whose subject
// was in the event before, says what was said there or about it.
var speechVerbs = setOf(
	"betonte", "betonten", "sagte", "sagten", "erklärte", "erklärten", "äußerte", "äußerten", "warnte", "warnten",
	"forderte", "forderten", "kritisierte", "kritisierten", "bekräftigte", "behauptete", "behaupteten", "kündigte",
	"versicherte", "unterstrich", "bezeichnete", "sprach", "meinte", "schrieb", "teilte", "verurteilte",
	"said", "says", "stressed", "emphasised", "emphasized", "warned", "told", "added", "argued", "claimed",
	"called", "insisted", "reiterated", "announced", "wrote", "noted", "accused", "condemned", "urged", "vowed",
)

// reactionVerbs take a dated event as their object: "reagierte auf ein
// Treffen am 3. November", "reacted to a meeting on Nov. 3".
var reactionVerbs = setOf("reagierte", "reagierten", "reacted", "responded", "antwortete", "kommentierte", "commented")

// eventNouns are what happens on a date: "ein Treffen am 3. November".
var eventNouns = setOf("treffen", "besuch", "gespräch", "gespräche", "angriff", "anschlag", "erklärung", "rede",
	"meeting", "visit", "talks", "attack", "strike", "statement", "speech", "summit", "gipfel", "konferenz", "conference")

// meetingWords say that people met: a meeting without a place named took
// place at home of the one who received the other, as a reader assumes.
var meetingWords = setOf("traf", "trafen", "treffen", "empfing", "empfingen", "empfangen", "zusammen", "gespräch",
	"gespräche", "unterredung", "met", "meet", "meets", "meeting", "meetings", "talks", "hosted", "received", "welcomed")

// futureWords say that a clause tells what is to happen: "soll", "will"
// (in German it wants, which is a plan too).
var futureWords = setOf("soll", "sollen", "will", "wollen", "werde", "werden", "wird", "plant", "planen", "geplant",
	"beabsichtigt", "vorgesehen", "'ll", "shall", "scheduled", "planned", "plans", "expected", "due", "upcoming")

// pastMarkers undo a future word in the same clause: "wurde", "hat ... soll"
// are rare; "was to" and "would" tell of the past.
var pastMarkers = setOf("wurde", "wurden", "worden", "hatte", "hatten", "was", "were", "had", "would")

// pastVerbs are common irregular past forms, which no ending gives away.
var pastVerbs = setOf("traf", "trafen", "kam", "kamen", "fand", "fanden", "ging", "gingen", "gab", "sprach", "rief",
	"griff", "griffen", "fiel", "fielen", "flog", "flogen", "zog", "zogen", "hielt", "hielten", "sah", "nahm", "nahmen",
	"stand", "lag", "begann", "begannen", "drang", "drangen", "schoss", "verließ", "berief", "unterzeichneten",
	"met", "said", "told", "went", "came", "took", "left", "held", "fled", "struck", "began", "won", "lost", "saw",
	"made", "found", "gave", "led", "fell", "flew", "sent", "shot", "spoke", "wrote", "broke", "drove", "ran", "rose",
	"stood", "threw", "fought", "caught", "brought", "built", "kept", "knew", "tore", "died", "hit", "set")

// germanOrdinals end like past verbs: "die zweite Runde".
var germanOrdinals = setOf("zweite", "zweiten", "dritte", "dritten", "vierte", "vierten", "fünfte", "fünften", "sechste",
	"achte", "achten", "neunte", "zehnte", "siebte", "gute", "guten", "weite", "weiten", "breite", "späte", "späten",
	"harte", "harten", "rechte", "rechten", "echte", "leichte", "schlechte", "mittlere", "halbe", "halben", "konkrete",
	"bekannte", "bekannten", "sogenannte", "sogenannten", "gezielte", "gezielten", "geplante", "geplanten")

// cancelWords say a planned event did not take place.
var cancelWords = setOf("abgesagt", "cancelled", "canceled", "verschoben", "postponed", "scrapped", "gestrichen")

// backReferences point to a place named before: "dort", "there", "die
// Basis", "the city".
var backReferences = setOf("dort", "dorthin", "there", "basis", "stadt", "city", "town", "base", "ort", "area", "village", "dorf", "region", "gegend", "umgebung")

// regionNouns make the name after them a region, whose city of the same
// name is not where things happened: "das Gebiet Kursk".
var regionNouns = setOf("gebiet", "region", "provinz", "oblast", "bezirk", "bundesstaat", "us-bundesstaat", "province", "district", "state", "regionen",
	"krai", "kraj", "raion", "rayon", "governorate", "county", "oblasts", "regions")

// actionVerbs take a place as their object: "shelling Stepanakert",
// "besuchte Lwiw".
var actionVerbs = setOf("shelling", "shelled", "attacked", "attacking", "struck", "striking", "hit", "hitting", "bombed",
	"bombing", "captured", "seized", "entered", "visited", "visiting", "reached", "targeted", "targeting", "liberated",
	"stormed", "raided", "besuchte", "besuchten", "beschoss", "beschossen", "eroberte", "eroberten", "erreichte",
	"erreichten", "bombardierte", "angriff", "verließ", "left", "leaving", "toured")

// publicationWords say a date is the report's own: "Veröffentlicht am".
var publicationWords = setOf("veröffentlicht", "aktualisiert", "erschienen", "stand", "datum", "published", "updated",
	"posted", "modified", "date", "dated", "copyright", "©")

// clauseWords start a clause of their own, which a date does not cross.
var clauseWords = setOf("dass", "that", "which", "welche", "welcher", "who", "weil", "because", "nachdem",
	"bevor", "while", "während", "where", "wo", "when", "and", "und", "but", "aber", "after", "before")

// actorHeads are the English words for people, offices, forces and bodies
// that act in events.
var actorHeads = setOf(
	"minister", "ministers", "president", "commander", "chief", "general", "spokesman", "spokeswoman", "spokesperson",
	"ambassador", "governor", "chancellor", "leader", "leaders", "officials", "official", "forces", "troops", "army",
	"police", "militants", "fighters", "rebels", "protesters", "demonstrators", "farmers", "students", "residents",
	"gunmen", "ministry", "government", "junta", "military", "navy", "guard", "command", "secretary", "premier",
	"mayor", "delegation", "authorities", "soldiers", "opposition", "prosecutors", "court", "parliament", "council",
	"blogger", "bloggers", "milblogger", "diplomats", "envoy", "activists", "organisers", "organizers", "groups",
	"workers", "militia", "force", "people", "citizens", "unions", "agency", "service", "coalition", "officers", "officer",
)

// germanHeads are the endings of German words for the same: compounds end
// in them ("Verteidigungsminister", "Armeekommandanten", "Militärblogger").
var germanHeads = []string{
	"minister", "ministers", "ministerin", "präsident", "präsidenten", "präsidentin", "kommandeur", "kommandeurs",
	"kommandant", "kommandanten", "chef", "chefs", "chefin", "general", "generals", "generalleutnant", "sprecher",
	"sprecherin", "botschafter", "gouverneur", "kanzler", "kanzlerin", "blogger", "bürgermeister", "regierung",
	"ministerium", "ministeriums", "armee", "streitkräfte", "truppen", "polizei", "soldaten", "rebellen",
	"demonstranten", "studenten", "landwirte", "anwohner", "behörden", "junta", "delegation", "führung",
	"parlament", "präsidentschaft", "amtskollegen", "amtskollege", "berater", "vertretern", "vertreter",
	"teilnehmer", "kämpfer", "milizen", "aktivisten", "opposition", "generalstabs", "generalstab", "menschen",
	"rettungskräfte", "ausbilder", "militärausbilder", "sekretäre", "regierungschef", "oberst", "brigadegeneral",
	"informationslandschaft", "organisation", "menschenrechtsorganisation",
}

// isActorHead reports whether a word names people, an office or a body.
func isActorHead(t token) bool {
	if t.kind != tWord {
		return false
	}
	if actorHeads[t.lower] {
		return true
	}
	if !t.upper {
		return false
	}
	for _, h := range germanHeads {
		if strings.HasSuffix(t.lower, h) {
			return true
		}
	}
	return false
}
