package drawtest

import (
	"bytes"
	"encoding/xml"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// SVG decodes a whole SVG document as XML, failing the test where it is
// not well-formed, and returns how many times each <text> element's text
// occurs and how many elements of each name there are.
func SVG(t testing.TB, doc []byte) (texts, elements map[string]int) {
	t.Helper()
	texts, elements = map[string]int{}, map[string]int{}
	d := xml.NewDecoder(bytes.NewReader(doc))
	var in string
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("the SVG is not well-formed XML: %v", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			in = tok.Name.Local
			elements[in]++
		case xml.CharData:
			if in == "text" && strings.TrimSpace(string(tok)) != "" {
				texts[string(tok)]++
			}
		case xml.EndElement:
			in = ""
		}
	}
	return texts, elements
}

// PDF writes doc to a file and returns what pdfinfo says of it and the
// lines of its text layer as pdftotext extracts them, trimmed. It skips
// the test where the poppler tools are not installed.
func PDF(t testing.TB, doc []byte) (info string, lines []string) {
	t.Helper()
	for _, tool := range []string{"pdfinfo", "pdftotext"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed", tool)
		}
	}
	path := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(path, doc, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdfinfo", path).CombinedOutput()
	if err != nil {
		t.Fatalf("pdfinfo: %v\n%s", err, out)
	}
	text, err := exec.Command("pdftotext", path, "-").CombinedOutput()
	if err != nil {
		t.Fatalf("pdftotext: %v\n%s", err, text)
	}
	for _, l := range strings.Split(string(text), "\n") {
		if l = strings.TrimSpace(l); l != "" && l != "\f" {
			lines = append(lines, strings.Trim(l, "\f"))
		}
	}
	return string(out), lines
}
