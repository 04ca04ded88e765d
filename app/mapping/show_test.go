package mapping

import (
	"image/color"
	"path/filepath"
	"reflect"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"chronomap/app/draw/drawtest"
	"chronomap/data/events"
	"chronomap/data/frame"
)

// walk calls fn on o and everything drawn inside it that is visible.
func walk(o fyne.CanvasObject, fn func(fyne.CanvasObject)) {
	if !o.Visible() {
		return
	}
	fn(o)
	switch o := o.(type) {
	case *fyne.Container:
		for _, c := range o.Objects {
			walk(c, fn)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(o).Objects() {
			walk(c, fn)
		}
	}
}

// dialogParts finds the editor and the buttons of the dialog Show opened.
func dialogParts(t *testing.T, w fyne.Window) (e *Editor, buttons map[string]*widget.Button) {
	t.Helper()
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog shown")
	}
	buttons = map[string]*widget.Button{}
	walk(top, func(o fyne.CanvasObject) {
		switch o := o.(type) {
		case *Editor:
			e = o
		case *widget.Button:
			buttons[o.Text] = o
		}
	})
	if e == nil {
		t.Fatal("the dialog holds no editor")
	}
	return e, buttons
}

type result struct {
	m  events.Mapping
	ok bool
}

func TestShowCancel(t *testing.T) {
	test.NewTempApp(t)
	f := fixture(t)
	m := events.Detect(f)
	before := clone(m)
	w := test.NewWindow(nil)
	defer w.Close()
	w.Resize(fyne.NewSize(1200, 740))
	res := make(chan result, 1)
	e := NewEditor(f, m)
	newHarness(t, e)
	show(w, e, m, func(m events.Mapping, ok bool) { res <- result{m, ok} })

	found, buttons := dialogParts(t, w)
	if found != e {
		t.Fatal("the dialog shows another editor")
	}
	pick(t, e, "when", "")
	pick(t, e, "north", events.Lat)
	if reflect.DeepEqual(e.Mapping(), before) {
		t.Fatal("the edits did not change the editor's mapping")
	}
	test.Tap(buttons["Cancel"])
	r := <-res
	if r.ok || !reflect.DeepEqual(r.m, before) {
		t.Errorf("Cancel gave %v, %v; want the mapping as it came (%v), false", r.m, r.ok, before)
	}
	if !reflect.DeepEqual(m, before) {
		t.Errorf("the mapping passed in was changed: %v", m)
	}
	if w.Canvas().Overlays().Top() != nil {
		t.Error("the dialog is still shown")
	}
}

func TestShowOK(t *testing.T) {
	test.NewTempApp(t)
	f := fixture(t)
	w := test.NewWindow(nil)
	defer w.Close()
	w.Resize(fyne.NewSize(1200, 740))
	res := make(chan result, 1)
	m := events.Detect(f)
	e := NewEditor(f, m)
	newHarness(t, e)
	show(w, e, m, func(m events.Mapping, ok bool) { res <- result{m, ok} })

	_, buttons := dialogParts(t, w)
	pick(t, e, "day", events.Start)
	test.Tap(buttons["OK"])
	r := <-res
	if !r.ok || r.m.RoleOf("day") != events.Start || r.m.RoleOf("when") != "" {
		t.Errorf("OK gave start %v (when: %q), %v; want start=day, when freed, true", r.m.Get(events.Start), r.m.RoleOf("when"), r.ok)
	}
}

