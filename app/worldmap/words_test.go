package worldmap

import (
	"strings"
	"testing"

	"github.com/paulmach/orb"

	"chronomap/app/draw"
)

// TestWordsFollowLanguage writes the map's own words in English and in
// German: counts grouped as each language groups them ("5,988 more",
// "5.988 weitere"), the legend's lines, cluster labels and the scale
// bar's numbers.
func TestWordsFollowLanguage(t *testing.T) {
	legend := []string{"Battles", "Protests", "Riots", "Explosions", "Violence against civilians",
		"Strategic developments", "Looting", "Arrests", "Abductions", "Air strikes"}
	counts := []int{12345, 9000, 8000, 7000, 6000, 5000, 4000, 3000, 2000, 1000}
	e := &Events{Legend: legend, Counts: counts, LegendTitle: "event type"}
	cases := []struct {
		lang                         string
		events, more, compact, scale string
		legendFirst, legendLast      string
		all                          string
	}{
		{"", "5,988 events", "5,988 more", "1.2k", "2,000 km", "Battles  12,345", "2 more", "12 events: all Riots"},
		{"fr", "5,988 events", "5,988 more", "1.2k", "2,000 km", "Battles  12,345", "2 more", "12 events: all Riots"},
		{"de", "5.988 Ereignisse", "5.988 weitere", "1,2k", "2.000 km", "Battles  12.345", "2 weitere", "12 Ereignisse: alle Riots"},
	}
	for _, c := range cases {
		m := &Map{Language: c.lang, Events: e}
		if got := m.events(5988); got != c.events {
			t.Errorf("%q: events(5988) = %q, want %q", c.lang, got, c.events)
		}
		if got := m.more(5988); got != c.more {
			t.Errorf("%q: more(5988) = %q, want %q", c.lang, got, c.more)
		}
		if got := m.compact(1234); got != c.compact {
			t.Errorf("%q: compact(1234) = %q, want %q", c.lang, got, c.compact)
		}
		l, ok := m.legendLayout(&draw.Surface{W: 1280, H: 800})
		if !ok || l.lines[0] != c.legendFirst || l.lines[len(l.lines)-1] != c.legendLast {
			t.Errorf("%q: legend %q, want it to begin %q and end %q", c.lang, l.lines, c.legendFirst, c.legendLast)
		}
		mix := make([]int32, len(legend))
		mix[2] = 12
		if got := m.clusterLabel(cluster{count: 12, category: 2, mix: mix}); got != c.all {
			t.Errorf("%q: cluster label %q, want %q", c.lang, got, c.all)
		}
		m.View = Fit(EqualEarth, orb.Bound{Min: orb.Point{-90, -40}, Max: orb.Point{90, 60}}, 1280, 800, 40)
		sb, ok := m.scaleLayout(&draw.Surface{W: 1280, H: 800})
		if !ok || sb.label != c.scale {
			t.Errorf("%q: scale bar %q, want %q", c.lang, sb.label, c.scale)
		}
	}
	if got := (&Map{Language: "de"}).events(1); got != "1 Ereignis" {
		t.Errorf("one event in German: %q", got)
	}
	if got := (&Map{Language: "de"}).sizeKey("fatalities", 2.5); !strings.HasPrefix(got, "Größe: fatalities (2,5, 25)") {
		t.Errorf("German size key: %q", got)
	}
}
