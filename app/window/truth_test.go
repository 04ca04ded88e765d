package window

import (
	"path/filepath"
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"chronomap/app/slide"
	"chronomap/app/timeline"
)

// sameAsScreen checks that the slide the window exports of a view shows
// what the view shows: the same events on the map and on the timeline,
// the same legend with the same counts and colours, the same lanes with
// the same counts. It returns the slide.
func sameAsScreen(t *testing.T, w *Window, v *fileView) slide.Spec {
	t.Helper()
	w.Win.Canvas().Capture() // the views as drawn, in the window's theme
	f, ok := v.sceneFile()
	if !ok {
		t.Fatal("the view has nothing to export")
	}
	sp := f.Slide(v.view(), w.slideOptions())
	n := v.file.Data.Len()
	screenMap, slideMap := v.mapWidget.Model(), sp.Map
	for i := range n {
		if mapShows(screenMap, i) != mapShows(slideMap, i) {
			t.Errorf("event %d (%s): on the screen's map %v, on the slide's %v", i, v.file.Data.Labels[i], mapShows(screenMap, i), mapShows(slideMap, i))
		}
		if kept(v.timelineWidget.Chart(), i) != kept(sp.Timeline, i) {
			t.Errorf("event %d (%s): on the screen's timeline %v, on the slide's %v", i, v.file.Data.Labels[i], kept(v.timelineWidget.Chart(), i), kept(sp.Timeline, i))
		}
	}
	cats, counts := screenMap.Legend()
	scats, scounts := slideMap.Legend()
	if !slices.Equal(cats, scats) || !slices.Equal(counts, scounts) {
		t.Errorf("legend on the screen %v %v, on the slide %v %v", cats, counts, scats, scounts)
	}
	for _, k := range cats {
		if a, b := screenMap.Theme.Category(k), slideMap.Theme.Category(k); a != b {
			t.Errorf("category %d (%s) is %v on the screen, %v on the slide", k, v.file.Data.Categories.Names[k], a, b)
		}
	}
	if a, b := v.timelineWidget.Chart().LaneTotals(), sp.Timeline.LaneTotals(); !slices.Equal(a, b) {
		t.Errorf("lanes count %v on the screen, %v on the slide", a, b)
	}
	return sp
}

func kept(c *timeline.Chart, i int) bool { return c.Kept == nil || c.Kept[i] }

// TestExportIsWhatIsOnScreen searches the sample for "Shoigu", as the
// README's briefing does: the exported slide shows the three meetings and
// counts only them, in the window's colours, and says it is filtered.
func TestExportIsWhatIsOnScreen(t *testing.T) {
	w, v := sampleWindow(t)
	v.searchBox.SetText("Shoigu")
	if c := v.counts(); c.shown != 3 || c.all != 6 {
		t.Fatalf("%d of %d shown after the search", c.shown, c.all)
	}
	sp := sameAsScreen(t, w, v)
	if want := `Filtered: "Shoigu" · 3 of 6 events`; sp.Filter != want {
		t.Errorf("the slide's filter line %q, want %q", sp.Filter, want)
	}
	if _, counts := sp.Map.Legend(); !slices.Equal(counts, []int{2, 1}) {
		t.Errorf("the slide's legend counts %v, want Military cooperation 2, Diplomacy 1", counts)
	}
	if got := sp.Timeline.LaneTotals(); !slices.Equal(got, []int{2, 1, 0}) {
		t.Errorf("the slide's lanes count %v, want [2 1 0]", got)
	}
}

// TestExportOfACLED narrows an ACLED export by a time window, a category
// switched off and a box drawn on the map: the slide still shows exactly
// what the window does.
func TestExportOfACLED(t *testing.T) {
	a := test.NewTempApp(t)
	w := New(a, nil)
	t.Cleanup(w.Win.Close)
	w.Win.Resize(fyne.NewSize(1280, 800))
	waitIdle(t, w, func() { w.Open(filepath.Join("..", "..", "data", "frame", "testdata", "preset_acled.csv")) })
	v := w.active()
	if v == nil || v.file.Data == nil || v.file.Data.Len() < 10 {
		t.Fatalf("the ACLED file did not load: %+v", v)
	}
	d := v.file.Data
	all := v.counts().all
	// A window over the middle of the events' span.
	c := v.timelineWidget.Chart()
	first, last := float64(d.Index.Start[0]), float64(slices.Max(d.Stop))
	v.timelineWidget.SetWindow(first+(last-first)*0.2, first+(last-first)*0.9)
	windowed := v.counts().shown
	// The second category off.
	v.chips[1].SetChecked(false)
	offed := v.counts().shown
	// A box round the events still shown west of the median longitude.
	var west []int
	lons := []float64{}
	for i := range d.Len() {
		if v.shown(i) && d.Index.IsLocated(i) {
			lons = append(lons, d.Index.Lon[i])
		}
	}
	slices.Sort(lons)
	for i := range d.Len() {
		if v.shown(i) && d.Index.IsLocated(i) && d.Index.Lon[i] <= lons[len(lons)/2] {
			west = append(west, i)
		}
	}
	v.mapWidget.OnBoxSelect(west)
	boxed := v.counts().shown
	if !(all > windowed && windowed > offed && offed > boxed && boxed > 0) {
		t.Fatalf("each step should narrow: %d, %d, %d, %d", all, windowed, offed, boxed)
	}
	sp := sameAsScreen(t, w, v)
	if sp.Filter == "" {
		t.Error("the filtered slide does not say so")
	}
	if sp.Timeline.From != c.From || sp.Timeline.To != c.To {
		t.Errorf("the slide's timeline shows %v to %v, the window's %v to %v", sp.Timeline.From, sp.Timeline.To, c.From, c.To)
	}
}
