// Package slide is the briefing frame: a view of the events — the map, the
// timeline or both — under a title and the time window it shows, over a
// line naming the data's sources and the basemap's and gazetteer's
// credits, between marking banners when the room requires them. The
// command line's exports, the window's export and the deck all draw their
// pages with Draw, on any surface: PNG, SVG or PDF.
package slide

import (
	"math"
	"strings"

	"chronomap/app/draw"
	"chronomap/app/timeline"
	"chronomap/app/worldmap"
)

// Layout is which views a slide shows.
type Layout uint8

const (
	Both         Layout = iota // the map above the timeline
	MapOnly                    // the map alone
	TimelineOnly               // the timeline alone
)

// Spec is what a slide shows. The zero Layout is Both; views that are nil
// are left out, and a slide with neither is the frame alone.
type Spec struct {
	Title, Subtitle string
	// Window is the time window shown, written out: "7 Nov 2023 – 12 Dec
	// 2023" (see Window).
	Window string
	// Filter, when set, says that a filter hides events, and how:
	// `Filtered: "Shoigu" · 3 of 6 events`. It stands under the window.
	Filter string
	// Marking, when set, is written in a banner at the top and the bottom
	// of the slide, as typed: "UNCLASSIFIED // FOR TRAINING".
	Marking string
	Layout  Layout
	Map     *worldmap.Map
	// FitMap fits the map to its events in the room the layout gives it;
	// otherwise the map keeps the extent its View shows (the window's
	// current view), scaled to that room.
	FitMap   bool
	Timeline *timeline.Chart
	// Sources are the data's sources, most frequent first (see Sources);
	// Credits are those of the basemap and the gazetteer.
	Sources []string
	Credits []string
	Theme   draw.Theme
}

// Design size: a 1920×1080 slide. Other sizes scale the frame's type and
// spacing with their height or width, whichever is tighter; the views
// inside keep their own sizes, as on the screen.
const designW, designH = 1920, 1080

// plan is the slide's layout, in pixels.
type plan struct {
	u                float64 // the frame's scale: 1 at 1920×1080
	margin           float64
	banner           float64 // the marking banner's height, 0 without one
	bodyY0, bodyY1   float64 // the views' room
	footY, footLines float64 // the first source line's baseline, and how many lines
}

// Draw draws the slide on s: banners, header, views, source line. The
// views are drawn as they are set, but for the size of their room (and
// the map's extent, with FitMap); Draw leaves them as it found them, so
// that the window's own can be passed.
func Draw(s *draw.Surface, sp Spec) {
	t := sp.Theme
	if t.Name == "" {
		t = draw.Light
	}
	s.Clear(t.Background)
	f := layout(s.W, s.H, sp)
	drawHeader(s, sp, t, f)
	drawViews(s, sp, f)
	drawFooter(s, sp, t, f)
	if sp.Marking != "" {
		drawBanner(s, sp.Marking, t, f, 0)
		drawBanner(s, sp.Marking, t, f, s.H-f.banner)
	}
}

// Type sizes and spacing at the design size, in pixels. Type on a slide
// must read from the back of a room: the title is a twentieth of the
// height, and nothing is smaller than the map's own labels.
const (
	marginPx   = 56
	bannerPx   = 40
	bannerType = 19
	ruleTop    = 34 // from the banner to the accent rule
	titleType  = 46
	subType    = 25
	windowType = 27
	kickerType = 16
	footType   = 17
	creditType = 15
)

// Body gives the band of a w×h slide that the views fill, between the
// header and the footer (and the marking banners): where a presenter may
// lay something over the slide without hiding its title, sources or
// marking.
func Body(w, h float64, sp Spec) (top, bottom float64) {
	f := layout(w, h, sp)
	return f.bodyY0, f.bodyY1
}

