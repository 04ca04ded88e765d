package workspace

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// fakeClock runs timers when the test advances it, on the test's
// goroutine.
type fakeClock struct {
	mu     sync.Mutex
	now    time.Time
	timers []*fakeTimer
}

type fakeTimer struct {
	c       *fakeClock
	at      time.Time
	f       func()
	stopped bool
}

func newFakeClock() *fakeClock {
	return &fakeClock{now: time.Date(2024, 3, 1, 9, 0, 0, 0, time.UTC)}
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) AfterFunc(d time.Duration, f func()) timer {
	c.mu.Lock()
	defer c.mu.Unlock()
	t := &fakeTimer{c: c, at: c.now.Add(d), f: f}
	c.timers = append(c.timers, t)
	return t
}

func (t *fakeTimer) Stop() bool {
	t.c.mu.Lock()
	defer t.c.mu.Unlock()
	was := !t.stopped
	t.stopped = true
	return was
}

// Advance moves the time on by d and runs the timers due by then, in
// the order they are due.
func (c *fakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	c.now = c.now.Add(d)
	for {
		slices.SortStableFunc(c.timers, func(a, b *fakeTimer) int { return a.at.Compare(b.at) })
		i := slices.IndexFunc(c.timers, func(t *fakeTimer) bool { return !t.stopped && !t.at.After(c.now) })
		if i < 0 {
			break
		}
		t := c.timers[i]
		t.stopped = true
		c.mu.Unlock()
		t.f()
		c.mu.Lock()
	}
	c.mu.Unlock()
}

