package frame

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// readJSON reads a JSON file of records: an array of objects, an object that
// holds such an array somewhere inside it (the first one found, breadth
// first), a single object, or a stream of objects one after another (JSON
// Lines / NDJSON). Nested objects become dotted column names ("coords.lat"),
// columns keep the order in which their keys first appear, and numbers stay
// exactly as written.
func readJSON(b []byte) (*table, error) {
	b, err := jsonText(b)
	if err != nil {
		return nil, err
	}
	start := skipJSONSpace(b, 0)
	if b[start] == '[' {
		return readJSONArray(b)
	}
	if b[start] != '{' {
		return nil, fmt.Errorf("not a JSON array or object: it starts with %q", clip(string(b[start:min(len(b), start+20)])))
	}
	recs, err := readJSONStream(b)
	if err != nil {
		return nil, err
	}
	rc := newRecordColumns()
	if len(recs) == 1 {
		root := recs[0].v
		if arr := findRecords(root); arr != nil {
			for _, v := range arr.items {
				rc.addRecord(b, v)
			}
			return rc.table(), nil
		}
		// An object with no array of objects inside is one record.
		rc.addRecord(b, root)
		return rc.table(), nil
	}
	// Several values: one record per value, in file order, with the lines
	// that are not JSON kept as empty rows.
	for _, rec := range recs {
		if rec.bad != nil {
			rc.addBadLine(*rec.bad)
			continue
		}
		rc.addRecord(b, rec.v)
	}
	return rc.table(), nil
}

// readJSONArray reads a file whose top level is an array, one element at a
// time so that a large file is never held twice over as a tree.
func readJSONArray(b []byte) (*table, error) {
	r := newJSONReader(b, 0)
	if _, err := r.dec.Token(); err != nil { // the opening bracket, already seen
		return nil, r.fail(err)
	}
	rc := newRecordColumns()
	objects := 0
	for r.dec.More() {
		v, err := r.value(1)
		if err != nil {
			return nil, r.fail(err)
		}
		if v.kind == jsonObject {
			objects++
		}
		rc.addRecord(b, v)
	}
	if _, err := r.dec.Token(); err != nil {
		return nil, r.fail(err)
	}
	if end := r.offset(); skipJSONSpace(b, end) < len(b) {
		line, col := lineColumn(b, skipJSONSpace(b, end))
		return nil, fmt.Errorf("unexpected text after the JSON array at line %d, column %d", line, col)
	}
	switch {
	case rc.rows == 0:
		return nil, errors.New("no records: the JSON array is empty")
	case objects == 0:
		return nil, errors.New("no records: the JSON array holds no objects")
	}
	return rc.table(), nil
}

// jsonText checks that b holds text that can be JSON and drops a UTF-8 byte
// order mark.
func jsonText(b []byte) ([]byte, error) {
	if bytes.HasPrefix(b, []byte{0xFF, 0xFE}) || bytes.HasPrefix(b, []byte{0xFE, 0xFF}) {
		return nil, errors.New("JSON must be UTF-8, but this file is UTF-16")
	}
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	if skipJSONSpace(b, 0) == len(b) {
		return nil, errors.New("the file is empty")
	}
	return b, nil
}

// jsonKind is the kind of a JSON value.
type jsonKind uint8

const (
	jsonNull jsonKind = iota
	jsonBool
	jsonNumber
	jsonString
	jsonObject
	jsonArray
)

func (k jsonKind) String() string {
	return [...]string{"null", "a boolean", "a number", "a string", "an object", "an array"}[k]
}

// jsonValue is a decoded JSON value that, unlike map[string]any, keeps the
// order of object members and numbers exactly as written.
type jsonValue struct {
	kind jsonKind
	// text is a scalar's value: a number as written, a string decoded,
	// "true" or "false".
	text string
	// keys are an object's member names in file order; items are its
	// member values beside them, or an array's elements.
	keys  []string
	items []*jsonValue
	// start and end are the value's byte span in the input; the span may
	// begin with the whitespace and separator before the value.
	start, end int
}