func layout(w, h float64, sp Spec) plan {
	u := math.Min(w/designW, h/designH)
	f := plan{u: u, margin: marginPx * u}
	if sp.Marking != "" {
		f.banner = math.Round(bannerPx * u)
	}
	// Header: accent rule, title, subtitle, then a hairline.
	y := f.banner + ruleTop*u + 6*u + 18*u + titleType*u
	if sp.Subtitle != "" || sp.Filter != "" {
		y += 14*u + subType*u
	}
	f.bodyY0 = math.Round(y + 28*u)
	// Footer: one line, or two when sources and credits do not fit side
	// by side.
	f.footLines = 1
	if len(sp.Credits) > 0 {
		src, cred := sourceText(sp, w, u), creditText(sp)
		if footFace(u).Width(src)+creditFace(u).Width(cred)+48*u > w-2*f.margin {
			f.footLines = 2
		}
	}
	bottom := h - f.banner - 22*u
	f.footY = bottom - (f.footLines-1)*26*u
	f.bodyY1 = math.Round(f.footY - footFace(u).Ascent() - 20*u)
	return f
}

func drawHeader(s *draw.Surface, sp Spec, t draw.Theme, f plan) {
	u := f.u
	x := f.margin
	y := f.banner + ruleTop*u
	// A short bar in the accent colour marks the top of the graphic, as
	// newsrooms do.
	s.Rect(x, y, 64*u, 6*u, t.Accent)
	right := s.W - f.margin
	title := draw.Sans(titleType*u, true)
	sub := draw.Sans(subType*u, false)
	ty := y + 6*u + 18*u + title.Ascent()*0.78
	room := right - x
	if sp.Window != "" {
		win := draw.Sans(windowType*u, true)
		kicker := draw.Sans(math.Max(kickerType*u, 12), true)
		ww := win.Width(sp.Window)
		s.Text(kicker, right-kicker.Width("Time window"), ty-windowType*u-8*u, "Time window", t.Muted)
		s.Text(win, right-ww, ty, sp.Window, t.Text)
		room -= math.Max(ww, kicker.Width("Time window")) + 40*u
	}
	if sp.Title != "" {
		s.Text(title, x, ty, draw.Fit(title, sp.Title, room), t.Text)
	}
	subRoom := right - x
	if sp.Filter != "" {
		// Under the window, in the accent colour: a filtered slide must
		// not pass for the whole picture.
		ff := draw.Sans(math.Max(kickerType*u*1.15, 12), true)
		text := draw.Fit(ff, sp.Filter, (right-x)*0.6)
		fw := ff.Width(text)
		s.Text(ff, right-fw, ty+14*u+subType*u, text, t.Accent)
		subRoom -= fw + 40*u
	}
	if sp.Subtitle != "" {
		s.Text(sub, x, ty+14*u+subType*u, draw.Fit(sub, sp.Subtitle, subRoom), t.Muted)
	}
	s.Rect(x, f.bodyY0-14*u, right-x, math.Max(1, u), t.Grid)
}

// drawViews lays the views out in the body: the map above the timeline,
// or one of them alone.
func drawViews(s *draw.Surface, sp Spec, f plan) {
	x := int(math.Round(f.margin))
	w := int(math.Round(s.W-f.margin)) - x
	y0, y1 := int(f.bodyY0), int(f.bodyY1)
	m, tl := sp.Map, sp.Timeline
	switch sp.Layout {
	case MapOnly:
		tl = nil
	case TimelineOnly:
		m = nil
	}
	mapH := y1 - y0
	if m != nil && tl != nil {
		mapH = (y1 - y0) * 60 / 100
	}
	if m != nil {
		s.Part(x, y0, w, mapH, func(part *draw.Surface) {
			// The map may be the window's: its view is put back after.
			was := m.View
			defer func() { m.View = was }()
			if sp.FitMap {
				m.FitEvents(w, mapH)
			} else {
				m.View = rescale(m.View, w, mapH)
			}
			m.Render(part)
		})
		s.Stroke(draw.Path{{{float64(x), float64(y0)}, {float64(x + w), float64(y0)}, {float64(x + w), float64(y0 + mapH)}, {float64(x), float64(y0 + mapH)}}}, sp.Theme.Grid, math.Max(1, f.u), true)
		y0 += mapH + int(math.Round(12*f.u))
	}
	if tl != nil && y1 > y0 {
		// No overview band: it is for moving the window on screen, and
		// the lanes need its room on a slide.
		// And lanes past the room fold into "Other (N)": a slide cannot
		// scroll.
		was, fold, scroll := tl.NoOverview, tl.Fold, tl.Scroll
		tl.NoOverview, tl.Fold, tl.Scroll = true, true, 0
		s.Part(x, y0, w, y1-y0, tl.Render)
		tl.NoOverview, tl.Fold, tl.Scroll = was, fold, scroll
	}
}

