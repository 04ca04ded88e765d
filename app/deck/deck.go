// Package deck turns briefing slides — finished pictures of a view with
// a title and speaker notes — into a presentation file. WritePPTX writes
// PowerPoint's Office Open XML format by hand (zip + XML), so the deck
// opens in PowerPoint and LibreOffice Impress without a dependency.
package deck

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"image/png"
	"io"
	"time"
)

// Slide is one page of a deck.
type Slide struct {
	// Title names the slide in outlines, the slide sorter and screen
	// readers. The picture carries its own visible title, so on a slide
	// with an Image the title placeholder sits just above the slide;
	// a slide without an Image shows it.
	Title string
	// Image is a PNG of the rendered view, 16:9 to fill the slide; other
	// shapes are fitted inside it, centred. Empty for a title-only slide.
	Image []byte
	// Notes are the speaker notes; each line is a paragraph.
	Notes string
}

// Deck is a presentation: its properties and slides in order.
type Deck struct {
	Title  string // document title in the file's properties
	Author string // document creator; empty leaves it out
	// Created is the creation date written to the properties and to the
	// zip entries; the zero time means now. A fixed time gives the same
	// bytes for the same deck.
	Created time.Time
	Slides  []Slide
}

// Slide size: 16:9 widescreen, 13.333 × 7.5 inches in EMU (914400 per
// inch), as PowerPoint's own widescreen decks.
const (
	slideW = 12192000
	slideH = 6858000
)

// WritePPTX writes d to w as a .pptx file. It fails before writing
// anything when a slide's image is not a PNG or the deck has no slides.
func WritePPTX(w io.Writer, d Deck) error {
	if len(d.Slides) == 0 {
		return errors.New("deck: no slides to write")
	}
	if d.Created.IsZero() {
		d.Created = time.Now()
	}
	d.Created = d.Created.UTC().Truncate(time.Second)
	pics := make([]picture, len(d.Slides))
	for i, s := range d.Slides {
		if len(s.Image) == 0 {
			continue
		}
		cfg, err := png.DecodeConfig(bytes.NewReader(s.Image))
		if err != nil {
			return fmt.Errorf("deck: slide %d (%q): image is not a PNG: %w", i+1, oneLine(s.Title), err)
		}
		if cfg.Width == 0 || cfg.Height == 0 {
			return fmt.Errorf("deck: slide %d (%q): image is %d×%d pixels", i+1, oneLine(s.Title), cfg.Width, cfg.Height)
		}
		pics[i] = fit(cfg.Width, cfg.Height)
	}
	parts, err := pptxParts(d, pics)
	if err != nil {
		return err
	}
	return writeZip(w, parts, d.Created)
}

// picture is where a slide's image goes, in EMU.
type picture struct{ x, y, w, h int64 }

// fit places a w×h pixel image as large as it fits on the slide, centred.
func fit(w, h int) picture {
	pw, ph := int64(slideW), int64(slideH)
	// Compare w/h with slideW/slideH without rounding.
	if int64(w)*slideH > int64(h)*slideW {
		ph = int64(h) * slideW / int64(w)
	} else {
		pw = int64(w) * slideH / int64(h)
	}
	return picture{x: (slideW - pw) / 2, y: (slideH - ph) / 2, w: pw, h: ph}
}

// writeZip writes the parts in order, [Content_Types].xml first as
// PowerPoint writes it. Pictures are stored, XML is deflated.
func writeZip(w io.Writer, parts []part, modified time.Time) error {
	z := zip.NewWriter(w)
	for _, p := range parts {
		h := &zip.FileHeader{Name: p.name, Method: zip.Deflate, Modified: modified}
		if p.ctype == "image/png" {
			h.Method = zip.Store
		}
		f, err := z.CreateHeader(h)
		if err != nil {
			return fmt.Errorf("deck: writing %s: %w", p.name, err)
		}
		if _, err := f.Write(p.data); err != nil {
			return fmt.Errorf("deck: writing %s: %w", p.name, err)
		}
	}
	if err := z.Close(); err != nil {
		return fmt.Errorf("deck: finishing the zip: %w", err)
	}
	return nil
}
