package dates

import "strings"

// monthNames lists, for each month, the names and abbreviations it is
// written with in English, German, French, Spanish and Russian, in lower
// case. Russian needs the genitive ("7 ноября") and prepositional ("в
// ноябре") as well as the nominative; accented words also appear without
// their accents because hand-typed sources often drop them.
var monthNames = [12][]string{
	{"january", "jan", "januar", "jänner", "jaenner", "jän", "janvier", "janv", "enero", "ene",
		"январь", "января", "январе", "янв"},
	{"february", "feb", "februar", "feber", "février", "fevrier", "févr", "fevr", "fév", "fev",
		"febrero", "февраль", "февраля", "феврале", "фев", "февр"},
	{"march", "mar", "märz", "maerz", "marz", "mär", "mrz", "mars", "marzo",
		"март", "марта", "марте"},
	{"april", "apr", "avril", "avr", "abril", "abr", "апрель", "апреля", "апреле", "апр"},
	{"may", "mai", "mayo", "май", "мая", "мае"},
	{"june", "jun", "juni", "juin", "junio", "июнь", "июня", "июне", "июн"},
	{"july", "jul", "juli", "juillet", "juil", "julio", "июль", "июля", "июле", "июл"},
	{"august", "aug", "août", "aout", "agosto", "ago", "август", "августа", "августе", "авг"},
	{"september", "sep", "sept", "septembre", "septiembre", "setiembre", "set",
		"сентябрь", "сентября", "сентябре", "сен", "сент"},
	{"october", "oct", "oktober", "okt", "octobre", "octubre", "октябрь", "октября", "октябре", "окт"},
	{"november", "nov", "novembre", "noviembre", "ноябрь", "ноября", "ноябре", "ноя", "нояб"},
	{"december", "dec", "dezember", "dez", "décembre", "decembre", "déc", "diciembre", "dic",
		"декабрь", "декабря", "декабре", "дек"},
}

// englishMonths names months in error messages.
var englishMonths = [13]string{"", "January", "February", "March", "April", "May", "June",
	"July", "August", "September", "October", "November", "December"}

// monthName returns the English name of month m, or "month m" when m is
// not 1–12.
func monthName(m int) string {
	if m >= 1 && m <= 12 {
		return englishMonths[m]
	}
	return "month " + itoa(m)
}

// MonthNumber returns the month (1–12) a name or abbreviation stands for in any
// supported language, ignoring case and a trailing dot, or 0.
func MonthNumber(name string) int {
	name = strings.TrimSuffix(strings.TrimSpace(name), ".")
	w, ok := words[strings.ToLower(name)]
	if !ok || w.kind != monthWord {
		return 0
	}
	return w.v
}
