package draw

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"math"
	"sync"

	"codeberg.org/go-pdf/fpdf"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
)

// Why a PDF canvas of our own rather than gonum's vgpdf: vgpdf (v0.17.0)
// registers every font with fpdf's AddFontFromBytes and the cp1252 code
// page, and hands strings to fpdf as they are. UTF-8 text then comes out as
// mojibake ("MÃ¤ÃŸig"), and letters outside Western European — every
// Cyrillic one — cannot be written at all; its canvas also keeps its fpdf
// document to itself. fpdf itself can do better: AddUTF8FontFromBytes
// embeds a TrueType font as a CID font (Identity-H), subset to the letters
// used, with a ToUnicode map — so any letter Liberation Sans has is drawn,
// and what a PDF reader (or pdftotext) extracts is what was written. PDF is
// the briefing's format, so this canvas does what vgpdf does, over the same
// fpdf, with that one difference, and with straight (not premultiplied)
// colours so that translucent fills keep their hue.

// Page is a PDF page size in points (1/72 inch), landscape.
type Page struct{ W, H float64 }

// The pages briefings are printed or projected on.
var (
	Slide  = Page{960, 540}       // 16:9, 13⅓ × 7½ in: the widescreen slide of PowerPoint and Impress
	A4     = Page{841.89, 595.28} // 297 × 210 mm
	Letter = Page{792, 612}       // 11 × 8½ in
)

// Pixels returns the size in pixels of a picture w pixels wide with the
// page's shape: the layout size a page of that width is drawn at.
func (p Page) Pixels(w int) (int, int) {
	return w, int(math.Round(float64(w) * p.H / p.W))
}

// PDF is a vg.Canvas that writes a PDF document of one or more pages. It
// takes vg lengths as pixels of a w×h picture and scales that picture to
// fill the page, centred when their shapes differ.
type PDF struct {
	doc    *fpdf.Fpdf
	page   Page
	w, h   float64 // the picture, in pixels
	k      float64 // points per pixel
	dx, dy float64 // the picture's offset on the page, in points
	stack  []pdfState
	fonts  map[font.Font]string // registered fonts and their names in the document
	images int                  // images drawn, for their names
}

// pdfState is what Push keeps and Pop restores.
type pdfState struct {
	color color.Color
	width vg.Length
}

// NewPDF returns a vector surface w×h pixels large that writes a PDF with
// pages of the given size: the picture is scaled to the page, so a 1920×1080
// layout fills a 16:9 slide. WriteTo writes the document; NextPage starts
// another page of the same size.
func NewPDF(w, h int, page Page) *Surface {
	doc := fpdf.NewCustom(&fpdf.InitType{UnitStr: "pt", Size: fpdf.SizeType{Wd: page.W, Ht: page.H}})
	doc.SetMargins(0, 0, 0)
	doc.SetAutoPageBreak(false, 0)
	doc.SetCreator("Chronomap", true)
	k := math.Min(page.W/float64(w), page.H/float64(h))
	c := &PDF{
		doc: doc, page: page, w: float64(w), h: float64(h), k: k,
		dx: (page.W - k*float64(w)) / 2, dy: (page.H - k*float64(h)) / 2,
		stack: []pdfState{{color: color.Black, width: 1}},
		fonts: map[font.Font]string{},
	}
	c.NextPage()
	return &Surface{Canvas: c, W: float64(w), H: float64(h), canvasH: float64(h), clip: Box{0, 0, float64(w), float64(h)}, pdf: c}
}

// NextPage starts a new page; what is drawn from then on goes on it.
func (c *PDF) NextPage() {
	c.doc.AddPage()
	// Round joins: country borders and glyph halos meet at sharp angles,
	// where mitres would spike.
	c.doc.SetLineJoinStyle("round")
	c.doc.SetLineCapStyle("butt")
	st := c.stack[len(c.stack)-1]
	c.SetColor(st.color)
	c.SetLineWidth(st.width)
}

// Pages returns how many pages the document has.
func (c *PDF) Pages() int { return c.doc.PageNo() }

