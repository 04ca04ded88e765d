package window

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strings"
	"testing"
	"time"

	"chronomap/app/workspace"
	"chronomap/data/dataset"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
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
		at := map[dataset.Stage]time.Duration{}
		l, err := load(context.Background(), request{Path: path}, func(p Progress) {
			if p.Stage != last.Stage {
				at[p.Stage] = p.Elapsed
			}
			last = p
		})
		if err != nil || l.Err != nil {
			b.Fatal(err, l.Err)
		}
		b.ReportMetric(at[dataset.Parsing].Seconds(), "s-read")
		b.ReportMetric((at[dataset.Placing] - at[dataset.Parsing]).Seconds(), "s-parse")
		b.ReportMetric((at[dataset.Done] - at[dataset.Placing]).Seconds(), "s-place")
		b.ReportMetric(float64(l.index().Len()), "events")
	}
}

// BenchmarkRefilter1M times what a step of panning the timeline costs the
// window on a million events (CHRONOMAP_BIG): the filter applied to the
// map, the timeline and the table, and the events counted. One op = one
// step of the timeline's window.
func BenchmarkRefilter1M(b *testing.B) { benchRefilter(b, "CHRONOMAP_BIG") }

// BenchmarkRefilter10M is BenchmarkRefilter1M on the file of about ten
// million rows CHRONOMAP_HUGE names.
func BenchmarkRefilter10M(b *testing.B) { benchRefilter(b, "CHRONOMAP_HUGE") }

func benchRefilter(b *testing.B, env string) {
	path := os.Getenv(env)
	if path == "" {
		b.Skip(env + " names no file")
	}
	l, err := load(context.Background(), request{Path: path}, nil)
	if err != nil || l.Err != nil {
		b.Fatal(err, l.Err)
	}
	test.NewTempApp(b)
	v := newFileView(l)
	win := test.NewTempWindow(b, v)
	win.Resize(fyne.NewSize(1280, 800))
	c := v.timelineWidget.Chart()
	span := (c.To - c.From) / 4
	b.ResetTimer()
	i := 0
	for b.Loop() {
		from := c.From + float64(i%100)*span/100
		v.timelineWidget.OnWindow(from, from+span)
		i++
	}
	b.ReportMetric(float64(v.counts().shown), "shown")
}

// BenchmarkReopenWorkspace15 opens a workspace of 15 files of 3,000
// events each, as a colleague's briefing might hold, until the window
// shows them all on the tab that was saved. One op = one workspace opened.
func BenchmarkReopenWorkspace15(b *testing.B) {
	dir := b.TempDir()
	ws := &workspace.Workspace{Version: workspace.FormatVersion}
	for k := range 15 {
		p := filepath.Join(dir, fmt.Sprintf("layer-%02d.csv", k))
		if err := os.Rename(bigCSV(b, 3000), p); err != nil {
			b.Fatal(err)
		}
		d, err := dataset.Load(context.Background(), dataset.File{Path: p}, dataset.Options{}, nil)
		if err != nil {
			b.Fatal(err)
		}
		ws.Sources = append(ws.Sources, workspace.Source{Path: p, Mapping: workspace.MappingOf(d.Mapping)})
	}
	path := filepath.Join(dir, "fifteen.chronomap")
	if err := workspace.Save(path, ws); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		w := New(test.NewTempApp(b), nil)
		w.Win.Resize(fyne.NewSize(1280, 800))
		start := time.Now()
		waitIdle(b, w, func() { w.Open(path) })
		w.Win.Canvas().Capture()
		b.ReportMetric(time.Since(start).Seconds(), "s-open")
		if len(w.views) != 15 {
			b.Fatalf("%d files open", len(w.views))
		}
		w.Win.Close()
	}
}

// BenchmarkWindowMemory1M opens a big file (CHRONOMAP_BIG) in a file view
// as the window does, its search index built and both views drawn, and
// reports the heap that stays in use and the process's resident size.
// With CHRONOMAP_HEAP naming a file, it writes the heap profile there, to
// see what holds the memory (go tool pprof -sample_index=inuse_space).
func BenchmarkWindowMemory1M(b *testing.B) {
	path := os.Getenv("CHRONOMAP_BIG")
	if path == "" {
		b.Skip("CHRONOMAP_BIG names no file")
	}
	for b.Loop() {
		l, err := load(context.Background(), request{Path: path}, nil)
		if err != nil || l.Err != nil {
			b.Fatal(err, l.Err)
		}
		if err := l.Data.BuildSearch(context.Background(), nil); err != nil {
			b.Fatal(err)
		}
		test.NewTempApp(b)
		v := newFileView(l)
		win := test.NewTempWindow(b, v)
		win.Resize(fyne.NewSize(1280, 800))
		win.Canvas().Capture()
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		b.ReportMetric(float64(ms.HeapAlloc)/(1<<20), "heap-MiB")
		b.ReportMetric(float64(ms.Sys)/(1<<20), "sys-MiB")
		rss, peak := residentMiB()
		b.ReportMetric(rss, "rss-MiB")
		b.ReportMetric(peak, "peak-rss-MiB")
		if out := os.Getenv("CHRONOMAP_HEAP"); out != "" {
			f, err := os.Create(out)
			if err != nil {
				b.Fatal(err)
			}
			if err := pprof.WriteHeapProfile(f); err != nil {
				b.Fatal(err)
			}
			f.Close()
		}
		runtime.KeepAlive(v)
	}
}

// residentMiB is the process's resident set size now and at its
// highest, from /proc (0 where there is none).
func residentMiB() (now, peak float64) {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0, 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		var kb float64
		switch {
		case strings.HasPrefix(line, "VmRSS:"):
			fmt.Sscan(strings.TrimPrefix(line, "VmRSS:"), &kb)
			now = kb / 1024
		case strings.HasPrefix(line, "VmHWM:"):
			fmt.Sscan(strings.TrimPrefix(line, "VmHWM:"), &kb)
			peak = kb / 1024
		}
	}
	return now, peak
}