// recovered returns the single recovery file in dir and its workspace.
func recovered(t *testing.T, dir string) (Recovery, *Workspace) {
	t.Helper()
	recs, err := Pending(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 1 {
		t.Fatalf("%d recovery files, want 1: %+v", len(recs), recs)
	}
	ws, err := recs[0].Load()
	if err != nil {
		t.Fatal(err)
	}
	return recs[0], ws
}

func query(q string) *Workspace { return &Workspace{View: View{Filter: Filter{Query: q}}} }

func TestAutosaveAtMostEveryInterval(t *testing.T) {
	dir := t.TempDir()
	clock := newFakeClock()
	start := clock.Now()
	a := newAutosaver(dir, 30*time.Second, nil, clock)

	if recs, _ := Pending(dir); len(recs) != 0 {
		t.Fatalf("a recovery file before any change: %+v", recs)
	}
	a.Changed(query("one"))
	clock.Advance(0) // the first change is written at once
	r, ws := recovered(t, dir)
	if ws.Filter.Query != "one" || !r.Saved.Equal(start) {
		t.Fatalf("after the first change: %q saved %v", ws.Filter.Query, r.Saved)
	}

	clock.Advance(5 * time.Second)
	a.Changed(query("two"))
	a.Changed(query("three"))
	clock.Advance(24 * time.Second) // 29 s after the first write
	if _, ws := recovered(t, dir); ws.Filter.Query != "one" {
		t.Fatalf("written again %q before the interval passed", ws.Filter.Query)
	}
	clock.Advance(time.Second)
	r, ws = recovered(t, dir)
	if ws.Filter.Query != "three" || !r.Saved.Equal(start.Add(30*time.Second)) {
		t.Fatalf("at the interval: %q saved %v, want the latest change at +30s", ws.Filter.Query, r.Saved)
	}

	// Nothing changed: nothing is written.
	clock.Advance(time.Minute)
	if r2, _ := recovered(t, dir); !r2.Saved.Equal(r.Saved) {
		t.Errorf("written again without a change, at %v", r2.Saved)
	}
	// A change after a quiet spell is written at once.
	a.Changed(query("four"))
	clock.Advance(0)
	if _, ws := recovered(t, dir); ws.Filter.Query != "four" {
		t.Errorf("after a quiet spell: %q", ws.Filter.Query)
	}
}

func TestAutosaveCopiesOnChanged(t *testing.T) {
	dir := t.TempDir()
	clock := newFakeClock()
	a := newAutosaver(dir, time.Second, nil, clock)
	ws := &Workspace{View: View{Filter: Filter{HiddenCategories: []string{"Riots"}}}}
	a.Changed(ws)
	ws.Filter.HiddenCategories[0] = "changed later"
	clock.Advance(0)
	if _, got := recovered(t, dir); got.Filter.HiddenCategories[0] != "Riots" {
		t.Errorf("wrote %v, not the state at Changed", got.Filter.HiddenCategories)
	}
}

func TestAutosaveCrashLeavesRecovery(t *testing.T) {
	dir := t.TempDir()
	config := filepath.Join(dir, "config", "chronomap") // not there yet
	clock := newFakeClock()
	a := newAutosaver(config, time.Minute, nil, clock)
	wsPath := filepath.Join(dir, "proj", "sudan.chronomap")
	ws := full(t, filepath.Join(dir, "proj"))
	if err := Save(wsPath, ws); err != nil {
		t.Fatal(err)
	}
	if err := a.Clean(wsPath); err != nil {
		t.Fatal(err)
	}
	changed := ws.Clone()
	changed.Filter.Query = "El Fasher"
	a.Changed(changed)
	clock.Advance(0)
	// The process dies here: no Close.

	r, got := recovered(t, config)
	if r.Workspace != wsPath || !r.Saved.Equal(clock.Now()) || r.Err != nil {
		t.Errorf("recovery %+v, want workspace %s saved %v", r, wsPath, clock.Now())
	}
	if !reflect.DeepEqual(got, changed) {
		t.Errorf("recovered\n%+v\nwant\n%+v", got, changed)
	}
	if err := r.Discard(); err != nil {
		t.Fatal(err)
	}
	if recs, _ := Pending(config); len(recs) != 0 {
		t.Errorf("still pending after Discard: %+v", recs)
	}
}

func TestAutosaveCloseRemovesRecovery(t *testing.T) {
	dir := t.TempDir()
	clock := newFakeClock()
	a := newAutosaver(dir, time.Minute, nil, clock)
	a.Changed(query("one"))
	clock.Advance(0)
	a.Changed(query("two")) // due in a minute
	if err := a.Close(); err != nil {
		t.Fatal(err)
	}
	a.Changed(query("after close"))
	clock.Advance(time.Hour)
	if err := a.Flush(); err != nil {
		t.Fatal(err)
	}
	if recs, _ := Pending(dir); len(recs) != 0 {
		t.Errorf("a clean exit left %+v", recs)
	}
}

func TestAutosaveCleanCancelsAndRemoves(t *testing.T) {
	dir := t.TempDir()
	clock := newFakeClock()
	a := newAutosaver(dir, time.Minute, nil, clock)
	a.Changed(query("one"))
	clock.Advance(0)
	a.Changed(query("two"))
	if err := a.Clean(filepath.Join(dir, "w.chronomap")); err != nil {
		t.Fatal(err)
	}
	clock.Advance(time.Hour)
	if recs, _ := Pending(dir); len(recs) != 0 {
		t.Errorf("a saved workspace left %+v", recs)
	}
	// Autosaving goes on after a save.
	a.Changed(query("three"))
	clock.Advance(0)
	if r, ws := recovered(t, dir); ws.Filter.Query != "three" || r.Workspace != filepath.Join(dir, "w.chronomap") {
		t.Errorf("after Clean: %+v %q", r, ws.Filter.Query)
	}
}

func TestAutosaveFlush(t *testing.T) {
	dir := t.TempDir()
	clock := newFakeClock()
	a := newAutosaver(dir, time.Hour, nil, clock)
	if err := a.Flush(); err != nil {
		t.Fatal(err)
	}
	if recs, _ := Pending(dir); len(recs) != 0 {
		t.Errorf("Flush with no change wrote %+v", recs)
	}
	a.Changed(query("one"))
	clock.Advance(0)
	a.Changed(query("two"))
	if err := a.Flush(); err != nil {
		t.Fatal(err)
	}
	if _, ws := recovered(t, dir); ws.Filter.Query != "two" {
		t.Errorf("after Flush: %q", ws.Filter.Query)
	}
	// The timer stopped by Flush does not write again.
	clock.Advance(2 * time.Hour)
	a.Changed(query("three"))
	if _, ws := recovered(t, dir); ws.Filter.Query != "two" {
		t.Errorf("written %q without the clock running", ws.Filter.Query)
	}
}

func TestAutosaveReportsFailure(t *testing.T) {
	dir := t.TempDir()
	blocked := filepath.Join(dir, "config")
	os.WriteFile(blocked, nil, 0o644) // a file where the folder should be
	clock := newFakeClock()
	var reported []error
	a := newAutosaver(blocked, time.Second, func(err error) { reported = append(reported, err) }, clock)
	a.Changed(query("one"))
	clock.Advance(0)
	if len(reported) != 1 || !strings.HasPrefix(reported[0].Error(), "autosave: ") {
		t.Errorf("reported %v, want one autosave error", reported)
	}
	a.Changed(query("two"))
	if err := a.Flush(); err == nil {
		t.Error("Flush into a file as a folder succeeded")
	}
}

func TestAutosaversDoNotShareAFile(t *testing.T) {
	dir := t.TempDir()
	clock := newFakeClock()
	a, b := newAutosaver(dir, time.Second, nil, clock), newAutosaver(dir, time.Second, nil, clock)
	a.Changed(query("a"))
	b.Changed(query("b"))
	clock.Advance(0)
	recs, err := Pending(dir)
	if err != nil || len(recs) != 2 {
		t.Fatalf("Pending = %+v, %v; want two files", recs, err)
	}
	a.Close()
	if _, ws := recovered(t, dir); ws.Filter.Query != "b" {
		t.Errorf("closing one removed the other's file")
	}
}

func TestAutosaveConcurrent(t *testing.T) {
	dir := t.TempDir()
	var mu sync.Mutex
	var failures []error
	a := NewAutosaver(dir, time.Millisecond, func(err error) {
		mu.Lock()
		failures = append(failures, err)
		mu.Unlock()
	})
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for i := range 200 {
				a.Changed(query(fmt.Sprint(g, i)))
				if i%50 == 0 {
					if err := a.Flush(); err != nil {
						t.Error(err)
					}
				}
			}
		})
	}
	wg.Wait()
	if err := a.Flush(); err != nil {
		t.Fatal(err)
	}
	if _, ws := recovered(t, dir); !strings.HasSuffix(ws.Filter.Query, " 199") {
		t.Errorf("the last write holds %q, not a last change", ws.Filter.Query)
	}
	if err := a.Close(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(5 * time.Millisecond) // a timer that fired during Close must not write after it
	if recs, _ := Pending(dir); len(recs) != 0 {
		t.Errorf("left after Close: %+v", recs)
	}
	if len(failures) > 0 {
		t.Errorf("background writes failed: %v", failures)
	}
}

