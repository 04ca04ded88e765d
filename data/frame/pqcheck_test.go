package frame

import (
	"bytes"
	"encoding/binary"
	"math"
	"os"
	"runtime"
	"strings"
	"testing"

	"github.com/parquet-go/parquet-go/encoding/thrift"
	"github.com/parquet-go/parquet-go/format"
)

// pqSplice returns the Parquet file b with the first page header of its
// first column rewritten by edit, and every offset behind it moved, as a
// writer would have laid the file out with that header.
func pqSplice(t *testing.T, b []byte, edit func(h []byte) []byte) []byte {
	t.Helper()
	footerLen := int64(binary.LittleEndian.Uint32(b[len(b)-8:]))
	footerAt := int64(len(b)) - 8 - footerLen
	var md format.FileMetaData
	if err := thrift.Unmarshal(new(thrift.CompactProtocol), b[footerAt:len(b)-8], &md); err != nil {
		t.Fatal(err)
	}
	first := &md.RowGroups[0].Columns[0].MetaData
	at := first.DataPageOffset
	if first.DictionaryPageOffset > 0 {
		at = min(at, first.DictionaryPageOffset)
	}
	n, err := checkThrift(b[at:])
	if err != nil {
		t.Fatal(err)
	}
	header := edit(bytes.Clone(b[at : at+int64(n)]))
	delta := int64(len(header) - n)
	first.TotalCompressedSize += delta
	move := func(p *int64) {
		if *p > at {
			*p += delta
		}
	}
	for g := range md.RowGroups {
		rg := &md.RowGroups[g]
		move(&rg.FileOffset)
		for c := range rg.Columns {
			cc := &rg.Columns[c]
			move(&cc.FileOffset)
			move(&cc.MetaData.DataPageOffset)
			move(&cc.MetaData.DictionaryPageOffset)
		}
	}
	footer, err := thrift.Marshal(new(thrift.CompactProtocol), &md)
	if err != nil {
		t.Fatal(err)
	}
	out := append(bytes.Clone(b[:at]), header...)
	out = append(out, b[at+int64(n):footerAt]...)
	out = append(out, footer...)
	out = binary.LittleEndian.AppendUint32(out, uint32(len(footer)))
	return append(out, "PAR1"...)
}

// pqHeader edits a page header as a structure.
func pqHeader(t *testing.T, edit func(h *format.PageHeader)) func([]byte) []byte {
	return func(b []byte) []byte {
		var h format.PageHeader
		if err := thrift.Unmarshal(new(thrift.CompactProtocol), b, &h); err != nil {
			t.Fatal(err)
		}
		edit(&h)
		out, err := thrift.Marshal(new(thrift.CompactProtocol), &h)
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
}

// TestParquetClaims: a file whose footer or page headers claim far more
// than its bytes hold (each a few mutated bytes of a real file, the kind
// the fuzzer found) is refused in one sentence, before the reader
// allocates what the claims say.
func TestParquetClaims(t *testing.T) {
	b, err := os.ReadFile("../dataset/testdata/acled_like_600.parquet")
	if err != nil {
		t.Fatal(err)
	}
	// The rewriting itself keeps the file readable.
	same, err := ReadBytes("x.parquet", pqSplice(t, b, func(h []byte) []byte { return h }), Options{})
	if err != nil {
		t.Fatalf("the file rewritten unchanged: %v", err)
	}
	if same.Rows() != 600 {
		t.Fatalf("the file rewritten unchanged has %d rows, want 600", same.Rows())
	}

	big := uint64(math.MaxInt32)
	cases := []struct {
		name string
		file []byte
		want string
	}{
		{"a page that unpacks to 2 GB", pqSplice(t, b, pqHeader(t, func(h *format.PageHeader) { h.UncompressedPageSize = math.MaxInt32 })), "a page claims more bytes than it has"},
		{"a page of 2 GB", pqSplice(t, b, pqHeader(t, func(h *format.PageHeader) { h.CompressedPageSize = math.MaxInt32 })), "a page claims more bytes than it has"},
		{"two billion values", pqSplice(t, b, pqHeader(t, func(h *format.PageHeader) {
			if h.DictionaryPageHeader.Valid {
				h.DictionaryPageHeader.V.NumValues = math.MaxInt32
			} else {
				h.DataPageHeader.V.NumValues = math.MaxInt32
			}
		})), "claims more values than"},
		// An unknown field of 2 GB of bytes at the end of the header,
		// which the page's stream would allocate before reading.
		{"a header field of 2 GB", pqSplice(t, b, func(h []byte) []byte {
			return append(binary.AppendUvarint(append(h[:len(h)-1], 0xf8), big), 0)
		}), "a page header is damaged"},
		// A footer whose schema claims two billion elements.
		{"a footer list of two billion", binary.LittleEndian.AppendUint32(
			append(append([]byte("PAR1\x29\xfc"), binary.AppendUvarint(nil, big)...), 0, 0), 9), "its footer is damaged"},
	}
	for _, c := range cases {
		if c.name == "a footer list of two billion" {
			c.file = append(c.file, "PAR1"...)
		}
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		_, err := ReadBytes("x.parquet", c.file, Options{})
		runtime.ReadMemStats(&after)
		if err == nil {
			t.Errorf("%s: read, want refused", c.name)
			continue
		}
		if msg := err.Error(); !strings.Contains(msg, c.want) || strings.Contains(msg, "\n") {
			t.Errorf("%s: %q, want one line saying %q", c.name, msg, c.want)
		}
		if took := after.TotalAlloc - before.TotalAlloc; took > 64<<20 {
			t.Errorf("%s: refusing it took %d MB", c.name, took>>20)
		}
	}
}
