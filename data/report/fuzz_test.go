package report

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// FuzzExtract feeds Extract any text: it must not panic or hang, and
// every proposal must point at its sentence, have a date that ends no
// earlier than it starts, a confidence from 0 to 1 and a why for its
// date. The seed corpus is the test snippets and the edges of dates and
// names.
func FuzzExtract(f *testing.F) {
	for _, dir := range []string{"testdata/snippets", "testdata/holdout"} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
		for _, file := range files {
			b, err := os.ReadFile(file)
			if err != nil {
				f.Fatal(err)
			}
			_, text, _ := strings.Cut(string(b), "\n====\n")
			f.Add(text, "")
		}
	}
	for _, s := range []string{
		"", " ", ".", "am 31.02. in Moskau.", "Vom 5. bis 3. Oktober 2023 in Kasan.", "Am 29. Februar traf er in Jerewan ein.",
		"On Nov. 99 in Paris.", "In 999999999999 Moscow.", "seit seit seit 2015 2016", "MOSCOW, — —", "YEREVAN, Nov. 4 —",
		"Ouagadougou/Moskau (5. Februar 2024) –", "Zwei Tage später. Tags darauf. Am letzten Tag.", "„“«»()[]",
		"Georgia, Georgia, Georgia's capital", "St. St. St.", "in der russischen Hauptstadt der russischen Hauptstadt",
		"Moscow, Idaho, Moscow", "\xff\xfe\x00bad", "In January 2024 in January 2024", "the following year the following year",
		strings.Repeat("Am Dienstag in Moskau. ", 50),
	} {
		f.Add(s, "de")
		f.Add(s, "en")
	}
	f.Fuzz(func(t *testing.T, text, lang string) {
		ps := Extract(text, Options{Lang: lang, Date: time.Date(2024, 3, 14, 0, 0, 0, 0, time.UTC)})
		for _, p := range ps {
			if p.Offset < 0 || p.Offset+len(p.Sentence) > len(text) || text[p.Offset:p.Offset+len(p.Sentence)] != p.Sentence {
				t.Fatalf("sentence %q is not at offset %d of %q", p.Sentence, p.Offset, text)
			}
			if p.When.Start.IsZero() {
				t.Fatalf("a proposal without a date: %+v", p)
			}
			if from, to := p.When.Span(); to <= from {
				t.Fatalf("date %s ends before it starts", p.When)
			}
			if p.Confidence < 0 || p.Confidence > 1 {
				t.Fatalf("confidence %v", p.Confidence)
			}
			if p.Why.Date == "" {
				t.Fatalf("no why for the date: %+v", p)
			}
			if p.Place.Name != "" && (p.Place.Lat < -90 || p.Place.Lat > 90 || p.Place.Lon < -180 || p.Place.Lon > 180) {
				t.Fatalf("place %+v off the Earth", p.Place)
			}
			if utf8.ValidString(text) && !utf8.ValidString(p.Title) {
				t.Fatalf("title %q is not UTF-8", p.Title)
			}
		}
	})
}

// FuzzRead feeds Read any bytes as any kind of file: it returns text or
// an error, never panics.
func FuzzRead(f *testing.F) {
	for _, name := range []string{"report.txt", "report.md", "report.html", "report.docx", "cp1252.txt"} {
		b, err := os.ReadFile(filepath.Join("testdata/files", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(name, b)
		f.Add("-", b)
	}
	f.Add("x.html", []byte("<p>unclosed <b>tags <script>var x"))
	f.Add("x.md", []byte("---\nfront: matter\n**bold *nested* text** [a](b) ![c](d)"))
	f.Fuzz(func(t *testing.T, name string, b []byte) {
		text, err := Read(name, b)
		if err == nil {
			Extract(text, Options{})
		}
	})
}