// rescale keeps what a viewport shows when its picture changes size: the
// same centre, at the scale that shows at least the same extent.
func rescale(v worldmap.Viewport, w, h int) worldmap.Viewport {
	if v.Width > 0 && v.Height > 0 && v.MetresPerPx > 0 {
		v.MetresPerPx = math.Max(v.MetresPerPx*float64(v.Width)/float64(w), v.MetresPerPx*float64(v.Height)/float64(h))
	}
	v.Width, v.Height = w, h
	return v
}

func drawFooter(s *draw.Surface, sp Spec, t draw.Theme, f plan) {
	u := f.u
	src := sourceText(sp, s.W, u)
	cred := creditText(sp)
	ff := footFace(u)
	cf := creditFace(u)
	room := s.W - 2*f.margin
	if src != "" {
		s.Text(ff, f.margin, f.footY, draw.Fit(ff, src, room), t.Muted)
	}
	if cred == "" {
		return
	}
	cred = draw.Fit(cf, cred, room)
	if f.footLines == 1 {
		s.Text(cf, s.W-f.margin-cf.Width(cred), f.footY, cred, t.Muted)
		return
	}
	s.Text(cf, f.margin, f.footY+26*u, cred, t.Muted)
}

// sourceText is the source line: "Source: ISW", "Sources: ISW, ACLED and
// 3 more": the most frequent names, five at most and as many as fit in
// about half the slide's width; a longer list is the data's to give, not
// the slide's.
func sourceText(sp Spec, w, u float64) string {
	if len(sp.Sources) == 0 {
		return ""
	}
	if len(sp.Sources) == 1 {
		return "Source: " + sp.Sources[0]
	}
	f := footFace(u)
	line := "Sources: " + sp.Sources[0]
	for i := 1; i < len(sp.Sources); i++ {
		rest := len(sp.Sources) - i - 1
		next := line + ", " + sp.Sources[i]
		if rest == 0 {
			next = line + " and " + sp.Sources[i]
		}
		if i == maxSources || f.Width(next+" and 99 more") > w*0.55 {
			return line + " and " + moreText(len(sp.Sources)-i)
		}
		line = next
	}
	return line
}

const maxSources = 5

func moreText(n int) string {
	if n == 1 {
		return "1 more"
	}
	return itoa(n) + " more"
}

// creditText joins the credits: "Basemap: Natural Earth · Places: GeoNames, CC BY 4.0".
func creditText(sp Spec) string { return strings.Join(sp.Credits, "  ·  ") }

// drawBanner writes the marking centred in a band across the slide.
func drawBanner(s *draw.Surface, text string, t draw.Theme, f plan, y float64) {
	s.Rect(0, y, s.W, f.banner, t.Text)
	bf := draw.Sans(bannerType*f.u, true)
	text = draw.Fit(bf, text, s.W-2*f.margin)
	s.Text(bf, (s.W-bf.Width(text))/2, y+f.banner/2+bf.Ascent()*0.36, text, t.Background)
}

// The source line and credits keep a floor on small pictures: a credit
// too small to read is not given.
func footFace(u float64) draw.Face   { return draw.Sans(math.Max(footType*u, 13), false) }
func creditFace(u float64) draw.Face { return draw.Sans(math.Max(creditType*u, 12), false) }
