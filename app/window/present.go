package window

import (
	"fmt"
	"image"
	"math"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/paulmach/orb"

	"chronomap/app/draw"
	"chronomap/app/scene"
	"chronomap/app/slide"
	"chronomap/app/workspace"
)

// presenter is the briefing on the full screen: one slide at a time, in
// large type, no chrome. → and space go to the next scene, ← back, with
// the map flying to the next extent and the timeline gliding to the next
// window; E steps through the events of the scene instead, in time order,
// each highlighted with its details in a card; Esc leaves.
type presenter struct {
	widget.BaseWidget
	file   scene.File
	source *fileView // the file's view, for the events' details
	views  []workspace.Scene
	opts   scene.Options
	at     int             // the scene shown
	shown  workspace.Scene // what is drawn: a scene, or a moment of a flight
	// flight is how long going from scene to scene takes; 0 jumps.
	flight time.Duration
	anim   *fyne.Animation

	events bool  // stepping through events
	order  []int // the scene's events shown, in time order
	step   int   // the event highlighted, an index into order

	raster *canvas.Raster
	place  *cardLayout
	card   *fyne.Container
	cardAt *fyne.Container // the card, placed by place
	cardBg *canvas.Rectangle
	cardTx *widget.RichText
	count  *widget.Label
	hintBx *fyne.Container // the hint on its backing
	spec   slide.Spec      // the slide drawn last, whose body the hint sits in
	close  func()
	// drawn caches the last slide, which a repaint without a change reuses.
	drawn     image.Image
	drawnKey  string
	drawnSize image.Point
}

func newPresenter(f scene.File, source *fileView, views []workspace.Scene, o scene.Options, close func()) *presenter {
	p := &presenter{file: f, source: source, views: views, opts: o, flight: 900 * time.Millisecond, close: close, place: &cardLayout{}}
	p.raster = canvas.NewRaster(p.draw)
	p.cardTx = widget.NewRichText()
	p.cardTx.Wrapping = fyne.TextWrapWord
	p.cardBg = canvas.NewRectangle(theme.Color(theme.ColorNameOverlayBackground))
	p.cardBg.CornerRadius = 8
	p.card = container.NewStack(p.cardBg, container.NewPadded(p.cardTx))
	p.card.Hide()
	// The card sits over the map's upper right, below the slide's header.
	p.cardAt = container.New(p.place, p.card)
	p.count = widget.NewLabel("")
	p.count.Importance = widget.LowImportance
	back := canvas.NewRectangle(theme.Color(theme.ColorNameOverlayBackground))
	back.CornerRadius = 6
	p.hintBx = container.New(&hintLayout{spec: func() slide.Spec { return p.spec }}, container.NewStack(back, p.count))
	p.hintBx.Objects[0].Hide()
	p.ExtendBaseWidget(p)
	p.show(0, false)
	return p
}

// draw paints the slide of what is shown at the raster's size.
func (p *presenter) draw(w, h int) image.Image {
	key := fmt.Sprintf("%+v|%v", p.shown, p.shown.Selection)
	if p.drawn != nil && key == p.drawnKey && p.drawnSize == image.Pt(w, h) {
		return p.drawn
	}
	sp := p.file.Slide(p.shown, p.opts)
	if sp.Marking != p.spec.Marking || sp.Subtitle != p.spec.Subtitle || sp.Filter != p.spec.Filter {
		defer p.hintBx.Refresh()
	}
	p.spec = sp
	s := draw.NewRaster(w, h, sp.Theme.Background)
	slide.Draw(s, sp)
	p.drawn, p.drawnKey, p.drawnSize = s.Pixels, key, image.Pt(w, h)
	return s.Pixels
}

// show goes to scene i, flying there when fly is set.
func (p *presenter) show(i int, fly bool) {
	if i < 0 || i >= len(p.views) {
		return
	}
	from := p.shown
	p.at, p.events = i, false
	to := p.views[i]
	p.card.Hide()
	p.hint(fmt.Sprintf(lang.L("Scene %d of %d · → next · ← back · E events · Esc leaves"), i+1, len(p.views)))
	if p.anim != nil {
		p.anim.Stop()
	}
	if !fly || p.flight <= 0 {
		p.shown = to
		p.raster.Refresh()
		return
	}
	a, b := p.resolve(from), p.resolve(to)
	p.anim = fyne.NewAnimation(p.flight, func(t float32) {
		p.shown = between(a, b, float64(t))
		if t >= 1 {
			p.shown = to
		}
		p.raster.Refresh()
	})
	p.anim.Curve = fyne.AnimationEaseInOut
	p.anim.Start()
}

