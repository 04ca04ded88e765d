package window

import (
	"embed"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	_ "chronomap/app/locale" // C means English, before Fyne reads the locale: see the package doc
	"chronomap/app/number"
	"chronomap/data/dates"
	"chronomap/data/events"
	"chronomap/data/frame"
)

// The window speaks English and German. Every text it shows goes through
// lang.L with the English text as the key, so that English needs no
// lookup and a translation file only adds entries; translations/en.json
// lists the keys for translators, translations/de.json gives the German.
//
// Fyne picks the language once translations are added, from the
// environment as gettext reads it (LANGUAGE, LC_ALL, LC_MESSAGES, LANG),
// matched against the languages it has files for; app/locale turns the C
// locale into English before that. A language without a file here (French,
// say) falls back to the English text while Fyne's own dialogs speak it.
//
// Keys are English text, except for words go-i18n reserves in its files
// ("description", "id", "one", "other", …): as keys they would make it
// read the whole file as one message, so those go through lang.X with a
// "role." prefix.
//
// Numbers are grouped and pointed as the language writes them: the
// translation of "number.group" and "number.decimal" ("," and "." in
// English, "." and "," in German).

//go:embed translations
var translations embed.FS

func init() {
	if err := addTranslations(); err != nil {
		fyne.LogError("window: cannot read the translations", err)
	}
}

// addTranslations registers the window's translations, which also makes
// Fyne choose the language again from the environment.
func addTranslations() error {
	return lang.AddTranslationsFS(translations, "translations")
}

// uiLanguage is the language the interface speaks, as data/dataset and
// data/frame name languages: "de" for German, "" for English.
func uiLanguage() string {
	if l := lang.SystemLocale().LanguageString(); len(l) >= 2 && l[:2] == "de" {
		return "de"
	}
	return ""
}

// plural is one for n == 1, else other with n (thousands grouped) in
// place of its %s: "1 row", "1,200 rows". English and German need no more
// forms than these two.
func plural(n int, one, other string) string {
	if n == 1 {
		return lang.L(one)
	}
	return fmt.Sprintf(lang.L(other), thousands(n))
}

// marks are the separators the interface language writes numbers with.
func marks() number.Marks {
	return number.Marks{Group: lang.X("number.group", ","), Decimal: lang.X("number.decimal", ".")}
}

// thousands writes n with its digits grouped in threes, as the language
// groups them: "1,000,000" in English, "1.000.000" in German.
func thousands(n int) string { return marks().Int(n) }

// reason is a problem's reason as the problems list shows it. The data
// packages give it in English, which `chronomap inspect --json` keeps;
// the window translates it here, with the reason as the key.
func reason(r string) string { return lang.L(r) }

// roleName names a role ("start", "place") as the table's headers and the
// event card show it.
func roleName(r string) string {
	switch events.Role(r) {
	case events.Start:
		return lang.X("role.start", "start")
	case events.End:
		return lang.X("role.end", "end")
	case events.Lat:
		return lang.X("role.lat", "lat")
	case events.Lon:
		return lang.X("role.lon", "lon")
	case events.Coords:
		return lang.X("role.coords", "coords")
	case events.Place:
		return lang.X("role.place", "place")
	case events.Country:
		return lang.X("role.country", "country")
	case events.Title:
		return lang.X("role.title", "title")
	case events.Description:
		return lang.X("role.description", "description")
	case events.Category:
		return lang.X("role.category", "category")
	case events.Actor:
		return lang.X("role.actor", "actor")
	case events.Source:
		return lang.X("role.source", "source")
	case events.URL:
		return lang.X("role.url", "url")
	case events.ID:
		return lang.X("role.id", "id")
	}
	return r // a role added to events but not yet named here
}

// kindName names what a column holds, as the table's header shows it.
func kindName(k frame.Kind) string {
	switch k {
	case frame.Integer:
		return lang.L("integer")
	case frame.Number:
		return lang.L("number")
	}
	return lang.L("text")
}

// precisionName names how finely a date is known, as the event card
// shows it.
func precisionName(p dates.Precision) string {
	switch p {
	case dates.Year:
		return lang.L("year")
	case dates.Month:
		return lang.L("month")
	case dates.Day:
		return lang.L("day")
	case dates.Hour:
		return lang.L("hour")
	case dates.Minute:
		return lang.L("minute")
	case dates.Second:
		return lang.L("second")
	}
	return p.String()
}
