package frame

import (
	"bytes"
	"context"
	"fmt"
	"iter"
	"runtime"
	"strings"
	"sync"
	"unsafe"
)

// readDelimited reads CSV, TSV and their relatives. The file is decoded to
// UTF-8 once; every cell is then a view into that text rather than a copy,
// and the text is split into chunks parsed on all cores.
func readDelimited(ctx context.Context, name string, b []byte, opt Options) (*Frame, error) {
	if kind := binaryKind(b); kind != "" {
		return nil, fmt.Errorf("%s is %s, not a table of text", displayName(name), kind)
	}
	text, enc := decode(b)
	if bytes.IndexByte(text, '\n') < 0 && bytes.IndexByte(text, '\r') >= 0 {
		// Classic Mac line ends: a lone CR ends each line.
		text = bytes.ReplaceAll(text, []byte{'\r'}, []byte{'\n'})
	}
	if len(bytes.TrimSpace(text)) == 0 {
		return nil, fmt.Errorf("%s is empty", displayName(name))
	}
	if len(text) >= 1<<31 {
		return nil, fmt.Errorf("%s is larger than 2 GB, which Chronomap cannot read yet", displayName(name))
	}
	// A name ending in .tsv or .tab says tab as surely as Format does.
	tsv := opt.Format == "tsv" || (opt.Format == "" && sniffFormat(name, nil) == "tsv")
	sn := sniff(text, tsv)
	src := Source{
		Path:         name,
		Format:       "csv",
		Encoding:     enc,
		Delimiter:    string(sn.delim),
		HasHeader:    sn.header,
		DecimalComma: sn.decimalComma,
	}
	if sn.delim == '\t' {
		src.Format = "tsv"
	}

	// The first record is the header, or data when there is none.
	var first record
	pos := 0
	for len(first.fields) == 0 && pos < len(text) {
		first, pos = nextRecord(text, pos, sn.delim)
	}
	names := first.strings(text)
	dataStart := pos
	if !sn.header {
		dataStart = first.start
	}
	ncols := max(len(names), sn.width)
	preset, isPreset := detectPreset(names, sn.header, sn.rows)
	if !sn.header {
		names = make([]string, ncols)
	}
	if isPreset {
		src.Preset, src.Roles, src.Codes = preset.Name, preset.Roles, preset.Codes
		if !sn.header {
			copy(names, preset.Columns)
		}
	}
	for len(names) < ncols {
		names = append(names, "")
	}

	chunks := parseChunks(ctx, text, dataStart, sn.delim, ncols, sn.rowLen)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	t := &table{names: names}
	if first.unclosed && sn.header { // a data row reports its own
		t.problems = append(t.problems, Problem{Row: 0, Value: clip(head(text, first.start, 40)),
			Reason: "unclosed quote", Detail: "the first line opens a quote that is never closed, so the whole file was read as one line"})
	}
	rows := 0
	for _, c := range chunks {
		for _, p := range c.problems {
			p.Row += rows
			t.problems = append(t.problems, p)
		}
		rows += c.rows
	}
	t.rows = rows
	t.cells = func(col int) iter.Seq2[int, string] {
		return func(yield func(int, string) bool) {
			i := 0
			for _, c := range chunks {
				fields := c.cols[col]
				for j := range fields {
					if !yield(i, value(text, &fields[j])) {
						return
					}
					i++
				}
			}
		}
	}
	t.release = func(col int) {
		for _, c := range chunks {
			c.cols[col] = nil // the series holds the cells now
		}
	}
	return t.frame(ctx, src)
}

// chunk is the result of parsing one stretch of a file: per column, one
// packed field per row.
type chunk struct {
	cols     [][]field
	rows     int
	problems []Problem // Row counts from 1 within the chunk
	end      int       // where the next chunk's first record starts
}

// field packs a cell's place in the text: offset in the high 32 bits and
// length in the low 31; escBit marks a quoted value with doubled quotes.
type field uint64

const escBit = 1 << 31

// value returns a cell as a view into text. Doubled quotes are undone in
// place the first time, which only shortens the cell, and the field is
// updated to say so; text is the reader's own copy, and cells are read only
// after the chunk borders are settled.
func value(text []byte, f *field) string {
	n := int(*f & (escBit - 1))
	if n == 0 {
		return ""
	}
	b := text[*f>>32 : int(*f>>32)+n]
	if *f&escBit != 0 {
		b = unescapeInPlace(b)
		*f = *f>>32<<32 | field(len(b))
	}
	return unsafe.String(&b[0], len(b))
}

// unescapeInPlace turns each doubled quote into one, moving the rest of b
// left, and returns the shortened b.
func unescapeInPlace(b []byte) []byte {
	w := 0
	for r := 0; r < len(b); r++ {
		b[w] = b[r]
		w++
		if b[r] == '"' && r+1 < len(b) && b[r+1] == '"' {
			r++
		}
	}
	return b[:w]
}

