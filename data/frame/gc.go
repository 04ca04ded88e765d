package frame

import (
	"runtime/debug"
	"sync"
)

// While a frame is built, gota boxes every cell it is given into a small
// heap object that is garbage at once (16 bytes a cell, 110 MB for a
// million rows of eleven columns). Left to the default pacer, that garbage
// can double the heap; a tight GC target while building keeps the peak
// close to what the frame really holds, for a little more GC work.
var (
	gcMu      sync.Mutex
	gcBuilds  int // builds under way
	gcPercent int // the setting to restore when the last one ends
)

const buildGCPercent = 10

// tightGC lowers the GC target until the returned function is called.
// Overlapping builds share one lowered setting; the last restores it.
func tightGC() (restore func()) {
	gcMu.Lock()
	defer gcMu.Unlock()
	if gcBuilds == 0 {
		gcPercent = debug.SetGCPercent(buildGCPercent)
		if gcPercent >= 0 && gcPercent < buildGCPercent {
			debug.SetGCPercent(gcPercent) // already tighter: keep it
		}
	}
	gcBuilds++
	return func() {
		gcMu.Lock()
		defer gcMu.Unlock()
		gcBuilds--
		if gcBuilds == 0 {
			debug.SetGCPercent(gcPercent)
		}
	}
}
