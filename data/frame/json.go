package frame

import (
	"bytes"
	"context"
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
func readJSON(ctx context.Context, b []byte) (*table, error) {
	b, err := jsonText(b)
	if err != nil {
		return nil, err
	}
	start := skipJSONSpace(b, 0)
	if b[start] == '[' {
		return readJSONArray(ctx, b)
	}
	if b[start] != '{' {
		return nil, fmt.Errorf("not a JSON array or object: it starts with %q", clip(string(b[start:min(len(b), start+20)])))
	}
	rc := newRecordColumns()
	// Several values: one record per value, in file order, with the lines
	// that are not JSON kept as empty rows.
	root, err := readJSONStream(newJSONReader(ctx, b, 0), func(rec jsonRecord) error {
		if rec.bad != nil {
			rc.addBadLine(*rec.bad)
		} else {
			rc.addRecord(b, rec.v)
		}
		return rc.err
	})
	if err != nil {
		return nil, err
	}
	if root != nil {
		if arr := findRecords(root); arr != nil {
			for _, v := range arr.items {
				if rc.addRecord(b, v); rc.err != nil {
					return nil, rc.err
				}
			}
		} else {
			// An object with no array of objects inside is one record.
			rc.addRecord(b, root)
		}
	}
	if rc.err != nil {
		return nil, rc.err
	}
	return rc.table(), nil
}

// readJSONArray reads a file whose top level is an array, one element at a
// time so that a large file is never held twice over as a tree.
func readJSONArray(ctx context.Context, b []byte) (*table, error) {
	r := newJSONReader(ctx, b, 0)
	if _, err := r.dec.Token(); err != nil { // the opening bracket, already seen
		return nil, r.fail(err)
	}
	rc := newRecordColumns()
	objects := 0
	for r.dec.More() {
		r.values = 0 // the last element's tree is gone
		v, err := r.value(1)
		if err != nil {
			return nil, r.fail(err)
		}
		if v.kind == jsonObject {
			objects++
		}
		if rc.addRecord(b, v); rc.err != nil {
			return nil, rc.err
		}
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
	// skimmed is set for an array read as its span alone (its items are
	// not kept), streamed for one whose items went to a reader's
	// features one at a time.
	skimmed, streamed bool
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
	if len(raw) > 4096 {
		// Only for a problem's value, which keeps 80 bytes: a polygon of
		// 100 MB is not compacted whole.
		return strings.Join(strings.Fields(string(raw[:4096])), "") + "…"
	}
	if err := json.Compact(&buf, raw); err != nil {
		return string(raw) // cannot happen: the value was decoded from these bytes
	}
	return buf.String()
}

// maxJSONDepth bounds nesting so that hostile input cannot exhaust the stack.
const maxJSONDepth = 1000

// maxJSONValues is the most values of one tree held at once: a record,
// or a file of one object (about 100 bytes each). An array of records,
// JSON Lines and a GeoJSON FeatureCollection are read a record at a time.
const maxJSONValues = 10_000_000

// jsonReader decodes JSON values from b, starting at byte base.
type jsonReader struct {
	dec    *json.Decoder
	ctx    context.Context
	src    []byte
	base   int
	values int // decoded and held
	// skim, for GeoJSON, keeps the "coordinates" members as their span
	// in src, without a tree: orb reads them from there, and a polygon
	// of 5 million vertices was 15 million values.
	skim bool
	// features, when set, receives the elements of a top-level object's
	// "features" array one at a time, which are then not kept.
	features func(*jsonValue) error
}

func newJSONReader(ctx context.Context, b []byte, base int) *jsonReader {
	dec := json.NewDecoder(bytes.NewReader(b[base:]))
	dec.UseNumber()
	return &jsonReader{dec: dec, ctx: ctx, src: b, base: base}
}

// offset is the reader's position in b.
func (r *jsonReader) offset() int { return r.base + int(r.dec.InputOffset()) }

// errEndOfValues reports that the input holds no further value.
var errEndOfValues = errors.New("no more JSON values")

// value decodes the next value. At depth 0 a clean end of input gives
// errEndOfValues; anywhere else the end of input is an error.
func (r *jsonReader) value(depth int) (*jsonValue, error) { return r.valueIn(depth, false) }

// valueIn is value for a value inside GeoJSON properties, where
// "coordinates" is a property like any other, when inProps is set.
func (r *jsonReader) valueIn(depth int, inProps bool) (*jsonValue, error) {
	start := r.offset()
	tok, err := r.dec.Token()
	if err != nil {
		if err == io.EOF && depth == 0 && skipJSONSpace(r.src, start) == len(r.src) {
			return nil, errEndOfValues
		}
		return nil, err
	}
	return r.valueOf(tok, depth, start, inProps)
}

// valueOf decodes the value that begins with tok.
func (r *jsonReader) valueOf(tok json.Token, depth, start int, inProps bool) (*jsonValue, error) {
	v := &jsonValue{start: start}
	if r.values++; r.values%4096 == 0 {
		if err := r.ctx.Err(); err != nil {
			return nil, err
		}
	}
	if r.values > maxJSONValues {
		return nil, fmt.Errorf("a JSON record holds more than %s values, and Chronomap reads up to %s at once", count(maxJSONValues), count(maxJSONValues))
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
				var item *jsonValue
				switch {
				case r.skim && !inProps && key == "coordinates":
					item, err = r.skimValue()
				case r.features != nil && depth == 0 && key == "features":
					item, err = r.streamFeatures(depth)
				default:
					item, err = r.valueIn(depth+1, inProps || key == "properties")
				}
				if err != nil {
					return nil, err
				}
				v.keys = append(v.keys, key)
				v.items = append(v.items, item)
			}
		} else {
			v.kind = jsonArray
			for r.dec.More() {
				item, err := r.valueIn(depth+1, inProps)
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

// skipped takes a JSON value without keeping it.
type skipped struct{}

func (*skipped) UnmarshalJSON([]byte) error { return nil }

// skimValue reads the next value as its span alone: an array without its
// items (skimmed is set), or a scalar as usual.
func (r *jsonReader) skimValue() (*jsonValue, error) {
	start := r.offset()
	at := skipJSONSpace(r.src, start)
	for at < len(r.src) && (r.src[at] == ':' || r.src[at] == ' ' || r.src[at] == '\t' || r.src[at] == '\r' || r.src[at] == '\n') {
		at++
	}
	if at >= len(r.src) || r.src[at] != '[' {
		return r.value(1)
	}
	if err := r.dec.Decode(&skipped{}); err != nil {
		return nil, err
	}
	return &jsonValue{kind: jsonArray, skimmed: true, start: start, end: r.offset()}, nil
}

// streamFeatures hands the elements of a "features" array to r.features
// one at a time; the array kept has none.
func (r *jsonReader) streamFeatures(depth int) (*jsonValue, error) {
	start := r.offset()
	tok, err := r.dec.Token()
	if err != nil {
		return nil, err
	}
	if tok != json.Delim('[') {
		return r.valueOf(tok, depth+1, start, false)
	}
	held := r.values
	for r.dec.More() {
		item, err := r.value(depth + 2)
		if err != nil {
			return nil, err
		}
		if err := r.features(item); err != nil {
			return nil, err
		}
		r.values = held // the feature is a row now
	}
	if _, err := r.dec.Token(); err != nil {
		return nil, err
	}
	return &jsonValue{kind: jsonArray, streamed: true, start: start, end: r.offset()}, nil
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

// readJSONStream reads the top-level values of r's input one after
// another. A file of one value returns it, and each is not called.
// Otherwise each receives every record in file order, and none is kept:
// when the first value sits on one line and more follows, the file is
// read as JSON Lines, each line on its own, so that a damaged line costs
// one record rather than the file; otherwise every value must be valid.
func readJSONStream(r *jsonReader, each func(jsonRecord) error) (*jsonValue, error) {
	b := r.src
	first, err := r.value(0)
	if err != nil {
		return nil, r.fail(err)
	}
	rest := skipJSONSpace(b, r.offset())
	if rest == len(b) {
		return first, nil
	}
	if err := each(jsonRecord{v: first}); err != nil {
		return nil, err
	}
	if bytes.IndexByte(first.raw(b), '\n') < 0 && bytes.IndexByte(b[r.offset():rest], '\n') >= 0 {
		return nil, readJSONLines(r, rest, each)
	}
	for {
		r.values = 0 // the last value is a row now
		v, err := r.value(0)
		if err == errEndOfValues {
			return nil, nil
		}
		if err != nil {
			return nil, r.fail(err)
		}
		if err := each(jsonRecord{v: v}); err != nil {
			return nil, err
		}
	}
}

// readJSONLines reads the lines of r's input from offset pos on, one
// record a line, skipping blank lines.
func readJSONLines(r0 *jsonReader, pos int, each func(jsonRecord) error) error {
	b := r0.src
	lineNo := bytes.Count(b[:pos], []byte("\n"))
	for pos < len(b) {
		if lineNo%4096 == 0 {
			if err := r0.ctx.Err(); err != nil {
				return err
			}
		}
		lineNo++
		end := len(b)
		if i := bytes.IndexByte(b[pos:], '\n'); i >= 0 {
			end = pos + i
		}
		line := b[:end]
		if start := skipJSONSpace(line, pos); start < end {
			r := newJSONReader(r0.ctx, line, start)
			r.skim, r.features = r0.skim, r0.features
			v, err := r.value(0)
			var rec jsonRecord
			switch {
			case err == nil && skipJSONSpace(line, r.offset()) < end:
				rec = jsonRecord{bad: &badJSONLine{line: lineNo, text: string(b[start:min(end, start+4096)]), detail: "unexpected text after the record"}}
			case err == nil:
				rec = jsonRecord{v: v}
			case errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded):
				return err
			default:
				detail := "the record ends early"
				if se := (*json.SyntaxError)(nil); errors.As(err, &se) {
					detail = strings.TrimPrefix(se.Error(), "json: ")
				} else if !errors.Is(err, io.ErrUnexpectedEOF) && err != io.EOF {
					detail = err.Error()
				}
				rec = jsonRecord{bad: &badJSONLine{line: lineNo, text: strings.TrimRight(string(b[start:min(end, start+4096)]), "\r"), detail: detail}}
			}
			if err := each(rec); err != nil {
				return err
			}
		}
		pos = end + 1
	}
	return nil
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
	text     int64 // bytes in the cells
	problems []Problem
	// err is set once the records pass a limit; nothing is added after.
	err error
	// extra is how many columns the caller adds beside these.
	extra int
}

func newRecordColumns() *recordColumns {
	return &recordColumns{index: make(map[string]int), objects: make(map[string]bool)}
}

// column returns the index of the named column, adding it if new.
func (rc *recordColumns) column(name string) int {
	i, ok := rc.index[name]
	if !ok {
		if len(rc.names)+rc.extra >= limit.columns {
			rc.fail(tooManyColumns("it", len(rc.names)+rc.extra+1))
		} else if rc.rows > maxRows(len(rc.names)+rc.extra+1) {
			rc.fail(tooManyRows("it", len(rc.names)+rc.extra+1))
		}
		i = len(rc.names)
		rc.index[name] = i
		rc.names = append(rc.names, name)
		rc.cols = append(rc.cols, nil)
	}
	return i
}

// fail stops the records at a limit.
func (rc *recordColumns) fail(err error) {
	if rc.err == nil {
		rc.err = err
	}
}

// newRow starts a row, within the limits.
func (rc *recordColumns) newRow() {
	rc.rows++
	if rc.rows > maxRows(len(rc.names)+rc.extra) {
		rc.fail(tooManyRows("it", len(rc.names)+rc.extra))
	}
}

// set sets a cell of the current (last) row.
func (rc *recordColumns) set(name, value string) {
	if rc.err != nil {
		return
	}
	if rc.text += int64(len(value)); rc.text > limit.text {
		rc.fail(tooMuchText("it"))
		return
	}
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
	rc.newRow()
	if v.kind != jsonObject {
		rc.problems = append(rc.problems, Problem{Row: rc.rows, Value: clip(v.compact(b)), Reason: "not an object",
			Detail: fmt.Sprintf("the record is %s, not an object of named values; its row is left empty", v.kind)})
		return
	}
	rc.flatten(b, "", v)
}

// addBadLine adds an empty row for a line that is not JSON.
func (rc *recordColumns) addBadLine(l badJSONLine) {
	rc.newRow()
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
	if v.skimmed || v.streamed {
		return v.compact(b)
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
