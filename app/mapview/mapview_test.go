package mapview

import (
	"image/png"
	"math"
	"os"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"github.com/paulmach/orb"

	"chronomap/app/draw"
	"chronomap/app/worldmap"
	"chronomap/data/dataset"
)

func sampleMap(t *testing.T) *worldmap.Map {
	d, err := dataset.Sample()
	if err != nil {
		t.Fatal(err)
	}
	return &worldmap.Map{View: worldmap.Viewport{Projection: worldmap.EqualEarth}, Theme: draw.Light, Events: worldmap.FromDataset(d)}
}

// TestMapPansZoomsAndSelects drives the widget as a user would: the view
// fits the sample, a drag pans, the wheel zooms, a click on Moscow selects
// an event there and hovering names it.
func TestMapPansZoomsAndSelects(t *testing.T) {
	test.NewTempApp(t)
	model := sampleMap(t)
	w := New(model)
	win := test.NewTempWindow(t, w)
	win.Resize(fyne.NewSize(900, 560))
	img := win.Canvas().Capture()
	if img.Bounds().Dx() < 800 {
		t.Fatalf("capture %v", img.Bounds())
	}
	v := model.View
	if v.Width == 0 || v.MetresPerPx <= 0 {
		t.Fatalf("the view was not fitted: %+v", v)
	}

	// Select by clicking on Moscow's marker.
	selected := -2
	w.OnSelect = func(i int) { selected = i }
	moscow := v.Pixel(orb.Point{37.6173, 55.7558})
	pos := fyne.NewPos(float32(moscow[0])/w.scale, float32(moscow[1])/w.scale)
	test.TapCanvas(win.Canvas(), pos)
	if selected < 0 || !strings.Contains(model.Events.Label[selected], "Shoigu") {
		t.Errorf("clicking Moscow selected %d", selected)
	}
	test.MoveMouse(win.Canvas(), pos)
	if !strings.Contains(w.tip, "Shoigu") {
		t.Errorf("hovering Moscow shows %q", w.tip)
	}

	test.Drag(win.Canvas(), fyne.NewPos(450, 280), 100, 40)
	if moved := model.View.Center; moved == v.Center {
		t.Error("a drag did not pan the map")
	}
	before := model.View.MetresPerPx
	test.Scroll(win.Canvas(), fyne.NewPos(450, 280), 0, 10)
	if after := model.View.MetresPerPx; math.Abs(before/after-1.25) > 1e-6 {
		t.Errorf("a wheel notch zoomed by %g, want 1.25", before/after)
	}
	queue := make(chan func(), 4)
	w.do = func(f func()) { queue <- f }
	w.TypedRune('-')
	if model.View.MetresPerPx <= before/1.25 {
		t.Error("- did not zoom out")
	}
	// While the zoom goes on the map rescales its last sharp basemap;
	// once it rests it is drawn sharp again.
	if !model.Moving {
		t.Error("a zoom did not mark the view as moving")
	}
	select {
	case f := <-queue:
		f()
	case <-time.After(10 * time.Second):
		t.Fatal("the zoom never came to rest")
	}
	if model.Moving {
		t.Error("after the zoom rested the map is still moving")
	}

	if os.Getenv("CHRONOMAP_SHOT") != "" {
		f, _ := os.Create(os.Getenv("CHRONOMAP_SHOT"))
		png.Encode(f, win.Canvas().Capture())
		f.Close()
	}
}

// TestBoxSelect checks that a shift-drag over Armenia selects the events
// there and nothing else.
func TestBoxSelect(t *testing.T) {
	test.NewTempApp(t)
	model := sampleMap(t)
	w := New(model)
	win := test.NewTempWindow(t, w)
	win.Resize(fyne.NewSize(900, 560))
	win.Canvas().Capture()
	v := model.View
	yerevan := v.Pixel(orb.Point{44.4991, 40.1792})
	at := func(p orb.Point, dx, dy float64) fyne.Position {
		return fyne.NewPos(float32(p[0]+dx)/w.scale, float32(p[1]+dy)/w.scale)
	}
	var got []int
	w.OnBoxSelect = func(sel []int) { got = sel }
	w.MouseDown(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: at(yerevan, -40, -40)}, Modifier: fyne.KeyModifierShift})
	w.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: at(yerevan, 30, 30)}})
	w.DragEnd()
	places := map[string]bool{}
	for _, i := range got {
		places[model.Events.Label[i]] = true
	}
	if len(got) != 3 {
		t.Errorf("box over Armenia selected %d events (%v), want the 3 in Yerevan and Gyumri", len(got), places)
	}
	if len(model.Selected) != len(got) {
		t.Errorf("the map marks %d selected, want %d", len(model.Selected), len(got))
	}
	// With OnArea, the same drag gives the place drawn round: Yerevan and
	// Gyumri inside, Moscow not, and a box wider than the events alone.
	var area *dataset.Box
	w.OnArea = func(b *dataset.Box) { area = b }
	w.MouseDown(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: at(yerevan, -40, -40)}, Modifier: fyne.KeyModifierShift})
	w.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: at(yerevan, 30, 30)}})
	w.DragEnd()
	if area == nil || !area.Contains(44.4991, 40.1792) || !area.Contains(43.85, 40.79) || area.Contains(37.62, 55.75) {
		t.Fatalf("the area drawn round Armenia is %+v", area)
	}
	if area.MaxLon-area.MinLon < 1 {
		t.Errorf("the area %+v is no wider than the events", area)
	}
}
