// Package render is the `chronomap render` command: a view of files drawn
// to a picture, without a window.
package render

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"maps"
	"math"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"chronomap/app/atomicfile"
	"chronomap/app/cli/args"
	"chronomap/app/cli/inspect"
	"chronomap/app/draw"
	"chronomap/app/scene"
	"chronomap/app/slide"
	"chronomap/app/workspace"
	"chronomap/app/worldmap"
	"chronomap/data/dataset"
	"chronomap/data/dates"
	"chronomap/data/engine"
)

// Run is `chronomap render [--view both|map|timeline] [--size WxH]
// [--title T] [--subtitle T] [--from DATE] [--to DATE] [--workspace W
// --scene N] --out FILE.png|.svg|.pdf FILE ...`, with --page for a PDF's
// page, --scale for a PNG's resolution and --marking for a banner. Every
// picture is a briefing slide (see package slide). What the files hold
// that could not be read or given a role is said on stderr, briefly, as
// inspect says it. It returns the exit code: 0 written, 1 a file could not
// be read or written, 2 a wrong command line or something this build
// cannot draw yet, 3 written but leaving out what the files hold: a
// column the roles name is missing, a quote that never closes swallowed
// rows, or no row has a date.
func Run(argv []string, stdout, stderr io.Writer) int {
	fs := args.Flags("render", "chronomap render [--view both|map|timeline] [--size WxH] [--title T] [--subtitle T] [--from DATE] [--to DATE] [--marking T] [--page 16:9|a4|letter] [--scale K] --out FILE.png|.svg|.pdf FILE ...", stderr)
	view := fs.String("view", "both", "what to draw: both, map or timeline")
	size := fs.String("size", "1920x1080", "picture size in pixels, WxH (a PDF takes its shape from --page)")
	title := fs.String("title", "", "the slide's title")
	subtitle := fs.String("subtitle", "", "a line under the title")
	from := fs.String("from", "", "show events from this date on")
	to := fs.String("to", "", "show events up to this date")
	out := fs.String("out", "", "the file to write: .png, .svg or .pdf")
	page := fs.String("page", "16:9", "a PDF's page, landscape: 16:9 (a slide), a4 or letter")
	scale := fs.Float64("scale", 1, "a PNG's pixels per layout pixel: 2 writes 3840x2160 for --size 1920x1080")
	marking := fs.String("marking", "", "a marking banner at the top and bottom, e.g. \"UNCLASSIFIED // FOR TRAINING\"")
	projection := fs.String("projection", "equal-earth", "map projection: equal-earth, mercator or plate-carree")
	theme := fs.String("theme", "light", "light or dark")
	sizeBy := fs.String("size-by", "", "size the map's markers by this numeric column (one file)")
	wsPath := fs.String("workspace", "", "draw a workspace (.chronomap) as saved: its first file, filter and views")
	sceneN := fs.Int("scene", 0, "with --workspace: draw its scene N (from 1) instead")
	deckOut := fs.Bool("deck", false, "with --workspace: write every scene, as the pages of a .pdf or the slides of a .pptx")
	frames := fs.Int("frames", 0, "write a playback of N frames: a .gif, or numbered PNGs when --out has a %d (frame-%04d.png)")
	if err := fs.Parse(args.Interleaved(fs, argv)); err != nil {
		return 2
	}
	given := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
	fail := func(code int, format string, a ...any) int {
		fmt.Fprintf(stderr, "chronomap: "+format+"\n", a...)
		return code
	}
	switch {
	case *out == "":
		fs.Usage()
		return 2
	case *sceneN < 0:
		return fail(2, "--scene %d: scenes count from 1", *sceneN)
	case *wsPath == "" && (*sceneN != 0 || *deckOut):
		return fail(2, "--scene and --deck draw the scenes of a workspace; give it with --workspace")
	case *wsPath == "" && fs.NArg() == 0:
		return fail(2, "render: give at least one file to draw, or --workspace")
	case *wsPath != "" && fs.NArg() > 0:
		return fail(2, "render: give either files or --workspace, not both")
	case *frames < 0 || *frames == 1 || *frames > 10000:
		return fail(2, "--frames %d: give from 2 to 10000 frames", *frames)
	}
	format := strings.ToLower(filepath.Ext(*out))
	switch {
	case *frames > 0 && format != ".gif" && !(format == ".png" && strings.Contains(*out, "%")):
		return fail(2, "--frames writes a .gif, or PNGs named with a %%d pattern such as frame-%%04d.png; %s is neither", *out)
	case *frames == 0 && format == ".gif":
		return fail(2, "%s: a GIF is a playback; give --frames N", *out)
	case *deckOut && format != ".pdf" && format != ".pptx":
		return fail(2, "--deck writes a .pdf or a .pptx, not %s", *out)
	case format == ".pptx" && !*deckOut:
		return fail(2, "%s: a PowerPoint file is a deck; give --deck", *out)
	case format == ".png", format == ".svg", format == ".pdf", format == ".gif", format == ".pptx":
	default:
		return fail(2, "%s: write a .png, .svg or .pdf file", *out)
	}
	layout, ok := layouts[*view]
	if !ok {
		return fail(2, "--view %q: use both, map or timeline", *view)
	}
	w, h, err := parseSize(*size)
	if err != nil {
		return fail(2, "--size %q: %v", *size, err)
	}
	pg, ok := pages[strings.ToLower(*page)]
	switch {
	case !ok:
		return fail(2, "--page %q: use 16:9, a4 or letter", *page)
	case given["page"] && format != ".pdf":
		return fail(2, "--page sets the page of a PDF; %s is not one", *out)
	case given["scale"] && format != ".png":
		return fail(2, "--scale sets the resolution of a PNG; %s is a vector file and has none", *out)
	case !(*scale >= 0.5 && *scale <= 4):
		return fail(2, "--scale %v: give a factor from 0.5 to 4", *scale)
	case format == ".png" && (float64(w)**scale > 16384 || float64(h)**scale > 16384):
		return fail(2, "--size %s at --scale %v is larger than 16384 pixels a side", *size, *scale)
	}
	if format == ".pdf" {
		pw, ph := pg.Pixels(w)
		if given["size"] && math.Abs(float64(h)-float64(ph)) > float64(ph)/100 {
			return fail(2, "--size %s does not have the shape of the %s page; give --size %dx%d or leave --size out", *size, *page, pw, ph)
		}
		w, h = pw, ph
	}
	p, ok := projections[strings.ToLower(*projection)]
	if !ok {
		return fail(2, "--projection %q: use equal-earth, mercator or plate-carree", *projection)
	}
	t := draw.Light
	if *theme == "dark" {
		t = draw.Dark
	}
	if *wsPath != "" {
		if given["from"] || given["to"] || given["size-by"] {
			return fail(2, "--from, --to and --size-by draw files; a workspace keeps its own window")
		}
		job := workspaceJob{stderr: stderr, path: *wsPath, scene: *sceneN, deck: *deckOut, frames: *frames, out: *out, format: format,
			w: w, h: h, scale: *scale, page: pg, title: *title,
			options: scene.Options{Subtitle: *subtitle, Marking: *marking, Layout: layout, Theme: t, Projection: p}}
		if given["projection"] {
			job.projection = &p
		}
		code, err := job.run()
		if err != nil {
			return fail(code, "%v", err)
		}
		return code
	}
	if *frames > 0 {
		return fail(2, "--frames plays a workspace's view; give it with --workspace")
	}
	if *sizeBy != "" && fs.NArg() > 1 {
		return fail(2, "--size-by sizes the markers of one file; give one")
	}
	for _, d := range []struct{ flag, value string }{{"--from", *from}, {"--to", *to}} {
		if d.value == "" {
			continue
		}
		if _, err := dates.Parse(d.value); err != nil {
			return fail(2, "%s: %v", d.flag, err)
		}
	}
	sv := workspace.Scene{Title: *title, View: workspace.View{Filter: workspace.Filter{From: *from, To: *to}}}
	if _, _, err := sv.Filter.Span(); err != nil {
		return fail(2, "--from %s --to %s: the window ends before it starts", *from, *to)
	}
	o := scene.Options{Subtitle: *subtitle, Marking: *marking, Layout: layout, Theme: t, Projection: p}
	output := scene.Output{Format: format, W: w, H: h, Scale: *scale, Page: pg, Title: *title}
	if slices.ContainsFunc(fs.Args(), engine.IsURL) {
		if why := oneTable(fs.Args(), *sizeBy); why != "" {
			return fail(2, "%s", why)
		}
		why, err := table(stderr, fs.Arg(0), sv, o, *out, output)
		if err != nil {
			return fail(1, "%v", err)
		}
		if why != "" {
			return leftOut(stderr, *out, map[string]string{fs.Arg(0): why})
		}
		return 0
	}
	f, left, err := load(fs.Args(), *sizeBy, stderr)
	if err != nil {
		return fail(1, "%v", err)
	}
	err = save(*out, func(b io.Writer) error {
		return f.Write(b, []workspace.Scene{sv}, o, output)
	})
	if err != nil {
		return fail(1, "%v", err)
	}
	return leftOut(stderr, *out, left)
}

