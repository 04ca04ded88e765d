package window

import (
	"context"

	"chronomap/app/worldmap"
	"chronomap/data/dataset"
	"chronomap/data/events"
	"chronomap/data/frame"
)

// loadFrame prepares a frame already read for the window, with its roles
// detected, as a file read from disk would be.
func loadFrame(title string, f *frame.Frame, sample bool) Loaded {
	d, err := dataset.Build(context.Background(), title, f, events.Detect(f))
	l := loaded(title, d, err)
	l.Sample = sample
	if !sample {
		l.Path = f.Source.Path
	}
	return l
}

// mapShows reports whether the map shows event i.
func mapShows(m *worldmap.Map, i int) bool { return m.Shown == nil || m.Shown[i] }

// tableOnly is a frame as a file that made no events: a table, its
// reader's problems, no map and no timeline.
func tableOnly(f *frame.Frame) *dataset.Dataset {
	return &dataset.Dataset{Name: f.Source.Path, Frame: f, Index: &events.Index{}, Problems: f.Problems}
}
