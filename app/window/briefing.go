package window

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"chronomap/app/palette"
	"chronomap/app/scene"
	"chronomap/app/slide"
	"chronomap/app/workspace"
)

// drawable is the file on show and its events as the scene package draws
// them; an error says in one sentence why there is nothing to draw.
func (w *Window) drawable() (*fileView, scene.File, error) {
	v := w.active()
	if v == nil {
		return nil, scene.File{}, fmt.Errorf("%s", lang.L("there is no file on show"))
	}
	f, ok := v.sceneFile()
	if !ok {
		return nil, scene.File{}, fmt.Errorf("%s", lang.L("the file on show has no dated events to draw"))
	}
	return v, f, nil
}

// sceneFile is the file on show as the scene package draws it: the same
// dataset and the same models the window's views draw.
func (v *fileView) sceneFile() (scene.File, bool) {
	l := v.file
	if l.Data == nil || l.Timeline == nil {
		return scene.File{}, false
	}
	f := scene.File{Data: l.Data, Timeline: l.Timeline.Events}
	if l.Map != nil {
		f.Map = l.Map.Events
	}
	return f, true
}

// view is what the file's views show now, as a scene's view.
func (v *fileView) view() workspace.Scene {
	ws := v.state()
	if ws.Map.Zoom == 0 && v.mapWidget != nil {
		// Not moved since it was fitted: keep what it shows, not a refit
		// to the filtered events, so the slide is what the analyst saw.
		m := v.mapWidget.Model().View
		if m.Width > 0 {
			c := m.LonLat([2]float64{float64(m.Width) / 2, float64(m.Height) / 2})
			ws.Map.Center, ws.Map.Zoom = [2]float64{c[0], c[1]}, m.WorldZoom()
		}
	}
	if ws.Timeline.From == "" && v.timelineWidget != nil {
		c := v.timelineWidget.Chart()
		ws.Timeline.From, ws.Timeline.To = workspace.Stamp(c.From), workspace.Stamp(c.To)
	}
	return workspace.Scene{View: ws}
}

// slideOptions are the settings of slides drawn from the window: its date
// style, projection and theme, so that a slide shows what the window does
// in its colours.
func (w *Window) slideOptions() scene.Options {
	return scene.Options{Lang: dateStyle(w.App), Projection: projection(w.App), Theme: palette.Current(nil)}
}

// captureScene keeps what the file on show shows as a new scene of the
// briefing, titled by its window until the user names it.
func (w *Window) captureScene() {
	v, f, err := w.drawable()
	if err != nil {
		w.bar.note(err.Error())
		return
	}
	view := v.view()
	s := workspace.Scene{Title: f.Title(view, w.slideOptions()), View: view.View}
	w.scenes = append(w.scenes, s)
	w.bar.note(fmt.Sprintf(lang.L("Scene %d captured: %s. Briefing ▸ Scenes to name it and add notes."), len(w.scenes), s.Title))
}

// showScene sets the file on show to a scene's view.
func (w *Window) showScene(i int) {
	v := w.active()
	if v == nil || i < 0 || i >= len(w.scenes) {
		return
	}
	s := w.scenes[i]
	v.restore(s.View)
}

// editScenes shows the briefing's scenes: titles and notes to edit, the
// order to change, a scene to show or to drop.
func (w *Window) editScenes() {
	list := container.NewVBox()
	var d dialog.Dialog
	var fill func()
	fill = func() {
		list.Objects = nil
		if len(w.scenes) == 0 {
			l := widget.NewLabel(lang.L("No scenes yet. Set the map and the timeline as the room should see them, then Briefing ▸ Capture Scene (Ctrl+K)."))
			l.Wrapping = fyne.TextWrapWord
			list.Add(l)
		}
		for i := range w.scenes {
			s := &w.scenes[i]
			title := w.dialogEntry(false)
			title.SetText(s.Title)
			title.OnChanged = func(t string) { s.Title = t }
			notes := w.dialogEntry(true)
			notes.SetText(s.Notes)
			notes.SetPlaceHolder(lang.L("Speaker notes"))
			notes.SetMinRowsVisible(2)
			notes.Wrapping = fyne.TextWrapWord
			notes.OnChanged = func(t string) { s.Notes = t }
			move := func(by int) func() {
				return func() {
					if j := i + by; j >= 0 && j < len(w.scenes) {
						w.scenes[i], w.scenes[j] = w.scenes[j], w.scenes[i]
						fill()
					}
				}
			}
			up := widget.NewButtonWithIcon("", theme.MoveUpIcon(), move(-1))
			down := widget.NewButtonWithIcon("", theme.MoveDownIcon(), move(1))
			show := widget.NewButtonWithIcon(lang.L("Show"), theme.VisibilityIcon(), func() { w.showScene(i) })
			del := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() {
				w.scenes = append(w.scenes[:i], w.scenes[i+1:]...)
				fill()
			})
			if i == 0 {
				up.Disable()
			}
			if i == len(w.scenes)-1 {
				down.Disable()
			}
			num := widget.NewLabel(fmt.Sprintf("%d", i+1))
			num.TextStyle.Bold = true
			list.Add(container.NewBorder(nil, nil, num, container.NewHBox(show, up, down, del), container.NewVBox(title, notes)))
			list.Add(widget.NewSeparator())
		}
		list.Refresh()
	}
	fill()
	capture := widget.NewButtonWithIcon(lang.L("Capture Scene"), theme.ContentAddIcon(), func() {
		w.captureScene()
		fill()
	})
	body := container.NewBorder(nil, container.NewHBox(capture), nil, nil, container.NewVScroll(list))
	d = dialog.NewCustom(lang.L("Scenes of the briefing"), lang.L("Close"), body, w.Win)
	d.Resize(fyne.NewSize(760, 560))
	w.show(d)
}

// layouts are the export's choices of views, by label.
var layouts = []struct {
	label  string
	layout slide.Layout
}{{"Map and timeline", slide.Both}, {"Map only", slide.MapOnly}, {"Timeline only", slide.TimelineOnly}}