// SetTitle sets the document's title, which readers show in their title
// bar and which pdfinfo reports.
func (c *PDF) SetTitle(title string) { c.doc.SetTitle(title, true) }

// Size returns the picture's size in pixels (vg units).
func (c *PDF) Size() (w, h vg.Length) { return vg.Length(c.w), vg.Length(c.h) }

// at turns a vg point (pixels, y up) into page points (y down), fpdf's way.
func (c *PDF) at(p vg.Point) (float64, float64) {
	return c.dx + float64(p.X)*c.k, c.dy + (c.h-float64(p.Y))*c.k
}

// SetLineWidth sets the width of strokes.
func (c *PDF) SetLineWidth(w vg.Length) {
	c.stack[len(c.stack)-1].width = w
	c.doc.SetLineWidth(float64(w) * c.k)
}

// SetLineDash sets the dash pattern of strokes.
func (c *PDF) SetLineDash(pattern []vg.Length, offset vg.Length) {
	d := make([]float64, len(pattern))
	for i, v := range pattern {
		d[i] = float64(v) * c.k
	}
	c.doc.SetDashPattern(d, float64(offset)*c.k)
}

// SetColor sets the colour of strokes, fills and text, with its opacity.
func (c *PDF) SetColor(col color.Color) {
	if col == nil {
		col = color.Black
	}
	c.stack[len(c.stack)-1].color = col
	n := color.NRGBAModel.Convert(col).(color.NRGBA)
	r, g, b := int(n.R), int(n.G), int(n.B)
	c.doc.SetFillColor(r, g, b)
	c.doc.SetDrawColor(r, g, b)
	c.doc.SetTextColor(r, g, b)
	c.doc.SetAlpha(float64(n.A)/255, "Normal")
}

// Rotate rotates what follows by rad counter-clockwise about the origin.
func (c *PDF) Rotate(rad float64) {
	x, y := c.at(vg.Point{})
	c.doc.TransformRotate(rad*180/math.Pi, x, y)
}

// Translate moves the origin by pt.
func (c *PDF) Translate(pt vg.Point) {
	c.doc.TransformTranslate(float64(pt.X)*c.k, -float64(pt.Y)*c.k)
}

// Scale scales what follows about the origin.
func (c *PDF) Scale(x, y float64) {
	ox, oy := c.at(vg.Point{})
	c.doc.TransformScale(x*100, y*100, ox, oy)
}

// Push saves the transform, colour and line width; Pop restores them.
func (c *PDF) Push() {
	c.stack = append(c.stack, c.stack[len(c.stack)-1])
	c.doc.TransformBegin()
}

// Pop restores what the last Push saved.
func (c *PDF) Pop() {
	if len(c.stack) == 1 {
		return
	}
	c.doc.TransformEnd()
	c.stack = c.stack[:len(c.stack)-1]
	// fpdf does not know that the PDF's restore reset the colours.
	st := c.stack[len(c.stack)-1]
	c.SetColor(st.color)
	c.SetLineWidth(st.width)
}

// Stroke draws the path's lines.
func (c *PDF) Stroke(p vg.Path) {
	if c.stack[len(c.stack)-1].width > 0 {
		c.path(p, "D")
	}
}

// Fill fills the path's closed shapes (the non-zero rule).
func (c *PDF) Fill(p vg.Path) { c.path(p, "F") }

