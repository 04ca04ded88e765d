package report

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"golang.org/x/net/html"

	"chronomap/data/frame"
)

// maxReport bounds what Read takes: a report of a few hundred pages is a
// few megabytes; more is not a report.
const maxReport = 64 << 20

// ReadFile reads a report's text from a file: see Read.
func ReadFile(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return "", fmt.Errorf("cannot read %s: %w", path, err)
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, maxReport+1))
	if err != nil {
		return "", fmt.Errorf("cannot read %s: %w", path, err)
	}
	return Read(path, b)
}

// Read returns the text of a report from a file's bytes, the format taken
// from the name's extension: .txt (any encoding the CSV reader knows),
// .md (without its markup), .html and .htm (the text of the page, blocks
// as paragraphs, without scripts and styles), .docx (the paragraphs of the
// document, as Word writes them). A name without one of these, such as
// "-" for standard input, is read by its content: a Word document, HTML,
// or text. Offsets of proposals are into the text Read returns.
func Read(name string, b []byte) (string, error) {
	if len(b) > maxReport {
		return "", fmt.Errorf("%s is larger than %d MB, too large for a report", name, maxReport>>20)
	}
	format := strings.ToLower(strings.TrimPrefix(filepath.Ext(name), "."))
	switch format {
	case "txt", "text", "md", "markdown", "html", "htm", "xhtml", "docx":
	default:
		format = sniff(b)
	}
	var (
		text string
		err  error
	)
	switch format {
	case "docx":
		text, err = readDocx(b)
	case "html", "htm", "xhtml":
		text, err = readHTML(b)
	default:
		if kind := frame.BinaryKind(b); kind != "" {
			return "", fmt.Errorf("%s is %s, not a report's text (extract reads .txt, .md, .html and .docx)", name, kind)
		}
		t, _ := frame.DecodeText(b)
		text = string(t)
		if format == "md" || format == "markdown" {
			text = plainMarkdown(text)
		}
	}
	if err != nil {
		return "", fmt.Errorf("%s: %w", name, err)
	}
	return strings.ReplaceAll(text, "\r\n", "\n"), nil
}

// sniff names the format of content without a telling name.
func sniff(b []byte) string {
	if bytes.HasPrefix(b, []byte("PK\x03\x04")) {
		return "docx"
	}
	head := bytes.ToLower(bytes.TrimLeft(b[:min(len(b), 1024)], " \t\r\n\xef\xbb\xbf"))
	for _, tag := range []string{"<!doctype html", "<html", "<body", "<p>", "<div", "<article"} {
		if bytes.HasPrefix(head, []byte(tag)) {
			return "html"
		}
	}
	return "txt"
}

// readDocx returns the paragraphs of a Word document, a blank line
// between them.
func readDocx(b []byte) (string, error) {
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return "", fmt.Errorf("not a Word document (.docx): %w", err)
	}
	var doc *zip.File
	for _, f := range zr.File {
		if f.Name == "word/document.xml" {
			doc = f
		}
	}
	if doc == nil {
		return "", errors.New("not a Word document (.docx): it has no word/document.xml")
	}
	rc, err := doc.Open()
	if err != nil {
		return "", fmt.Errorf("word/document.xml: %w", err)
	}
	defer rc.Close()
	dec := xml.NewDecoder(io.LimitReader(rc, maxReport))
	var out, para strings.Builder
	inText := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return "", fmt.Errorf("word/document.xml: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "t":
				inText = true
			case "tab":
				para.WriteByte('\t')
			case "br", "cr":
				para.WriteByte('\n')
			case "noBreakHyphen":
				para.WriteByte('-')
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "t":
				inText = false
			case "p":
				if s := strings.TrimSpace(para.String()); s != "" {
					if out.Len() > 0 {
						out.WriteString("\n\n")
					}
					out.WriteString(s)
				}
				para.Reset()
			}
		case xml.CharData:
			if inText {
				para.Write(t)
			}
		}
	}
	return out.String(), nil
}

// htmlBlocks are the elements that stand as paragraphs of their own.
var htmlBlocks = setOf("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "article", "section",
	"blockquote", "header", "footer", "pre", "ul", "ol", "table", "figcaption", "dt", "dd", "main", "aside", "title")

// htmlSkipped are the elements whose content is no text of the report.
var htmlSkipped = setOf("script", "style", "noscript", "template", "svg", "nav", "iframe", "object")

// readHTML returns the text of a page: blocks as paragraphs, runs of white
// space as one, entities decoded.
func readHTML(b []byte) (string, error) {
	z := html.NewTokenizer(bytes.NewReader(b))
	var raw strings.Builder
	skip := 0
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			if err := z.Err(); err != io.EOF {
				return "", fmt.Errorf("not readable as HTML: %w", err)
			}
			var paras []string
			for _, p := range strings.Split(raw.String(), "\n\n") {
				if p = strings.Join(strings.Fields(p), " "); p != "" {
					paras = append(paras, p)
				}
			}
			return strings.Join(paras, "\n\n"), nil
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
			name, _ := z.TagName()
			tag := string(name)
			end := tt == html.EndTagToken
			switch {
			case htmlSkipped[tag] && tt != html.SelfClosingTagToken:
				if end && skip > 0 {
					skip--
				} else if !end {
					skip++
				}
			case tag == "br" || htmlBlocks[tag]:
				raw.WriteString("\n\n")
			}
		case html.TextToken:
			if skip == 0 {
				raw.Write(z.Text())
			}
		}
	}
}

var (
	mdImage    = regexp.MustCompile(`!\[([^\]]*)\]\([^)]*\)`)
	mdLink     = regexp.MustCompile(`\[([^\]]*)\]\([^)]*\)`)
	mdRefLink  = regexp.MustCompile(`\[([^\]]*)\]\[[^\]]*\]`)
	mdEmphasis = regexp.MustCompile(`(\*\*|__|\*|_|~~|` + "`" + `)(\S(?:.*?\S)?)(\*\*|__|\*|_|~~|` + "`" + `)`)
	mdHeading  = regexp.MustCompile(`(?m)^\s{0,3}#{1,6}\s+`)
	mdQuote    = regexp.MustCompile(`(?m)^\s{0,3}>\s?`)
	mdComment  = regexp.MustCompile(`(?s)<!--.*?-->`)
)

// plainMarkdown drops the markup of Markdown and keeps its text: headings'
// hashes, emphasis, links (their text stays), images (their description
// stays), quotes' marks, comments and a front matter block.
func plainMarkdown(s string) string {
	if strings.HasPrefix(s, "---\n") {
		if end := strings.Index(s[4:], "\n---\n"); end >= 0 {
			s = s[4+end+5:]
		}
	}
	s = mdComment.ReplaceAllString(s, "")
	s = mdImage.ReplaceAllString(s, "$1")
	s = mdLink.ReplaceAllString(s, "$1")
	s = mdRefLink.ReplaceAllString(s, "$1")
	s = mdHeading.ReplaceAllString(s, "")
	s = mdQuote.ReplaceAllString(s, "")
	for i := 0; i < 3; i++ {
		s = mdEmphasis.ReplaceAllStringFunc(s, func(m string) string {
			sub := mdEmphasis.FindStringSubmatch(m)
			if sub[1] != sub[3] {
				return m
			}
			return sub[2]
		})
	}
	return s
}