// save writes an output file as write writes it, atomically: a crash
// half-way leaves the file as it was.
func save(path string, write func(io.Writer) error) error {
	err := atomicfile.WriteFunc(path, write)
	if ae := (*atomicfile.Error)(nil); err != nil && !errors.As(err, &ae) {
		err = fmt.Errorf("cannot write %s: %w", path, err)
	}
	return err
}

// told says on stderr what inspect would of the rows of d that could not
// be read and the roles that could not be given, and returns why the
// picture leaves out what d holds, "" when it does not.
func told(stderr io.Writer, d *dataset.Dataset) string {
	r := inspect.Of(d)
	inspect.Brief(stderr, r)
	switch {
	case r.Problems.ByReason["missing column"] > 0:
		return "a column its roles name is missing"
	case r.Problems.ByReason["unclosed quote"] > 0:
		return "a quote that never closes swallowed its rows"
	case r.Events == 0:
		return "no row has a date to draw"
	}
	return ""
}

// leftOut is the exit code once out is written: 3, saying so, when the
// picture leaves out what a file holds (why, by file), else 0.
func leftOut(stderr io.Writer, out string, why map[string]string) int {
	names := slices.Sorted(maps.Keys(why))
	for _, name := range names {
		fmt.Fprintf(stderr, "chronomap: wrote %s, but it leaves out what %s holds: %s\n", out, name, why[name])
	}
	if len(names) > 0 {
		return 3
	}
	return 0
}

