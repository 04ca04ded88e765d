package frame

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
)

// arrow-go reads an Arrow file's flatbuffers as they claim to be: a
// schema that says it has four billion fields has that many allocated
// before a byte of them is read, and a compressed buffer that says it
// unpacks to a terabyte is given a terabyte. checkArrow walks every
// message and footer of a file or stream first, as a flatbuffers
// verifier does for the parts of the Arrow format the reader follows:
// each offset, vector and string lies within the bytes, nesting is
// shallow, the objects referred to (shared ones counted each time) are
// few, and the bodies and their unpacked sizes fit the file and the text
// limit.

// errArrowDamaged is a file whose structure lies outside its bytes.
var errArrowDamaged = errors.New("its structure is damaged")

// fbMaxDepth is the deepest nesting of fields followed: a schema of
// lists of structs ten levels down is already unusual.
const fbMaxDepth = 64

// fb checks one flatbuffer.
type fb struct {
	b []byte
	// budget is how many more objects may be visited; each costs the
	// reader an allocation, and objects may be shared.
	budget int
}

// fbTable is a table of a flatbuffer: its position, its vtable's and
// how many fields the vtable lists.
type fbTable struct {
	c          *fb
	pos, vt, n int
}

func (c *fb) u32(p int) (int, bool) {
	if p < 0 || p+4 > len(c.b) {
		return 0, false
	}
	return int(binary.LittleEndian.Uint32(c.b[p:])), true
}

// table opens the table at p.
func (c *fb) table(p int) (fbTable, bool) {
	if c.budget--; c.budget < 0 || p < 0 || p+4 > len(c.b) {
		return fbTable{}, false
	}
	vt := p - int(int32(binary.LittleEndian.Uint32(c.b[p:])))
	if vt < 0 || vt+4 > len(c.b) {
		return fbTable{}, false
	}
	size := int(binary.LittleEndian.Uint16(c.b[vt:]))
	tsize := int(binary.LittleEndian.Uint16(c.b[vt+2:]))
	if size < 4 || size%2 != 0 || vt+size > len(c.b) || p+tsize > len(c.b) {
		return fbTable{}, false
	}
	return fbTable{c: c, pos: p, vt: vt, n: (size - 4) / 2}, true
}

// field returns where field k is, -1 when the table leaves it out.
func (t fbTable) field(k int) int {
	if k >= t.n {
		return -1
	}
	o := int(binary.LittleEndian.Uint16(t.c.b[t.vt+4+2*k:]))
	if o == 0 {
		return -1
	}
	return t.pos + o
}

// ref follows the offset of field k: -1 when absent, -2 when outside.
func (t fbTable) ref(k int) int {
	p := t.field(k)
	if p < 0 {
		return -1
	}
	o, ok := t.c.u32(p)
	if !ok || p+o >= len(t.c.b) {
		return -2
	}
	return p + o
}

// vector checks the vector of field k, of elements of size bytes, and
// returns where its elements start and how many there are.
func (t fbTable) vector(k, size int) (start, n int, ok bool) {
	p := t.ref(k)
	switch p {
	case -1:
		return 0, 0, true
	case -2:
		return 0, 0, false
	}
	n, ok = t.c.u32(p)
	if !ok || n > (len(t.c.b)-p-4)/size {
		return 0, 0, false
	}
	return p + 4, n, true
}

// sub checks the table field k refers to, if any, with check.
func (t fbTable) sub(k int, check func(p int) bool) bool {
	switch p := t.ref(k); p {
	case -1:
		return true
	case -2:
		return false
	default:
		return check(p)
	}
}

// tables checks each table of the vector of field k with check.
func (t fbTable) tables(k int, check func(p int) bool) bool {
	start, n, ok := t.vector(k, 4)
	if !ok {
		return false
	}
	for i := range n {
		p := start + 4*i
		o, _ := t.c.u32(p)
		if t.c.budget < n-i || !check(p+o) {
			return false
		}
	}
	return true
}

func (t fbTable) u8(k int) byte {
	if p := t.field(k); p >= 0 && p < len(t.c.b) {
		return t.c.b[p]
	}
	return 0
}

