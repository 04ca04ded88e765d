package draw

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
)

// A deck of many pages must not be held whole: fpdf keeps every page of a
// document in memory, uncompressed, until the document is written (a
// scene's page is 2 to 8 MB), so 2,000 scenes did not fit. PDFDeck draws
// at most pdfBatch pages into one fpdf document, writes that document's
// objects out renumbered as part of one PDF, and starts the next: memory
// is bounded by a batch, whatever the number of pages. A deck of one
// batch is written as fpdf writes it. Each batch embeds the letters of its
// own pages, so a long deck is a little larger than one document would be.

// pdfBatch is how many pages one fpdf document holds.
var pdfBatch = 16

// PDFDeck writes a PDF of many pages, w×h-pixel pictures on pages of the
// given size, to out as it goes.
type PDFDeck struct {
	out         *counter
	w, h        int
	page        Page
	title       string
	cur         *Surface
	inBatch     int
	merging     bool
	offsets     []int64 // of our objects, by number; 1 to 3 are ours
	kids        []int
	info, media []byte
	err         error
}

// NewPDFDeck starts a deck written to out.
func NewPDFDeck(out io.Writer, w, h int, page Page, title string) *PDFDeck {
	return &PDFDeck{out: &counter{w: out}, w: w, h: h, page: page, title: title, offsets: make([]int64, 4)}
}

// Page returns the surface of the next page, to draw it; the surface of
// the page before is not to be used any more.
func (d *PDFDeck) Page() *Surface {
	switch {
	case d.cur == nil:
	case d.inBatch < pdfBatch:
		d.cur.PDF().NextPage()
		d.inBatch++
		return d.cur
	default:
		d.flush()
	}
	d.cur = NewPDF(d.w, d.h, d.page)
	d.cur.PDF().SetTitle(d.title)
	d.inBatch = 1
	return d.cur
}

// Close writes what is left and ends the document.
func (d *PDFDeck) Close() error {
	if d.cur == nil {
		return errors.New("PDF: a deck of no pages")
	}
	if !d.merging {
		_, err := d.cur.WriteTo(d.out)
		return err
	}
	d.flush()
	if d.err != nil {
		return d.err
	}
	var kids bytes.Buffer
	for _, k := range d.kids {
		fmt.Fprintf(&kids, "%d 0 R ", k)
	}
	d.object(1, fmt.Appendf(nil, "<</Type /Pages\n/Kids [%s]\n/Count %d\n%s\n>>", kids.Bytes(), len(d.kids), d.media))
	d.object(2, []byte("<<\n/Type /Catalog\n/Pages 1 0 R\n>>"))
	d.object(3, d.info)
	xref := d.out.n
	var b bytes.Buffer
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(d.offsets))
	for _, off := range d.offsets[1:] {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<<\n/Size %d\n/Root 2 0 R\n/Info 3 0 R\n>>\nstartxref\n%d\n%%%%EOF\n", len(d.offsets), xref)
	d.write(b.Bytes())
	return d.err
}

// write writes to the output, keeping the first error.
func (d *PDFDeck) write(p []byte) {
	if d.err == nil {
		_, d.err = d.out.Write(p)
	}
}

// object writes object n.
func (d *PDFDeck) object(n int, body []byte) {
	for len(d.offsets) <= n {
		d.offsets = append(d.offsets, 0)
	}
	d.offsets[n] = d.out.n
	d.write(fmt.Appendf(nil, "%d 0 obj\n", n))
	d.write(body)
	d.write([]byte("\nendobj\n"))
}

var (
	refPattern     = regexp.MustCompile(`\b(\d+) 0 R\b`)
	startxref      = regexp.MustCompile(`startxref\s+(\d+)`)
	trailerRoot    = regexp.MustCompile(`/Root (\d+) 0 R`)
	trailerInfo    = regexp.MustCompile(`/Info (\d+) 0 R`)
	catalogPages   = regexp.MustCompile(`/Pages (\d+) 0 R`)
	pagesKids      = regexp.MustCompile(`/Kids \[([^\]]*)\]`)
	pagesMediaBox  = regexp.MustCompile(`/MediaBox \[[^\]]*\]`)
	versionPattern = regexp.MustCompile(`^%PDF-\d\.\d`)
	streamLength   = regexp.MustCompile(`/Length (\d+)`)
)

// flush writes the current document's objects, renumbered after those
// written before, and drops the document.
func (d *PDFDeck) flush() {
	var doc bytes.Buffer
	if _, err := d.cur.WriteTo(&doc); err != nil && d.err == nil {
		d.err = err
	}
	d.cur = nil
	if d.err != nil {
		return
	}
	if err := d.merge(doc.Bytes()); err != nil {
		d.err = fmt.Errorf("PDF: %w", err)
	}
}

