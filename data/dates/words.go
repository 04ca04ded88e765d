package dates

// wordKind is what a word in a written date does.
type wordKind uint8

const (
	monthWord   wordKind = iota + 1
	weekdayWord          // skipped: "Tuesday, 7 November 2023"
	fillerWord           // skipped: "7 de noviembre de 2023", "7 ноября 2023 г."
	bcWord               // an era before Christ
	adWord               // an era after Christ
	amWord               // "am", "a.m."; also German "am" (on) when no hour precedes it
	pmWord               // "pm", "p.m."
	hourWord             // "Uhr", "h": the number before it is an hour
	utcWord              // "UTC", "GMT", "Z"
)

type word struct {
	kind wordKind
	v    int // the month, for monthWord
}

// eraWords are the era markers with their dots, spaces and hyphens taken
// out and the letters run together: "v. Chr." is "vchr", "av. J.-C." is
// "avjc", "до н. э." is "донэ", "a. de C." is "adec".
var eraWords = map[string]wordKind{
	"bc": bcWord, "bce": bcWord, "vchr": bcWord, "vuz": bcWord, "avjc": bcWord,
	"ac": bcWord, "adec": bcWord, "aec": bcWord, "донэ": bcWord, "дорх": bcWord,
	"ad": adWord, "ce": adWord, "nchr": adWord, "nuz": adWord, "apjc": adWord,
	"dc": adWord, "ddec": adWord, "нэ": adWord,
}

var weekdays = []string{
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
	"montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonnabend", "sonntag",
	"mo", "di", "mi", "do", "fr", "sa", "so",
	"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
	"lun", "mer", "jeu", "ven", "sam", "dim", // not "mar": that is March
	"lunes", "martes", "miércoles", "miercoles", "jueves", "viernes", "sábado", "sabado", "domingo",
	"mié", "mie", "jue", "vie", "sáb", "sab", "dom",
	"понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье",
	"пн", "вт", "ср", "чт", "пт", "сб", "вс",
}

// fillers are the small words written between the parts of a date.
var fillers = []string{
	"de", "del", "of", "the", "at", "on", "in", "um", "im", "à", "a", "las", "la", "le", "el", "en",
	"from", "von", "vom", "du", "desde", "г", "гг", "год", "года", "го", "в", "с",
}

// words maps every known word of a written date, in lower case, to what it
// does. Multi-word era markers are in eraWords.
var words = buildWords()

func buildWords() map[string]word {
	m := make(map[string]word, 300)
	for i, names := range monthNames {
		for _, n := range names {
			m[n] = word{kind: monthWord, v: i + 1}
		}
	}
	for _, w := range weekdays {
		m[w] = word{kind: weekdayWord}
	}
	for _, w := range fillers {
		m[w] = word{kind: fillerWord}
	}
	for w, k := range eraWords {
		m[w] = word{kind: k}
	}
	m["am"] = word{kind: amWord}
	m["pm"] = word{kind: pmWord}
	m["uhr"] = word{kind: hourWord}
	m["h"] = word{kind: hourWord}
	for _, w := range []string{"utc", "gmt", "z"} {
		m[w] = word{kind: utcWord}
	}
	return m
}

// joinedWord returns the kind of a run of words written together with dots
// or spaces ("v. Chr.", "a.m."), which only era markers and am/pm may be.
func joinedWord(w string) wordKind {
	if k, ok := eraWords[w]; ok {
		return k
	}
	switch w {
	case "am":
		return amWord
	case "pm":
		return pmWord
	}
	return 0
}
