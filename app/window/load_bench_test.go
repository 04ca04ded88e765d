package window

import (
	"context"
	"os"
	"testing"
	"time"
)

// BenchmarkLoadWindow1M loads a big file as the window does, stage by
// stage: set CHRONOMAP_BIG to a CSV of about a million rows (the
// benchmark of data/events writes one) to run it.
func BenchmarkLoadWindow1M(b *testing.B) {
	path := os.Getenv("CHRONOMAP_BIG")
	if path == "" {
		b.Skip("CHRONOMAP_BIG names no file")
	}
	for b.Loop() {
		var last Progress
		at := map[Stage]time.Duration{}
		l, err := load(context.Background(), request{Path: path}, func(p Progress) {
			if p.Stage != last.Stage {
				at[p.Stage] = p.Elapsed
			}
			last = p
		})
		if err != nil || l.Err != nil {
			b.Fatal(err, l.Err)
		}
		b.ReportMetric(at[Parsing].Seconds(), "s-read")
		b.ReportMetric((at[Placing] - at[Parsing]).Seconds(), "s-parse")
		b.ReportMetric((at[Done] - at[Placing]).Seconds(), "s-place")
		b.ReportMetric(float64(l.Events), "events")
	}
}
