package window

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"chronomap/data/dataset"
)

// TestExportEvents writes what the file on show shows, after a search, in
// each format Export Events offers: each file reads back to the events
// the window shows, and a name without a known extension is refused in
// one sentence. The File menu offers the command.
func TestExportEvents(t *testing.T) {
	a := test.NewTempApp(t)
	w := New(a, []Loaded{sampleLoaded(t)})
	defer w.Win.Close()
	found := false
	for _, it := range w.Win.MainMenu().Items[0].Items {
		found = found || it.Label == "Export Events…"
	}
	if !found {
		t.Error("the File menu has no Export Events…")
	}
	v := w.active()
	v.search("Shoigu")
	if v.layer.Mask.Counts.Shown != 3 {
		t.Fatalf("the search shows %d events, want 3", v.layer.Mask.Counts.Shown)
	}
	dir := t.TempDir()
	for _, ext := range eventFormats {
		p := filepath.Join(dir, "shoigu"+ext)
		if err := writeEvents(p, v.file.Data, v.layer.Mask); err != nil {
			t.Fatal(err)
		}
		back, err := dataset.Load(context.Background(), dataset.File{Path: p}, dataset.Options{}, nil)
		if err != nil {
			t.Fatal(err)
		}
		if back.Len() != 3 || back.Index.Located != 3 {
			t.Errorf("%s: read back %d events, %d placed; want 3, 3", ext, back.Len(), back.Index.Located)
		}
		for i := range back.Len() {
			if !strings.Contains(back.Labels[i], "Shoigu") && !strings.Contains(strings.Join(actorsOf(back, i), " "), "Shoigu") {
				t.Errorf("%s: event %d %q is not one of the search's", ext, i, back.Labels[i])
			}
		}
	}
	if err := writeEvents(filepath.Join(dir, "shoigu.txt"), v.file.Data, v.layer.Mask); err == nil || !strings.Contains(err.Error(), "shoigu.txt") {
		t.Errorf("a .txt: %v", err)
	}
}

func actorsOf(d *dataset.Dataset, i int) []string {
	var out []string
	for _, c := range d.Mapping.Get("actor") {
		out = append(out, d.Frame.Text(int(d.Index.Row[i]), d.Frame.Col(c)))
	}
	return out
}
