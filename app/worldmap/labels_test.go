package worldmap

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/paulmach/orb"

	"chronomap/app/draw"
)

// TestSelectedLabelledOnce selects an event alone at its place (Gyumri,
// zoomed to Armenia) and one of Moscow's three: each is one ringed marker
// with one label, and Moscow's cluster counts the two left.
func TestSelectedLabelledOnce(t *testing.T) {
	e := sampleEvents(t)
	pick := func(place string) int {
		for i, p := range e.Place {
			if strings.HasPrefix(p, place) {
				return i
			}
		}
		t.Fatalf("no event at %s", place)
		return -1
	}
	for _, c := range []struct {
		place string
		view  orb.Bound
	}{
		{"Gyumri", orb.Bound{Min: orb.Point{42.5, 38.7}, Max: orb.Point{46.8, 41.4}}},
		{"Moscow", orb.Bound{Min: orb.Point{-90, 8}, Max: orb.Point{48, 58}}},
	} {
		i := pick(c.place)
		m := &Map{View: Fit(WebMercator, c.view, 1280, 800, 80), Theme: draw.Light, Events: e, Selected: map[int]bool{i: true}}
		m.Render(draw.NewRaster(1280, 800, draw.Light.Background))
		markers, labels, rest := 0, 0, 0
		for _, k := range m.markers {
			if k.first == i {
				markers++
			}
			if !k.selected && math.Hypot(k.x-m.markers[0].x, k.y-m.markers[0].y) >= 0 && k.place == e.Place[i] {
				rest += k.count
			}
		}
		for _, l := range m.labels {
			if l.text == e.Label[i] {
				labels++
			}
		}
		if markers != 1 || labels != 1 {
			t.Errorf("%s selected: %d markers and %d labels of it, want one each", c.place, markers, labels)
		}
		if c.place == "Moscow" && rest != 2 {
			t.Errorf("Moscow's cluster holds %d events beside the selected one, want 2", rest)
		}
	}
}

// placedEvents makes n events round six cities, each named by its city,
// and a few far from the rest.
func placedEvents(n int) *Events {
	cities := []struct {
		name     string
		lon, lat float64
	}{{"Kharkiv", 36.23, 49.99}, {"Bahia, Brazil", -38.5, -12.97}, {"Cape Town", 18.42, -33.92}, {"Managua", -86.25, 12.14}, {"Washington", -77.04, 38.9}, {"Moscow", 37.62, 55.76}}
	e := &Events{Legend: []string{"Battles", "Protests"}, Counts: make([]int, 2), LegendTitle: "event type"}
	r := rand.New(rand.NewPCG(11, 12))
	for k := range n {
		c := cities[k%len(cities)]
		e.Lon = append(e.Lon, c.lon+r.NormFloat64()*0.3)
		e.Lat = append(e.Lat, c.lat+r.NormFloat64()*0.3)
		cat := int32(r.IntN(2))
		e.Category = append(e.Category, cat)
		e.Counts[cat]++
		e.Label = append(e.Label, "An event in "+c.name+" with a title long enough to need shortening on a map")
		e.Place = append(e.Place, c.name)
	}
	return e
}

// TestLabelsBesideTheirMarkers fits events round six cities at window and
// slide sizes: every label stands inside the frame, beside the marker it
// names, and a cluster named after a place is at that place.
func TestLabelsBesideTheirMarkers(t *testing.T) {
	cities := map[string]orb.Point{"Kharkiv": {36.23, 49.99}, "Bahia, Brazil": {-38.5, -12.97}, "Cape Town": {18.42, -33.92},
		"Managua": {-86.25, 12.14}, "Washington": {-77.04, 38.9}, "Moscow": {37.62, 55.76}}
	for _, n := range []int{6, 60, 3000} {
		e := placedEvents(n)
		for _, sz := range [][2]int{{640, 400}, {1280, 800}, {1808, 600}} {
			w, h := sz[0], sz[1]
			m := &Map{View: Viewport{Projection: EqualEarth}, Theme: draw.Light, Events: e}
			m.FitEvents(w, h)
			m.Render(draw.NewRaster(w, h, draw.Light.Background))
			if len(m.labels) == 0 {
				t.Errorf("%d events at %d×%d: no labels", n, w, h)
			}
			for _, l := range m.labels {
				b, c := l.box, l.of
				if b.x0 < 0 || b.y0 < 0 || b.x1 > float64(w) || b.y1 > float64(h) {
					t.Errorf("%d×%d: %q runs out of the frame: %+v", w, h, l.text, b)
				}
				dx := math.Max(0, math.Max(b.x0-c.x, c.x-b.x1))
				dy := math.Max(0, math.Max(b.y0-c.y, c.y-b.y1))
				if r := radius(c, 0); math.Hypot(dx, dy) > r+8 {
					t.Errorf("%d×%d: %q stands %.0f px from its marker (radius %.0f)", w, h, l.text, math.Hypot(dx, dy), r)
				}
				if c.count > 1 && !strings.Contains(l.text, m.events(c.count)) {
					t.Errorf("%d×%d: a cluster's label is cut: %q", w, h, l.text)
				}
				if place, _, ok := strings.Cut(l.text, ", "); ok && c.count > 1 && c.place != "" {
					at := m.View.Pixel(cities[c.place])
					if !strings.HasPrefix(l.text, c.place) || math.Hypot(at[0]-c.x, at[1]-c.y) > 30 {
						t.Errorf("%d×%d: %q (%s) names a cluster %.0f px from %s", w, h, l.text, place, math.Hypot(at[0]-c.x, at[1]-c.y), c.place)
					}
				}
			}
		}
	}
}

// TestClusterLabelWhole names a cluster of 1,200 events at one place with
// a long name, in German: the place is shortened, the count never
// ("Ciudad Autónoma de Buenos Aires…, 1.2…" was a cut at 48 letters).
func TestClusterLabelWhole(t *testing.T) {
	e := &Events{}
	r := rand.New(rand.NewPCG(13, 14))
	for range 1200 {
		e.Lon = append(e.Lon, -58.38+r.NormFloat64()*0.01)
		e.Lat = append(e.Lat, -34.6+r.NormFloat64()*0.01)
		e.Category = append(e.Category, -1)
		e.Label = append(e.Label, "")
		e.Place = append(e.Place, "Ciudad Autónoma de Buenos Aires, Argentina")
	}
	m := &Map{View: Fit(EqualEarth, orb.Bound{Min: orb.Point{-75, -45}, Max: orb.Point{-45, -20}}, 1280, 800, 30), Theme: draw.Light, Events: e, Language: "de"}
	m.Render(draw.NewRaster(1280, 800, draw.Light.Background))
	if len(m.labels) != 1 || !strings.HasSuffix(m.labels[0].text, ", 1.200 Ereignisse") || !strings.HasPrefix(m.labels[0].text, "Ciudad Autónoma") {
		t.Errorf("labels %+v, want one naming the place, shortened, and 1.200 Ereignisse", m.labels)
	}
}
