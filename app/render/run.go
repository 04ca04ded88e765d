// Package render is the `chronomap render` command: a view of files drawn
// to a picture, without a window.
package render

import (
	"bytes"
	"fmt"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"chronomap/app/args"
	"chronomap/app/draw"
	"chronomap/app/timeline"
	"chronomap/app/worldmap"
	"chronomap/data/dates"
	"chronomap/data/events"
	"chronomap/data/frame"
)

// Run is `chronomap render [--view both|map|timeline] [--size WxH]
// [--title T] [--subtitle T] [--from DATE] [--to DATE] [--workspace W
// --scene N] --out FILE.png|.svg|.pdf FILE ...`. It returns the exit code:
// 0 written, 1 a file could not be read or written, 2 a wrong command line
// or something this build cannot draw yet.
func Run(argv []string, stdout, stderr io.Writer) int {
	fs := args.Flags("render", "chronomap render [--view both|map|timeline] [--size WxH] [--title T] [--subtitle T] [--from DATE] [--to DATE] --out FILE.png FILE ...", stderr)
	view := fs.String("view", "both", "what to draw: both, map or timeline")
	size := fs.String("size", "1920x1080", "picture size in pixels, WxH")
	title := fs.String("title", "", "a title above the view")
	subtitle := fs.String("subtitle", "", "a line under the title")
	from := fs.String("from", "", "show events from this date on")
	to := fs.String("to", "", "show events up to this date")
	out := fs.String("out", "", "the picture to write: .png (.svg and .pdf to come)")
	projection := fs.String("projection", "equal-earth", "map projection: equal-earth, mercator or plate-carree")
	theme := fs.String("theme", "light", "light or dark")
	sizeBy := fs.String("size-by", "", "size the map's markers by this numeric column (one file)")
	workspace := fs.String("workspace", "", "a workspace file (not yet supported)")
	scene := fs.Int("scene", 0, "a scene of the workspace (not yet supported)")
	if err := fs.Parse(args.Interleaved(fs, argv)); err != nil {
		return 2
	}
	fail := func(code int, format string, a ...any) int {
		fmt.Fprintf(stderr, "chronomap: "+format+"\n", a...)
		return code
	}
	switch {
	case *workspace != "" || *scene != 0:
		return fail(2, "workspaces and scenes are not part of this build yet; give the files to draw")
	case *out == "":
		fs.Usage()
		return 2
	case fs.NArg() == 0:
		return fail(2, "render: give at least one file to draw")
	}
	switch strings.ToLower(filepath.Ext(*out)) {
	case ".png":
	case ".svg", ".pdf":
		return fail(2, "%s: this build writes PNG only; SVG and PDF come with the briefing exports", *out)
	default:
		return fail(2, "%s: write a .png file", *out)
	}
	switch *view {
	case "map", "timeline", "both":
	default:
		return fail(2, "--view %q: use both, map or timeline", *view)
	}
	if *view != "map" && fs.NArg() > 1 {
		return fail(2, "a timeline of several files is not part of this build yet; draw one file, or --view map")
	}
	w, h, err := parseSize(*size)
	if err != nil {
		return fail(2, "--size %q: %v", *size, err)
	}
	p, ok := projections[strings.ToLower(*projection)]
	if !ok {
		return fail(2, "--projection %q: use equal-earth, mercator or plate-carree", *projection)
	}
	t := draw.Light
	if *theme == "dark" {
		t = draw.Dark
	}
	window, err := timeWindow(*from, *to)
	if err != nil {
		return fail(2, "%v", err)
	}
	if *sizeBy != "" && fs.NArg() > 1 {
		return fail(2, "--size-by sizes the markers of one file; give one")
	}
	e, err := load(fs.Args(), window, *sizeBy)
	if err != nil {
		return fail(1, "%v", err)
	}
	var tl *timeline.Chart
	if *view != "map" {
		if tl, err = loadTimeline(fs.Args()[0], window, t); err != nil {
			return fail(1, "%v", err)
		}
	}
	png, err := picture(*view, e, tl, p, t, w, h, *title, *subtitle)
	if err != nil {
		return fail(1, "%v", err)
	}
	if err := os.WriteFile(*out, png, 0o644); err != nil {
		return fail(1, "cannot write %s: %v", *out, err)
	}
	return 0
}

var projections = map[string]worldmap.Projection{
	"equal-earth": worldmap.EqualEarth, "equalearth": worldmap.EqualEarth,
	"mercator": worldmap.WebMercator, "web-mercator": worldmap.WebMercator,
	"plate-carree": worldmap.PlateCarree, "platecarree": worldmap.PlateCarree,
}

func parseSize(s string) (int, int, error) {
	a, b, ok := strings.Cut(strings.ToLower(s), "x")
	w, err1 := strconv.Atoi(a)
	h, err2 := strconv.Atoi(b)
	if !ok || err1 != nil || err2 != nil || w < 200 || h < 150 || w > 16384 || h > 16384 {
		return 0, 0, fmt.Errorf("write width x height in pixels, from 200x150 to 16384x16384")
	}
	return w, h, nil
}

// span is a time window in Unix seconds; zero ends are open.
type span struct {
	from, to         int64
	hasFrom, hasTo   bool
	fromText, toText string
}

