package frame

import (
	"encoding/binary"
	"errors"
	"fmt"

	"github.com/parquet-go/parquet-go/encoding/thrift"
	"github.com/parquet-go/parquet-go/format"
)

// parquet-go decodes a file's thrift structures as they claim to be: a
// list in the footer that says it has two billion elements is allocated
// before one of them is read, a page header whose statistics claim 2 GB
// of bytes has them allocated while the page's stream is read, and a page
// that says it unpacks to 2 GB is given a 2 GB buffer. A few mutated bytes
// of a small file made it take gigabytes and minutes. So before
// parquet-go sees a structure, checkThrift walks it the way the compact
// protocol lays it out, and every count and length must fit in the bytes
// that follow it; and before a column's pages are read, checkPages walks
// their headers and holds each page's claims to its bytes and its row
// group.

// thriftMaxDepth is the deepest nesting of structures followed; Parquet's
// own go about six levels down.
const thriftMaxDepth = 32

// Compact-protocol types.
const (
	tStop = iota
	tTrue
	tFalse
	tByte
	tI16
	tI32
	tI64
	tDouble
	tBinary
	tList
	tSet
	tMap
	tStruct
)

// thriftCheck walks compact-protocol values in b.
type thriftCheck struct{ b []byte }

// uvarint reads a varint at p.
func (c thriftCheck) uvarint(p int) (uint64, int, bool) {
	v, n := binary.Uvarint(c.b[min(p, len(c.b)):])
	if n <= 0 {
		return 0, p, false
	}
	return v, p + n, true
}

// value walks one value of type t at p and returns where it ends.
func (c thriftCheck) value(t byte, p, depth int, inList bool) (int, bool) {
	switch t {
	case tTrue, tFalse:
		if inList { // a list's booleans take a byte each
			p++
		}
		return p, p <= len(c.b)
	case tByte:
		return p + 1, p+1 <= len(c.b)
	case tI16, tI32, tI64:
		_, p, ok := c.uvarint(p)
		return p, ok
	case tDouble:
		return p + 8, p+8 <= len(c.b)
	case tBinary:
		n, p, ok := c.uvarint(p)
		if !ok || n > uint64(len(c.b)-p) {
			return p, false
		}
		return p + int(n), true
	case tList, tSet:
		if p >= len(c.b) || depth >= thriftMaxDepth {
			return p, false
		}
		h := c.b[p]
		p++
		n := uint64(h >> 4)
		if n == 15 {
			var ok bool
			if n, p, ok = c.uvarint(p); !ok {
				return p, false
			}
		}
		// Every element takes at least a byte.
		if n > uint64(len(c.b)-p) {
			return p, false
		}
		for range n {
			var ok bool
			if p, ok = c.value(h&0x0f, p, depth+1, true); !ok {
				return p, false
			}
		}
		return p, true
	case tMap:
		n, p, ok := c.uvarint(p)
		if !ok || depth >= thriftMaxDepth {
			return p, false
		}
		if n == 0 {
			return p, true
		}
		if p >= len(c.b) || n > uint64(len(c.b)-p)/2 {
			return p, false
		}
		kv := c.b[p]
		p++
		for range n {
			if p, ok = c.value(kv>>4, p, depth+1, true); !ok {
				return p, false
			}
			if p, ok = c.value(kv&0x0f, p, depth+1, true); !ok {
				return p, false
			}
		}
		return p, true
	case tStruct:
		if depth >= thriftMaxDepth {
			return p, false
		}
		for {
			if p >= len(c.b) {
				return p, false
			}
			h := c.b[p]
			p++
			if h == tStop {
				return p, true
			}
			if h>>4 == 0 { // a field id that is not a small step follows
				var ok bool
				if _, p, ok = c.uvarint(p); !ok {
					return p, false
				}
			}
			var ok bool
			if p, ok = c.value(h&0x0f, p, depth+1, false); !ok {
				return p, false
			}
		}
	}
	return p, false
}

// checkThrift says how long the structure at the start of b is, or that it
// does not fit in b.
func checkThrift(b []byte) (int, error) {
	n, ok := thriftCheck{b}.value(tStruct, 0, 0, false)
	if !ok {
		return 0, errors.New("a structure does not fit in its bytes")
	}
	return n, nil
}

// maxPageRatio is how many times its stored size a page may unpack to
// beyond pqPageSlack: gzip's limit is about 1,000; zstd can go further on
// a page of one repeated value, which a writer that knows its business
// stores in a dictionary instead.
const (
	maxPageRatio = 1024
	pqPageSlack  = 16 << 20
)

// checkPages walks the page headers of every column chunk in the file
// and checks what each claims: its bytes within its chunk, what it
// unpacks to within maxPageRatio of them and, over the file, within the
// text limit, and no more values than its row group has rows, unless the
// column repeats. repeated says which leaf columns do.
func checkPages(b []byte, md *format.FileMetaData, repeated []bool) error {
	var unpacked int64
	for g, rg := range md.RowGroups {
		if len(rg.Columns) != len(repeated) {
			return fmt.Errorf("not a readable Parquet file: row group %d has %d columns of the schema's %d", g+1, len(rg.Columns), len(repeated))
		}
		for i, cc := range rg.Columns {
			if cc.CryptoMetadata.Value != nil || len(cc.EncryptedColumnMetadata) > 0 {
				return errors.New("it is encrypted, and Chronomap reads only files that are not")
			}
			m := cc.MetaData
			start := m.DataPageOffset
			if m.DictionaryPageOffset > 0 {
				start = min(start, m.DictionaryPageOffset)
			}
			end := start + m.TotalCompressedSize
			if start < 4 || m.TotalCompressedSize < 0 || end > int64(len(b)) {
				return errors.New("not a readable Parquet file: a column lies outside the file")
			}
			rows := rg.NumRows
			for p := start; p < end; {
				n, err := checkThrift(b[p:end])
				if err != nil {
					return errors.New("not a readable Parquet file: a page header is damaged")
				}
				var h format.PageHeader
				if err := thrift.Unmarshal(new(thrift.CompactProtocol), b[p:p+int64(n)], &h); err != nil {
					return fmt.Errorf("not a readable Parquet file: a page header cannot be read: %w", err)
				}
				p += int64(n)
				size, full := int64(h.CompressedPageSize), int64(h.UncompressedPageSize)
				if size < 0 || size > end-p || full < 0 || full > maxPageRatio*size+pqPageSlack {
					return errors.New("not a readable Parquet file: a page claims more bytes than it has")
				}
				if unpacked += full; unpacked > limit.text {
					return tooMuchText("it")
				}
				p += size
				var values, nulls int64
				switch {
				case h.DataPageHeader.Valid:
					values = int64(h.DataPageHeader.V.NumValues)
				case h.DataPageHeaderV2.Valid:
					v := h.DataPageHeaderV2.V
					values, nulls = int64(v.NumValues), int64(v.NumNulls)
					if int64(v.NumRows) > rows {
						return errors.New("not a readable Parquet file: a page claims more rows than its row group has")
					}
				case h.DictionaryPageHeader.Valid:
					// Each entry of a dictionary takes a byte at least,
					// a boolean's a bit.
					if int64(h.DictionaryPageHeader.V.NumValues) > 8*full+8 {
						return errors.New("not a readable Parquet file: a dictionary claims more values than it has bytes")
					}
					continue
				}
				most := rows
				if repeated[i] {
					most += 8 * (full + size)
				}
				if values < 0 || values > most || nulls < 0 || nulls > values {
					return errors.New("not a readable Parquet file: a page claims more values than its row group has rows")
				}
			}
		}
	}
	return nil
}