// resolve gives a view an explicit map extent and time window, those the
// slide would fit to it, so that a flight has two ends.
func (p *presenter) resolve(v workspace.Scene) workspace.Scene {
	sp := p.file.Slide(v, p.opts)
	if sp.Map != nil && v.Map.Zoom == 0 {
		m := *sp.Map
		m.FitEvents(1600, 900)
		c := m.View.LonLat(orb.Point{800, 450})
		v.Map.Center, v.Map.Zoom = [2]float64{c[0], c[1]}, m.View.WorldZoom()
		v.Map.Projection = m.View.Projection.Name
	}
	if sp.Timeline != nil && v.Timeline.From == "" {
		v.Timeline.From, v.Timeline.To = workspace.Stamp(sp.Timeline.From), workspace.Stamp(sp.Timeline.To)
	}
	return v
}

// between is the view a fraction t of the way from a to b: the map's
// centre moves straight, its zoom evenly in scale, the window's edges
// evenly in time; filter, title and selection are b's.
func between(a, b workspace.Scene, t float64) workspace.Scene {
	v := b
	if a.Map.Zoom > 0 && b.Map.Zoom > 0 {
		v.Map.Center = [2]float64{a.Map.Center[0] + (b.Map.Center[0]-a.Map.Center[0])*t, a.Map.Center[1] + (b.Map.Center[1]-a.Map.Center[1])*t}
		v.Map.Zoom = math.Exp(math.Log(a.Map.Zoom) + (math.Log(b.Map.Zoom)-math.Log(a.Map.Zoom))*t)
	}
	af, at, ok1, _ := a.Timeline.Window()
	bf, bt, ok2, _ := b.Timeline.Window()
	if ok1 && ok2 {
		v.Timeline.From, v.Timeline.To = workspace.Stamp(af+(bf-af)*t), workspace.Stamp(at+(bt-at)*t)
	}
	return v
}

// next and back go to the next or the previous scene, or event.
func (p *presenter) next() {
	if p.events {
		p.stepEvent(p.step + 1)
		return
	}
	p.show(p.at+1, true)
}

func (p *presenter) back() {
	if p.events {
		p.stepEvent(p.step - 1)
		return
	}
	p.show(p.at-1, true)
}

// toggleEvents starts or ends stepping through the scene's events.
func (p *presenter) toggleEvents() {
	if p.events {
		p.show(p.at, false)
		return
	}
	v := p.views[p.at]
	mask := p.file.Data.Apply(v.Filter.Dataset(v.Timeline))
	p.order = p.order[:0]
	for i := range p.file.Data.Len() {
		if mask.IsShown(i) {
			p.order = append(p.order, i) // the index is in time order
		}
	}
	if len(p.order) == 0 {
		return
	}
	p.events = true
	p.stepEvent(0)
}

// stepEvent highlights the k-th event of the scene and shows its card.
func (p *presenter) stepEvent(k int) {
	if k < 0 || k >= len(p.order) {
		return
	}
	p.step = k
	i := p.order[k]
	v := p.views[p.at]
	v.Selection = &workspace.Selection{Source: 0, Row: int(p.file.Data.Index.Row[i])}
	p.shown = v
	// The card goes on the side of the map away from the event.
	if x := p.file.Data.Index; x.IsLocated(i) {
		p.place.left = x.Lon[i] > p.resolve(v).Map.Center[0]
	}
	// The card tells the room what, when, where and who, and on whose
	// word; how the file was read is for the analyst's own card.
	title, _, cols := p.source.eventFields(i)
	x := p.file.Data.Index
	segs := []widget.RichTextSegment{&widget.TextSegment{Text: title, Style: widget.RichTextStyle{SizeName: theme.SizeNameHeadingText, TextStyle: fyne.TextStyle{Bold: true}}}}
	for _, l := range cardLines(p.opts.Lang.Span(x.StartTime(i), x.EndTime(i)), cols) {
		segs = append(segs,
			&widget.TextSegment{Text: l.label + "  ", Style: widget.RichTextStyle{Inline: true, ColorName: theme.ColorNamePlaceHolder, SizeName: theme.SizeNameSubHeadingText, TextStyle: fyne.TextStyle{Bold: true}}},
			&widget.TextSegment{Text: l.value, Style: widget.RichTextStyle{SizeName: theme.SizeNameSubHeadingText}})
	}
	p.cardTx.Segments = segs
	p.cardTx.Refresh()
	p.card.Show()
	p.cardAt.Refresh() // lays the card out again, to the height of its new lines
	p.hint(fmt.Sprintf(lang.L("Event %d of %d · → next · ← back · E scenes · Esc leaves"), k+1, len(p.order)))
	p.raster.Refresh()
}

