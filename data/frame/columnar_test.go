package frame

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"unicode/utf8"
)

// columnarFixture is a Parquet file DuckDB wrote; data/dataset's tests
// check that it reads as the CSV it came from.
const columnarFixture = "../dataset/testdata/columnar_events.parquet"

// columnarSeeds are the Parquet fixture and the same table's columns as
// an Arrow IPC file and stream, written by Arrow's JavaScript library.
func columnarSeeds(tb testing.TB) (parquet, arrowFile, arrowStream []byte) {
	tb.Helper()
	var out [3][]byte
	for i, name := range []string{columnarFixture, "../dataset/testdata/columnar_events_js.arrow", "../dataset/testdata/columnar_events_js.arrows"} {
		b, err := os.ReadFile(name)
		if err != nil {
			tb.Fatal(err)
		}
		out[i] = b
	}
	return out[0], out[1], out[2]
}

// FuzzColumnar feeds damaged Parquet and Arrow files to the reader: each
// is read or refused in one line, never a panic, and what is read has
// every column as long as the table, in valid UTF-8.
func FuzzColumnar(f *testing.F) {
	pq, af, as := columnarSeeds(f)
	var more [][]byte
	for _, name := range []string{"geoparquet_events.parquet", "acled_like_600.parquet"} {
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