// member returns the value of an object's member, or nil. With a repeated
// name, the last one counts, as with encoding/json.
func (v *jsonValue) member(name string) *jsonValue {
	if v == nil || v.kind != jsonObject {
		return nil
	}
	for i := len(v.keys) - 1; i >= 0; i-- {
		if v.keys[i] == name {
			return v.items[i]
		}
	}
	return nil
}

// raw returns the value as written in b.
func (v *jsonValue) raw(b []byte) []byte {
	return bytes.TrimLeft(b[v.start:v.end], " \t\r\n,:")
}

// compact returns the value as written in b, without insignificant
// whitespace.
func (v *jsonValue) compact(b []byte) string {
	var buf bytes.Buffer
	raw := v.raw(b)
	if err := json.Compact(&buf, raw); err != nil {
		return string(raw) // cannot happen: the value was decoded from these bytes
	}
	return buf.String()
}

// maxJSONDepth bounds nesting so that hostile input cannot exhaust the stack.
const maxJSONDepth = 1000

// jsonReader decodes JSON values from b, starting at byte base.
type jsonReader struct {
	dec  *json.Decoder
	src  []byte
	base int
}

func newJSONReader(b []byte, base int) *jsonReader {
	dec := json.NewDecoder(bytes.NewReader(b[base:]))
	dec.UseNumber()
	return &jsonReader{dec: dec, src: b, base: base}
}

// offset is the reader's position in b.
func (r *jsonReader) offset() int { return r.base + int(r.dec.InputOffset()) }

// errEndOfValues reports that the input holds no further value.
var errEndOfValues = errors.New("no more JSON values")

// value decodes the next value. At depth 0 a clean end of input gives
// errEndOfValues; anywhere else the end of input is an error.
func (r *jsonReader) value(depth int) (*jsonValue, error) {
	v := &jsonValue{start: r.offset()}
	tok, err := r.dec.Token()
	if err != nil {
		if err == io.EOF && depth == 0 && skipJSONSpace(r.src, v.start) == len(r.src) {
			return nil, errEndOfValues
		}
		return nil, err
	}
	switch t := tok.(type) {
	case json.Delim:
		if depth >= maxJSONDepth {
			return nil, fmt.Errorf("JSON nested more than %d levels deep at byte %d", maxJSONDepth, r.offset())
		}
		if t == '{' {
			v.kind = jsonObject
			for r.dec.More() {
				kt, err := r.dec.Token()
				if err != nil {
					return nil, err
				}
				key, _ := kt.(string) // the decoder allows only strings here
				item, err := r.value(depth + 1)
				if err != nil {
					return nil, err
				}
				v.keys = append(v.keys, key)
				v.items = append(v.items, item)
			}
		} else {
			v.kind = jsonArray
			for r.dec.More() {
				item, err := r.value(depth + 1)
				if err != nil {
					return nil, err
				}
				v.items = append(v.items, item)
			}
		}
		if _, err := r.dec.Token(); err != nil { // the closing delimiter
			return nil, err
		}
	case string:
		v.kind, v.text = jsonString, t
	case json.Number:
		v.kind, v.text = jsonNumber, string(t)
	case bool:
		v.kind, v.text = jsonBool, "false"
		if t {
			v.text = "true"
		}
	case nil:
		v.kind = jsonNull
	}
	v.end = r.offset()
	return v, nil
}

// fail turns a decoding error into a message that says where in the file
// the JSON went wrong.
func (r *jsonReader) fail(err error) error {
	var se *json.SyntaxError
	switch {
	case errors.As(err, &se):
		// The decoder's own offset is relative to an internal buffer; its
		// input offset points at the offending character.
		at := min(r.offset(), len(r.src))
		line, col := lineColumn(r.src, at)
		return fmt.Errorf("invalid JSON at line %d, column %d (byte %d): %s", line, col, at+1, strings.TrimPrefix(se.Error(), "json: "))
	case err == io.EOF || err == io.ErrUnexpectedEOF:
		return fmt.Errorf("JSON ends early at byte %d (line %d)", len(r.src), bytes.Count(r.src, []byte("\n"))+1)
	case err == errEndOfValues:
		return errors.New("the file is empty")
	}
	return err
}

