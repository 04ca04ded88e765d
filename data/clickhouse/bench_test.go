package clickhouse

import (
	"context"
	"testing"

	"chronomap/data/engine"
	"chronomap/data/engine/enginetest"
)

// BenchmarkImport writes generated ACLED-like rows into one server. One
// op = every row.
func BenchmarkImport(b *testing.B) {
	d := enginetest.Dataset(b, 100_000)
	l, err := engine.NewLoad(d)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		b.StopTimer()
		a := benchServer(b, "bench_import")
		b.StartTimer()
		if _, err := Import(context.Background(), a, l, nil); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(l.Rows()*b.N)/b.Elapsed().Seconds(), "rows/s")
}
