package frame

import (
	"math"
	"slices"
	"testing"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
)

// gotaMixedColumns builds a small frame's columns of every kind, with a
// gap, a "NaN" text cell and non-ASCII names.
func gotaMixedColumns(names ...string) []series.Series {
	return []series.Series{
		series.New([]string{"07.11.2023", "03.11.2023", "08.11.2023"}, series.String, names[0]),
		series.New([]string{"Москва", "Jerewan", "NaN"}, series.String, names[1]),
		series.New([]float64{55.7522, math.NaN(), 40.7942}, series.Float, names[2]),
		series.New([]int{12, 0, -5}, series.Int, names[3]),
		series.New([]bool{true, false, true}, series.Bool, names[4]),
	}
}

// TestNewDataFrameMatchesGota checks that newDataFrame builds the frame
// dataframe.New would: names, types, dimensions and every record, including
// names gota must repair.
func TestNewDataFrameMatchesGota(t *testing.T) {
	for _, names := range [][]string{
		{"Datum", "Ort", "Breite", "Teilnehmer", "bestätigt"},
		{"Datum", "", "Breite", "", "x"},
		{"Ort", "Ort", "Breite", "Ort", "x"},
	} {
		got := newDataFrame(gotaMixedColumns(names...))
		want := dataframe.New(gotaMixedColumns(names...)...)
		if got.Err != nil || want.Err != nil {
			t.Fatalf("%q: errors %v, %v", names, got.Err, want.Err)
		}
		if !slices.Equal(got.Names(), want.Names()) {
			t.Errorf("%q: names %q, want %q", names, got.Names(), want.Names())
		}
		if !slices.Equal(got.Types(), want.Types()) {
			t.Errorf("%q: types %v, want %v", names, got.Types(), want.Types())
		}
		if got.Nrow() != want.Nrow() || got.Ncol() != want.Ncol() {
			t.Errorf("%q: %dx%d, want %dx%d", names, got.Nrow(), got.Ncol(), want.Nrow(), want.Ncol())
		}
		if g, w := got.Records(), want.Records(); !slices.EqualFunc(g, w, slices.Equal) {
			t.Errorf("%q: records %q, want %q", names, g, w)
		}
		for i := range want.Ncol() {
			g, w := got.Elem(1, i), want.Elem(1, i)
			if g.IsNA() != w.IsNA() {
				t.Errorf("%q: column %d row 2 NA %v, want %v", names, i, g.IsNA(), w.IsNA())
			}
		}
		// The frame works as a gota frame: subsetting and filtering.
		sub := got.Subset([]int{2, 0})
		if sub.Err != nil || sub.Nrow() != 2 || sub.Elem(0, 0).String() != "08.11.2023" {
			t.Errorf("%q: subset %v", names, sub)
		}
	}
}

// TestNewDataFrameErrors checks that columns gota rejects are rejected the
// same way.
func TestNewDataFrameErrors(t *testing.T) {
	uneven := []series.Series{
		series.New([]string{"a", "b"}, series.String, "x"),
		series.New([]string{"a"}, series.String, "y"),
	}
	if got, want := newDataFrame(uneven), dataframe.New(uneven...); got.Err == nil || want.Err == nil || got.Err.Error() != want.Err.Error() {
		t.Errorf("uneven columns: %v, want %v", got.Err, want.Err)
	}
	if got := newDataFrame(nil); got.Err == nil {
		t.Error("no columns: no error")
	}
	empty := []series.Series{series.New([]string{}, series.String, "Ort")}
	if got := newDataFrame(empty); got.Err != nil || got.Nrow() != 0 || got.Ncol() != 1 {
		t.Errorf("no rows: %v %dx%d", got.Err, got.Nrow(), got.Ncol())
	}
}
