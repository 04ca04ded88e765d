// Package startup times the way from the command to the first frame: with
// CHRONOMAP_TRACE_START set to the Unix time in nanoseconds at which the
// command was given (`CHRONOMAP_TRACE_START=$(date +%s%N) chronomap`),
// each milestone is written once to stderr as the milliseconds since.
// Unset, a mark costs a load and a comparison.
package startup

import (
	"fmt"
	"os"
	"strconv"
	"sync"
	"time"
)

var (
	from = func() time.Time {
		n, err := strconv.ParseInt(os.Getenv("CHRONOMAP_TRACE_START"), 10, 64)
		if err != nil || n <= 0 {
			return time.Time{}
		}
		return time.Unix(0, n)
	}()
	mu   sync.Mutex
	seen = map[string]bool{}
)

// Mark writes, the first time it is called with what, how long after the
// command it was.
func Mark(what string) {
	if from.IsZero() {
		return
	}
	at := time.Since(from)
	mu.Lock()
	defer mu.Unlock()
	if seen[what] {
		return
	}
	seen[what] = true
	fmt.Fprintf(os.Stderr, "startup: %s %.1f ms\n", what, float64(at.Microseconds())/1000)
}
