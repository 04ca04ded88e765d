package scene

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/color/palette"
	stddraw "image/draw"
	"image/gif"
	"io"

	"chronomap/app/deck"
	"chronomap/app/draw"
	"chronomap/app/slide"
	"chronomap/app/workspace"
	"chronomap/data/input"
)

// The limits of the outputs that hold all their pictures until they are
// written (a PDF deck is written a few pages at a time, numbered PNGs one
// by one, and take any number).
const (
	// MaxPPTXScenes is the most slides a PowerPoint deck is written with:
	// each is a picture of about 400 KB, held until the deck is zipped.
	MaxPPTXScenes = 500
	// MaxGIFPixels is the most pixels the frames of a GIF may hold in all,
	// a byte each: 1 GiB, 500 frames of 1920×1080.
	MaxGIFPixels = 1 << 30
)

// Output is a file the briefing writes, and how.
type Output struct {
	// Format is the file's extension: ".png", ".svg" and ".pdf" draw a
	// slide (a PDF one page per view: a deck), ".pptx" a PowerPoint deck,
	// ".gif" a playback of the first view.
	Format string
	W, H   int       // the layout's size in pixels; a PDF's is W wide, in its page's shape
	Scale  float64   // a PNG's pixels per layout pixel: 2 for 4K from 1920×1080
	Page   draw.Page // a PDF's page
	Title  string    // a deck's title, in its metadata
	Frames int       // a GIF's frames
}

// Write writes views in the output's format: the one place where a
// briefing becomes a file, for the window's exports and `render` alike.
func (f File) Write(out io.Writer, views []workspace.Scene, o Options, w Output) error {
	if len(views) == 0 {
		return fmt.Errorf("there are no scenes to write")
	}
	scale := w.Scale
	if scale == 0 {
		scale = 1
	}
	switch w.Format {
	case ".png", ".svg":
		return WriteSlide(out, f.Slide(views[0], o), w)
	case ".pdf":
		d := w.pdf(out)
		for _, v := range views {
			slide.Draw(d.Page(), f.Slide(v, o))
		}
		return d.Close()
	case ".pptx":
		if len(views) > MaxPPTXScenes {
			return fmt.Errorf("a PowerPoint deck is written with up to %d scenes, and this one has %d; a PDF deck takes any number", MaxPPTXScenes, len(views))
		}
		return f.writePPTX(out, w.Title, views, o)
	case ".gif":
		if px := int64(w.Frames) * int64(w.W) * int64(w.H); px > MaxGIFPixels {
			return fmt.Errorf("a GIF of %d frames of %d×%d holds %s of pictures, and Chronomap writes GIFs of up to %s: give fewer frames or a smaller size, or write numbered PNGs (frame-%%04d.png), which take any number",
				w.Frames, w.W, w.H, input.Size(px), input.Size(MaxGIFPixels))
		}
		return f.writeGIF(out, views[0], o, w.W, w.H, w.Frames, 8)
	}
	return fmt.Errorf("%s files are not written; write .png, .svg, .pdf, .pptx or .gif", w.Format)
}

// WriteSlide writes one slide as a .png, an .svg or a one-page .pdf: the
// file of a single view, for slides made of a file's view (Write) or of a
// table's in an engine.
func WriteSlide(out io.Writer, sp slide.Spec, w Output) error {
	scale := w.Scale
	if scale == 0 {
		scale = 1
	}
	var s *draw.Surface
	switch w.Format {
	case ".png":
		s = draw.NewRasterScaled(w.W, w.H, scale, background(sp.Theme))
	case ".svg":
		s = draw.NewSVG(w.W, w.H)
	case ".pdf":
		d := w.pdf(out)
		slide.Draw(d.Page(), sp)
		return d.Close()
	default:
		return fmt.Errorf("%s files are not written from one slide; write .png, .svg or .pdf", w.Format)
	}
	slide.Draw(s, sp)
	_, err := s.WriteTo(out)
	return err
}

