package timelineview

import (
	"context"
	"fmt"
	"image/png"
	"math"
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"chronomap/app/timeline"
	"chronomap/data/dataset"
)

func sampleChart(t *testing.T) *timeline.Chart {
	d, err := dataset.Sample()
	if err != nil {
		t.Fatal(err)
	}
	return &timeline.Chart{Events: timeline.FromDataset(d)}
}

// TestTimelineZoomsAndPans drives the widget: the wheel zooms about the
// pointer (the time under it stays put), a drag pans, keys zoom and Home
// shows everything again; each change is reported.
func TestTimelineZoomsAndPans(t *testing.T) {
	test.NewTempApp(t)
	c := sampleChart(t)
	w := New(c)
	win := test.NewTempWindow(t, w)
	win.SetPadded(false) // pointer positions are then the widget's own
	win.Resize(fyne.NewSize(900, 420))
	win.Canvas().Capture()
	from, to := c.From, c.To
	changes := 0
	w.OnWindow = func(float64, float64) { changes++ }

	pointer := fyne.NewPos(500, 200)
	px := float64(pointer.X * w.scale)
	under := c.TimeAt(w.width, px)
	// fyne/test's Scroll leaves the position out: send the event itself.
	w.Scrolled(&fyne.ScrollEvent{PointEvent: fyne.PointEvent{Position: pointer}, Scrolled: fyne.Delta{DY: 10}})
	if got := (to - from) / (c.To - c.From); math.Abs(got-1.25) > 1e-9 {
		t.Errorf("a wheel notch zoomed by %g, want 1.25", got)
	}
	if after := c.TimeAt(w.width, px); math.Abs(after-under) > 1 {
		t.Errorf("the time under the pointer moved by %g s", after-under)
	}
	before := c.From
	test.Drag(win.Canvas(), fyne.NewPos(500, 200), 80, 0)
	if c.From >= before {
		t.Error("dragging right did not move the window earlier")
	}
	w.TypedRune('+')
	w.TypedKey(&fyne.KeyEvent{Name: fyne.KeyHome})
	if c.From != from || c.To != to {
		t.Errorf("Home gave %v–%v, want the fitted %v–%v", c.From, c.To, from, to)
	}
	if changes != 4 {
		t.Errorf("%d window changes reported, want 4", changes)
	}
	if p := os.Getenv("CHRONOMAP_SHOT"); p != "" {
		f, _ := os.Create(p)
		png.Encode(f, win.Canvas().Capture())
		f.Close()
	}
}

// shown puts the sample's timeline in an unpadded 1000×420 window and
// draws a frame, so that hit tests have something to test.
func shown(t *testing.T) (*timeline.Chart, *Timeline) {
	test.NewTempApp(t)
	c := sampleChart(t)
	w := New(c)
	win := test.NewTempWindow(t, w)
	win.SetPadded(false) // pointer positions are then the widget's own
	win.Resize(fyne.NewSize(1000, 420))
	win.Canvas().Capture()
	return c, w
}

// anyEvent finds a point of the plot with an event under it, in widget
// units, scanning the way a pointer would.
func anyEvent(t *testing.T, c *timeline.Chart, w *Timeline) (int, fyne.Position) {
	t.Helper()
	for y := float32(100); y < 400; y += 4 {
		for x := float32(200); x < 900; x += 6 {
			if id, ok := c.At(float64(x*w.scale), float64(y*w.scale)); ok {
				return id, fyne.NewPos(x, y)
			}
		}
	}
	t.Fatal("no event found under any point of the plot")
	return 0, fyne.Position{}
}

// TestTimelineSelects checks that clicking an event's marker or label
// selects it, and clicking empty space clears the selection.
func TestTimelineSelects(t *testing.T) {
	c, w := shown(t)
	got := -2
	w.OnSelect = func(i int) { got = i }
	id, at := anyEvent(t, c, w)
	w.Tapped(&fyne.PointEvent{Position: at})
	if got != id || !c.Selected[id] {
		t.Errorf("clicked event %d, selected %d (%v)", id, got, c.Selected)
	}
	w.Tapped(&fyne.PointEvent{Position: fyne.NewPos(990, 410)})
	if got != -1 || c.Selected != nil {
		t.Errorf("clicking empty space selected %d", got)
	}
}

// TestTimelineBrush checks that a drag on the overview band sets the
// window to the brushed span.
func TestTimelineBrush(t *testing.T) {
	c, w := shown(t)
	b, ok := c.Overview(w.width, w.height)
	if !ok {
		t.Fatal("no overview band after a frame")
	}
	y := float32((b.Y0+b.Y1)/2) / w.scale
	x0 := float32(b.X0+(b.X1-b.X0)*0.25) / w.scale
	x1 := float32(b.X0+(b.X1-b.X0)*0.5) / w.scale
	w.MouseDown(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(x0, y)}})
	w.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(x1, y)}})
	w.DragEnd()
	wantFrom, wantTo := b.Time(float64(x0*w.scale)), b.Time(float64(x1*w.scale))
	if math.Abs(c.From-wantFrom) > 1 || math.Abs(c.To-wantTo) > 1 {
		t.Errorf("window %v–%v, want the brushed %v–%v", c.From, c.To, wantFrom, wantTo)
	}
}

