package timelineview

import (
	"time"

	"fyne.io/fyne/v2"
)

// playback moves the window through time.
type playback struct {
	stop  chan struct{}
	speed float64 // windows per second
	loop  bool
}

// framesPerSecond is how often playback moves the window: smooth, and
// well within a frame's budget at a million events.
const framesPerSecond = 30

// Play moves the window forward through time at speed windows a second
// (0.1 crosses one window in ten seconds) until Pause, or until it passes
// the last event; with loop it starts again from the first. Other views
// follow through OnWindow.
func (t *Timeline) Play(speed float64, loop bool) {
	t.Pause()
	p := &playback{stop: make(chan struct{}), speed: speed, loop: loop}
	t.play = p
	go func() {
		tick := time.NewTicker(time.Second / framesPerSecond)
		defer tick.Stop()
		for {
			select {
			case <-p.stop:
				return
			case <-tick.C:
				fyne.Do(func() {
					if t.play == p && !t.advance(1.0/framesPerSecond) {
						t.Pause()
					}
				})
			}
		}
	}()
}

// Pause stops playback; the window stays where it is.
func (t *Timeline) Pause() {
	if t.play != nil {
		close(t.play.stop)
		t.play = nil
	}
}

// Playing reports whether playback is running.
func (t *Timeline) Playing() bool { return t.play != nil }

// advance moves the window by the playback's speed over a time step, and
// reports whether playback goes on: past the last event it loops back to
// the first, or stops.
func (t *Timeline) advance(seconds float64) bool {
	p := t.play
	if p == nil {
		return false
	}
	c := t.chart
	span := c.To - c.From
	c.From += span * p.speed * seconds
	c.To = c.From + span
	first, last := t.extent()
	if c.From > last {
		if !p.loop {
			t.changed()
			return false
		}
		c.From = first - span
		c.To = first
	}
	t.changed()
	return true
}

// extent is the span of the events: the first start and the last stop.
func (t *Timeline) extent() (first, last float64) {
	e := t.chart.Events
	if e == nil || e.Len() == 0 {
		return t.chart.From, t.chart.To
	}
	first, last = float64(e.Start[0]), float64(e.Stop[0])
	for i := range e.Start {
		first, last = min(first, float64(e.Start[i])), max(last, float64(e.Stop[i]))
	}
	return first, last
}