func (t fbTable) i64(k int) (int64, bool) {
	p := t.field(k)
	if p < 0 {
		return 0, true
	}
	if p+8 > len(t.c.b) {
		return 0, false
	}
	return int64(binary.LittleEndian.Uint64(t.c.b[p:])), true
}

// plain checks a table with no offsets that the reader follows.
func (c *fb) plain(p int) bool { _, ok := c.table(p); return ok }

func (c *fb) keyValues(t fbTable, k int) bool {
	return t.tables(k, func(p int) bool {
		kv, ok := c.table(p)
		return ok && kv.strings(0, 1)
	})
}

// strings checks the string fields ks.
func (t fbTable) strings(ks ...int) bool {
	for _, k := range ks {
		if _, _, ok := t.vector(k, 1); !ok {
			return false
		}
	}
	return true
}

// schema: endianness, fields, custom_metadata, features.
func (c *fb) schema(p int) bool {
	t, ok := c.table(p)
	return ok && t.tables(1, func(p int) bool { return c.fieldOf(p, 0) }) && c.keyValues(t, 2) && vectorOK(t.vector(3, 8))
}

// fieldOf: name, nullable, type_type, type, dictionary, children,
// custom_metadata.
func (c *fb) fieldOf(p, depth int) bool {
	t, ok := c.table(p)
	if !ok || depth > fbMaxDepth || !t.strings(0) || !c.keyValues(t, 6) {
		return false
	}
	typ := func(p int) bool {
		tt, ok := c.table(p)
		switch t.u8(2) {
		case 10: // Timestamp: unit, timezone
			return ok && tt.strings(1)
		case 14: // Union: mode, typeIds
			return ok && vectorOK(tt.vector(1, 4))
		}
		return ok
	}
	// dictionary: id, indexType (an Int table), isOrdered, kind
	dict := func(p int) bool {
		d, ok := c.table(p)
		return ok && d.sub(1, c.plain)
	}
	return t.sub(3, typ) && t.sub(4, dict) && t.tables(5, func(p int) bool { return c.fieldOf(p, depth+1) })
}

func vectorOK(_, _ int, ok bool) bool { return ok }

// recordBatch: length, nodes (16-byte structs), buffers (16-byte
// structs: offset, length), compression, variadicBufferCounts. body is
// the message's body, to which the buffers point; unpacked adds up what
// compressed buffers say they unpack to.
func (c *fb) recordBatch(p int, body []byte, unpacked *int64) bool {
	t, ok := c.table(p)
	if !ok || !vectorOK(t.vector(1, 16)) || !vectorOK(t.vector(4, 8)) {
		return false
	}
	start, n, ok := t.vector(2, 16)
	if !ok {
		return false
	}
	compressed := t.field(3) >= 0
	if !t.sub(3, c.plain) {
		return false
	}
	for i := range n {
		q := start + 16*i
		off := int64(binary.LittleEndian.Uint64(c.b[q:]))
		size := int64(binary.LittleEndian.Uint64(c.b[q+8:]))
		if off < 0 || size < 0 || off > int64(len(body)) || size > int64(len(body))-off {
			return false
		}
		// A compressed buffer starts with its unpacked length (-1 when it
		// was left as it is).
		if compressed && size >= 8 {
			if u := int64(binary.LittleEndian.Uint64(body[off:])); u > 0 {
				*unpacked += u
			}
		}
	}
	return true
}

// arrowCheck checks a whole Arrow IPC file or stream.
type arrowCheck struct {
	b        []byte
	budget   int
	unpacked int64
}