var layouts = map[string]slide.Layout{"both": slide.Both, "map": slide.MapOnly, "timeline": slide.TimelineOnly}

var pages = map[string]draw.Page{"16:9": draw.Slide, "slide": draw.Slide, "a4": draw.A4, "letter": draw.Letter}

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

// load reads the files to draw: one as it is, several merged into one
// set of events whose categories are ranked over all of them. What each
// holds that cannot be read is said on stderr; left says, by file, why
// the picture will leave out what it holds.
func load(paths []string, sizeBy string, stderr io.Writer) (f scene.File, left map[string]string, err error) {
	ctx := context.Background()
	var ds []*dataset.Dataset
	left = map[string]string{}
	for _, path := range paths {
		d, err := dataset.Load(ctx, dataset.File{Path: path}, dataset.Options{}, nil)
		if err != nil {
			return scene.File{}, nil, err
		}
		if why := told(stderr, d); why != "" {
			left[path] = why
		}
		ds = append(ds, d)
	}
	d := ds[0]
	if len(ds) > 1 {
		var err error
		if d, err = dataset.Merge(ctx, strings.Join(paths, ", "), ds); err != nil {
			return scene.File{}, nil, err
		}
	}
	f = scene.Open(d)
	if sizeBy != "" && f.Map != nil {
		v, err := d.Numbers(sizeBy)
		if err != nil {
			return scene.File{}, nil, fmt.Errorf("--size-by: %w", err)
		}
		f.Map.SizeBy(v, sizeBy)
	}
	return f, left, nil
}
