package workspace

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"chronomap/assets"
	"chronomap/data/dataset"
)

func sampleLayer(t *testing.T) *Layer {
	t.Helper()
	d, err := dataset.Sample()
	if err != nil {
		t.Fatal(err)
	}
	return NewLayer(d)
}

func unix(t *testing.T, day string) float64 {
	t.Helper()
	tm, err := time.Parse("2006-01-02", day)
	if err != nil {
		t.Fatal(err)
	}
	return float64(tm.Unix())
}

// TestLayerFilters edits a layer as the window's widgets do: each change
// is in the mask at once.
func TestLayerFilters(t *testing.T) {
	l := sampleLayer(t)
	if l.Mask.Counts.Shown != 6 || l.Selected != -1 {
		t.Fatalf("a new layer shows %d events, selects %d", l.Mask.Counts.Shown, l.Selected)
	}
	l.SetQuery("Shoigu")
	if l.Mask.Counts.Shown != 3 {
		t.Errorf("Shoigu: %d events", l.Mask.Counts.Shown)
	}
	l.ShowCategory("Diplomacy", false)
	if l.Mask.Counts.Shown != 2 {
		t.Errorf("Shoigu without Diplomacy: %d events", l.Mask.Counts.Shown)
	}
	l.ShowCategory("Diplomacy", true)
	if l.Mask.Counts.Shown != 3 || len(l.Filter.HiddenCategories) != 0 {
		t.Errorf("Diplomacy on again: %d events, hidden %v", l.Mask.Counts.Shown, l.Filter.HiddenCategories)
	}
	// A window over all of November holds every event: no filter.
	l.SetQuery("")
	l.SetWindow(unix(t, "2023-10-01"), unix(t, "2023-12-31"))
	if l.Filter.Window != nil || l.Mask.Counts.Shown != 6 {
		t.Errorf("a window round every event filters: %+v, %d shown", l.Filter.Window, l.Mask.Counts.Shown)
	}
	l.SetWindow(unix(t, "2023-11-07"), unix(t, "2023-11-08"))
	if l.Filter.Window == nil || l.Mask.Counts.Shown != 5 {
		t.Errorf("7 November: %d shown, want 5 (the meetings, the milblogger's range, November itself)", l.Mask.Counts.Shown)
	}
	l.Clear()
	if l.Mask.Counts.Shown != 6 || l.Timeline.From != "" {
		t.Errorf("after Clear: %d shown, window %q", l.Mask.Counts.Shown, l.Timeline.From)
	}
}

// TestLayerViewRoundTrip keeps a layer's state as a View, through a
// workspace file's JSON, and restores it into a fresh layer: the same
// events shown and the same one selected.
func TestLayerViewRoundTrip(t *testing.T) {
	l := sampleLayer(t)
	l.SetQuery("Shoigu")
	l.ShowCategory("Diplomacy", false)
	l.SetWindow(unix(t, "2023-11-06"), unix(t, "2023-11-09"))
	var moscow []int
	for i := range l.Data.Len() {
		if l.Mask.IsShown(i) {
			moscow = append(moscow, i)
		}
	}
	l.BoxAround(moscow)
	l.Select(moscow[1])
	l.Map = MapView{Projection: "Equal Earth", Center: [2]float64{37.6, 55.7}, Zoom: 12}
	v := l.View()
	dir := t.TempDir()
	name, data := assets.Sample()
	csv := filepath.Join(dir, filepath.Base(name))
	if err := os.WriteFile(csv, data, 0o644); err != nil {
		t.Fatal(err)
	}
	ws := &Workspace{Version: FormatVersion, Sources: []Source{{Path: csv}}, View: v}
	path := filepath.Join(dir, "layer.chronomap")
	if err := Save(path, ws); err != nil {
		t.Fatal(err)
	}
	back, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	r := sampleLayer(t)
	r.Restore(back.View)
	if r.Mask.Counts.Shown != l.Mask.Counts.Shown || r.Mask.Counts.Shown != 2 {
		t.Errorf("restored %d shown, kept %d (want 2)", r.Mask.Counts.Shown, l.Mask.Counts.Shown)
	}
	for i := range l.Data.Len() {
		if r.Mask.IsShown(i) != l.Mask.IsShown(i) {
			t.Errorf("event %d shown %v, was %v", i, r.Mask.IsShown(i), l.Mask.IsShown(i))
		}
	}
	if r.Selected != l.Selected || r.Map != l.Map || !slices.Equal(r.Filter.HiddenCategories, []string{"Diplomacy"}) {
		t.Errorf("restored selection %d (want %d), map %+v, hidden %v", r.Selected, l.Selected, r.Map, r.Filter.HiddenCategories)
	}
	// A row the file no longer has selects nothing.
	v.Selection.Row = 99
	r.Restore(v)
	if r.Selected != -1 {
		t.Errorf("row 99 of a six-row file selected event %d", r.Selected)
	}
}