// message checks the message whose flatbuffer is meta and whose body is
// body, the bytes after it, of which it may claim only so many.
func (a *arrowCheck) message(meta, rest []byte) (bodyLen int64, err error) {
	c := &fb{b: meta, budget: a.budget}
	defer func() { a.budget = c.budget }()
	root, ok := c.u32(0)
	if !ok {
		return 0, errArrowDamaged
	}
	t, ok := c.table(root)
	if !ok || !c.keyValues(t, 4) {
		return 0, errArrowDamaged
	}
	bodyLen, ok = t.i64(3)
	if !ok || bodyLen < 0 || bodyLen > int64(len(rest)) {
		return 0, errArrowDamaged
	}
	body := rest[:bodyLen]
	switch t.u8(1) {
	case 1:
		ok = t.sub(2, c.schema)
	case 2: // DictionaryBatch: id, data, isDelta
		ok = t.sub(2, func(p int) bool {
			d, ok := c.table(p)
			return ok && d.sub(1, func(p int) bool { return c.recordBatch(p, body, &a.unpacked) })
		})
	case 3:
		ok = t.sub(2, func(p int) bool { return c.recordBatch(p, body, &a.unpacked) })
	default:
		ok = t.sub(2, c.plain)
	}
	switch {
	case !ok:
		return 0, errArrowDamaged
	case a.unpacked > limit.text:
		return 0, tooMuchText("it")
	}
	return bodyLen, nil
}

// prefixed reads the message at pos: its length prefix (after the
// 0xFFFFFFFF continuation, or alone as before Arrow 0.15), metadata and
// body. It returns where the next message starts; a zero length is the
// end of a stream, end true.
func (a *arrowCheck) prefixed(pos int) (next int, end bool, err error) {
	if pos+4 > len(a.b) {
		return 0, true, nil // a stream may end without its end marker
	}
	n := int(int32(binary.LittleEndian.Uint32(a.b[pos:])))
	pos += 4
	if n == -1 {
		if pos+4 > len(a.b) {
			return 0, false, errArrowDamaged
		}
		n = int(int32(binary.LittleEndian.Uint32(a.b[pos:])))
		pos += 4
	}
	switch {
	case n == 0:
		return pos, true, nil
	case n < 0 || n > len(a.b)-pos:
		return 0, false, errArrowDamaged
	}
	body, err := a.message(a.b[pos:pos+n], a.b[pos+n:])
	if err != nil {
		return 0, false, err
	}
	return pos + n + int(body), false, nil
}

// stream checks the messages from pos to the end of the stream.
func (a *arrowCheck) stream(pos int) error {
	for {
		next, end, err := a.prefixed(pos)
		if err != nil || end {
			return err
		}
		pos = next
	}
}

// checkArrow checks an Arrow IPC file ("ARROW1", its messages, a footer
// that points at them, "ARROW1") or stream before arrow-go reads it.
func checkArrow(b []byte) error {
	a := &arrowCheck{b: b, budget: 4 * limit.columns}
	magic := []byte("ARROW1")
	if !bytes.HasPrefix(b, magic) {
		return a.stream(0)
	}
	const tail = 4 + 6 // footer length and magic
	if len(b) < 8+tail || !bytes.HasSuffix(b, magic) {
		return fmt.Errorf("the end of the file is missing: %w", errArrowDamaged)
	}
	size := int(int32(binary.LittleEndian.Uint32(b[len(b)-tail:])))
	if size <= 0 || size > len(b)-8-tail {
		return errArrowDamaged
	}
	footer := b[len(b)-tail-size : len(b)-tail]
	c := &fb{b: footer, budget: a.budget}
	root, ok := c.u32(0)
	if !ok {
		return errArrowDamaged
	}
	// Footer: version, schema, dictionaries and recordBatches (24-byte
	// blocks: offset, metaDataLength and padding, bodyLength),
	// custom_metadata.
	t, ok := c.table(root)
	if !ok || !t.sub(1, c.schema) || !c.keyValues(t, 4) {
		return errArrowDamaged
	}
	a.budget = c.budget
	for _, k := range []int{2, 3} {
		start, n, ok := t.vector(k, 24)
		if !ok {
			return errArrowDamaged
		}
		for i := range n {
			q := start + 24*i
			off := int64(binary.LittleEndian.Uint64(footer[q:]))
			meta := int64(int32(binary.LittleEndian.Uint32(footer[q+8:])))
			body := int64(binary.LittleEndian.Uint64(footer[q+16:]))
			if off < 8 || meta < 8 || body < 0 || off > int64(len(b)) || meta > int64(len(b))-off || body > int64(len(b))-off-meta {
				return errArrowDamaged
			}
			if _, _, err := a.prefixed(int(off)); err != nil {
				return err
			}
		}
	}
	return nil
}