// jsonRecord is one top-level value of a stream, or a line of a JSON Lines
// file that could not be read (bad is set, v is nil).
type jsonRecord struct {
	v   *jsonValue
	bad *badJSONLine
}

// badJSONLine is a line of a JSON Lines file that is not JSON.
type badJSONLine struct {
	line   int // 1-based line number in the file
	text   string
	detail string // what is wrong with it
}

// readJSONStream reads the top-level values of b one after another. When
// the first value sits on one line and more follows, the file is read as
// JSON Lines: each line on its own, so that a damaged line costs one record
// rather than the file. Otherwise every value must be valid.
func readJSONStream(b []byte) ([]jsonRecord, error) {
	r := newJSONReader(b, 0)
	first, err := r.value(0)
	if err != nil {
		return nil, r.fail(err)
	}
	recs := []jsonRecord{{v: first}}
	rest := skipJSONSpace(b, r.offset())
	if rest == len(b) {
		return recs, nil
	}
	if bytes.IndexByte(first.raw(b), '\n') < 0 && bytes.IndexByte(b[r.offset():rest], '\n') >= 0 {
		return readJSONLines(b, rest, recs), nil
	}
	for {
		v, err := r.value(0)
		if err == errEndOfValues {
			return recs, nil
		}
		if err != nil {
			return nil, r.fail(err)
		}
		recs = append(recs, jsonRecord{v: v})
	}
}

// readJSONLines reads the lines of b from offset pos on, one record a line,
// skipping blank lines.
func readJSONLines(b []byte, pos int, recs []jsonRecord) []jsonRecord {
	lineNo := bytes.Count(b[:pos], []byte("\n"))
	for pos < len(b) {
		lineNo++
		end := len(b)
		if i := bytes.IndexByte(b[pos:], '\n'); i >= 0 {
			end = pos + i
		}
		line := b[:end]
		if start := skipJSONSpace(line, pos); start < end {
			r := newJSONReader(line, start)
			v, err := r.value(0)
			switch {
			case err == nil && skipJSONSpace(line, r.offset()) < end:
				recs = append(recs, jsonRecord{bad: &badJSONLine{line: lineNo, text: string(b[start:end]), detail: "unexpected text after the record"}})
			case err == nil:
				recs = append(recs, jsonRecord{v: v})
			default:
				detail := "the record ends early"
				if se := (*json.SyntaxError)(nil); errors.As(err, &se) {
					detail = strings.TrimPrefix(se.Error(), "json: ")
				}
				recs = append(recs, jsonRecord{bad: &badJSONLine{line: lineNo, text: strings.TrimRight(string(b[start:end]), "\r"), detail: detail}})
			}
		}
		pos = end + 1
	}
	return recs
}

// findRecords returns the first array holding objects inside root, looking
// breadth first so that {"events": [...]} wins over arrays nested deeper.
func findRecords(root *jsonValue) *jsonValue {
	level := []*jsonValue{root}
	for len(level) > 0 {
		var next []*jsonValue
		for _, v := range level {
			for _, item := range v.items {
				if item.kind == jsonArray && holdsObject(item) {
					return item
				}
			}
			for _, item := range v.items {
				if item.kind == jsonObject || item.kind == jsonArray {
					next = append(next, item)
				}
			}
		}
		level = next
	}
	return nil
}

func holdsObject(v *jsonValue) bool {
	for _, item := range v.items {
		if item.kind == jsonObject {
			return true
		}
	}
	return false
}

