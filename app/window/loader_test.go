package window

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"chronomap/app/workspace"
	"chronomap/assets"
	"chronomap/data/dataset"
	"chronomap/data/events"
)

// bigCSV writes a file of n events, each with a date and coordinates.
func bigCSV(t testing.TB, n int) string {
	t.Helper()
	var b strings.Builder
	b.WriteString("date,title,lat,lon,category\n")
	for i := range n {
		fmt.Fprintf(&b, "2023-%02d-%02d,Event number %d,%.3f,%.3f,%s\n", i%12+1, i%28+1, i, float64(i%170)-85, float64(i%360)-180, []string{"Protest", "Battle", "Meeting"}[i%3])
	}
	p := filepath.Join(t.TempDir(), "events.csv")
	if err := os.WriteFile(p, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestLoadStages loads a file of more than one chunk and checks the
// reports: every stage in order, bytes that only grow up to the file's
// size, a fraction that never goes back.
func TestLoadStages(t *testing.T) {
	p := bigCSV(t, 200_000) // about 9 MB: three chunks
	var seen []Progress
	l, err := load(context.Background(), request{Path: p}, func(pr Progress) { seen = append(seen, pr) })
	if err != nil || l.Err != nil {
		t.Fatal(err, l.Err)
	}
	if l.index().Len() != 200_000 || l.index().Located != 200_000 || l.Path != p {
		t.Errorf("loaded %d events, %d located, path %q", l.index().Len(), l.index().Located, l.Path)
	}
	st, _ := os.Stat(p)
	reads, last := 0, -1.0
	for i, pr := range seen {
		if pr.Fraction() < last {
			t.Errorf("report %d goes back: %.3f after %.3f", i, pr.Fraction(), last)
		}
		last = pr.Fraction()
		if pr.Stage == dataset.Reading {
			reads++
			if pr.Total != st.Size() || pr.Done > pr.Total {
				t.Errorf("report %d: %d of %d bytes, the file has %d", i, pr.Done, pr.Total, st.Size())
			}
		}
	}
	// The last chunk's report, every byte read, begins the parse.
	if reads < 2 {
		t.Errorf("%d reports while reading %d bytes, want one per chunk but the last", reads, st.Size())
	}
	if end := seen[len(seen)-1]; end.Stage != dataset.Done || end.Rows != 200_000 || !strings.Contains(end.String(), "events.csv loaded in") {
		t.Errorf("last report %+v: %q", end, end.String())
	}
	if s := (Progress{File: "a.csv", Progress: dataset.Progress{Done: 84 << 20, Total: 168 << 20, Elapsed: time.Second}}).String(); s != "Reading a.csv — 84 MB of 168 MB · 84 MB/s · 1 s left" {
		t.Errorf("progress line %q", s)
	}
}

// TestLoadCancel cancels while the bytes are read: load stops with the
// context's error and hands back nothing.
func TestLoadCancel(t *testing.T) {
	p := bigCSV(t, 200_000)
	ctx, cancel := context.WithCancel(context.Background())
	l, err := load(ctx, request{Path: p}, func(pr Progress) {
		if pr.Stage == dataset.Reading {
			cancel()
		}
	})
	if !errors.Is(err, context.Canceled) || l.frame() != nil {
		t.Errorf("after Cancel: %v, frame %v", err, l.frame() != nil)
	}
}

// Cancel once the parse has begun stops it too, and what the file took is
// handed back.
func TestLoadCancelWhileParsing(t *testing.T) {
	p := bigCSV(t, 400_000)
	ctx, cancel := context.WithCancel(context.Background())
	var cancelled time.Time
	l, err := load(ctx, request{Path: p}, func(pr Progress) {
		if pr.Stage == dataset.Parsing && cancelled.IsZero() {
			cancelled = time.Now()
			cancel()
		}
	})
	if !errors.Is(err, context.Canceled) || l.frame() != nil {
		t.Fatalf("after Cancel: %v, frame %v", err, l.frame() != nil)
	}
	if took := time.Since(cancelled); took > 2*time.Second {
		t.Errorf("the parse went on %v after Cancel", took)
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	if kept := ms.HeapIdle - ms.HeapReleased; kept > 32<<20 {
		t.Errorf("%d MB idle and not handed back", kept>>20)
	}
}

// A named pipe hung the window's load in open; it is a tab saying why.
func TestLoadNamedPipe(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no named pipes here")
	}
	fifo := filepath.Join(t.TempDir(), "pipe.csv")
	mkfifo(t, fifo)
	done := make(chan Loaded)
	go func() { l, _ := load(context.Background(), request{Path: fifo}, nil); done <- l }()
	select {
	case l := <-done:
		if l.Err == nil || l.Err.Error() != "cannot read "+fifo+": it is a named pipe, not a file; only regular files are read" {
			t.Errorf("error %v", l.Err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("load still running after 5 s")
	}
}

// TestLoadMissing reports a missing file in one sentence, as a tab.
func TestLoadMissing(t *testing.T) {
	l, err := load(context.Background(), request{Path: "/no/such/file.csv"}, nil)
	if err != nil || l.Err == nil || l.Err.Error() != "cannot read /no/such/file.csv: no such file or directory" {
		t.Errorf("got %v, %v", err, l.Err)
	}
}

// TestWindowOpens opens files through the window: each arrives in a tab
// of its own, replacing the sample, and goes on the recent list.
func TestWindowOpens(t *testing.T) {
	w, _ := sampleWindow(t)
	p := bigCSV(t, 1000)
	waitIdle(t, w, func() { w.Open(p, "/no/such/file.csv") })
	if len(w.views) != 2 || w.views[0].file.Path != p || w.views[1].file.Err == nil {
		t.Fatalf("%d tabs after opening two files", len(w.views))
	}
	if got := w.Win.Title(); got != "Chronomap — events.csv and file.csv" {
		t.Errorf("title %q", got)
	}
	// Only the file read goes on the recent list, first (other tests
	// share the list).
	if r := w.recent.List(); len(r) == 0 || r[0] != p || slices.Contains(r, "/no/such/file.csv") {
		t.Errorf("recent files %v, want %s first and no missing file", r, p)
	}
	// Reload reads the file on show again, into the same tab.
	w.tabs.SelectIndex(0)
	waitIdle(t, w, w.reload)
	if len(w.views) != 2 || w.views[0].file.index().Len() != 1000 {
		t.Errorf("after a reload: %d tabs, %d events", len(w.views), w.views[0].file.index().Len())
	}
	w.closeFile()
	if len(w.views) != 1 {
		t.Errorf("%d tabs after closing one", len(w.views))
	}
}

// writeSample writes the bundled sample to a file, to open as a user's.
func writeSample(t *testing.T) string {
	t.Helper()
	name, data := assets.Sample()
	p := filepath.Join(t.TempDir(), filepath.Base(name))
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestSearchIndex opens a file too big to scan as the user types: once its
// index is built, a search answers from it, with the count a scan gives.
func TestSearchIndex(t *testing.T) {
	w, _ := sampleWindow(t)
	p := bigCSV(t, syncSearch+5000)
	waitIdle(t, w, func() { w.Open(p) })
	v := w.active()
	pump(t, w, func() {}, func() bool { return v.file.Data.Searchable() })
	v.searchBox.SetText("battle number 4999")
	want := 0
	for _, ok := range v.file.index().Matching(v.file.frame(), "battle number 4999") {
		if ok {
			want++
		}
	}
	if got := v.counts().shown; got != want || want == 0 {
		t.Errorf("the index shows %d events, a scan finds %d", got, want)
	}
}

// TestRolesChosen gives a file's title column the category role: its
// events are built again with it, and the next file with the same
// columns is read with the same roles.
func TestRolesChosen(t *testing.T) {
	w, _ := sampleWindow(t)
	p := bigCSV(t, 30)
	waitIdle(t, w, func() { w.Open(p) })
	v := w.active()
	m := v.file.Data.Mapping
	// Other tests read files with these columns: leave them the roles
	// detected.
	t.Cleanup(func() { w.mappings.Remember(v.file.frame().Names(), workspace.MappingOf(v.file.Data.Mapping)) })
	if err := m.Set(v.file.frame(), events.Category, "title"); err != nil {
		t.Fatal(err)
	}
	pump(t, w, func() { w.rolesChosen(v, m) }, func() bool { return w.active() != v })
	if nv := w.active(); len(nv.file.Timeline.Events.Legend) != 30 {
		t.Errorf("%d categories after making titles the category, want 30", len(nv.file.Timeline.Events.Legend))
	}
	p2 := bigCSV(t, 10) // the same columns
	waitIdle(t, w, func() { w.Open(p2) })
	if nv := w.active(); nv.file.Path != p2 || len(nv.file.Timeline.Events.Legend) != 10 {
		t.Errorf("a file with the same columns was read with %d categories, want its 10 titles", len(nv.file.Timeline.Events.Legend))
	}
}

// TestWindowCancel cancels a load as soon as it starts: the bar says so at
// once, and the file never arrives.
func TestWindowCancel(t *testing.T) {
	w, _ := sampleWindow(t)
	p := bigCSV(t, 100_000)
	waitIdle(t, w, func() {
		w.Open(p)
		w.cancelLoad()
		if got := w.bar.text.Text; got != "Loading cancelled: events.csv" || w.bar.cancel.Visible() {
			t.Errorf("right after Cancel the bar reads %q", got)
		}
	})
	if len(w.views) != 1 || !w.views[0].file.Sample {
		t.Errorf("%d views after a cancelled load", len(w.views))
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
