package timeline

import (
	"math/rand/v2"
	"slices"
	"time"

	"chronomap/data/dates"
)

// million makes n events over thirty years (1995–2024) in six categories
// of unequal size, as the benchmarks and the density tests draw them:
// most known to the minute, a tenth to the day, a few to the month, one
// in a hundred a range of an hour to a week. Lanes are the categories.
func million(n int) *Events {
	r := rand.New(rand.NewPCG(1, 2))
	from := time.Date(1995, 1, 1, 0, 0, 0, 0, time.UTC).Unix()
	to := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC).Unix()
	legend := []string{"Battles", "Protests", "Riots", "Explosions", "Violence against civilians", "Strategic developments"}
	weights := []float64{0.30, 0.22, 0.17, 0.13, 0.10, 0.08}
	places := []string{"Kharkiv", "Aleppo", "Mogadishu", "Bamako", "Khartoum", "Sana'a", "Kabul", "Goma", "Mosul", "Tigray", "Donetsk", "Gao"}
	starts := make([]int64, n)
	for i := range starts {
		starts[i] = from + r.Int64N(to-from)
	}
	slices.Sort(starts)
	e := &Events{
		Start: starts, Stop: make([]int64, n), Sure0: make([]int64, n), Sure1: make([]int64, n),
		Prec: make([]dates.Precision, n), Lane: make([]int32, n), Category: make([]int32, n),
		Label: make([]string, n), Lanes: legend, Legend: legend, ByCategory: true, LaneTitle: "category",
	}
	for i, s := range starts {
		u := r.Float64()
		k := 0
		for acc := weights[0]; u > acc && k < len(weights)-1; acc += weights[k] {
			k++
		}
		e.Lane[i], e.Category[i] = int32(k), int32(k)
		t := dates.Time{Unix: s - s%60, Prec: dates.Minute}
		switch v := r.IntN(1000); {
		case v < 100:
			t = dates.Time{Unix: s - s%86400, Prec: dates.Day}
		case v < 102:
			c := time.Unix(s, 0).UTC()
			t = dates.Date(c.Year(), int(c.Month()), 1, 0, 0, 0, dates.Month)
		}
		e.Start[i], e.Sure0[i], e.Stop[i], e.Sure1[i], e.Prec[i] = t.Unix, t.End(), t.End(), t.Unix, t.Prec
		if r.IntN(100) < 1 { // a range of an hour to a week
			end := t.Unix + 3600 + r.Int64N(7*86400)
			e.Stop[i], e.Sure1[i] = end, end-60
		}
		e.Label[i] = legend[k] + " in " + places[r.IntN(len(places))]
	}
	return e
}

// week is the window the zoomed tests and benchmarks show: 6–13 Nov 2023.
var week = [2]float64{float64(time.Date(2023, 11, 6, 0, 0, 0, 0, time.UTC).Unix()), float64(time.Date(2023, 11, 13, 0, 0, 0, 0, time.UTC).Unix())}
