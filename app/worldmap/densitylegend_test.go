package worldmap

import (
	"bytes"
	"regexp"
	"strconv"
	"testing"

	"chronomap/app/draw"
)

// TestDensityLegendClear: the density legend's bottom line, "1", the
// cell's words and the peak, keeps its three parts apart however big
// the peak: "per 4 px cell" once ran into 12,250,421.
func TestDensityLegendClear(t *testing.T) {
	for _, peak := range []int32{9, 12_250_421, 1_999_999_999} {
		s := draw.NewSVG(640, 400)
		m := &Map{View: Viewport{Projection: EqualEarth, Width: 640, Height: 400, MetresPerPx: 40000}, Theme: draw.Light,
			Density: func(v Viewport, cell int) ([]int32, int, int) {
				cols, rows := (v.Width+cell-1)/cell, (v.Height+cell-1)/cell
				c := make([]int32, cols*rows)
				c[0] = peak
				return c, cols, rows
			}}
		m.Render(s)
		var b bytes.Buffer
		if _, err := s.WriteTo(&b); err != nil {
			t.Fatal(err)
		}
		f := draw.Sans(12, false)
		top := m.marks().Int(int(peak))
		at := func(text string) float64 {
			re := regexp.MustCompile(`<text x="([0-9.]+)"[^>]*>` + regexp.QuoteMeta(text) + `</text>`)
			ms := re.FindAllSubmatch(b.Bytes(), -1)
			if len(ms) == 0 {
				t.Fatalf("peak %d: the legend has no %q", peak, text)
			}
			x, _ := strconv.ParseFloat(string(ms[len(ms)-1][1]), 64)
			return x
		}
		one, cell, most := at("1"), at("per 4 px cell"), at(top)
		if one+f.Width("1")+4 > cell || cell+f.Width("per 4 px cell")+4 > most {
			t.Errorf("peak %d: the legend's bottom line runs together: 1 at %.1f, the cell at %.1f (%.1f wide), %s at %.1f",
				peak, one, cell, f.Width("per 4 px cell"), top, most)
		}
	}
}