// pdf starts a PDF deck of the output's page, the layout in its shape.
func (w Output) pdf(out io.Writer) *draw.PDFDeck {
	page := w.Page
	if page == (draw.Page{}) {
		page = draw.Slide
	}
	width := w.W
	if width == 0 {
		width = 1920
	}
	pw, ph := page.Pixels(width)
	return draw.NewPDFDeck(out, pw, ph, page, w.Title)
}

// background is the colour behind a slide in a theme.
func background(t draw.Theme) color.RGBA {
	if t.Palette == nil {
		return draw.Light.Background
	}
	return t.Background
}

// writePPTX writes views as a PowerPoint deck: one slide each, its
// picture drawn at 1920×1080, its title, its notes as speaker notes.
func (f File) writePPTX(out io.Writer, title string, views []workspace.Scene, o Options) error {
	d := deck.Deck{Title: title}
	for i, v := range views {
		var img bytes.Buffer
		if err := f.Write(&img, []workspace.Scene{v}, o, Output{Format: ".png", W: 1920, H: 1080}); err != nil {
			return fmt.Errorf("scene %d: %w", i+1, err)
		}
		t := v.Title
		if t == "" {
			t = fmt.Sprintf("Scene %d", i+1)
		}
		d.Slides = append(d.Slides, deck.Slide{Title: t, Image: img.Bytes(), Notes: v.Notes})
	}
	return deck.WritePPTX(out, d)
}

// Frames draws the playback of a view: the timeline's window, as wide as
// a sixth of the events' span (or the view's own window when it has
// one), moves from the first event to the last in n steps, and the map
// shows what the window holds. each receives every frame; the picture is
// reused, so each must copy what it keeps.
func (f File) Frames(v workspace.Scene, o Options, w, h, n int, each func(i int, img *image.RGBA) error) error {
	if f.Timeline == nil || f.Timeline.Len() == 0 {
		return fmt.Errorf("%s has no dated events to play", f.Data.Name)
	}
	if n < 2 {
		return fmt.Errorf("a playback needs at least 2 frames, not %d", n)
	}
	lo, hi := f.Timeline.Start[0], f.Timeline.Stop[0]
	for i := range f.Timeline.Len() {
		lo, hi = min(lo, f.Timeline.Start[i]), max(hi, f.Timeline.Stop[i])
	}
	span := float64(hi-lo) / 6
	if a, b, ok, err := v.Timeline.Window(); ok && err == nil && b-a < float64(hi-lo) {
		span = b - a
	}
	for i := range n {
		from := float64(lo) - span + (float64(hi-lo)+span)*float64(i)/float64(n-1)
		fv := v
		fv.Timeline.From, fv.Timeline.To = workspace.Stamp(from), workspace.Stamp(from+span)
		sp := f.Slide(fv, o)
		s := draw.NewRaster(w, h, sp.Theme.Background)
		slide.Draw(s, sp)
		if err := each(i, s.Pixels); err != nil {
			return err
		}
	}
	return nil
}

// writeGIF writes a playback of n frames as an animated GIF, each frame
// shown for delay hundredths of a second, looping.
func (f File) writeGIF(out io.Writer, v workspace.Scene, o Options, w, h, n, delay int) error {
	anim := &gif.GIF{LoopCount: 0}
	err := f.Frames(v, o, w, h, n, func(_ int, img *image.RGBA) error {
		// Plan 9's palette holds the slide's greys and the Okabe–Ito
		// colours closely enough; dithering would make text shimmer.
		p := image.NewPaletted(img.Bounds(), palette.Plan9)
		stddraw.Draw(p, p.Rect, img, img.Rect.Min, stddraw.Src)
		anim.Image = append(anim.Image, p)
		anim.Delay = append(anim.Delay, delay)
		return nil
	})
	if err != nil {
		return err
	}
	return gif.EncodeAll(out, anim)
}