// parseChunks parses the records from start to the end of text on all
// cores. Chunk borders are guessed from the parity of quote characters (a
// newline outside quotes has an even number of quotes before it); each
// chunk's parse is checked to end exactly where the next one began, and a
// wrong guess (stray quotes) is repaired by parsing that chunk again from
// the right place, so the result is always that of one sequential parse.
// A cancelled ctx stops every chunk within a few thousand records; the
// chunks are then partial.
func parseChunks(ctx context.Context, text []byte, start int, delim byte, ncols, rowLen int) []*chunk {
	n := runtime.GOMAXPROCS(0)
	if len(text)-start < 1<<20 {
		n = 1
	}
	size := (len(text) - start) / n
	bounds := []int{start}
	quotes := 0 // quotes seen before bounds[len-1], counted from start
	for i := 1; i < n; i++ {
		at := start + i*size
		last := bounds[len(bounds)-1]
		if at <= last {
			continue // a long record already ran past this guess
		}
		quotes += bytes.Count(text[last:at], []byte{'"'})
		b := nextLineOutsideQuotes(text, at, quotes%2 == 1)
		if b <= last || b >= len(text) {
			break
		}
		quotes += bytes.Count(text[at:b], []byte{'"'})
		bounds = append(bounds, b)
	}
	bounds = append(bounds, len(text))
	chunks := make([]*chunk, len(bounds)-1)
	var wg sync.WaitGroup
	for i := range chunks {
		wg.Add(1)
		go func() {
			defer wg.Done()
			chunks[i] = parseRange(ctx, text, bounds[i], bounds[i+1], delim, ncols, rowLen)
		}()
	}
	wg.Wait()
	// Repair: chunk i+1 must start where chunk i stopped.
	for i := 0; i+1 < len(chunks); i++ {
		if chunks[i].end != bounds[i+1] && ctx.Err() == nil {
			bounds[i+1] = chunks[i].end
			chunks[i+1] = parseRange(ctx, text, bounds[i+1], bounds[i+2], delim, ncols, rowLen)
		}
	}
	return chunks
}

// nextLineOutsideQuotes returns the position just after the first newline
// at or after at that lies outside quotes, given whether at is inside.
func nextLineOutsideQuotes(text []byte, at int, inQuotes bool) int {
	for i := at; i < len(text); i++ {
		switch text[i] {
		case '"':
			inQuotes = !inQuotes
		case '\n':
			if !inQuotes {
				return i + 1
			}
		}
	}
	return len(text)
}

// parseRange parses the records that start in [from, to); rowLen is the
// expected length of a record, to size the columns once. It stops early,
// with a partial chunk, when ctx is cancelled.
func parseRange(ctx context.Context, text []byte, from, to int, delim byte, ncols, rowLen int) *chunk {
	c := &chunk{cols: make([][]field, ncols)}
	// 5% to spare: growing would copy. A record of ncols fields takes at
	// least ncols bytes, which bounds the guess when the sample's records
	// were short; from is past to when an earlier record ran over this
	// whole chunk.
	est := max(to-from, 0)/max(rowLen, ncols, 1)*21/20 + 16
	for i := range c.cols {
		c.cols[i] = make([]field, 0, est)
	}
	var rec record
	pos := from
	for pos < to {
		rec.fields = rec.fields[:0]
		rec, pos = parseRecord(text, pos, delim, rec)
		if len(rec.fields) == 0 {
			continue // a blank line is not a row
		}
		c.rows++
		if c.rows%4096 == 0 && ctx.Err() != nil {
			break
		}
		for i := range ncols {
			var f field
			if i < len(rec.fields) {
				rf := rec.fields[i]
				f = field(rf.start)<<32 | field(rf.end-rf.start)
				if rf.esc {
					f |= escBit
				}
			}
			c.cols[i] = append(c.cols[i], f)
		}
		switch {
		case len(rec.fields) > ncols:
			extra := text[rec.fields[ncols].start:rec.fields[len(rec.fields)-1].end]
			c.problems = append(c.problems, Problem{Row: c.rows, Value: clip(string(extra)), Reason: "too many fields",
				Detail: fmt.Sprintf("row has %d fields, %d more than the header; the extra values are only listed here", len(rec.fields), len(rec.fields)-ncols)})
		case len(rec.fields) < ncols:
			c.problems = append(c.problems, Problem{Row: c.rows, Value: clip(string(text[rec.start:rec.end()])), Reason: "too few fields",
				Detail: fmt.Sprintf("row has %d of %d fields; the missing ones are left empty", len(rec.fields), ncols)})
		}
		if rec.unclosed {
			c.problems = append(c.problems, Problem{Row: c.rows, Value: clip(head(text, rec.start, 60)), Reason: "unclosed quote",
				Detail: "a quote opened in this row is never closed, so the rest of the file was read as one value"})
		}
	}
	c.end = pos
	return c
}

