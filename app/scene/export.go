package scene

import (
	"bytes"
	"fmt"
	"image"
	"image/color/palette"
	stddraw "image/draw"
	"image/gif"
	"io"

	"chronomap/app/deck"
	"chronomap/app/draw"
	"chronomap/app/slide"
	"chronomap/app/workspace"
)

// PNG draws a view as a w×h picture at the given scale (2 for 4K from a
// 1920×1080 layout).
func (f File) PNG(v View, o Options, w, h int, scale float64) ([]byte, error) {
	sp := f.Slide(v, o)
	s := draw.NewRasterScaled(w, h, scale, sp.Theme.Background)
	slide.Draw(s, sp)
	var b bytes.Buffer
	if _, err := s.WriteTo(&b); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// WritePDF writes views as the pages of one PDF, the layout w×h scaled
// to page: a deck to project or print.
func (f File) WritePDF(out io.Writer, title string, views []View, o Options, w, h int, page draw.Page) error {
	if len(views) == 0 {
		return fmt.Errorf("there are no scenes to write")
	}
	s := draw.NewPDF(w, h, page)
	s.PDF().SetTitle(title)
	for i, v := range views {
		if i > 0 {
			s.PDF().NextPage()
		}
		slide.Draw(s, f.Slide(v, o))
	}
	_, err := s.WriteTo(out)
	return err
}

// WritePPTX writes views as a PowerPoint deck: one slide each, its
// picture drawn at 1920×1080, its title, its notes as speaker notes.
func (f File) WritePPTX(out io.Writer, title string, views []View, o Options) error {
	d := deck.Deck{Title: title}
	for i, v := range views {
		img, err := f.PNG(v, o, 1920, 1080, 1)
		if err != nil {
			return fmt.Errorf("scene %d: %v", i+1, err)
		}
		t := v.Title
		if t == "" {
			t = fmt.Sprintf("Scene %d", i+1)
		}
		d.Slides = append(d.Slides, deck.Slide{Title: t, Image: img, Notes: v.Notes})
	}
	return deck.WritePPTX(out, d)
}

// Frames draws the playback of a view: the timeline's window, as wide as
// a sixth of the events' span (or the view's own window when it has
// one), moves from the first event to the last in n steps, and the map
// shows what the window holds. each receives every frame; the picture is
// reused, so each must copy what it keeps.
func (f File) Frames(v View, o Options, w, h, n int, each func(i int, img *image.RGBA) error) error {
	if f.Timeline == nil || f.Timeline.Len() == 0 {
		return fmt.Errorf("%s has no dated events to play", f.Path)
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

// WriteGIF writes a playback of n frames as an animated GIF, each frame
// shown for delay hundredths of a second, looping.
func (f File) WriteGIF(out io.Writer, v View, o Options, w, h, n, delay int) error {
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
