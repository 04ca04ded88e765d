package window

import (
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"chronomap/data/dates"
	"chronomap/data/report"
)

// snippet is a short report of the kind the dialog is for: two meetings in
// Moscow on one day, a reaction dated by its weekday, and a decoy date.
const snippet = `MOSKAU, 8. November 2023 — Der russische Verteidigungsminister Sergei Schoigu hat am Dienstag in Moskau den Oberbefehlshaber der Armee Nicaraguas, Julio César Avilés, empfangen.
Am selben Tag traf Schoigu in Moskau den Verteidigungsminister von Burkina Faso, Kassoum Coulibaly.
Russland unterhält seit dem Jahr 2015 eine Militärbasis in Gjumri.
Am 3. November hatte sich Armeniens Generalstabschef in Jerewan mit einem Vertreter des US-Kommandos für Europa getroffen.`

// TestImportReport pastes a report, drops one proposal, changes another's
// date to its month, and adds the rest as a layer: a file of their events
// beside the window's own files, open in a tab of its own.
func TestImportReport(t *testing.T) {
	t.Setenv("TMPDIR", t.TempDir()) // the test app's storage folder
	w, _ := sampleWindow(t)
	w.importReport()
	rd := w.reportDialog
	rd.text.SetText(snippet)
	rd.propose()
	props := rd.review.props
	if len(props) < 3 {
		t.Fatalf("%d proposals from the snippet, want the two meetings and the one in Yerevan: %+v", len(props), props)
	}
	for _, p := range props {
		if strings.Contains(p.Sentence, "2015") {
			t.Errorf("the decoy date was proposed: %q", p.Sentence)
		}
	}
	if shot := os.Getenv("CHRONOMAP_SHOT"); shot != "" {
		rd.list.Select(0)
		f, err := os.Create(shot)
		if err == nil {
			png.Encode(f, w.Win.Canvas().Capture())
			f.Close()
		}
	}
	rd.list.Select(0)
	rd.keep.SetChecked(false)
	rd.list.Select(1)
	rd.when.SetText("2023-11")
	rd.when.OnSubmitted("2023-11")
	if got := rd.review.props[1].When.Start.Prec; got != dates.Month {
		t.Errorf("the date typed as a month is kept at %v", got)
	}
	kept := len(rd.review.kept())
	if kept != len(props)-1 {
		t.Fatalf("%d kept after dropping one of %d", kept, len(props))
	}
	waitIdle(t, w, func() { w.addReport(rd.review) })
	v := w.active()
	if v == nil || v.file.Data == nil || v.file.Data.Len() != kept {
		t.Fatalf("the layer of the report: %+v", v)
	}
	if !strings.HasPrefix(v.file.Title, "Events of") || filepath.Dir(v.file.Path) != filepath.Join(w.dir, "reports") {
		t.Errorf("the layer is titled %q and read from %s", v.file.Title, v.file.Path)
	}
	// The detail card tells the sentence each event came from.
	v.selectEvent(0, nil)
	if !strings.Contains(v.card.text, "Moskau") && !strings.Contains(v.card.text, "Jerewan") {
		t.Errorf("the card does not show the sentence: %q", v.card.text)
	}
}

// TestImportSeedArticle imports the German report the sample was typed
// from: its layer holds the sample's six events, on the same days and in
// the same places.
func TestImportSeedArticle(t *testing.T) {
	path := filepath.Join("..", "..", "..", "shared", "seed", "article-de.txt")
	if _, err := os.Stat(path); err != nil {
		t.Skip("the shared folder with the seed article is not beside the checkout")
	}
	t.Setenv("TMPDIR", t.TempDir()) // the test app's storage folder
	w, sample := sampleWindow(t)
	want := map[string]int{}
	for i := range sample.file.Data.Len() {
		want[sample.file.Data.Index.StartTime(i).String()+" "+sample.file.Data.Text(i, "place")]++
	}
	text, err := report.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	w.importReport()
	rd := w.reportDialog
	rd.text.SetText(text)
	rd.day.SetText("2023-11-07") // the date of the assessment the article sums up
	rd.propose()
	waitIdle(t, w, func() { w.addReport(rd.review) })
	v := w.active()
	d := v.file.Data
	got := map[string]int{}
	for i := range d.Len() {
		got[d.Index.StartTime(i).String()+" "+d.Text(i, "place")]++
	}
	if d.Len() != 6 || d.Index.Located != 6 {
		t.Errorf("the article made %d events, %d placed; want the sample's 6", d.Len(), d.Index.Located)
	}
	for k, n := range want {
		if got[k] != n {
			t.Errorf("%s: %d events from the article, %d in the sample (all: %v)", k, got[k], n, got)
		}
	}
	if shot := os.Getenv("CHRONOMAP_SHOT_LAYER"); shot != "" {
		rd.dialog.Hide()
		if f, err := os.Create(shot); err == nil {
			png.Encode(f, w.Win.Canvas().Capture())
			f.Close()
		}
	}
}
