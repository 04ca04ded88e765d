package slide

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"chronomap/app/draw"
	"chronomap/app/draw/drawtest"
	"chronomap/app/timeline"
	"chronomap/app/worldmap"
	"chronomap/data/dataset"
	"chronomap/data/dates"
	"chronomap/data/events"
)

// sample is the bundled sample's slide: map, timeline and sources as the
// render command gives them.
func sample(t testing.TB, th draw.Theme) Spec {
	d, err := dataset.Sample()
	if err != nil {
		t.Fatal(err)
	}
	chart := &timeline.Chart{Events: timeline.FromDataset(d), Theme: th}
	chart.Fit()
	var sources []string
	for i := range d.Len() {
		sources = append(sources, d.Text(i, events.Source))
	}
	return Spec{
		Title:    "Russia's outreach to Armenia, Nicaragua and Burkina Faso",
		Subtitle: "Meetings and reactions reported by ISW, November 2023",
		Window:   "1 Nov 2023 – 30 Nov 2023",
		Map:      &worldmap.Map{View: worldmap.Viewport{Projection: worldmap.EqualEarth}, Theme: th, Graticule: true, Events: worldmap.FromDataset(d)},
		FitMap:   true,
		Timeline: chart,
		Sources:  Sources(sources),
		Credits:  []string{"Basemap: Natural Earth", "Places: GeoNames, CC BY 4.0"},
		Theme:    th,
	}
}

// TestDraw draws the sample's slide in each layout, with and without a
// marking, at a projector's size and a laptop's: golden images, to be
// looked at.
func TestDraw(t *testing.T) {
	cases := []struct {
		name    string
		theme   draw.Theme
		layout  Layout
		marking string
		w, h    int
	}{
		{"both-marked-1080p.png", draw.Light, Both, "UNCLASSIFIED // FOR TRAINING", 1920, 1080},
		{"map-1080p.png", draw.Light, MapOnly, "", 1920, 1080},
		{"timeline-dark-1080p.png", draw.Dark, TimelineOnly, "UNCLASSIFIED", 1920, 1080},
		{"both-1280x800.png", draw.Light, Both, "", 1280, 800},
	}
	for _, c := range cases {
		sp := sample(t, c.theme)
		sp.Layout, sp.Marking = c.layout, c.marking
		if c.layout == TimelineOnly {
			sp.Credits = nil
		}
		s := draw.NewRaster(c.w, c.h, c.theme.Background)
		Draw(s, sp)
		drawtest.Check(t, filepath.Join("testdata", c.name), s.Pixels)
	}
}

// TestDrawText checks that what was typed is on a PDF slide as text, each
// once, the marking twice, in every language.
func TestDrawText(t *testing.T) {
	sp := sample(t, draw.Light)
	sp.Title = "Übersicht – Шойгу und die Armee"
	sp.Subtitle = "Größere Lage: «Москва» – Managua"
	sp.Marking = "UNCLASSIFIED // FOR TRAINING"
	s := draw.NewPDF(1920, 1080, draw.Slide)
	Draw(s, sp)
	var b bytes.Buffer
	if _, err := s.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	_, lines := drawtest.PDF(t, b.Bytes())
	for _, want := range []string{sp.Title, sp.Subtitle, sp.Window, "Time window", "Source: ISW", "Basemap: Natural Earth · Places: GeoNames, CC BY 4.0"} {
		if n := count(lines, want); n != 1 {
			t.Errorf("the text layer has %q %d times, want once:\n%q", want, n, lines)
		}
	}
	if n := count(lines, sp.Marking); n != 2 {
		t.Errorf("the marking is in the text layer %d times, want twice (top and bottom)", n)
	}
}

func count(lines []string, s string) int {
	n := 0
	for _, l := range lines {
		if strings.Join(strings.Fields(l), " ") == s {
			n++
		}
	}
	return n
}

// TestLongTitle checks that a title too long for the slide is shortened
// before the time window rather than written over it.
func TestLongTitle(t *testing.T) {
	sp := Spec{Title: strings.Repeat("A very long title about a great many things ", 4), Window: "7 Nov 2023 – 12 Dec 2023"}
	s := draw.NewSVG(1920, 1080)
	Draw(s, sp)
	var b bytes.Buffer
	s.WriteTo(&b)
	texts, _ := drawtest.SVG(t, b.Bytes())
	for text := range texts {
		if strings.HasPrefix(text, "A very long") {
			if !strings.HasSuffix(text, "…") || draw.Sans(titleType, true).Width(text) > 1920-2*marginPx-draw.Sans(windowType, true).Width(sp.Window)-40 {
				t.Errorf("the title is written %q", text)
			}
			return
		}
	}
	t.Errorf("no title in %v", texts)
}

