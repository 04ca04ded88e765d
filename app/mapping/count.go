package mapping

import (
	"errors"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"

	"chronomap/data/dates"
	"chronomap/data/events"
	"chronomap/data/frame"
)

// Counts is what a mapping makes of a whole frame: the figures of the live
// line under the preview.
type Counts struct {
	Rows     int // data rows in the frame
	Events   int // rows with a usable start
	Located  int // events with coordinates, given or found by name
	Geocoded int // of those, placed by name
	Problems int // row problems, the reader's and the index's, as the window lists them
	// Ambiguous lists the date columns whose order of day and month no
	// value settles, whatever order the mapping chose: the dialog offers
	// the choice as long as the column needs one.
	Ambiguous []Ambiguity
}

// Ambiguity is a date column that reads day-first and month-first alike.
type Ambiguity struct {
	Column  string
	Example string // a value that reads both ways, as written
}

// count builds the events of f under m, as the window will, and counts
// them. It takes as long as loading the file does.
func count(f *frame.Frame, m events.Mapping) Counts {
	x, probs := events.Build(f, m)
	return Counts{
		Rows: f.Rows(), Events: x.Len(), Located: x.Located, Geocoded: x.Geocoded,
		Problems:  len(f.Problems) + len(probs),
		Ambiguous: ambiguous(f, m),
	}
}

// detectLimit is how many values of a date column decide its order, as
// many as events.Build reads for the same decision, so that the two agree.
const detectLimit = 200_000

// ambiguous lists the single date columns of m whose day/month order is
// not settled by their values. Build reports this only while the order is
// unchosen; asking the columns themselves keeps the choice on screen after
// the user has made it.
func ambiguous(f *frame.Frame, m events.Mapping) []Ambiguity {
	var out []Ambiguity
	for _, r := range []events.Role{events.Start, events.End} {
		cols := m.Columns[r]
		if len(cols) != 1 { // split dates have a month column: no order to choose
			continue
		}
		ci := f.Col(cols[0])
		if ci < 0 {
			continue
		}
		n := f.Rows()
		step := max(1, (n+detectLimit-1)/detectLimit)
		vals := make([]string, 0, min(n, detectLimit))
		for i := 0; i < n; i += step {
			vals = append(vals, f.Text(i, ci))
		}
		c := dates.Detect(cols[0], vals)
		if !c.Ambiguous {
			continue
		}
		a := Ambiguity{Column: cols[0], Example: "04/05/2023"}
		for _, v := range vals {
			var de *dates.Error
			if _, err := c.Parse(v); errors.As(err, &de) && de.Ambiguous {
				a.Example = strings.TrimSpace(v)
				break
			}
		}
		out = append(out, a)
	}
	return out
}

// counter recounts a frame in the background as the mapping changes. It
// waits until the changes pause (delay), runs one count at a time, starts
// the newest mapping next when one is waiting, and hands only the result
// of the newest mapping to done, on the UI goroutine. events.Build cannot
// be stopped midway, so a stale count runs to its end and is dropped.
type counter struct {
	f     *frame.Frame
	delay time.Duration
	count func(*frame.Frame, events.Mapping) Counts
	done  func(Counts)
	do    func(func()) // runs on the UI goroutine: fyne.Do

	mu      sync.Mutex
	want    uint64 // number of the newest request
	started uint64 // number of the request last started
	next    events.Mapping
	timer   *time.Timer
	waiting bool // the timer is set and has not fired
	running bool
	stopped bool
	jobs    sync.WaitGroup
}

// newCounter returns a counter of f that hands its results to done.
func newCounter(f *frame.Frame, done func(Counts)) *counter {
	return &counter{f: f, delay: 250 * time.Millisecond, count: count, done: done, do: fyne.Do}
}

// request asks for m to be counted; an earlier request not yet handed
// over is forgotten.
func (c *counter) request(m events.Mapping) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.stopped {
		return
	}
	c.want++
	c.next = clone(m)
	if c.timer != nil {
		c.timer.Stop()
	}
	c.waiting = true
	c.timer = time.AfterFunc(c.delay, c.fire)
}

// fire starts the newest request once the changes have paused.
func (c *counter) fire() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.waiting = false
	c.startLocked()
}

// startLocked starts counting the newest request unless a count is
// running (it starts the newest when it ends) or the newest has started.
func (c *counter) startLocked() {
	if c.running || c.stopped || c.started == c.want {
		return
	}
	c.running, c.started = true, c.want
	gen, m := c.want, c.next
	c.jobs.Add(1)
	go c.run(gen, m)
}

func (c *counter) run(gen uint64, m events.Mapping) {
	defer c.jobs.Done()
	res := c.count(c.f, m)
	c.mu.Lock()
	c.running = false
	if !c.waiting {
		c.startLocked() // a request came while counting: go on with it now
	}
	fresh := gen == c.want && !c.stopped
	c.mu.Unlock()
	if !fresh {
		return
	}
	c.do(func() {
		// A request may have come between the count and this call.
		c.mu.Lock()
		fresh := gen == c.want && !c.stopped
		c.mu.Unlock()
		if fresh {
			c.done(res)
		}
	})
}

// stop drops every result still to come; the dialog calls it on closing.
func (c *counter) stop() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.stopped = true
	if c.timer != nil {
		c.timer.Stop()
	}
}