func (c *PDF) path(p vg.Path, style string) {
	if len(p) == 0 {
		return
	}
	for _, comp := range p {
		switch comp.Type {
		case vg.MoveComp:
			c.doc.MoveTo(c.at(comp.Pos))
		case vg.LineComp:
			c.doc.LineTo(c.at(comp.Pos))
		case vg.ArcComp:
			// As short lines, a few degrees each: closer than a pixel at
			// any radius a picture has.
			n := max(2, int(math.Ceil(math.Abs(comp.Angle)/(math.Pi/90))))
			for i := 0; i <= n; i++ {
				a := comp.Start + comp.Angle*float64(i)/float64(n)
				q := vg.Point{X: comp.Pos.X + comp.Radius*vg.Length(math.Cos(a)), Y: comp.Pos.Y + comp.Radius*vg.Length(math.Sin(a))}
				c.doc.LineTo(c.at(q))
			}
		case vg.CurveComp:
			x, y := c.at(comp.Pos)
			switch len(comp.Control) {
			case 1:
				cx, cy := c.at(comp.Control[0])
				c.doc.CurveTo(cx, cy, x, y)
			case 2:
				cx, cy := c.at(comp.Control[0])
				dx, dy := c.at(comp.Control[1])
				c.doc.CurveBezierCubicTo(cx, cy, dx, dy, x, y)
			}
		case vg.CloseComp:
			c.doc.ClosePath()
		}
	}
	c.doc.DrawPath(style)
}

// FillString writes text with its baseline's left end at pt, as text: a
// reader can search, copy and extract it.
func (c *PDF) FillString(f font.Face, pt vg.Point, text string) {
	if f.Font.Size == 0 || text == "" {
		return
	}
	name, err := c.font(f)
	if err != nil {
		c.doc.SetError(err)
		return
	}
	c.doc.SetFont(name, "", float64(f.Font.Size)*c.k)
	x, y := c.at(pt)
	c.doc.Text(x, y, text)
}

// font registers f's typeface with the document, once.
func (c *PDF) font(f font.Face) (string, error) {
	key := f.Font
	key.Size = 0
	if name, ok := c.fonts[key]; ok {
		return name, nil
	}
	raw, err := fontBytes(f)
	if err != nil {
		return "", err
	}
	name := fmt.Sprintf("f%d", len(c.fonts))
	c.doc.AddUTF8FontFromBytes(name, "", raw)
	c.fonts[key] = name
	return name, c.doc.Error()
}

// fontFiles keeps each typeface's TrueType file, read once from the
// embedded collection.
var fontFiles = struct {
	sync.Mutex
	m map[font.Font][]byte
}{m: map[font.Font][]byte{}}

func fontBytes(f font.Face) ([]byte, error) {
	key := f.Font
	key.Size = 0
	fontFiles.Lock()
	defer fontFiles.Unlock()
	if b, ok := fontFiles.m[key]; ok {
		return b, nil
	}
	var buf bytes.Buffer
	if _, err := f.Face.WriteSourceTo(nil, &buf); err != nil {
		return nil, fmt.Errorf("font %s %s (weight %d): cannot read its file: %w", key.Typeface, key.Variant, key.Weight, err)
	}
	fontFiles.m[key] = buf.Bytes()
	return buf.Bytes(), nil
}

// DrawImage draws img in rect. Views do not use it for their layers (those
// are paths); it is here for pictures that are pictures, such as a logo.
func (c *PDF) DrawImage(rect vg.Rectangle, img image.Image) {
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		c.doc.SetError(err)
		return
	}
	opts := fpdf.ImageOptions{ImageType: "png"}
	c.images++
	name := fmt.Sprintf("image%d", c.images)
	c.doc.RegisterImageOptionsReader(name, opts, &buf)
	x, y := c.at(vg.Point{X: rect.Min.X, Y: rect.Max.Y})
	c.doc.ImageOptions(name, x, y, float64(rect.Max.X-rect.Min.X)*c.k, float64(rect.Max.Y-rect.Min.Y)*c.k, false, opts, 0, "")
}

// WriteTo writes the document. It closes it: nothing more can be drawn.
func (c *PDF) WriteTo(w io.Writer) (int64, error) {
	if err := c.doc.Error(); err != nil {
		return 0, fmt.Errorf("PDF: %w", err)
	}
	cw := &counter{w: w}
	if err := c.doc.Output(cw); err != nil {
		return cw.n, fmt.Errorf("PDF: %w", err)
	}
	return cw.n, nil
}

// counter is a writer that counts what passes.
type counter struct {
	w io.Writer
	n int64
}

func (c *counter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}