func TestSources(t *testing.T) {
	got := Sources([]string{"ISW", "Reuters; ISW", "", " AP  News ", "Reuters", "ISW", strings.Repeat("Long source name ", 5)})
	want := []string{"ISW", "Reuters", "AP News", "Long source name Long source name Long…"}
	if !slices.Equal(got, want) {
		t.Errorf("Sources = %q, want %q", got, want)
	}
	many := Spec{Sources: []string{"ISW", "ACLED", "Reuters", "AP", "BBC", "Le Monde", "Der Spiegel", "Kommersant", "Novaya Gazeta", "Meduza", "TASS", "RIA"}}
	line := sourceText(many, 1920, 1)
	if !strings.HasPrefix(line, "Sources: ISW, ACLED, ") || !strings.HasSuffix(line, " more") {
		t.Errorf("twelve sources read %q", line)
	}
	if got := sourceText(Spec{Sources: []string{"ISW", "ACLED"}}, 1920, 1); got != "Sources: ISW and ACLED" {
		t.Errorf("two sources read %q", got)
	}
}

func TestWindow(t *testing.T) {
	day := func(y, m, d int) int64 { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC).Unix() }
	cases := []struct {
		lo, hi int64
		want   string
	}{
		{day(2023, 11, 7), day(2023, 12, 13), "7 Nov 2023 – 12 Dec 2023"},
		{day(2023, 11, 7), day(2023, 11, 8), "7 Nov 2023"},
		{day(2019, 1, 1), day(2023, 7, 1), "Jan 2019 – Jun 2023"},
		{day(1900, 1, 1), day(2000, 1, 1), "1900 – 1999"},
		// Rome: a span across 1 BC names the era at both ends.
		{day(-508, 1, 1), day(517, 1, 1), "509 BC – AD 516"},
	}
	for _, c := range cases {
		if got := DataWindow(timeline.English, c.lo, c.hi); got != c.want {
			t.Errorf("DataWindow(%d, %d) = %q, want %q", c.lo, c.hi, got, c.want)
		}
	}
	from, _ := dates.Parse("2023-11")
	to, _ := dates.Parse("2023-12-12")
	if got := Window(timeline.German, from.Start, to.Start); got != "Nov. 2023 – 12. Dez. 2023" {
		t.Errorf("Window in German = %q", got)
	}
}

// TestDrawManyLanes draws a fortnight of twenty event categories, as a
// GDELT export has, on a 1080p slide with the map: the timeline's lanes
// past its room fold into "Other (N)" instead of running off the slide's
// bottom. A golden image, to be looked at.
func TestDrawManyLanes(t *testing.T) {
	var b strings.Builder
	b.WriteString("date,category,place,title\n")
	places := []string{"Kabul", "Aleppo", "Kyiv", "Bamako", "Khartoum", "Mogadishu"}
	n := 0
	for k := range 20 {
		for i := range 3 + (20-k)*2 {
			fmt.Fprintf(&b, "2023-11-%02d,Category %02d,%s,Event %d of category %02d\n", 1+(i*5+k)%14, k+1, places[n%len(places)], i, k+1)
			n++
		}
	}
	d, err := dataset.Load(context.Background(), dataset.Bytes{Title: "twenty.csv", Data: []byte(b.String())}, dataset.Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	chart := &timeline.Chart{Events: timeline.FromDataset(d), Theme: draw.Light}
	chart.Fit()
	sp := Spec{
		Title: "Twenty kinds of event in a fortnight", Window: "1 Nov 2023 – 14 Nov 2023",
		Map:      &worldmap.Map{View: worldmap.Viewport{Projection: worldmap.EqualEarth}, Theme: draw.Light, Events: worldmap.FromDataset(d)},
		FitMap:   true,
		Timeline: chart,
		Theme:    draw.Light,
	}
	s := draw.NewRaster(1920, 1080, draw.Light.Background)
	Draw(s, sp)
	if chart.Fold || chart.Scroll != 0 {
		t.Error("Draw left the chart folding")
	}
	drawtest.Check(t, filepath.Join("testdata", "many-lanes-1080p.png"), s.Pixels)
}