// cardLine is one labelled line of the presenter's event card.
type cardLine struct{ label, value string }

// cardLines are the lines of the event card: when (as the timeline writes
// a span, "509 BC – AD 516"), where, who and on whose word, each labelled,
// the ones the file does not say left out.
func cardLines(when string, cols []field) []cardLine {
	lines := []cardLine{{lang.L("When"), when}}
	for _, r := range []struct{ role, label string }{{"place", lang.L("Where")}, {"actor", lang.L("Who")}, {"source", lang.L("Source")}} {
		var vals []string
		for _, f := range cols {
			if f.Role == r.role && f.Value != "" {
				vals = append(vals, strings.Join(strings.Fields(f.Value), " "))
			}
		}
		if len(vals) > 0 {
			lines = append(lines, cardLine{r.label, strings.Join(vals, "; ")})
		}
	}
	return lines
}

// hint shows where the presenter is and which keys do what, for a few
// seconds: then the slide is the room's alone.
func (p *presenter) hint(text string) {
	p.count.SetText(text)
	p.hintBx.Objects[0].Show()
	p.hintBx.Refresh()
	time.AfterFunc(4*time.Second, func() {
		fyne.Do(func() {
			if p.count.Text == text {
				p.hintBx.Objects[0].Hide()
			}
		})
	})
}

// typedKey steps, toggles and leaves.
func (p *presenter) typedKey(e *fyne.KeyEvent) {
	switch e.Name {
	case fyne.KeyRight, fyne.KeySpace, fyne.KeyPageDown, fyne.KeyDown:
		p.next()
	case fyne.KeyLeft, fyne.KeyBackspace, fyne.KeyPageUp, fyne.KeyUp:
		p.back()
	case fyne.KeyHome:
		p.show(0, true)
	case fyne.KeyE:
		p.toggleEvents()
	case fyne.KeyEscape:
		if p.anim != nil {
			p.anim.Stop()
		}
		if p.close != nil {
			p.close()
		}
	}
}

// CreateRenderer is part of fyne.Widget: the slide fills the screen, the
// card sits at the upper right, the hint at the foot.
func (p *presenter) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewStack(p.raster, p.cardAt, p.hintBx))
}

// hintLayout centres the key hint at the foot of the slide's body: above
// the source line and the marking banner, which the room must always
// read.
type hintLayout struct {
	spec func() slide.Spec
}

func (h *hintLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	_, bottom := slide.Body(float64(size.Width), float64(size.Height), h.spec())
	for _, o := range objs {
		m := o.MinSize()
		o.Resize(m)
		o.Move(fyne.NewPos((size.Width-m.Width)/2, float32(bottom)-m.Height-theme.Padding()))
	}
}

func (*hintLayout) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.NewSize(0, 0) }

// cardLayout puts the event card at the upper right of the map's part of
// a slide: a third of the width, below the header (an eighth of the
// height).
type cardLayout struct {
	left bool // on the left: the event is on the map's right
}

func (c *cardLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	w := max(size.Width/3, 360)
	x := size.Width - w - size.Width*0.04
	if c.left {
		x = size.Width * 0.04
	}
	for _, o := range objs {
		// Wrapped text knows its height only once it knows its width: a
		// second pass gives the card's background the height of all its
		// lines.
		o.Resize(fyne.NewSize(w, o.MinSize().Height))
		o.Resize(fyne.NewSize(w, o.MinSize().Height))
		o.Move(fyne.NewPos(x, size.Height*0.14))
	}
}

func (*cardLayout) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.NewSize(0, 0) }

// present shows the briefing's scenes full screen, or — without scenes —
// what the file on show shows now.
func (w *Window) present() {
	v, f, err := w.drawable()
	if err != nil {
		w.bar.note(err.Error())
		return
	}
	views := make([]workspace.Scene, 0, len(w.scenes))
	for _, s := range w.scenes {
		views = append(views, s)
	}
	o := w.slideOptions()
	if len(views) == 0 {
		cur := v.view()
		cur.Title = f.Title(cur, o)
		views = append(views, cur)
	}
	pw := w.App.NewWindow(lang.L("Chronomap — presentation"))
	o.Marking = w.App.Preferences().String("export.marking")
	p := newPresenter(f, v, views, o, pw.Close)
	pw.SetContent(p)
	pw.Canvas().SetOnTypedKey(p.typedKey)
	pw.SetFullScreen(true)
	pw.Resize(fyne.NewSize(1280, 720))
	pw.Show()
}
