package deck

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/xml"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// soffice converts the deck in dir to format with LibreOffice, in a
// profile of its own so it neither waits for nor disturbs another
// running LibreOffice. It skips the test where LibreOffice is missing.
func soffice(t *testing.T, dir, pptx, format string) string {
	t.Helper()
	bin, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("LibreOffice (soffice) is not installed")
	}
	if testing.Short() {
		t.Skip("LibreOffice conversion skipped in -short mode")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	profile := "file://" + filepath.ToSlash(filepath.Join(dir, "profile"))
	out := filepath.Join(dir, format)
	cmd := exec.CommandContext(ctx, bin, "-env:UserInstallation="+profile, "--headless",
		"--convert-to", format, "--outdir", out, pptx)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	msg, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("soffice --convert-to %s: %v\n%s", format, err, msg)
	}
	name := filepath.Join(out, strings.TrimSuffix(filepath.Base(pptx), ".pptx")+"."+format)
	if _, err := os.Stat(name); err != nil {
		t.Fatalf("soffice --convert-to %s wrote no %s:\n%s", format, name, msg)
	}
	return name
}

// writeDeckFile writes the sample deck as dir/deck.pptx.
func writeDeckFile(t *testing.T, dir string) (string, Deck) {
	t.Helper()
	d := sampleDeck(t)
	name := filepath.Join(dir, "deck.pptx")
	if err := os.WriteFile(name, writeDeck(t, d), 0o644); err != nil {
		t.Fatal(err)
	}
	return name, d
}

// TestLibreOfficePDF: Impress opens the deck and prints one 16:9 page a
// slide, with the visible title in the text layer.
func TestLibreOfficePDF(t *testing.T) {
	dir := t.TempDir()
	pptx, d := writeDeckFile(t, dir)
	pdf := soffice(t, dir, pptx, "pdf")
	if _, err := exec.LookPath("pdfinfo"); err != nil {
		t.Skip("pdfinfo (poppler-utils) is not installed")
	}
	info, err := exec.Command("pdfinfo", pdf).Output()
	if err != nil {
		t.Fatalf("pdfinfo: %v", err)
	}
	m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)$`).FindSubmatch(info)
	if m == nil || string(m[1]) != strconv.Itoa(len(d.Slides)) {
		t.Errorf("the PDF has pages %q, want %d:\n%s", m, len(d.Slides), info)
	}
	// 13.333 × 7.5 in is 960 × 540 pt.
	if !regexp.MustCompile(`(?m)^Page size:\s+960(\.\d+)? x 540(\.\d+)? pts`).Match(info) {
		t.Errorf("the PDF's pages are not 16:9 960×540 pt:\n%s", info)
	}
	if !bytes.Contains(info, []byte("Lagebild <Ost> – Ärger & Москва")) {
		t.Errorf("the PDF's title is not the deck's:\n%s", info)
	}
	text, err := exec.Command("pdftotext", "-enc", "UTF-8", pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	// Slide 3 has no picture, so its title is on the slide.
	if !bytes.Contains(text, []byte("Zwei Zeilen\nzweite Zeile")) {
		t.Errorf("the visible title of slide 3 is not in the PDF's text:\n%s", text)
	}
}

// TestLibreOfficeODP: converted to OpenDocument, every page has the
// slide's title as a title placeholder and its notes as notes text —
// that is what Impress's outline and notes views show.
func TestLibreOfficeODP(t *testing.T) {
	dir := t.TempDir()
	pptx, d := writeDeckFile(t, dir)
	odp := soffice(t, dir, pptx, "odp")
	z, err := zip.OpenReader(odp)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	var content []byte
	for _, f := range z.File {
		if f.Name == "content.xml" {
			r, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			content, err = io.ReadAll(r)
			r.Close()
			if err != nil {
				t.Fatal(err)
			}
		}
	}
	pages, err := odpPages(content)
	if err != nil {
		t.Fatalf("content.xml: %v", err)
	}
	if len(pages) != len(d.Slides) {
		t.Fatalf("Impress read %d pages, want %d", len(pages), len(d.Slides))
	}
	want := []odpPage{
		{title: cleanTitle, notes: cleanNotes},
		{title: "Second scene"},
		{title: "Zwei Zeilen\nzweite Zeile", notes: "Title-only slide: the title is shown."},
		{title: "Square picture"},
	}
	for i, w := range want {
		if pages[i] != w {
			t.Errorf("page %d reads as\n%+v\nwant\n%+v", i+1, pages[i], w)
		}
	}
}

// odpPage is the text of one page of an OpenDocument presentation.
type odpPage struct{ title, notes string }

// odpPages reads the title frame and the notes frame of each draw:page.
// Paragraphs join with \n; text:s, text:tab and text:line-break become
// the spaces, tab and line end they stand for.
func odpPages(content []byte) ([]odpPage, error) {
	const presNS = "urn:oasis:names:tc:opendocument:xmlns:presentation:1.0"
	var pages []odpPage
	var cur *strings.Builder // the frame being read, nil outside one
	curClass := ""
	frameDepth, depth, paras, inP := 0, 0, 0, 0
	inNotes := false
	dec := xml.NewDecoder(bytes.NewReader(content))
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return pages, nil
		}
		if err != nil {
			return nil, err
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			depth++
			switch tok.Name.Local {
			case "page":
				if tok.Name.Space == "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" {
					pages = append(pages, odpPage{})
				}
			case "notes":
				inNotes = tok.Name.Space == presNS
			case "frame":
				class := ""
				for _, a := range tok.Attr {
					if a.Name.Space == presNS && a.Name.Local == "class" {
						class = a.Value
					}
				}
				if len(pages) > 0 && cur == nil &&
					(class == "title" && !inNotes || class == "notes" && inNotes) {
					cur, curClass, frameDepth, paras = new(strings.Builder), class, depth, 0
				}
			case "p":
				if cur != nil {
					if paras > 0 {
						cur.WriteByte('\n')
					}
					paras++
					inP++
				}
			case "s":
				if cur != nil {
					n := 1
					for _, a := range tok.Attr {
						if a.Name.Local == "c" {
							n, _ = strconv.Atoi(a.Value)
						}
					}
					cur.WriteString(strings.Repeat(" ", n))
				}
			case "tab":
				if cur != nil {
					cur.WriteByte('\t')
				}
			case "line-break":
				if cur != nil {
					cur.WriteByte('\n')
				}
			}
		case xml.EndElement:
			switch {
			case tok.Name.Local == "notes" && tok.Name.Space == presNS:
				inNotes = false
			case tok.Name.Local == "p" && cur != nil:
				inP--
			case tok.Name.Local == "frame" && cur != nil && depth == frameDepth:
				if curClass == "title" {
					pages[len(pages)-1].title = cur.String()
				} else {
					pages[len(pages)-1].notes = cur.String()
				}
				cur = nil
			}
			depth--
		case xml.CharData:
			if cur != nil && inP > 0 {
				cur.Write(tok)
			}
		}
	}
}
