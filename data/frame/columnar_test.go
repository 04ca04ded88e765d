package frame

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/ipc"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/apache/arrow-go/v18/parquet/file"
	"github.com/apache/arrow-go/v18/parquet/pqarrow"
)

// columnarFixture is a Parquet file DuckDB wrote; data/dataset's tests
// check that it reads as the CSV it came from.
const columnarFixture = "../dataset/testdata/columnar_events.parquet"

// columnarSeeds are the Parquet fixture and the same table as an Arrow
// IPC file and stream.
func columnarSeeds(tb testing.TB) (parquet, arrowFile, arrowStream []byte) {
	tb.Helper()
	parquet, err := os.ReadFile(columnarFixture)
	if err != nil {
		tb.Fatal(err)
	}
	pf, err := file.NewParquetReader(bytes.NewReader(parquet))
	if err != nil {
		tb.Fatal(err)
	}
	fr, err := pqarrow.NewFileReader(pf, pqarrow.ArrowReadProperties{}, memory.DefaultAllocator)
	if err != nil {
		tb.Fatal(err)
	}
	tbl, err := fr.ReadTable(context.Background())
	if err != nil {
		tb.Fatal(err)
	}
	defer tbl.Release()
	var fb, sb bytes.Buffer
	fw, err := ipc.NewFileWriter(&fb, ipc.WithSchema(tbl.Schema()))
	if err != nil {
		tb.Fatal(err)
	}
	sw := ipc.NewWriter(&sb, ipc.WithSchema(tbl.Schema()))
	r := array.NewTableReader(tbl, 4)
	defer r.Release()
	for r.Next() {
		if err := fw.Write(r.RecordBatch()); err != nil {
			tb.Fatal(err)
		}
		if err := sw.Write(r.RecordBatch()); err != nil {
			tb.Fatal(err)
		}
	}
	if err := fw.Close(); err != nil {
		tb.Fatal(err)
	}
	if err := sw.Close(); err != nil {
		tb.Fatal(err)
	}
	return parquet, fb.Bytes(), sb.Bytes()
}

// FuzzColumnar feeds damaged Parquet and Arrow files to the reader: each
// is read or refused in one line, never a panic, and what is read has
// every column as long as the table, in valid UTF-8.
func FuzzColumnar(f *testing.F) {
	pq, af, as := columnarSeeds(f)
	var more [][]byte
	for _, name := range []string{"geoparquet_events.parquet", "columnar_events_js.arrow", "columnar_events_js.arrows"} {
		b, err := os.ReadFile("../dataset/testdata/" + name)
		if err != nil {
			f.Fatal(err)
		}
		more = append(more, b)
	}
	for _, s := range append(more, pq, af, as, pq[:len(pq)-3], af[:len(af)/2], as[:40], []byte("PAR1PAR1"), []byte("ARROW1\x00\x00")) {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, b []byte, stream bool) {
		name := "x.parquet"
		if bytes.HasPrefix(b, []byte("ARROW1")) || stream {
			name = "x.arrow"
		}
		fr, err := ReadBytes(name, bytes.Clone(b), Options{})
		if err != nil {
			if msg := err.Error(); strings.Contains(msg, "\n") || !strings.HasPrefix(msg, name) {
				t.Fatalf("error %q, want one line naming the file", msg)
			}
			return
		}
		for c := range fr.Columns {
			cells := fr.Texts(c)
			if len(cells) != fr.Rows() {
				t.Fatalf("column %d has %d cells for %d rows", c, len(cells), fr.Rows())
			}
			for r, cell := range cells {
				if !utf8.ValidString(cell) {
					t.Fatalf("row %d, column %d: invalid UTF-8 %q", r+1, c, cell)
				}
			}
		}
	})
}

// TestColumnarNumbers: integer and float columns keep their values and
// kinds, a null makes an integer column Number, and an all-null column is
// Text, as in a CSV file.
func TestColumnarNumbers(t *testing.T) {
	pq, _, _ := columnarSeeds(t)
	fr, err := ReadBytes("events.parquet", pq, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]Kind{"id": Integer, "fatalities": Number, "latitude": Number, "notes": Text, "event_date": Text} {
		if got := fr.Columns[fr.Col(name)].Kind; got != want {
			t.Errorf("%s is %v, want %v", name, got, want)
		}
	}
	if got := fr.Number(7, fr.Col("fatalities")); got != 12 {
		t.Errorf("fatalities of row 8 = %v, want 12", got)
	}
	if got := fr.Number(0, fr.Col("latitude")); got != 55.7558 {
		t.Errorf("latitude of row 1 = %v, want 55.7558", got)
	}
}