// merge writes the objects of one fpdf document: all but its catalog,
// its information and its page tree's root, whose pages join ours.
func (d *PDFDeck) merge(doc []byte) error {
	if !d.merging {
		v := versionPattern.Find(doc)
		if v == nil {
			return errors.New("not a PDF document")
		}
		d.write(append(v, "\n%\xb5\xb6\n"...))
		d.merging = true
	}
	m := startxref.FindAllSubmatch(doc[max(0, len(doc)-64):], -1)
	if len(m) == 0 {
		return errors.New("no cross-reference table")
	}
	at, _ := strconv.Atoi(string(m[len(m)-1][1]))
	if at <= 0 || at >= len(doc) {
		return errors.New("a cross-reference table out of place")
	}
	xref, trailer, _ := bytes.Cut(doc[at:], []byte("trailer"))
	var offsets []int // by object number
	for i, line := range bytes.Split(xref, []byte("\n")) {
		f := bytes.Fields(line)
		if i < 2 || len(f) != 3 {
			continue
		}
		off, _ := strconv.Atoi(string(f[0]))
		if string(f[2]) == "f" {
			off = -1
		}
		offsets = append(offsets, off)
	}
	body := func(n int) ([]byte, error) {
		if n <= 0 || n >= len(offsets) || offsets[n] < 0 || offsets[n] >= len(doc) {
			return nil, fmt.Errorf("object %d is missing", n)
		}
		b := doc[offsets[n]:]
		_, b, ok := bytes.Cut(b, []byte(" obj\n"))
		if !ok {
			return nil, fmt.Errorf("object %d is damaged", n)
		}
		// A stream's data may hold anything: it ends where its length says.
		if s := bytes.Index(b, []byte(">>\nstream\n")); s >= 0 && s < bytes.Index(b, []byte("endobj")) {
			n := streamLength.FindSubmatch(b[:s])
			if n == nil {
				return nil, errors.New("a stream without its length")
			}
			l, _ := strconv.Atoi(string(n[1]))
			end := s + len(">>\nstream\n") + l
			if end > len(b) {
				return nil, errors.New("a stream runs past the end")
			}
			return b[:end+len("\nendstream")], nil
		}
		e := bytes.Index(b, []byte("\nendobj"))
		if e < 0 {
			return nil, fmt.Errorf("object %d has no end", n)
		}
		return b[:e], nil
	}
	num := func(re *regexp.Regexp, b []byte) int {
		m := re.FindSubmatch(b)
		if m == nil {
			return -1
		}
		n, _ := strconv.Atoi(string(m[1]))
		return n
	}
	root, info := num(trailerRoot, trailer), num(trailerInfo, trailer)
	catalog, err := body(root)
	if err != nil {
		return err
	}
	pagesN := num(catalogPages, catalog)
	pages, err := body(pagesN)
	if err != nil {
		return err
	}
	if d.info == nil {
		if d.info, err = body(info); err != nil {
			return err
		}
		d.media = pagesMediaBox.Find(pages)
	}
	// Ours are numbered after those written: the page tree's root is ours.
	renumber := map[int]int{pagesN: 1}
	next := len(d.offsets)
	for n := 1; n < len(offsets); n++ {
		if n != root && n != info && n != pagesN && offsets[n] >= 0 {
			renumber[n] = next
			next++
		}
	}
	fix := func(b []byte) []byte {
		return refPattern.ReplaceAllFunc(b, func(ref []byte) []byte {
			n, _ := strconv.Atoi(string(ref[:bytes.IndexByte(ref, ' ')]))
			return fmt.Appendf(nil, "%d 0 R", renumber[n])
		})
	}
	kids := pagesKids.FindSubmatch(pages)
	if kids == nil {
		return errors.New("a page tree without pages")
	}
	for _, ref := range refPattern.FindAllSubmatch(kids[1], -1) {
		n, _ := strconv.Atoi(string(ref[1]))
		d.kids = append(d.kids, renumber[n])
	}
	for n := 1; n < len(offsets); n++ {
		to, ok := renumber[n]
		if !ok || to == 1 {
			continue
		}
		b, err := body(n)
		if err != nil {
			return err
		}
		dict, stream := b, []byte(nil)
		if s := bytes.Index(b, []byte(">>\nstream\n")); s >= 0 {
			dict, stream = b[:s+2], b[s+2:]
		}
		d.object(to, append(fix(dict), stream...))
	}
	return d.err
}
