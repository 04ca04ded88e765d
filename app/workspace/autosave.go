package workspace

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"
)

// Autosaver keeps a recovery copy of a workspace that has changes not yet
// saved, in a folder of its own (the window passes its app's storage folder),
// writing at most once every interval. Close removes the copy: a copy left
// behind means Chronomap did not close cleanly, and Pending finds it on the
// next start. Its methods may be called from any goroutine.
type Autosaver struct {
	path   string // the recovery file
	every  time.Duration
	report func(error)
	clock  clock

	// writing is held while the file is written or removed, so that a
	// write in flight cannot land after Close removed the file.
	writing sync.Mutex

	mu        sync.Mutex
	workspace string     // the .chronomap file the state belongs to, "" if never saved
	state     *Workspace // the changes not yet written; nil when there are none
	last      time.Time  // when the file was last written
	timer     timer      // the write to come, nil when none is due
	gen       int        // counts the timers, so that a stopped one that fired anyway is known
	closed    bool
}

// NewAutosaver returns an Autosaver writing to a recovery file of its own
// in dir (made if need be) at most once every interval. report, when not
// nil, hears of a write that failed in the background; it is called on
// the Autosaver's goroutine.
func NewAutosaver(dir string, every time.Duration, report func(error)) *Autosaver {
	return newAutosaver(dir, every, report, realClock{})
}

// sequence tells apart the Autosavers of one process (one per window).
var sequence atomic.Int64

func newAutosaver(dir string, every time.Duration, report func(error), c clock) *Autosaver {
	// The start time keeps a new session from reusing the name of a
	// crashed one's file before the user has had a chance to recover it.
	name := fmt.Sprintf("%s%d-%d-%d%s", recoveryPrefix, c.Now().UnixNano(), os.Getpid(), sequence.Add(1), recoverySuffix)
	return &Autosaver{path: filepath.Join(dir, name), every: every, report: report, clock: c}
}

// Changed records that ws changed. A copy is taken at once, so ws may go
// on changing; it is written when the interval since the last write has
// passed, at once if it already has.
func (a *Autosaver) Changed(ws *Workspace) {
	c := ws.Clone()
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.closed {
		return
	}
	a.state = c
	if a.timer == nil {
		wait := max(a.every-a.clock.Now().Sub(a.last), 0)
		a.gen++
		gen := a.gen
		a.timer = a.clock.AfterFunc(wait, func() { a.tick(gen) })
	}
}

// Clean records that the workspace is as it stands in path, just saved
// there or opened from it ("" for a new, empty one), and removes the
// recovery file: there is nothing to recover. Later recovery files say
// they belong to path.
func (a *Autosaver) Clean(path string) error {
	if path != "" {
		if abs, err := filepath.Abs(path); err == nil {
			path = abs
		}
	}
	a.mu.Lock()
	a.workspace = path
	a.state = nil
	a.stop()
	a.mu.Unlock()
	return a.remove()
}

// Flush writes the changes not yet written now, without waiting for the
// interval; it returns the write's error.
func (a *Autosaver) Flush() error {
	a.writing.Lock()
	defer a.writing.Unlock()
	a.mu.Lock()
	a.stop()
	ws, err := a.take()
	a.mu.Unlock()
	if err != nil || ws == nil {
		return err
	}
	return a.write(ws)
}

// Close stops autosaving and removes the recovery file, as on a clean exit
// after the user saved or chose to discard the changes. Changed does
// nothing after Close.
func (a *Autosaver) Close() error {
	a.mu.Lock()
	a.closed = true
	a.state = nil
	a.stop()
	a.mu.Unlock()
	return a.remove()
}

// tick is the write of timer number gen.
func (a *Autosaver) tick(gen int) {
	a.writing.Lock()
	defer a.writing.Unlock()
	a.mu.Lock()
	if gen != a.gen || a.timer == nil {
		// Stopped after it fired: Flush or Clean dealt with the state.
		a.mu.Unlock()
		return
	}
	a.timer = nil
	ws, err := a.take()
	a.mu.Unlock()
	if err == nil && ws != nil {
		err = a.write(ws)
	}
	if err != nil && a.report != nil {
		a.report(err)
	}
}

// take returns the state to write, as the recovery file holds it, and
// marks it written; nil when there is nothing to write. a.mu is held.
func (a *Autosaver) take() (*file, error) {
	if a.state == nil || a.closed {
		return nil, nil
	}
	now := a.clock.Now()
	f, err := toFile(a.state, "")
	if err != nil {
		return nil, fmt.Errorf("autosave: %w", err)
	}
	f.Autosave = &autosaveInfo{Saved: now.UTC().Format(time.RFC3339), Workspace: a.workspace, PID: os.Getpid()}
	a.state = nil
	a.last = now
	return f, nil
}

// write writes the recovery file; a.writing is held.
func (a *Autosaver) write(f *file) error {
	if err := os.MkdirAll(filepath.Dir(a.path), 0o755); err != nil {
		return fmt.Errorf("autosave: %w", err)
	}
	if err := writeJSON(a.path, f); err != nil {
		return fmt.Errorf("autosave: %w", err)
	}
	return nil
}

// remove removes the recovery file, if there is one.
func (a *Autosaver) remove() error {
	a.writing.Lock()
	defer a.writing.Unlock()
	if err := os.Remove(a.path); err != nil && !os.IsNotExist(err) {
		return fmt.Errorf("autosave: %w", err)
	}
	return nil
}

// stop cancels the write to come; a.mu is held.
func (a *Autosaver) stop() {
	if a.timer != nil {
		a.timer.Stop()
		a.timer = nil
	}
}

// clock is the time as the Autosaver sees it; tests give it a fake one.
type clock interface {
	Now() time.Time
	AfterFunc(d time.Duration, f func()) timer
}

type timer interface{ Stop() bool }

type realClock struct{}

func (realClock) Now() time.Time { return time.Now() }

func (realClock) AfterFunc(d time.Duration, f func()) timer { return time.AfterFunc(d, f) }
