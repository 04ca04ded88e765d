package frame

import (
	"bytes"
	"context"
	"fmt"
	"iter"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"unsafe"

	"chronomap/data/input"
)

// readDelimited reads CSV, TSV and their relatives. The file is decoded to
// UTF-8 once, and the text is split into chunks parsed on all cores. While
// the frame is built every cell is a view into that text rather than a
// copy; the frame's columns copy what they keep, so the text is garbage
// once this returns.
func readDelimited(ctx context.Context, name string, b []byte, opt Options) (*Frame, error) {
	if kind := binaryKind(b); kind != "" {
		return nil, fmt.Errorf("%s is %s, not a table of text", displayName(name), kind)
	}
	text, enc := decode(b)
	if len(bytes.TrimSpace(text)) == 0 {
		return nil, fmt.Errorf("%s is empty", displayName(name))
	}
	if len(text) >= 1<<32 { // a field's offset has 32 bits
		return nil, fmt.Errorf("%s decodes to more than 4 GiB of text, and Chronomap reads up to %s", displayName(name), input.Size(MaxFileBytes))
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

	if ncols > limit.columns {
		return nil, tooManyColumns(name, ncols)
	}
	chunks, full := parseChunks(ctx, text, dataStart, sn.delim, ncols, sn.rowLen, maxRows(ncols))
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if full {
		return nil, tooManyRows(name, ncols)
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
	t.problems = append(t.problems, nulProblems(text, dataStart, chunks, names)...)
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

// value returns a cell as a view into text, which the reader owns until
// the frame is built (ReadBytes' caller gave it up): the view is only read
// while the columns are built, and they copy it. Doubled quotes are undone
// in place the first time, which only shortens the cell, and the field is
// updated to say so; cells are read only after the chunk borders are
// settled.
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
// chunks are then partial. So does passing maxRows records in all, which
// full reports.
func parseChunks(ctx context.Context, text []byte, start int, delim byte, ncols, rowLen, maxRows int) (chunks []*chunk, full bool) {
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
	chunks = make([]*chunk, len(bounds)-1)
	rows := &rowCount{max: int64(maxRows)}
	var wg sync.WaitGroup
	for i := range chunks {
		wg.Add(1)
		go func() {
			defer wg.Done()
			chunks[i] = parseRange(ctx, text, bounds[i], bounds[i+1], delim, ncols, rowLen, rows)
		}()
	}
	wg.Wait()
	// Repair: chunk i+1 must start where chunk i stopped.
	for i := 0; i+1 < len(chunks) && !rows.full(); i++ {
		if chunks[i].end != bounds[i+1] && ctx.Err() == nil {
			bounds[i+1] = chunks[i].end
			rows.add(-chunks[i+1].rows)
			chunks[i+1] = parseRange(ctx, text, bounds[i+1], bounds[i+2], delim, ncols, rowLen, rows)
		}
	}
	return chunks, rows.full()
}

// rowCount counts the records of all chunks against a maximum, so that a
// file of more cells than MaxCells stops being parsed soon after it has
// passed it rather than at its end.
type rowCount struct {
	n   atomic.Int64
	max int64
}

func (r *rowCount) add(n int) { r.n.Add(int64(n)) }

func (r *rowCount) full() bool { return r.n.Load() > r.max }

// nulProblems lists each row holding a NUL character, which no text has.
// binaryKind refuses a file with one in its first 64 KB; one further on
// marks a damaged stretch, or binary data after a text head: the row is
// kept as it stands, but not in silence.
func nulProblems(text []byte, dataStart int, chunks []*chunk, names []string) []Problem {
	if bytes.IndexByte(text, 0) < 0 {
		return nil
	}
	var out []Problem
	if i := bytes.IndexByte(text[:dataStart], 0); i >= 0 {
		out = append(out, Problem{Row: 0, Value: clip(head(text, 0, 40)), Reason: "NUL character",
			Detail: "the header holds a NUL character (byte 0), which no text has: the file may be damaged there"})
	}
	base := 0 // rows before the chunk
	for _, c := range chunks {
		first := c.cols[0] // every row has a first field; their offsets ascend
		for r := range first {
			start, end := int(first[r]>>32), len(text)
			if r+1 < len(first) {
				end = int(first[r+1] >> 32)
			}
			at := bytes.IndexByte(text[start:end], 0)
			if at < 0 {
				// Rows without a NUL are skipped a stretch at a time.
				continue
			}
			at += start
			col := ""
			for k := len(c.cols) - 1; k >= 0; k-- {
				if f := c.cols[k][r]; f != 0 && int(f>>32) <= at {
					if int(f>>32)+int(f&(escBit-1)) > at {
						col = names[k]
					}
					break
				}
			}
			out = append(out, Problem{Row: base + r + 1, Column: col, Value: clip(strings.ReplaceAll(head(text, start, 60), "\x00", "\\0")),
				Reason: "NUL character", Detail: "the row holds a NUL character (byte 0), which no text has: the file may be damaged here; the row is kept as it stands"})
		}
		base += len(first)
	}
	return out
}

// nextLineOutsideQuotes returns the position just after the first line
// end at or after at that lies outside quotes, given whether at is inside.
func nextLineOutsideQuotes(text []byte, at int, inQuotes bool) int {
	for i := at; i < len(text); i++ {
		switch text[i] {
		case '"':
			inQuotes = !inQuotes
		case '\n':
			if !inQuotes {
				return i + 1
			}
		case '\r':
			if !inQuotes && (i+1 == len(text) || text[i+1] != '\n') {
				return i + 1
			}
		}
	}
	return len(text)
}

// parseRange parses the records that start in [from, to); rowLen is the
// expected length of a record, to size the columns once. It stops early,
// with a partial chunk, when ctx is cancelled.
func parseRange(ctx context.Context, text []byte, from, to int, delim byte, ncols, rowLen int, count *rowCount) *chunk {
	c := &chunk{cols: make([][]field, ncols)}
	// 5% to spare: growing would copy. A record of ncols fields takes at
	// least ncols bytes, which bounds the guess when the sample's records
	// were short; from is past to when an earlier record ran over this
	// whole chunk. No more than the rows a file may have.
	est := max(to-from, 0)/max(rowLen, ncols, 1)*21/20 + 16
	est = min(est, int(count.max)+1)
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
		if c.rows%4096 == 0 {
			count.add(4096)
			if ctx.Err() != nil || count.full() {
				break
			}
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
	count.add(c.rows % 4096)
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
	// A line of nothing but blanks is a blank line, not a row: no fields.
	b := pos
	for b < n && (text[b] == ' ' || (text[b] == '\t' && delim != '\t')) {
		b++
	}
	if b >= n {
		return rec, n
	}
	if text[b] == '\n' || text[b] == '\r' {
		return rec, lineEnd(text, b)
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
				// end or the end of the text (blanks allowed).
				j := i + 1
				for j < n && (text[j] == ' ' || (text[j] == '\t' && delim != '\t')) {
					j++
				}
				if j >= n || text[j] == delim || text[j] == '\n' || text[j] == '\r' {
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
			for pos < n && text[pos] != delim && text[pos] != '\n' && text[pos] != '\r' {
				pos++
			}
			e := pos
			for e > s.start && (text[e-1] == ' ' || (text[e-1] == '\t' && delim != '\t')) {
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
		case '\r', '\n':
			return rec, lineEnd(text, pos)
		}
	}
}

// lineEnd returns the position after the line end at pos: LF, CRLF, or a
// lone CR. A lone CR ends a line outside quotes as it does for Excel,
// LibreOffice and Python: files put together from Mac and other files
// mix them, and read as data it would merge two rows into one of too
// many fields.
func lineEnd(text []byte, pos int) int {
	if text[pos] == '\r' && pos+1 < len(text) && text[pos+1] == '\n' {
		return pos + 2
	}
	return pos + 1
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
