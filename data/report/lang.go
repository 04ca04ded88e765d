package report

import "strings"

// The languages Extract reads. Its word lists hold both, so a German text
// quoting English still reads; the language decides what a stop after a
// number means ("am 7. November") and which words start a title.
const (
	German  = "de"
	English = "en"
)

// DetectLang returns German or English, whichever of their commonest
// words the text uses more of; English when it has neither.
func DetectLang(text string) string {
	de, en := 0, 0
	n := 0
	for _, w := range strings.Fields(text) {
		w = strings.ToLower(strings.Trim(w, ".,;:!?\"'()„“”«»"))
		if germanCommon[w] || strings.ContainsAny(w, "äöüß") {
			de++
		}
		if englishCommon[w] {
			en++
		}
		if n++; n > 2000 {
			break
		}
	}
	if de > en {
		return German
	}
	return English
}

var germanCommon = setOf("der", "die", "das", "und", "ist", "nicht", "mit", "den", "dem", "des", "ein", "eine",
	"sich", "auf", "für", "von", "im", "zu", "wurde", "hat", "sind", "nach", "bei", "auch", "dass", "wie", "über",
	"am", "ein", "einen", "einem", "traf", "vom", "bis", "zum", "zur", "nicht", "soll", "wird", "war", "es", "er", "sie")

var englishCommon = setOf("the", "and", "is", "of", "to", "in", "that", "was", "for", "on", "with", "as", "by",
	"at", "from", "his", "her", "were", "has", "have", "said", "it", "an", "are", "be", "this", "which")
