package timeline

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"chronomap/app/draw"
)

// fortnight is a table shaped like a GDELT export: 280 events over two
// weeks of November 2023, a day each, and one a year older than the rest.
func fortnight() string {
	var b strings.Builder
	b.WriteString("SQLDATE,Actor1Name,title\n")
	b.WriteString("20221103,GOVERNMENT,An old report filed again\n")
	for d := range 14 {
		for k := range 20 {
			fmt.Fprintf(&b, "202311%02d,PROTESTER,Event %d of day %d\n", d+1, k, d+1)
		}
	}
	return b.String()
}

// TestFitTheBulk fits the fortnight: the window is the fortnight, not the
// year the old event would stretch it to; a marker at the left end counts
// the one left out, and a click on it (MoreAt, Widen) brings it in.
func TestFitTheBulk(t *testing.T) {
	e := load(t, "gdelt.csv", []byte(fortnight()))
	if e.Len() != 281 {
		t.Fatalf("%d events read, want 281", e.Len())
	}
	c := &Chart{Events: e, Theme: draw.Light}
	c.Fit()
	nov1 := float64(time.Date(2023, 11, 1, 0, 0, 0, 0, time.UTC).Unix())
	nov15 := float64(time.Date(2023, 11, 15, 0, 0, 0, 0, time.UTC).Unix())
	if c.From > nov1 || c.To < nov15 || c.To-c.From > 20*86400 {
		t.Fatalf("fitted %s to %s, want about 1 to 15 Nov 2023", time.Unix(int64(c.From), 0).UTC(), time.Unix(int64(c.To), 0).UTC())
	}
	if a, b := c.Outside(); a != 1 || b != 0 {
		t.Errorf("outside the window: %d earlier, %d later, want 1 and 0", a, b)
	}
	s := draw.NewRaster(1200, 400, draw.Light.Background)
	c.Render(s)
	box := c.scr.more.boxes[0]
	if box.X1 <= box.X0 || c.scr.more.boxes[1].X1 > c.scr.more.boxes[1].X0 {
		t.Fatalf("markers %+v, want one at the left end", c.scr.more.boxes)
	}
	side, ok := c.MoreAt((box.X0+box.X1)/2, (box.Y0+box.Y1)/2)
	if !ok || side != Earlier {
		t.Fatalf("MoreAt the marker = %v, %v", side, ok)
	}
	if _, ok := c.MoreAt((box.X0+box.X1)/2, box.Y1+30); ok {
		t.Error("MoreAt below the marker found one")
	}
	to := c.To
	c.Widen(side)
	if c.From > float64(e.Start[0]) || c.To != to {
		t.Errorf("widened to %s – %s: the old event is not in, or the end moved", time.Unix(int64(c.From), 0).UTC(), time.Unix(int64(c.To), 0).UTC())
	}
	if a, b := c.Outside(); a != 0 || b != 0 {
		t.Errorf("widened: %d earlier, %d later", a, b)
	}
	c.Render(s)
	if c.scr.more.boxes[0].X1 > 0 {
		t.Error("widened: the marker is still drawn")
	}
	if c.moreWords(Earlier, 1234) != "← +1,234 earlier" || (&Chart{Lang: German}).moreWords(Later, 1234) != "+1.234 später →" {
		t.Error("the markers' words are wrong")
	}
}

// TestFitKeepsSpreadData fits data with no outliers, or too many to leave
// out, to all of it: the us_dates table's four, Rome's 29.
func TestFitKeepsSpreadData(t *testing.T) {
	e := load(t, "us_dates.csv", []byte(usDates))
	c := &Chart{Events: e}
	c.Fit()
	if a, b := c.Outside(); a != 0 || b != 0 {
		t.Errorf("us_dates: %d earlier, %d later, want none", a, b)
	}
}

// TestOutsideCounts checks Outside against a count of every event, with
// and without a filter, over windows across the million events' thirty
// years: earlier, later and those in view make the whole.
func TestOutsideCounts(t *testing.T) {
	e := million(50_000)
	r := rand.New(rand.NewPCG(5, 6))
	kept := make([]bool, e.Len())
	for i := range kept {
		kept[i] = r.IntN(3) > 0
	}
	for trial := range 40 {
		from := float64(e.Start[r.IntN(e.Len())])
		to := from + float64(r.Int64N(400*86400)+60)
		for _, mask := range [][]bool{nil, kept} {
			c := &Chart{Events: e, From: from, To: to, Kept: mask}
			a, b := c.Outside()
			wa, wb := 0, 0
			for i := range e.Start {
				if mask != nil && !mask[i] {
					continue
				}
				switch {
				case float64(e.Stop[i]) <= from:
					wa++
				case float64(e.Start[i]) >= to:
					wb++
				}
			}
			if a != wa || b != wb {
				t.Fatalf("trial %d (filter %v): Outside = %d, %d; counted %d, %d", trial, mask != nil, a, b, wa, wb)
			}
		}
	}
}
