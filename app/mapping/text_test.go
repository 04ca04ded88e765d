package mapping

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"chronomap/data/events"
)

func TestCountsLine(t *testing.T) {
	for _, c := range []struct {
		in   Counts
		want string
	}{
		{Counts{}, "0 events · 0 located · no problems"},
		{Counts{Events: 1, Located: 1, Problems: 1}, "1 event · 1 located · 1 problem"},
		{Counts{Events: 1234567, Located: 1200000, Geocoded: 35, Problems: 12}, "1,234,567 events · 1,200,000 located (35 by name) · 12 problems"},
	} {
		if got := countsLine(c.in); got != c.want {
			t.Errorf("countsLine(%+v) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestRoleLabels(t *testing.T) {
	opts := roleOptions()
	if len(opts) != len(events.Roles)+1 || opts[0] != none {
		t.Fatalf("options %q: want none and one per role", opts)
	}
	seen := map[string]bool{}
	for _, r := range events.Roles {
		l := roleLabel(r)
		if seen[l] || roleFromLabel(l) != r {
			t.Errorf("role %s: label %q is taken twice or does not lead back", r, l)
		}
		seen[l] = true
	}
	if roleFromLabel(none) != "" {
		t.Error("none reads as a role")
	}
}

func TestWrapFit(t *testing.T) {
	test.NewTempApp(t)
	size := theme.CaptionTextSize()
	why := `header "actor1" names an actor; header "actor2" names an actor; header "actor3" names an actor`
	lines := wrap(why, 150, size, 3)
	if len(lines) != 3 || !strings.HasSuffix(lines[2], "…") {
		t.Errorf("wrap gave %q, want three lines, the last cut", lines)
	}
	for _, l := range lines {
		if w := fyne.MeasureText(l, size, fyne.TextStyle{}).Width; w > 150 {
			t.Errorf("line %q is %.0f wide, over 150", l, w)
		}
	}
	if got := strings.Join(wrap("header \"day\" names the date", 400, size, 3), "|"); got != `header "day" names the date` {
		t.Errorf("a short reason was wrapped: %q", got)
	}
	if got := fit("https://www.reuters.com/world/europe/", 100, theme.TextSize(), fyne.TextStyle{}); !strings.HasSuffix(got, "…") || len(got) < 8 {
		t.Errorf("fit gave %q", got)
	}
}