// TestTimelinePlayback checks that playback moves the window forward by
// its speed, loops back past the last event, stops there without loop,
// and that Pause stops it.
func TestTimelinePlayback(t *testing.T) {
	test.NewTempApp(t)
	c := sampleChart(t)
	w := New(c)
	test.NewTempWindow(t, w).Resize(fyne.NewSize(900, 400))
	span := c.To - c.From
	w.Play(0.5, true)
	defer w.Pause()
	from := c.From
	if !w.advance(1) || math.Abs(c.From-from-span/2) > 1e-6 || math.Abs(c.To-c.From-span) > 1e-6 {
		t.Fatalf("one second at half a window a second moved the window from %v to %v (span %v)", from, c.From, span)
	}
	first, last := w.extent()
	c.From, c.To = last+1, last+1+span
	if !w.advance(0.01) || c.To != first {
		t.Errorf("past the last event the loop went to %v–%v, want to end at the first event %v", c.From, c.To, first)
	}
	w.Play(0.5, false)
	c.From, c.To = last+1, last+1+span
	if w.advance(0.01) {
		t.Error("without loop, playback went on past the last event")
	}
	w.Pause()
	if w.Playing() || w.advance(1) {
		t.Error("Pause did not stop playback")
	}
}

// TestTimelineHoverAndCollapse checks that hovering an event names it with
// its date, and that clicking a lane's header collapses and expands it.
func TestTimelineHoverAndCollapse(t *testing.T) {
	c, w := shown(t)
	_, at := anyEvent(t, c, w)
	w.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: at}})
	if !strings.Contains(w.tip, "2023") {
		t.Errorf("hover tip %q does not give the date", w.tip)
	}
	w.MouseOut()
	if w.tip != "" {
		t.Errorf("the tip stayed after the pointer left: %q", w.tip)
	}
	// The first lane's header sits in the gutter, below the axis.
	var lane int
	found := false
	for y := float32(100); y < 400 && !found; y += 2 {
		if l, ok := c.LaneAt(w.width, 30, float64(y*w.scale)); ok {
			lane, found = l, true
			w.Tapped(&fyne.PointEvent{Position: fyne.NewPos(30/w.scale, y)})
		}
	}
	if !found || !c.Collapsed[lane] {
		t.Fatalf("clicking a lane header did not collapse it (found %v)", found)
	}
}

// TestTimelineWidensToMore zooms into the sample's start, where events
// lie after the window: a click on the "later" marker moves the window's
// end out to the last event, and is reported.
func TestTimelineWidensToMore(t *testing.T) {
	test.NewTempApp(t)
	c := sampleChart(t)
	e := c.Events
	first, last := float64(e.Start[0]), float64(e.Stop[0])
	for i := range e.Start {
		first, last = math.Min(first, float64(e.Start[i])), math.Max(last, float64(e.Stop[i]))
	}
	c.From, c.To = first-86400, first+2*86400
	w := New(c)
	win := test.NewTempWindow(t, w)
	win.SetPadded(false)
	win.Resize(fyne.NewSize(1000, 420))
	win.Canvas().Capture()
	if _, later := c.Outside(); later == 0 {
		t.Fatal("no events after the window")
	}
	var at fyne.Position
	found := false
	for y := float32(0); y < 160 && !found; y += 2 {
		for x := float32(500); x < 1000 && !found; x += 4 {
			if side, ok := c.MoreAt(float64(x*w.scale), float64(y*w.scale)); ok && side == timeline.Later {
				at, found = fyne.NewPos(x, y), true
			}
		}
	}
	if !found {
		t.Fatal("no \"later\" marker in the frame")
	}
	reported := 0.0
	w.OnWindow = func(_, to float64) { reported = to }
	w.Tapped(&fyne.PointEvent{Position: at})
	if c.To < last || reported != c.To {
		t.Errorf("after the click the window ends at %v (reported %v), want past the last event's end %v", c.To, reported, last)
	}
	if _, later := c.Outside(); later != 0 {
		t.Errorf("%d events still after the window", later)
	}
}

// TestTimelineScrollsLanes opens twenty lanes in a window too low for
// them: the wheel over the lane headers scrolls them down without
// zooming, a drag upwards scrolls further, and neither goes past the end.
func TestTimelineScrollsLanes(t *testing.T) {
	test.NewTempApp(t)
	var b strings.Builder
	b.WriteString("date,category,title\n")
	for k := range 20 {
		for d := range 5 {
			fmt.Fprintf(&b, "2023-11-%02d,Type %02d,Event %d\n", 1+d*3, k, d)
		}
	}
	d, err := dataset.Load(context.Background(), dataset.Bytes{Title: "twenty.csv", Data: []byte(b.String())}, dataset.Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	c := &timeline.Chart{Events: timeline.FromDataset(d)}
	w := New(c)
	win := test.NewTempWindow(t, w)
	win.SetPadded(false)
	win.Resize(fyne.NewSize(900, 400))
	win.Canvas().Capture()
	if c.Overflow() <= 0 {
		t.Fatal("twenty lanes fit in 400 px")
	}
	from, to := c.From, c.To
	w.Scrolled(&fyne.ScrollEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(40, 250)}, Scrolled: fyne.Delta{DY: -60}})
	if c.Scroll <= 0 || c.From != from || c.To != to {
		t.Errorf("the wheel over the headers: scroll %.0f, window %v–%v (was %v–%v)", c.Scroll, c.From, c.To, from, to)
	}
	was := c.Scroll
	w.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(400, 200)}, Dragged: fyne.Delta{DY: -50}})
	if c.Scroll <= was {
		t.Errorf("dragging up scrolled from %.0f to %.0f", was, c.Scroll)
	}
	for range 50 {
		w.Scrolled(&fyne.ScrollEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(40, 250)}, Scrolled: fyne.Delta{DY: -100}})
	}
	win.Canvas().Capture()
	if c.Scroll != c.Overflow() {
		t.Errorf("scrolled to %.0f, past the end %.0f", c.Scroll, c.Overflow())
	}
}
