// Package pacer keeps the garbage collector's target tight while large
// tables are built.
//
// Building a frame and its event index from a large file makes short-lived
// buffers (a column's cells, its numbers, the row-order columns of the
// index) of tens of megabytes each. Left to the default pacer, which lets the
// heap grow to twice what survived the last collection, that garbage can
// add hundreds of megabytes to the peak; a tight target keeps the peak close
// to what the frame really holds, for a little more GC work.
package pacer

import (
	"runtime/debug"
	"sync"
)

var (
	gcMu      sync.Mutex
	gcBuilds  int // builds under way
	gcPercent int // the setting to restore when the last one ends
)

const buildGCPercent = 10

// Big is the number of rows from which a build is worth a tight target.
const Big = 100_000

// Tight lowers the GC target until the returned function is called.
// Overlapping builds share one lowered setting; the last restores it.
func Tight() (restore func()) {
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