// recordColumns collects records into columns, adding a column the first
// time its name appears and leaving the cells of records without it empty.
type recordColumns struct {
	names    []string
	index    map[string]int
	objects  map[string]bool // names that have held an object
	cols     [][]string
	rows     int
	problems []Problem
}

func newRecordColumns() *recordColumns {
	return &recordColumns{index: make(map[string]int), objects: make(map[string]bool)}
}

// column returns the index of the named column, adding it if new.
func (rc *recordColumns) column(name string) int {
	i, ok := rc.index[name]
	if !ok {
		i = len(rc.names)
		rc.index[name] = i
		rc.names = append(rc.names, name)
		rc.cols = append(rc.cols, nil)
	}
	return i
}

// set sets a cell of the current (last) row.
func (rc *recordColumns) set(name, value string) {
	i := rc.column(name)
	col := rc.cols[i]
	for len(col) < rc.rows {
		col = append(col, "")
	}
	col[rc.rows-1] = value
	rc.cols[i] = col
}

// addRecord adds one row for v: its members as cells when v is an object,
// otherwise an empty row and a problem.
func (rc *recordColumns) addRecord(b []byte, v *jsonValue) {
	rc.rows++
	if v.kind != jsonObject {
		rc.problems = append(rc.problems, Problem{Row: rc.rows, Value: clip(v.compact(b)), Reason: "not an object",
			Detail: fmt.Sprintf("the record is %s, not an object of named values; its row is left empty", v.kind)})
		return
	}
	rc.flatten(b, "", v)
}

// addBadLine adds an empty row for a line that is not JSON.
func (rc *recordColumns) addBadLine(l badJSONLine) {
	rc.rows++
	rc.problems = append(rc.problems, Problem{Row: rc.rows, Value: clip(l.text), Reason: "not valid JSON",
		Detail: fmt.Sprintf("line %d: %s; its row is left empty", l.line, l.detail)})
}

// flatten sets the cells for the members of object v, naming the members
// of nested objects with a dotted prefix.
func (rc *recordColumns) flatten(b []byte, prefix string, v *jsonValue) {
	for i, key := range v.keys {
		name := prefix + key
		item := v.items[i]
		switch item.kind {
		case jsonObject:
			rc.objects[name] = true
			rc.flatten(b, name+".", item)
			continue
		case jsonNull:
			// An absent object ("coords": null beside "coords": {...})
			// must not add a column of its own; any other null names a
			// column, empty here.
			if _, ok := rc.index[name]; !ok && rc.objects[name] {
				continue
			}
		}
		rc.set(name, cellText(b, item))
	}
}

// cellText is how a value that is not an object reads in a cell: scalars
// as written, null as empty, an array of scalars joined with "; " (a list
// of actors, say), and any other array as compact JSON.
func cellText(b []byte, v *jsonValue) string {
	if v.kind != jsonArray {
		return v.text
	}
	parts := make([]string, 0, len(v.items))
	for _, item := range v.items {
		switch item.kind {
		case jsonObject, jsonArray:
			return v.compact(b)
		case jsonNull:
			continue
		}
		parts = append(parts, item.text)
	}
	return strings.Join(parts, "; ")
}

// table returns the collected columns, each padded to the number of rows.
func (rc *recordColumns) table() *table {
	for i, col := range rc.cols {
		for len(col) < rc.rows {
			col = append(col, "")
		}
		rc.cols[i] = col
	}
	return &table{names: rc.names, cols: rc.cols, problems: rc.problems}
}

// skipJSONSpace returns the offset of the first byte at or after i that is
// not JSON whitespace.
func skipJSONSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n') {
		i++
	}
	return i
}

// lineColumn gives the 1-based line and column (in characters) of byte
// offset at in b.
func lineColumn(b []byte, at int) (line, col int) {
	at = min(at, len(b))
	line = bytes.Count(b[:at], []byte("\n")) + 1
	lineStart := bytes.LastIndexByte(b[:at], '\n') + 1
	return line, utf8.RuneCount(b[lineStart:at]) + 1
}
