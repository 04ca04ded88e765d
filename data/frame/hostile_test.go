package frame

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"chronomap/data/input"
)

// Hostile input: files made to exhaust memory or time, generated here in
// the shape that did, and small. Each must be refused in one sentence or
// read correctly, within a bounded memory and without hanging.

// withLimits lowers the limits for one test, so that a bomb of each
// shape stays small.
func withLimits(t *testing.T, l limits) {
	old := limit
	limit = l
	t.Cleanup(func() { limit = old })
}

// within fails the test when fn has not returned after d.
func within(t *testing.T, d time.Duration, fn func()) {
	t.Helper()
	done := make(chan struct{})
	go func() { defer close(done); fn() }()
	select {
	case <-done:
	case <-time.After(d):
		t.Fatalf("still running after %v", d)
	}
}

// allocated returns how many bytes fn allocated.
func allocated(fn func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	fn()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

func TestReadFileRefusesDevicesPipesAndHugeFiles(t *testing.T) {
	dir := t.TempDir()
	sparse := filepath.Join(dir, "big.csv")
	f, err := os.Create(sparse)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(5 << 30); err != nil { // 5 GiB, nothing on disk
		t.Skipf("no sparse files here: %v", err)
	}
	f.Close()
	cases := map[string]error{sparse: input.ErrTooLarge}
	if runtime.GOOS != "windows" {
		fifo := filepath.Join(dir, "pipe.csv")
		mkfifo(t, fifo)
		cases[fifo] = input.ErrNotRegular
	}
	for _, dev := range []string{"/dev/zero", "/dev/urandom"} {
		if _, err := os.Stat(dev); err == nil {
			cases[dev] = input.ErrNotRegular
		}
	}
	for path, want := range cases {
		within(t, 5*time.Second, func() {
			var err error
			if n := allocated(func() { _, err = ReadFile(path, Options{}) }); n > 1<<20 {
				t.Errorf("%s: %d bytes allocated to refuse it", path, n)
			}
			if !errors.Is(err, want) || !strings.HasPrefix(err.Error(), "cannot read "+path+": it is ") || strings.Contains(err.Error(), "\n") {
				t.Errorf("%s: error %v, want one sentence wrapping %v", path, err, want)
			}
		})
	}
}

func TestReadBytesStopsAtTheCellLimit(t *testing.T) {
	withLimits(t, limits{cells: 3000, rows: MaxRows, columns: MaxColumns, cellBytes: MaxCellBytes, text: MaxTextBytes})
	// 2 MB of "1,1,1": far more rows than 3000 cells, on all cores.
	b := append([]byte("a,b,c\n"), bytes.Repeat([]byte("1,1,1\n"), 350_000)...)
	_, err := ReadBytes("many.csv", b, Options{})
	if err == nil || err.Error() != "many.csv has more than 3000 cells (at least 1001 rows of 3 columns), and Chronomap reads up to 3000 cells from one file" {
		t.Errorf("error %v", err)
	}
	// At the limit it reads.
	f, err := ReadBytes("enough.csv", append([]byte("a,b,c\n"), bytes.Repeat([]byte("1,1,1\n"), 1000)...), Options{})
	if err != nil || f.Rows() != 1000 {
		t.Errorf("1000 rows of 3: error %v", err)
	}
}

func TestReadBytesColumnLimit(t *testing.T) {
	withLimits(t, limits{cells: MaxCells, rows: MaxRows, columns: 100, cellBytes: MaxCellBytes, text: MaxTextBytes})
	header := make([]string, 101)
	for i := range header {
		header[i] = fmt.Sprintf("c%d", i)
	}
	b := []byte(strings.Join(header, ",") + "\n" + strings.Repeat("1,", 100) + "1\n")
	if _, err := ReadBytes("wide.csv", b, Options{}); err == nil || err.Error() != "wide.csv has 101 columns, and Chronomap reads up to 100" {
		t.Errorf("error %v", err)
	}
}

// A header longer than the 64 KB that the sniffer reads was cut short
// there; its last name, cut, repeated an earlier one and the header was
// taken for data.
func TestReadBytesWideHeader(t *testing.T) {
	const n = 40_000
	var b bytes.Buffer
	for i := range n {
		fmt.Fprintf(&b, "c%d,", i)
	}
	b.WriteString("date\n")
	for r := range 3 {
		b.WriteString(strings.Repeat("100,", n))
		fmt.Fprintf(&b, "2023-11-0%d\n", r+1)
	}
	f, err := ReadBytes("wide.csv", b.Bytes(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !f.Source.HasHeader || f.Rows() != 3 || len(f.Columns) != n+1 || f.Col("date") != n || f.Col("c39999") != n-1 || f.Col("nope") != -1 {
		t.Errorf("header %v, %d rows, %d columns, date at %d", f.Source.HasHeader, f.Rows(), len(f.Columns), f.Col("date"))
	}
}

func TestReadBytesCutsAHugeCell(t *testing.T) {
	withLimits(t, limits{cells: MaxCells, rows: MaxRows, columns: MaxColumns, cellBytes: 1000, text: MaxTextBytes})
	long := strings.Repeat("ü", 600) // 1200 bytes: cut at a character
	f, err := ReadBytes("x.csv", []byte("date,place\n2023-11-07,"+long+"\n2023-11-08,Moskau\n"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := f.Text(0, 1); got != strings.Repeat("ü", 500) {
		t.Errorf("cell of %d bytes", len(got))
	}
	if len(f.Problems) != 1 || f.Problems[0].Row != 1 || f.Problems[0].Column != "place" || f.Problems[0].Reason != "value too long" ||
		f.Problems[0].Detail != "the value is 1.2 KiB long, more than the 1000 bytes a cell may hold; only its first 1000 bytes is kept" || len(f.Problems[0].Value) > 90 {
		t.Errorf("problems %+v", f.Problems)
	}
}

// A NUL past the first 64 KB was kept without a word.
func TestReadBytesNULAfterTheFirst64KB(t *testing.T) {
	var b bytes.Buffer
	b.WriteString("date,title\n")
	for i := range 3000 {
		fmt.Fprintf(&b, "2023-11-07,event number %d of many\n", i)
	}
	b.WriteString("2023-11-08,da\x00maged\n2023-11-09,fine\n\x00\x00\x00,x\x00\n")
	f, err := ReadBytes("x.csv", b.Bytes(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if f.Rows() != 3003 {
		t.Errorf("%d rows", f.Rows())
	}
	var got []string
	for _, p := range f.Problems {
		got = append(got, fmt.Sprintf("%d %s %s", p.Row, p.Column, p.Reason))
	}
	if want := []string{"3001 title NUL character", "3003 date NUL character"}; strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("problems %q, want %q", got, want)
	}
}

func TestReadContextStopsWhenCancelled(t *testing.T) {
	csv := append([]byte("date,title\n"), bytes.Repeat([]byte("2023-11-07,something happened\n"), 300_000)...)
	records := bytes.Repeat([]byte(`{"date": "2023-11-07", "title": "something happened"}`+"\n"), 100_000)
	array := append(append([]byte("["), bytes.ReplaceAll(records[:len(records)-1], []byte("\n"), []byte(","))...), ']')
	features := []byte(`{"type": "FeatureCollection", "features": [` +
		strings.Repeat(`{"type": "Feature", "properties": {"date": "2023-11-07"}, "geometry": {"type": "Point", "coordinates": [1, 2]}},`, 50_000) + `null]}`)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for name, b := range map[string][]byte{"x.csv": csv, "x.ndjson": records, "x.json": array, "x.geojson": features} {
		if _, err := ReadContext(ctx, name, b, Options{}); !errors.Is(err, context.Canceled) {
			t.Errorf("%s: error %v", name, err)
		}
	}
}

// Each JSON record naming a column of its own made a table of rows ×
// columns cells, almost all empty.
func TestReadJSONLimits(t *testing.T) {
	withLimits(t, limits{cells: 10_000, rows: 500, columns: 50, cellBytes: MaxCellBytes, text: 100_000})
	var distinct, rows, text bytes.Buffer
	for i := range 60 {
		fmt.Fprintf(&distinct, `{"key%d": 1}`+"\n", i)
	}
	for range 501 {
		rows.WriteString(`{"a": 1}` + "\n")
	}
	for range 300 {
		fmt.Fprintf(&text, `{"a": %q}`+"\n", strings.Repeat("x", 400))
	}
	for what, c := range map[string]struct {
		b    []byte
		says string
	}{
		"columns":          {distinct.Bytes(), "x.json: it has 51 columns, and Chronomap reads up to 50"},
		"rows":             {rows.Bytes(), "x.json: it has more than 500 rows, and Chronomap reads up to 500 rows from one file"},
		"text":             {text.Bytes(), "x.json: it holds more than 97.7 KiB of text in its cells"},
		"geojson features": {[]byte(`{"type":"FeatureCollection","features":[` + strings.Repeat(`{"type":"Feature","properties":{},"geometry":null},`, 501) + `null]}`), "more than 500 rows"},
	} {
		name := "x.json"
		if strings.HasPrefix(c.says, "more") {
			name = "x.geojson"
		}
		_, err := ReadBytes(name, c.b, Options{})
		if err == nil || !strings.Contains(err.Error(), c.says) {
			t.Errorf("%s: error %v, want %q", what, err, c.says)
		}
	}
}

// A polygon of 5 million vertices took 3 GB, its coordinates a tree of 15
// million values. Kept as their span, they are read by orb alone.
func TestReadGeoJSONBigPolygon(t *testing.T) {
	var b bytes.Buffer
	b.WriteString(`{"type":"Feature","properties":{"date":"2023-11-07","coordinates":[1,2]},"geometry":{"type":"Polygon","coordinates":[[`)
	const n = 200_000
	for i := range n {
		fmt.Fprintf(&b, "[%d,%d],", i%2*10, i/1000) // a comb: its centroid lies between the teeth
	}
	b.WriteString(`[0,0]]]}}`)
	var (
		f   *Frame
		err error
	)
	n0 := allocated(func() { f, err = ReadBytes("x.geojson", b.Bytes(), Options{}) })
	if err != nil {
		t.Fatal(err)
	}
	if got := f.Text(0, f.Col("coordinates")); got != "1; 2" {
		t.Errorf("the property named coordinates reads %q", got)
	}
	if lat, lon := f.Number(0, f.Col("lat")), f.Number(0, f.Col("lon")); !(lat >= 0 && lat <= 200 && lon >= 0 && lon <= 10) {
		t.Errorf("lat %v lon %v", lat, lon)
	}
	if per := float64(n0) / n; per > 400 {
		t.Errorf("%.0f bytes allocated a vertex", per)
	}
}

// mkfifo makes a named pipe at path with the system's mkfifo, skipping
// the test where there is none.
func mkfifo(t *testing.T, path string) {
	t.Helper()
	if out, err := exec.Command("mkfifo", path).CombinedOutput(); err != nil {
		t.Skipf("no named pipes here: %v %s", err, out)
	}
}
