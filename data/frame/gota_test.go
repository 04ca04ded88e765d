package frame

import (
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
)

// TestDataFrameMatchesGota checks that a frame's gota data frame is the
// one gota builds from the same values itself: names, types, dimensions
// and every record, and that it works as a gota frame.
func TestDataFrameMatchesGota(t *testing.T) {
	f, err := ReadBytes("g.csv", []byte("Datum,Ort,Breite,Teilnehmer\n07.11.2023,Москва,55.7522,12\n03.11.2023,Jerewan,,0\n08.11.2023,,40.7942,-5\n"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := f.DataFrame()
	want := dataframe.New(
		series.New([]string{"07.11.2023", "03.11.2023", "08.11.2023"}, series.String, "Datum"),
		series.New([]string{"Москва", "Jerewan", ""}, series.String, "Ort"),
		series.New([]float64{55.7522, math.NaN(), 40.7942}, series.Float, "Breite"),
		series.New([]int{12, 0, -5}, series.Int, "Teilnehmer"),
	)
	if got.Err != nil || want.Err != nil {
		t.Fatalf("errors %v, %v", got.Err, want.Err)
	}
	if !slices.Equal(got.Names(), want.Names()) || !slices.Equal(got.Types(), want.Types()) {
		t.Errorf("names %q types %v, want %q %v", got.Names(), got.Types(), want.Names(), want.Types())
	}
	if g, w := got.Records(), want.Records(); !slices.EqualFunc(g, w, slices.Equal) {
		t.Errorf("records %q, want %q", g, w)
	}
	if !got.Elem(1, 2).IsNA() {
		t.Error("a missing number is not NA in gota")
	}
	if sub := got.Subset([]int{2, 0}); sub.Err != nil || sub.Elem(0, 1).String() != "" || sub.Elem(1, 1).String() != "Москва" {
		t.Errorf("subset %v", sub)
	}
	// The gota frame is the caller's: changing it leaves the frame as read.
	got.Elem(0, 1).Set("Moskau")
	if f.Text(0, 1) != "Москва" || f.DataFrame().Elem(0, 1).String() != "Москва" {
		t.Errorf("changing the gota frame changed the frame: %q", f.Text(0, 1))
	}
}

// TestFromDataFrame checks that a gota frame becomes a frame with the
// kinds its series say, a missing value empty, and comes back the same.
func TestFromDataFrame(t *testing.T) {
	df := dataframe.New(
		series.New([]any{"Москва", nil, "Jerewan"}, series.String, "Ort"),
		series.New([]float64{55.7522, math.NaN(), 40.7942}, series.Float, "Breite"),
		series.New([]int{12, 0, -5}, series.Int, "Teilnehmer"),
		series.New([]any{1, nil, 3}, series.Int, "Lücke"),
		series.New([]bool{true, false, true}, series.Bool, "bestätigt"),
	)
	f, err := FromDataFrame(Source{Path: "g"}, df)
	if err != nil {
		t.Fatal(err)
	}
	kinds := []Kind{Text, Number, Integer, Number, Text}
	for i, k := range kinds {
		if f.Columns[i].Kind != k {
			t.Errorf("column %q is %v, want %v", f.Columns[i].Name, f.Columns[i].Kind, k)
		}
	}
	want := [][]string{{"Москва", "55.7522", "12", "1", "true"}, {"", "", "0", "", "false"}, {"Jerewan", "40.7942", "-5", "3", "true"}}
	if got := csvRows(f); !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("rows %q, want %q", got, want)
	}
	if f.Col("Lücke") != 3 || f.Rows() != 3 {
		t.Errorf("Col %d, %d rows", f.Col("Lücke"), f.Rows())
	}
	uneven := dataframe.New(series.New([]int{1, 2}, series.Int, "a"), series.New([]int{1}, series.Int, "b"))
	if _, err := FromDataFrame(Source{Path: "bad.csv"}, uneven); err == nil || !strings.HasPrefix(err.Error(), "bad.csv: ") {
		t.Errorf("a gota frame in error: %v", err)
	}
}
