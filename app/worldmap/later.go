package worldmap

import (
	"image"
	"sync"

	"chronomap/app/draw"
)

// later draws basemaps off the frame's goroutine, one at a time, for a
// map whose Redraw is set: a zoom's first frame and the frame after it
// has rested then cost a rescale, not the countries.
type later struct {
	mu      sync.Mutex
	busy    bool
	want    *laterJob // the newest asked for while busy; older ones are dropped
	done    []laterJob
	pending map[laterKey]bool
}

// laterKey is a basemap asked for: its view and its margin.
type laterKey struct {
	key baseKey
	pad int
}

type laterJob struct {
	laterKey
	view  Viewport
	theme draw.Theme
	img   *image.RGBA
}

// ask has the basemap of view v with pad pixels of margin drawn, unless
// it is already asked for; redraw is called once it is ready.
func (l *later) ask(key baseKey, pad int, v Viewport, t draw.Theme, redraw func()) {
	l.mu.Lock()
	defer l.mu.Unlock()
	k := laterKey{key, pad}
	if l.pending[k] {
		return
	}
	if l.pending == nil {
		l.pending = map[laterKey]bool{}
	}
	l.pending[k] = true
	j := &laterJob{laterKey: k, view: v, theme: t}
	if l.busy {
		if l.want != nil {
			delete(l.pending, l.want.laterKey)
		}
		l.want = j
		return
	}
	l.busy = true
	go l.run(j, redraw)
}

// run draws jobs until none is wanted, calling redraw after each.
func (l *later) run(j *laterJob, redraw func()) {
	for j != nil {
		v := j.view
		v.Width, v.Height = v.Width+2*j.pad, v.Height+2*j.pad
		s := draw.NewRaster(v.Width, v.Height, j.theme.Background)
		drawBasemap(s, v, j.theme, j.key.graticule)
		j.img = s.Pixels
		l.mu.Lock()
		l.done = append(l.done, *j)
		j, l.want = l.want, nil
		if j == nil {
			l.busy = false
		}
		l.mu.Unlock()
		redraw()
	}
}

// take returns the basemaps drawn since the last call.
func (l *later) take() []laterJob {
	l.mu.Lock()
	defer l.mu.Unlock()
	out := l.done
	l.done = nil
	for _, j := range out {
		delete(l.pending, j.laterKey)
	}
	return out
}
