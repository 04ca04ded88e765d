package frame

import (
	"iter"
	"slices"
)

// The frame's own storage: one typed column of values per column, the
// only copy of the cells once a file is read.
//
// A text column keeps its distinct values in pages: the bytes of every
// pageRows consecutive values joined into one string, and where each
// value's bytes end in its page. A column that repeats a few values
// (countries, event types, dates) is a dictionary: each distinct value
// once in the pages, and a 4-byte code a row. A column whose values are
// mostly distinct (notes, identifiers) has its rows in the pages, in
// order, without codes.
//
// Either way a column costs its text plus four or eight bytes a row, and
// holds no pointer a row for the garbage collector to follow. A cell is a
// substring of its page: it never refers to the bytes of the file it came
// from, so a label kept after its frame is gone keeps one page of one
// column alive (a few kilobytes), never the file.

// pageBits sets how many values share a page: 256. A page is small enough
// that a cell kept on its own holds little memory, and large enough that
// a column of a million rows is a few thousand allocations.
const (
	pageBits = 8
	pageRows = 1 << pageBits
	pageMask = pageRows - 1
)

// values is one column's cells. Numbers are floats whatever their kind:
// an Integer column's whole numbers are exact there (see maxDigits), and
// a Number column has NaN where a value is missing.
type values struct {
	nums []float64 // Integer and Number columns
	text text      // Text columns
}

// text is a text column's cells.
type text struct {
	// codes, for a dictionary, gives row i's value: codes[i]. Without
	// codes, row i's value is value i.
	codes []uint32
	// Value v's bytes end at ends[v] in pages[v>>pageBits], and start
	// where value v-1's end, or at 0 for a page's first value.
	pages []string
	ends  []uint32
}

// at returns row i's cell.
func (t *text) at(i int) string {
	if t.codes != nil {
		i = int(t.codes[i])
	}
	return t.value(i)
}

// value returns value v of the pages.
func (t *text) value(i int) string {
	var lo uint32
	if i&pageMask != 0 {
		lo = t.ends[i-1]
	}
	return t.pages[i>>pageBits][lo:t.ends[i]]
}

// dictLimit is the most distinct values a text column keeps as a
// dictionary (a sixteenth of its rows if that is more); a column of more
// is paged row by row. Past dictProbe rows, a column whose values have
// nearly all been distinct is paged at once, so that a column of notes or
// identifiers is not hashed whole only to find that out.
const (
	dictLimit = 1 << 16
	dictProbe = 4096
)

// buildText stores n text cells, which cells yields in row order; it may
// iterate them twice, and each cell must stay as it is until it returns.
func buildText(n int, cells iter.Seq2[int, string]) text {
	if t, ok := buildDict(n, cells); ok {
		return t
	}
	return buildPages(n, cells)
}

// buildDict stores the cells as a dictionary, unless they turn out to be
// too many distinct values. Until the pages are made, the distinct values
// are the cells themselves, views into the reader's buffers.
func buildDict(n int, cells iter.Seq2[int, string]) (text, bool) {
	codes := make([]uint32, n)
	var distinct []string
	seen := make(map[string]uint32)
	for i, c := range cells {
		code, ok := seen[c]
		if !ok {
			if len(distinct) >= max(dictLimit, n/16) || (i >= dictProbe && len(distinct) > i/16*15) {
				return text{}, false
			}
			code = uint32(len(distinct))
			distinct = append(distinct, c)
			seen[c] = code
		}
		codes[i] = code
	}
	t := buildPages(len(distinct), slices.All(distinct))
	t.codes = codes
	return t, true
}

// buildPages stores the cells in pages, in order.
func buildPages(n int, cells iter.Seq2[int, string]) text {
	t := text{pages: make([]string, 0, (n+pageMask)/pageRows), ends: make([]uint32, n)}
	var buf []byte
	for i, c := range cells {
		buf = append(buf, c...)
		t.ends[i] = uint32(len(buf))
		if i&pageMask == pageMask {
			t.pages = append(t.pages, string(buf))
			buf = buf[:0]
		}
	}
	if n&pageMask != 0 {
		t.pages = append(t.pages, string(buf))
	}
	return t
}

// column stores one column's cells, deciding its kind: a column is
// numeric only if every non-missing cell is a number, and whole numbers
// without gaps make an Integer column (whole numbers with gaps are a
// Number column, NaN in the gaps). cells yields n cells in row order and
// may be iterated twice.
func column(n int, cells iter.Seq2[int, string], decimalComma bool) (values, Kind) {
	if firstIsNumber(cells, decimalComma) {
		nums := make([]float64, n)
		kind, missing := scanNumbers(cells, decimalComma, func(i int, f float64) { nums[i] = f })
		switch {
		case kind == Integer && !missing:
			return values{nums: nums}, Integer
		case kind == Integer || kind == Number:
			return values{nums: nums}, Number
		}
	}
	return values{text: buildText(n, cells)}, Text
}

// firstIsNumber reports whether the first non-missing cell is a number, so
// that text columns are recognised without reading them whole. A column of
// nothing but missing cells is text.
func firstIsNumber(cells iter.Seq2[int, string], decimalComma bool) bool {
	for _, c := range cells {
		if isMissing(c) {
			continue
		}
		_, whole := parseInt(c)
		_, comma := parseNumber(c, true)
		_, point := parseNumber(c, false)
		return whole || point || (decimalComma && comma)
	}
	return false
}
