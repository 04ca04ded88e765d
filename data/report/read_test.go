package report

import (
	"archive/zip"
	"bytes"
	"os"
	"strings"
	"testing"
	"time"
)

// One report as text, Markdown, HTML and a Word document reads to the
// same words, without markup, scripts or styles, and gives the same
// events.
func TestReadFormats(t *testing.T) {
	want := []string{"2024-01-19 Kyiv", "2024-01-20 Kharkiv"}
	for _, name := range []string{"report.txt", "report.md", "report.html", "report.docx"} {
		text, err := ReadFile("testdata/files/" + name)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, bad := range []string{"**", "](", "<", "Paris", "Berlin", "editor's note", "title:", "Home"} {
			if strings.Contains(text, bad) {
				t.Errorf("%s: text holds %q:\n%s", name, bad, text)
			}
		}
		for _, good := range []string{"Zelenskiy met Polish Prime Minister Donald Tusk in Kyiv on Friday.", "residential area of Kharkiv, killing"} {
			if !strings.Contains(strings.Join(strings.Fields(text), " "), good) {
				t.Errorf("%s: text lacks %q:\n%s", name, good, text)
			}
		}
		var got []string
		for _, p := range Extract(text, Options{Date: time.Date(2024, 1, 21, 0, 0, 0, 0, time.UTC)}) {
			got = append(got, p.When.String()+" "+p.Place.Name)
			if text[p.Offset:p.Offset+len(p.Sentence)] != p.Sentence {
				t.Errorf("%s: offset %d does not point at the sentence %q", name, p.Offset, p.Sentence)
			}
		}
		if strings.Join(got, "; ") != strings.Join(want, "; ") {
			t.Errorf("%s: events %q, want %q", name, got, want)
		}
	}
}

// A text file in Windows-1252, as an old Windows editor saves German,
// reads with its umlauts; its line ends become "\n".
func TestReadWindows1252(t *testing.T) {
	text, err := ReadFile("testdata/files/cp1252.txt")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text, "14. März 2024 (dpa) – Der russische Außenminister") || strings.Contains(text, "\r") {
		t.Errorf("text = %q", text)
	}
	ps := Extract(text, Options{})
	if len(ps) != 1 || ps[0].When.String() != "2024-03-12" || ps[0].Place.Name != "Moscow" {
		t.Errorf("proposals %+v, want one on 2024-03-12 in Moscow", ps)
	}
}

// Standard input has no name: a Word document, HTML and text are told
// apart by their content.
func TestReadByContent(t *testing.T) {
	for _, name := range []string{"report.html", "report.docx", "report.txt"} {
		b, err := os.ReadFile("testdata/files/" + name)
		if err != nil {
			t.Fatal(err)
		}
		byName, _ := Read(name, b)
		byContent, err := Read("-", b)
		if err != nil || byContent != byName {
			t.Errorf("%s from standard input: %q, %v; want %q", name, byContent, err, byName)
		}
	}
}

// What is not a report's text is refused with one sentence that says
// what it is.
func TestReadRefuses(t *testing.T) {
	emptyZip := func(files ...string) []byte {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		for _, f := range files {
			w, _ := zw.Create(f)
			w.Write([]byte("<w:document><w:body><w:p><w:t>x"))
		}
		zw.Close()
		return buf.Bytes()
	}
	for _, tc := range []struct {
		name string
		data []byte
		want string
	}{
		{"scan.pdf", []byte("%PDF-1.7\n..."), "is a PDF document, not a report's text"},
		{"report.txt", []byte("\x89PNG\r\n\x1a\n"), "is a PNG image"},
		{"report.docx", []byte("PK\x03\x04 broken"), "not a Word document (.docx)"},
		{"report.docx", emptyZip("word/other.xml"), "has no word/document.xml"},
		{"report.docx", emptyZip("word/document.xml"), "word/document.xml"},
		{"-", []byte("GIF89a"), "is a GIF image"},
	} {
		_, err := Read(tc.name, tc.data)
		if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.HasPrefix(err.Error(), tc.name) || strings.Contains(err.Error(), "\n") {
			t.Errorf("Read(%q) error %v, want one line starting with the name and saying %q", tc.name, err, tc.want)
		}
	}
	if _, err := ReadFile("testdata/files/no-such-report.txt"); err == nil || !strings.Contains(err.Error(), "no such file") {
		t.Errorf("a missing file gives %v", err)
	}
}
