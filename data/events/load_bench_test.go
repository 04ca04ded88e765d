package events

import (
	"bufio"
	"encoding/csv"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/go-gota/gota/dataframe"
	"github.com/parquet-go/parquet-go"

	"chronomap/data/frame"
)

// BenchmarkLoadCSV1M loads a generated 1,000,000-row ACLED-like CSV (about
// 168 MB) from disk: into frame + event index for chronomap, the same
// table from Parquet, and with gota's dataframe.ReadCSV at its defaults
// as the baseline. One op is one file. It reports rows/s, MB/s and the
// peak heap above the heap before the op (sampled every millisecond).
func BenchmarkLoadCSV1M(b *testing.B) { benchmarkLoad(b, 1_000_000, true) }

// BenchmarkLoadCSV10M is the same at ten million rows (1.7 GB), without
// gota, which would need some 11 GB.
func BenchmarkLoadCSV10M(b *testing.B) { benchmarkLoad(b, 10_000_000, false) }

func benchmarkLoad(b *testing.B, rows int, gota bool) {
	// The parent benchmark runs once; its temporary directory goes with it.
	path := filepath.Join(b.TempDir(), "acled-like.csv")
	if err := os.WriteFile(path, acledLike(rows), 0o644); err != nil {
		b.Fatal(err)
	}
	st, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	load := func(path string) func() int {
		return func() int {
			f, err := frame.ReadFile(path, frame.Options{})
			if err != nil {
				b.Fatal(err)
			}
			x, _ := Build(f, Detect(f))
			if x.Len() != rows {
				b.Fatalf("%d events, want %d", x.Len(), rows)
			}
			return f.Rows()
		}
	}
	b.Run("chronomap", func(b *testing.B) { measureLoad(b, st.Size(), load(path)) })
	// The same table as a Parquet file, typed as DuckDB types it (DATE,
	// BIGINT, DOUBLE, VARCHAR; Snappy): read into the frame alone, then
	// into frame and event index as the CSV above.
	pq := writeParquet(b, path)
	b.Run("chronomap-parquet-frame", func(b *testing.B) {
		measureLoad(b, st.Size(), func() int {
			f, err := frame.ReadFile(pq, frame.Options{})
			if err != nil {
				b.Fatal(err)
			}
			return f.Rows()
		})
	})
	b.Run("chronomap-parquet", func(b *testing.B) { measureLoad(b, st.Size(), load(pq)) })
	// Not a baseline to beat yet but where we are going: the time
	// encoding/csv takes merely to tokenize the file, on one core.
	b.Run("encoding-csv-tokenize", func(b *testing.B) {
		measureLoad(b, st.Size(), func() int {
			fh, err := os.Open(path)
			if err != nil {
				b.Fatal(err)
			}
			defer fh.Close()
			r := csv.NewReader(bufio.NewReaderSize(fh, 1<<20))
			r.ReuseRecord = true
			n := -1 // the header is not a row
			for {
				if _, err := r.Read(); err == io.EOF {
					break
				} else if err != nil {
					b.Fatal(err)
				}
				n++
			}
			return n
		})
	})
	if !gota {
		return
	}
	b.Run("gota-ReadCSV", func(b *testing.B) {
		measureLoad(b, st.Size(), func() int {
			fh, err := os.Open(path)
			if err != nil {
				b.Fatal(err)
			}
			defer fh.Close()
			df := dataframe.ReadCSV(fh)
			if df.Err != nil {
				b.Fatal(df.Err)
			}
			return df.Nrow()
		})
	})
}

func measureLoad(b *testing.B, size int64, load func() int) {
	var peak uint64
	rows := 0
	b.ResetTimer()
	for range b.N {
		b.StopTimer()
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		base := m.HeapInuse
		stop, done := make(chan struct{}), make(chan uint64)
		go func() {
			var top uint64
			var s runtime.MemStats
			for {
				runtime.ReadMemStats(&s)
				top = max(top, s.HeapInuse)
				select {
				case <-stop:
					done <- top
					return
				case <-time.After(time.Millisecond):
				}
			}
		}()
		b.StartTimer()
		rows = load()
		b.StopTimer()
		close(stop)
		if top := <-done; top > base {
			peak = max(peak, top-base)
		}
		b.StartTimer()
	}
	sec := b.Elapsed().Seconds() / float64(b.N)
	b.ReportMetric(float64(rows)/sec, "rows/s")
	b.ReportMetric(float64(size)/1e6/sec, "MB/s")
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
}

// acledRow is a row of the benchmark's file, typed as DuckDB's read_csv
// types its columns; its few-valued text columns are dictionary-encoded,
// as DuckDB encodes them.
type acledRow struct {
	ID         string  `parquet:"event_id_cnty"`
	Date       int32   `parquet:"event_date,date"`
	Year       int64   `parquet:"year,dict"`
	Type       string  `parquet:"event_type,dict"`
	Actor      string  `parquet:"actor1,dict"`
	Country    string  `parquet:"country,dict"`
	Location   string  `parquet:"location,dict"`
	Latitude   float64 `parquet:"latitude"`
	Longitude  float64 `parquet:"longitude"`
	Fatalities int64   `parquet:"fatalities,dict"`
	Notes      string  `parquet:"notes"`
}

// writeParquet writes the benchmark's CSV file again as Parquet, Snappy
// compressed, and returns its path.
func writeParquet(b *testing.B, csvPath string) string {
	b.Helper()
	in, err := os.Open(csvPath)
	if err != nil {
		b.Fatal(err)
	}
	defer in.Close()
	path := strings.TrimSuffix(csvPath, ".csv") + ".parquet"
	out, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	defer out.Close()
	w := parquet.NewGenericWriter[acledRow](out, parquet.Compression(&parquet.Snappy), parquet.PageBufferSize(1<<20))
	r := csv.NewReader(bufio.NewReaderSize(in, 1<<20))
	r.ReuseRecord = true
	if _, err := r.Read(); err != nil { // the header
		b.Fatal(err)
	}
	batch := make([]acledRow, 0, 4096)
	flush := func() {
		if _, err := w.Write(batch); err != nil {
			b.Fatal(err)
		}
		batch = batch[:0]
	}
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		} else if err != nil {
			b.Fatal(err)
		}
		d, err := time.Parse(time.DateOnly, rec[1])
		if err != nil {
			b.Fatal(err)
		}
		num := func(s string) float64 {
			f, err := strconv.ParseFloat(s, 64)
			if err != nil {
				b.Fatal(err)
			}
			return f
		}
		batch = append(batch, acledRow{
			ID: rec[0], Date: int32(d.Unix() / 86400), Year: int64(num(rec[2])), Type: rec[3], Actor: rec[4],
			Country: rec[5], Location: rec[6], Latitude: num(rec[7]), Longitude: num(rec[8]),
			Fatalities: int64(num(rec[9])), Notes: rec[10],
		})
		if len(batch) == cap(batch) {
			flush()
		}
	}
	flush()
	if err := w.Close(); err != nil {
		b.Fatal(err)
	}
	return path
}
