package report

import (
	"bytes"
	"testing"
	"time"

	"chronomap/data/dates"
	"chronomap/data/events"
	"chronomap/data/frame"
	"chronomap/data/places"
)

// Proposals written as a table load back through the ordinary pipeline as
// the same events: every one with its date, every placed one located.
func TestWriteCSVLoadsBack(t *testing.T) {
	text, err := ReadFile("testdata/files/report.txt")
	if err != nil {
		t.Fatal(err)
	}
	ps := Extract(text, Options{Date: time.Date(2024, 1, 21, 0, 0, 0, 0, time.UTC)})
	// The reader cleared the place of one and made another a month.
	ps = append(ps, ps[0], ps[1])
	ps[2].Place = places.Place{}
	ps[3].When = dates.Range{Start: dates.Date(2024, 1, 1, 0, 0, 0, dates.Month)}
	var buf bytes.Buffer
	if err := WriteCSV(&buf, ps, "report.txt"); err != nil {
		t.Fatal(err)
	}
	f, err := frame.ReadBytes("report.csv", buf.Bytes(), frame.Options{})
	if err != nil {
		t.Fatalf("%v\n%s", err, buf.String())
	}
	m := events.Detect(f)
	x, probs := events.Build(f, m)
	// The one the reader cleared the place of is listed as not placed,
	// and nothing else is.
	if x.Len() != len(ps) || len(probs) != 1 || probs[0].Row != 3 || probs[0].Reason != "no place" {
		t.Fatalf("%d events and problems %v from %d proposals:\n%s", x.Len(), probs, len(ps), buf.String())
	}
	located := 0
	for i := 0; i < x.Len(); i++ {
		if x.IsLocated(i) {
			located++
		}
	}
	placed := 0
	for _, p := range ps {
		if p.Place.Name != "" {
			placed++
		}
	}
	if located != placed || placed == len(ps) {
		t.Errorf("%d located of %d, want the %d placed ones (not the one without)", located, x.Len(), placed)
	}
	min, _, _ := x.Span()
	if got := time.Unix(min, 0).UTC().Format("2006-01-02"); got != "2024-01-01" {
		t.Errorf("earliest start %s, want the month 2024-01", got)
	}
}
