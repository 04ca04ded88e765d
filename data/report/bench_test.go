package report

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"chronomap/data/places"
)

// benchWords is the size of the report the benchmarks read: fifty pages
// of about five hundred words.
const benchWords = 25_000

// longReport joins the test snippets, German and English, into one
// report of at least n words, paragraph after paragraph.
func longReport(t testing.TB, n int) (string, int) {
	var paras []string
	for _, dir := range []string{"testdata/snippets", "testdata/holdout"} {
		for _, s := range readSnippets(t, dir) {
			paras = append(paras, strings.TrimSpace(s.text))
		}
	}
	var b strings.Builder
	words := 0
	for i := 0; words < n; i++ {
		p := paras[i%len(paras)]
		b.WriteString(p)
		b.WriteString("\n\n")
		words += len(strings.Fields(p))
	}
	return b.String(), words
}

// distinctReport writes a report of at least n words in which every
// paragraph names other places: each country's capital, in sentences of
// both languages, so that the gazetteer is asked anew again and again.
func distinctReport(n int) (string, int) {
	var caps []string
	for _, c := range places.Countries() {
		if p, ok := places.Capital(c.Alpha2); ok {
			caps = append(caps, p.Name+"|"+c.Name)
		}
	}
	forms := []string{
		"On %s, the foreign minister of %[3]s met his counterpart in %[2]s to discuss trade and security.",
		"Am %s demonstrierten in %[2]s nach Angaben der Polizei mehrere tausend Menschen gegen die Regierung von %[3]s.",
		"Two days later, officials in %[2]s said that talks with %[3]s would resume next week.",
		"Vergangene Woche traf der Präsident von %[3]s in %[2]s Vertreter der Opposition.",
	}
	days := []string{"Monday", "Dienstag", "Friday", "Samstag"}
	var b strings.Builder
	words := 0
	for i := 0; words < n; i++ {
		name, country, _ := strings.Cut(caps[i%len(caps)], "|")
		s := fmt.Sprintf(forms[i%len(forms)], days[i%len(days)], name, country)
		b.WriteString(s)
		if i%3 == 2 {
			b.WriteString("\n\n")
		} else {
			b.WriteByte(' ')
		}
		words += len(strings.Fields(s))
	}
	return b.String(), words
}

func benchExtract(b *testing.B, text string, words int) {
	if _, err := places.Info(); err != nil { // loading the gazetteer is not what is measured
		b.Fatal(err)
	}
	opt := Options{Date: time.Date(2024, 3, 14, 0, 0, 0, 0, time.UTC)}
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	n := 0
	for b.Loop() {
		n = len(Extract(text, opt))
	}
	perReport := b.Elapsed().Seconds() / float64(b.N)
	b.ReportMetric(float64(words)/perReport, "words/s")
	b.ReportMetric(perReport, "s/report")
	b.ReportMetric(float64(n), "events")
}

// BenchmarkExtract50Pages reads a 25,000-word report made of the test
// snippets; one op is the whole report.
func BenchmarkExtract50Pages(b *testing.B) {
	text, words := longReport(b, benchWords)
	benchExtract(b, text, words)
}

// BenchmarkExtract50PagesDistinct reads a 25,000-word report whose
// paragraphs name ever other capitals and countries.
func BenchmarkExtract50PagesDistinct(b *testing.B) {
	text, words := distinctReport(benchWords)
	benchExtract(b, text, words)
}
