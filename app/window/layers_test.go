package window

import (
	"strings"
	"testing"
)

// TestLayers opens a second file beside the sample: the first tab shows
// both as layers of one map and timeline, in time order; a layer switched
// off leaves the views; an event selected there opens in its file's tab.
func TestLayers(t *testing.T) {
	w, _ := sampleWindow(t)
	p := bigCSV(t, 40)
	waitIdle(t, w, func() { w.Open(p) })
	// The sample was replaced: open it as a file of its own again.
	sample := writeSample(t)
	waitIdle(t, w, func() { w.Open(sample) })
	if w.layers == nil || len(w.tabs.Items) != 3 || w.tabs.Items[0].Text != "All layers" {
		t.Fatalf("tabs %d, layers %v", len(w.tabs.Items), w.layers != nil)
	}
	l := w.layers
	if n := len(l.all.Layer); n != 46 {
		t.Fatalf("%d events in all layers, want 40 + 6", n)
	}
	for i := 1; i < len(l.all.Layer); i++ {
		if l.all.Timeline.Start[i] < l.all.Timeline.Start[i-1] {
			t.Fatalf("event %d starts before event %d", i, i-1)
		}
	}
	if !strings.HasPrefix(l.status.Text, "46 of 46 events shown") {
		t.Errorf("status %q", l.status.Text)
	}
	l.visible[0] = false
	l.refilter()
	if !strings.HasPrefix(l.status.Text, "6 of 46 events shown") {
		t.Errorf("status %q with the first layer off", l.status.Text)
	}
	// A file's own search applies to its layer.
	w.views[1].search("Burkina")
	l.refilter()
	if !strings.HasPrefix(l.status.Text, "1 of 46 events shown") {
		t.Errorf("status %q with the sample searched for Burkina", l.status.Text)
	}
	var i int
	for i = range l.all.Layer {
		if l.keep(i, true) {
			break
		}
	}
	l.selectEvent(i, nil)
	if !strings.Contains(l.card.text, "Burkina") {
		t.Errorf("card %q", l.card.text)
	}
	l.openButton.OnTapped()
	if w.active() != w.views[1] || w.views[1].selected() != int(l.all.Event[i]) {
		t.Errorf("Show in its file: tab %d, selected %d", w.tabs.SelectedIndex(), w.views[1].selected())
	}
	l.colour[1] = 4
	l.recolour()
	if l.mapWidget.Colours[1] != 4 || l.timelineWidget.Colours[1] != 4 {
		t.Error("a layer's colour does not reach the views")
	}
}
