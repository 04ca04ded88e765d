package window

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// TestBigTableHeader: a table of up to bigTable rows heads each column
// with its name over its kind; a bigger one with its name alone, so that
// no row height is set and Fyne's layout does not add up every row.
func TestBigTableHeader(t *testing.T) {
	for _, c := range []struct {
		rows     int
		twoLines bool
	}{{2_000, true}, {bigTable + 1, false}} {
		l, err := load(context.Background(), request{Path: bigCSV(t, c.rows)}, nil)
		if err != nil || l.Err != nil {
			t.Fatal(err, l.Err)
		}
		test.NewTempApp(t)
		v := newFileView(l)
		win := test.NewTempWindow(t, v)
		win.Resize(fyne.NewSize(1280, 800))
		win.Canvas().Capture()
		names, kinds := 0, 0
		for _, o := range test.LaidOutObjects(v.table) {
			h, ok := o.(*headerCell)
			if !ok || h.col < 0 {
				continue
			}
			names++
			if k := h.box.Objects[1].(*widget.RichText); k.Visible() && k.String() != "" {
				kinds++
			}
		}
		if names == 0 {
			t.Fatalf("%d rows: no column headers drawn", c.rows)
		}
		if c.twoLines && kinds != names {
			t.Errorf("%d rows: %d of %d headers show their kind, want all", c.rows, kinds, names)
		}
		if !c.twoLines && kinds != 0 {
			t.Errorf("%d rows: %d headers show their kind, want none", c.rows, kinds)
		}
	}
}
