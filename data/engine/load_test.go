package engine_test

import (
	"testing"

	"chronomap/data/engine"
	"chronomap/data/engine/enginetest"
)

// BenchmarkChunk lays out 100,000 generated rows for import, in blocks
// of the size ClickHouse's import sends: the part of import done before
// anything is sent. One op = all rows.
func BenchmarkChunk(b *testing.B) {
	d := enginetest.Dataset(b, 100_000)
	l, err := engine.NewLoad(d)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		for lo := 0; lo < l.Rows(); lo += 32_768 {
			l.Chunk(lo, min(lo+32_768, l.Rows()))
		}
	}
	b.ReportMetric(float64(l.Rows()*b.N)/b.Elapsed().Seconds(), "rows/s")
}