// record is one parsed line of a delimited file.
type record struct {
	start    int
	fields   []span
	unclosed bool // a quoted field ran to the end of the text
}

// span is a field's place in the text, without its quotes; esc is set when
// it held doubled quotes that must be undone.
type span struct {
	start, end int
	esc        bool
}

func (r record) end() int {
	if len(r.fields) == 0 {
		return r.start
	}
	return r.fields[len(r.fields)-1].end
}

func (r record) strings(text []byte) []string {
	out := make([]string, len(r.fields))
	for i, f := range r.fields {
		if f.esc {
			out[i] = unescape(text[f.start:f.end])
		} else {
			out[i] = string(text[f.start:f.end])
		}
	}
	return out
}

// nextRecord parses one record at pos into a fresh record.
func nextRecord(text []byte, pos int, delim byte) (record, int) {
	return parseRecord(text, pos, delim, record{})
}

// parseRecord parses the record starting at pos, reusing rec's storage,
// and returns it with the position after its line end. Quoting follows RFC
// 4180, leniently: a quote inside an unquoted field is kept as text, and a
// quote inside a quoted field that is not followed by the delimiter or a
// line end is kept as text too. Unquoted fields lose surrounding blanks. A
// line of blanks gives a record without fields.
func parseRecord(text []byte, pos int, delim byte, rec record) (record, int) {
	rec.start, rec.unclosed = pos, false
	n := len(text)
	// A line of nothing but blanks (CRs included) is a blank line, not a
	// row: no fields.
	b := pos
	for b < n && (text[b] == ' ' || text[b] == '\r' || (text[b] == '\t' && delim != '\t')) {
		b++
	}
	if b >= n {
		return rec, n
	}
	if text[b] == '\n' {
		return rec, b + 1
	}
	for {
		// Skip leading blanks of the field (not the delimiter itself).
		for pos < n && (text[pos] == ' ' || (text[pos] == '\t' && delim != '\t')) {
			pos++
		}
		if pos < n && text[pos] == '"' {
			s := span{start: pos + 1}
			i := pos + 1
			for {
				q := bytes.IndexByte(text[i:], '"')
				if q < 0 {
					s.end = n
					rec.fields = append(rec.fields, s)
					rec.unclosed = true
					return rec, n
				}
				i += q
				if i+1 < n && text[i+1] == '"' {
					s.esc = true
					i += 2
					continue
				}
				// A closing quote must be followed by the delimiter, a line
				// end or the end of the text (blanks allowed); a CR only
				// ends the line as part of CRLF or at the end of the text.
				j := i + 1
				for j < n && (text[j] == ' ' || (text[j] == '\t' && delim != '\t')) {
					j++
				}
				if j >= n || text[j] == delim || text[j] == '\n' ||
					(text[j] == '\r' && (j+1 >= n || text[j+1] == '\n')) {
					s.end = i
					pos = j
					break
				}
				s.esc = true // a stray quote: kept as text
				i++
			}
			rec.fields = append(rec.fields, s)
		} else {
			s := span{start: pos}
			for pos < n && text[pos] != delim && text[pos] != '\n' {
				pos++
			}
			e := pos
			for e > s.start && (text[e-1] == '\r' || text[e-1] == ' ' || (text[e-1] == '\t' && delim != '\t')) {
				e--
			}
			s.end = e
			rec.fields = append(rec.fields, s)
		}
		if pos >= n {
			return rec, n
		}
		switch text[pos] {
		case delim:
			pos++
			if pos >= n { // a trailing delimiter ends with an empty field
				rec.fields = append(rec.fields, span{start: n, end: n})
				return rec, n
			}
		case '\r': // after a closing quote: CRLF, or a CR ending the text
			if pos+1 < n && text[pos+1] == '\n' {
				return rec, pos + 2
			}
			return rec, n
		case '\n':
			return rec, pos + 1
		}
	}
}

// unescape undoes doubled quotes in a quoted field.
func unescape(b []byte) string {
	return strings.ReplaceAll(string(b), `""`, `"`)
}

// head returns up to n bytes of text from start, cut before a character
// rather than inside one.
func head(text []byte, start, n int) string {
	end := min(len(text), start+n)
	for end > start && end < len(text) && text[end]&0xC0 == 0x80 {
		end--
	}
	return string(text[start:end])
}

// clip shortens a value for a problem listing.
func clip(s string) string {
	const max = 80
	if len(s) <= max {
		return s
	}
	cut := max
	for cut > 0 && (s[cut]&0xC0) == 0x80 {
		cut--
	}
	return s[:cut] + "…"
}