// incidents is a hand-kept incident list as analysts keep them: dates that
// read either way, coordinates, two actor columns, a long notes column.
const incidents = `event_id,date,title,place,country,latitude,longitude,actor1,actor2,fatalities,source,url,notes
INC-0412,03/04/2024,Drone strike on fuel depot,Kherson,UA,46.6354,32.6169,Russian forces,,0,Ukrainska Pravda,https://www.pravda.com.ua/eng/news/2024/04/03/,"Depot on the eastern outskirts hit at night; fire contained by morning"
INC-0413,03/04/2024,Protest against mobilisation law,Kyiv,UA,50.4501,30.5234,Protesters,Police,0,Kyiv Independent,https://kyivindependent.com/,Several hundred people outside the Rada
INC-0414,04/04/2024,Shelling of residential area,Kharkiv,UA,49.9935,36.2304,Russian forces,Civilians,2,Reuters,https://www.reuters.com/world/europe/,Two killed and nine wounded in the Kyivskyi district
INC-0415,05/04/2024,Border clash,Belgorod,RU,50.5997,36.5983,Russian forces,Ukrainian forces,1,TASS,https://tass.com/,Claims of an incursion repelled near the border crossing
INC-0416,06/04/2024,Strike on power substation,Odesa,UA,46.4825,30.7233,Russian forces,,0,Suspilne,https://suspilne.media/,Power cut to 30 000 homes for several hours
INC-0417,07/04/2024,Prisoner exchange,Sumy,UA,50.9077,34.7981,Ukrainian government,Russian government,0,Ukrinform,https://www.ukrinform.net/,Exchange mediated by the UAE
INC-0418,08/04/2024,Arrest of saboteurs,Zaporizhzhia,UA,47.8388,35.1396,SBU,,0,SBU press office,https://ssu.gov.ua/en,
INC-0419,09/04/2024,Missile debris falls on village,Chernihiv,UA,51.4982,31.2893,Russian forces,Civilians,0,Chernihiv regional administration,,No injuries reported
INC-0420,10/04/2024,Rally for prisoners of war,Lviv,UA,49.8397,24.0297,Families of POWs,,0,Zaxid.net,https://zaxid.net/,
INC-0421,11/04/2024,Attack on grain terminal,Izmail,UA,45.3516,28.8365,Russian forces,,0,Reuters,https://www.reuters.com/,Port operations suspended for a day
INC-0422,12/04/2024,Demonstration,Tbilisi,GE,41.7151,44.8271,Protesters,Police,0,Civil.ge,https://civil.ge/,Against the foreign agents bill
INC-0423,,Undated report of shelling,Avdiivka,UA,,,Russian forces,,,,,Date and position not given in the source
`

// TestDialogImage draws the dialog as it opens over the window on a
// 1280×800 screen, in the light theme, and compares it with
// testdata/dialog-light.png; run with -update to rewrite it, then look.
func TestDialogImage(t *testing.T) {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(variantTheme{theme.DefaultTheme(), theme.VariantLight})
	f, err := frame.ReadBytes("incidents-2024-04.csv", []byte(incidents), frame.Options{})
	if err != nil {
		t.Fatal(err)
	}
	w := test.NewWindow(nil)
	defer w.Close()
	w.Resize(fyne.NewSize(1200, 740))
	m := events.Detect(f)
	e := NewEditor(f, m)
	h := newHarness(t, e)
	show(w, e, m, nil)
	if c := h.next(t); c.Events != 1 || c.Problems != 12 { // 04/04/2024 alone reads one way
		t.Errorf("counts %+v, want 1 event and 12 problems", c)
	}
	drawtest.Check(t, filepath.Join("testdata", "dialog-light.png"), w.Canvas().Capture())

	// The columns past the right edge: actors, sources, notes.
	walk(e, func(o fyne.CanvasObject) {
		if s, ok := o.(*container.Scroll); ok {
			s.ScrollToOffset(fyne.NewPos(s.Content.MinSize().Width, 0))
		}
	})
	drawtest.Check(t, filepath.Join("testdata", "dialog-light-right.png"), w.Canvas().Capture())
}

// variantTheme is a theme fixed to one variant, whatever the settings say.
type variantTheme struct {
	fyne.Theme
	variant fyne.ThemeVariant
}

func (t variantTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, t.variant)
}
