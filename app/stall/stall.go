// Package stall measures how long the UI thread is kept from its work:
// with CHRONOMAP_TRACE_UI set (to anything), a heartbeat asks the UI
// thread every 5 ms to run an empty function, and each time it had to
// wait longer than a frame (16.7 ms at 60 Hz) it writes the wait to
// stderr, with the seconds since the watch began:
//
//	ui: stalled 48.2 ms at 3.41 s
//
// and, every second in which the wait was ever above 2 ms, the longest
// one. A load that works in the background leaves the heartbeat at a few
// milliseconds however big the file; work done on the UI thread shows as
// a stall of its length.
package stall

import (
	"fmt"
	"io"
	"os"
	"time"

	"fyne.io/fyne/v2"
)

// frame is the longest wait that still lets a 60 Hz display draw every
// frame.
const frame = time.Second / 60

// Watch starts the heartbeat when CHRONOMAP_TRACE_UI is set; call it once
// the app exists.
func Watch() {
	if os.Getenv("CHRONOMAP_TRACE_UI") == "" {
		return
	}
	go beat(os.Stderr, fyne.Do, 5*time.Millisecond)
}

// beat runs the heartbeat on do, the way to the UI thread, forever.
func beat(out io.Writer, do func(func()), every time.Duration) {
	start := time.Now()
	second, worst := 0, time.Duration(0)
	ran := make(chan time.Time, 1)
	for {
		t0 := time.Now()
		// The time is taken on the UI thread: how long this goroutine
		// then waits to be scheduled is no stall of the UI.
		do(func() { ran <- time.Now() })
		wait := (<-ran).Sub(t0)
		at := t0.Sub(start)
		if wait > frame {
			fmt.Fprintf(out, "ui: stalled %.1f ms at %.2f s\n", ms(wait), at.Seconds())
		}
		if s := int(at / time.Second); s != second {
			if worst > 2*time.Millisecond {
				fmt.Fprintf(out, "ui: second %d longest wait %.1f ms\n", second, ms(worst))
			}
			second, worst = s, 0
		}
		worst = max(worst, wait)
		time.Sleep(every)
	}
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