func timeWindow(from, to string) (span, error) {
	var s span
	if from != "" {
		r, err := dates.Parse(from)
		if err != nil {
			return s, fmt.Errorf("--from: %v", err)
		}
		s.from, s.hasFrom, s.fromText = r.Start.Unix, true, from
	}
	if to != "" {
		r, err := dates.Parse(to)
		if err != nil {
			return s, fmt.Errorf("--to: %v", err)
		}
		t := r.Start
		if !r.End.IsZero() {
			t = r.End
		}
		s.to, s.hasTo, s.toText = t.End(), true, to // through the end of the day, month or year given
	}
	return s, nil
}

// load reads the files and merges their events, keeping those in window.
func load(paths []string, window span, sizeBy string) (*worldmap.Events, error) {
	all := &worldmap.Events{LegendTitle: "category"}
	index := map[string]int{}
	for _, path := range paths {
		f, err := frame.ReadFile(path, frame.Options{})
		if err != nil {
			return nil, err
		}
		m := events.Detect(f)
		x, _ := events.Build(f, m)
		e := worldmap.FromIndex(f, m, x)
		if sizeBy != "" {
			if err := e.SizeBy(f, x, sizeBy); err != nil {
				return nil, err
			}
			all.SizeTitle = e.SizeTitle
		}
		kept := map[int]int{} // event of this file → event of the picture
		for i := range e.Lon {
			start, end := x.Start[i], x.EndTime(i)
			last := start
			if !end.IsZero() {
				last = end.Unix
			}
			if (window.hasFrom && last < window.from) || (window.hasTo && start >= window.to) {
				continue
			}
			cat := -1
			if c := e.Category[i]; c >= 0 {
				name := e.Legend[c]
				k, ok := index[name]
				if !ok {
					k = len(all.Legend)
					index[name] = k
					all.Legend = append(all.Legend, name)
					all.Counts = append(all.Counts, 0)
				}
				cat = k
				all.Counts[k]++
			}
			kept[i] = len(all.Lon)
			all.Lon = append(all.Lon, e.Lon[i])
			all.Lat = append(all.Lat, e.Lat[i])
			all.Category = append(all.Category, cat)
			all.Label = append(all.Label, e.Label[i])
			if e.Size != nil {
				all.Size = append(all.Size, e.Size[i])
			}
		}
		for _, a := range e.Arcs {
			k, ok := kept[a.Event]
			if !ok {
				continue // its event is outside the time window
			}
			if a.Category >= 0 {
				a.Category = index[e.Legend[a.Category]]
			}
			a.Event = k
			all.Arcs = append(all.Arcs, a)
		}
	}
	all.SortLegend()
	return all, nil
}

// loadTimeline reads one file for the timeline, its window set to the
// --from/--to span when given, else to the events.
func loadTimeline(path string, window span, t draw.Theme) (*timeline.Chart, error) {
	f, err := frame.ReadFile(path, frame.Options{})
	if err != nil {
		return nil, err
	}
	m := events.Detect(f)
	x, _ := events.Build(f, m)
	c := &timeline.Chart{Events: timeline.FromIndex(f, m, x, events.Category), Theme: t}
	c.Fit()
	if window.hasFrom {
		c.From = float64(window.from)
	}
	if window.hasTo {
		c.To = float64(window.to)
	}
	return c, nil
}

// picture draws the asked view(s) with a title band when a title is given,
// and returns the PNG: the map above the timeline for both.
func picture(view string, e *worldmap.Events, tl *timeline.Chart, p worldmap.Projection, t draw.Theme, w, h int, title, subtitle string) ([]byte, error) {
	s := draw.NewRaster(w, h, t.Background)
	top := 0
	if title != "" || subtitle != "" {
		top = 24 + 34
		if subtitle != "" {
			top += 24
		}
	}
	rest := h - top
	mapH, tlH := rest, 0
	switch view {
	case "timeline":
		mapH, tlH = 0, rest
	case "both":
		mapH = rest * 58 / 100
		tlH = rest - mapH
	}
	if mapH > 0 {
		paste(s, top, drawMap(e, p, t, w, mapH))
	}
	if tlH > 0 {
		ts := draw.NewRaster(w, tlH, t.Background)
		tl.Render(ts)
		paste(s, top+mapH, ts)
	}
	if top > 0 {
		s.Text(draw.Sans(30, true), 24, 24+28, title, t.Text)
		if subtitle != "" {
			s.Text(draw.Sans(17, false), 24, 24+28+26, subtitle, t.Muted)
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, s.Pixels); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// paste copies a full-width surface into s from row y down.
func paste(s *draw.Surface, y int, part *draw.Surface) {
	copy(s.Pixels.Pix[y*s.Pixels.Stride:], part.Pixels.Pix)
}

// drawMap draws the events' map on a surface of its own, fitted to the
// events and to the arcs' origins.
func drawMap(e *worldmap.Events, p worldmap.Projection, t draw.Theme, w, h int) *draw.Surface {
	m := &worldmap.Map{View: worldmap.Viewport{Projection: p}, Theme: t, Graticule: true, Events: e}
	m.FitEvents(w, h)
	ms := draw.NewRaster(w, h, t.Background)
	m.Render(ms)
	return ms
}