func TestPending(t *testing.T) {
	if recs, err := Pending(filepath.Join(t.TempDir(), "none")); recs != nil || err != nil {
		t.Errorf("Pending of a missing folder = %v, %v", recs, err)
	}
	dir := t.TempDir()
	clock := newFakeClock()
	old := newAutosaver(dir, time.Second, nil, clock)
	old.Changed(query("old"))
	clock.Advance(0)
	clock.Advance(time.Hour)
	newer := newAutosaver(dir, time.Second, nil, clock)
	newer.Changed(query("newer"))
	clock.Advance(0)
	// Not recovery files: another config file, a temporary file.
	os.WriteFile(filepath.Join(dir, "recent.json"), []byte(`{}`), 0o644)
	os.WriteFile(filepath.Join(dir, ".autosave-1.chronomap.123.tmp"), []byte(`{`), 0o644)
	broken := filepath.Join(dir, recoveryPrefix+"1-2-3"+recoverySuffix)
	os.WriteFile(broken, []byte(`{"version": 1, `), 0o644)

	recs, err := Pending(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 3 {
		t.Fatalf("Pending = %+v, want 3", recs)
	}
	var queries []string
	for _, r := range recs {
		if r.Err != nil {
			if r.Path != broken {
				t.Errorf("unexpected error %v", r.Err)
			}
			if _, err := r.Load(); err == nil || !strings.Contains(err.Error(), "line 1") {
				t.Errorf("Load of a broken recovery file: %v", err)
			}
			if err := r.Discard(); err != nil {
				t.Error(err)
			}
			continue
		}
		ws, err := r.Load()
		if err != nil {
			t.Fatal(err)
		}
		queries = append(queries, ws.Filter.Query)
	}
	if want := []string{"newer", "old"}; !slices.Equal(queries, want) {
		t.Errorf("recovered %v, want newest first %v", queries, want)
	}
	if _, err := os.Stat(broken); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("Discard left the broken file: %v", err)
	}
}
