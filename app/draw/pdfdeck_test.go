package draw

import (
	"bytes"
	"fmt"
	"io"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"chronomap/app/draw/drawtest"
)

// deckOf writes a deck of n pages, page i saying "Seite i" and, every
// third page, a name in Cyrillic, in batches of batch pages.
func deckOf(t *testing.T, n, batch int) []byte {
	t.Helper()
	saved := pdfBatch
	pdfBatch = batch
	t.Cleanup(func() { pdfBatch = saved })
	var b bytes.Buffer
	d := NewPDFDeck(&b, 960, 540, Slide, "Lage – Шойгу")
	for i := range n {
		s := d.Page()
		s.Fill(Path{{{10, 10}, {500, 10}, {500, 300}}}, Light.Land)
		s.Text(Sans(24, false), 40, 400, fmt.Sprintf("Seite %d", i+1), Light.Text)
		if i%3 == 0 {
			s.Text(Sans(18, true), 40, 450, "Москва", Light.Text)
		}
	}
	if err := d.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// checkXref checks that every object the cross-reference table lists is
// where it says, as strict readers require (poppler repairs quietly).
func checkXref(t *testing.T, doc []byte) {
	t.Helper()
	m := regexp.MustCompile(`startxref\s+(\d+)\s+%%EOF\s*$`).FindSubmatch(doc)
	if m == nil {
		t.Fatal("no startxref at the end")
	}
	at, _ := strconv.Atoi(string(m[1]))
	if !bytes.HasPrefix(doc[at:], []byte("xref\n0 ")) {
		t.Fatalf("startxref %d does not point at the table", at)
	}
	lines := strings.Split(string(doc[at:]), "\n")
	var size int
	fmt.Sscanf(lines[1], "0 %d", &size)
	for n := 1; n < size; n++ {
		off, _ := strconv.Atoi(strings.Fields(lines[2+n])[0])
		if want := fmt.Sprintf("%d 0 obj\n", n); !bytes.HasPrefix(doc[off:], []byte(want)) {
			t.Fatalf("object %d is not at %d: %q", n, off, doc[off:min(len(doc), off+20)])
		}
	}
	if !bytes.Contains(doc, []byte(fmt.Sprintf("/Size %d", size))) {
		t.Errorf("trailer size is not %d", size)
	}
}

func TestPDFDeckWritesBatchesAsOneDocument(t *testing.T) {
	for _, c := range []struct{ pages, batch int }{{1, 16}, {5, 16}, {5, 2}, {7, 3}, {6, 1}} {
		doc := deckOf(t, c.pages, c.batch)
		checkXref(t, doc)
		info, lines := drawtest.PDF(t, doc)
		if strings.Contains(info, "Error") || !strings.Contains(info, fmt.Sprintf("Pages:           %d\n", c.pages)) || !strings.Contains(info, "Title:           Lage – Шойгу") {
			t.Errorf("%d pages in batches of %d: pdfinfo says\n%s", c.pages, c.batch, info)
		}
		want := []string{}
		for i := range c.pages {
			want = append(want, fmt.Sprintf("Seite %d", i+1))
			if i%3 == 0 {
				want = append(want, "Москва")
			}
		}
		if got := strings.Join(lines, "|"); got != strings.Join(want, "|") {
			t.Errorf("%d pages in batches of %d: text %q", c.pages, c.batch, got)
		}
	}
}

// A deck held every page until it was written: 400 scenes took 3.4 GB.
// In batches, memory does not grow with the pages.
func TestPDFDeckMemoryDoesNotGrow(t *testing.T) {
	heap := func(pages int) uint64 {
		saved := pdfBatch
		pdfBatch = 4
		defer func() { pdfBatch = saved }()
		d := NewPDFDeck(io.Discard, 1920, 1080, Slide, "")
		var peak uint64
		var ms runtime.MemStats
		for i := range pages {
			s := d.Page()
			for k := range 20_000 { // a page of some weight: 20,000 shapes, about 1.5 MB
				x := float64(k % 1900)
				s.Fill(Path{{{x, 10}, {x + 5, 10}, {x + 5, float64(10 + i%100)}}}, Light.Land)
			}
			runtime.ReadMemStats(&ms)
			peak = max(peak, ms.HeapInuse)
		}
		d.Close()
		return peak
	}
	runtime.GC()
	few := heap(8)
	runtime.GC()
	many := heap(40)
	if many > few+few/2+4<<20 {
		t.Errorf("peak heap %d MB for 40 pages, %d MB for 8", many>>20, few>>20)
	}
}
