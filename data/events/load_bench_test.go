package events

import (
	"bufio"
	"encoding/csv"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/go-gota/gota/dataframe"

	"chronomap/data/frame"
)

// BenchmarkLoadCSV1M loads a generated 1,000,000-row ACLED-like CSV (about
// 168 MB) from disk: into frame + event index for chronomap, and with
// gota's dataframe.ReadCSV at its defaults as the baseline. One op is one
// file. It reports rows/s, MB/s and the peak heap above the heap before the
// op (sampled every millisecond).
func BenchmarkLoadCSV1M(b *testing.B) {
	// The parent benchmark runs once; its temporary directory goes with it.
	path := filepath.Join(b.TempDir(), "acled-like-1m.csv")
	if err := os.WriteFile(path, acledLike(1_000_000), 0o644); err != nil {
		b.Fatal(err)
	}
	st, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("chronomap", func(b *testing.B) {
		measureLoad(b, st.Size(), func() int {
			f, err := frame.ReadFile(path, frame.Options{})
			if err != nil {
				b.Fatal(err)
			}
			x, _ := Build(f, Detect(f))
			if x.Len() != 1_000_000 {
				b.Fatalf("%d events, want 1000000", x.Len())
			}
			return f.Rows()
		})
	})
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
