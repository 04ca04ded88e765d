package window

import (
	"runtime"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// A keyHelp is one line of the keyboard sheet: the keys, what they do.
type keyHelp struct{ keys, does string }

// viewKeys are the keys the views take without a menu item: the
// typedKey handlers of the file view, the map, the timeline and the
// presenter, in the words of the sheet. A key added to one of those
// belongs here too.
func viewKeys() []struct {
	where string
	keys  []keyHelp
} {
	return []struct {
		where string
		keys  []keyHelp
	}{
		{lang.L("Anywhere in a file's view"), []keyHelp{
			{"Esc", lang.L("Close the dialog on top; else clear the selection and a map box; pressed again, clear every filter")},
			{"← →", lang.L("Select the previous or next event shown, in time")},
		}},
		{lang.L("Map (click it first)"), []keyHelp{
			{"← → ↑ ↓", lang.L("Pan")},
			{"Home", lang.L("Show every event")},
			{lang.L("Wheel"), lang.L("Zoom")},
			{lang.L("Shift + drag"), lang.L("Filter to the events in a box")},
		}},
		{lang.L("Timeline (click it first)"), []keyHelp{
			{"← →", lang.L("Pan")},
			{"Home", lang.L("Show every event")},
			{lang.L("Space"), lang.L("Play or pause")},
		}},
		{lang.L("Presentation"), []keyHelp{
			{"→ " + lang.L("Space") + " PgDn ↓", lang.L("Next scene or event")},
			{"← Backspace PgUp ↑", lang.L("Previous scene or event")},
			{"Home", lang.L("First scene")},
			{"E", lang.L("Step through the scene's events, or back to the scenes")},
			{"Esc", lang.L("Leave the presentation")},
		}},
	}
}

// shortcutText writes a menu shortcut as the keyboard shows it:
// "Ctrl+Shift+S" (⌘ on macOS).
func shortcutText(s fyne.Shortcut) string {
	k, ok := s.(fyne.KeyboardShortcut)
	if !ok {
		return ""
	}
	var parts []string
	m := k.Mod()
	if m&fyne.KeyModifierShortcutDefault != 0 {
		if runtime.GOOS == "darwin" {
			parts = append(parts, "⌘")
		} else {
			parts = append(parts, "Ctrl")
		}
	}
	if m&fyne.KeyModifierAlt != 0 {
		parts = append(parts, "Alt")
	}
	if m&fyne.KeyModifierShift != 0 {
		parts = append(parts, "Shift")
	}
	return strings.Join(append(parts, string(k.Key())), "+")
}

// menuKeys are the shortcuts of the window's menus, read from the menus
// themselves so that the sheet cannot drift from them.
func menuKeys(m *fyne.MainMenu) []keyHelp {
	var out []keyHelp
	var walk func(path string, items []*fyne.MenuItem)
	walk = func(path string, items []*fyne.MenuItem) {
		for _, it := range items {
			if it.IsSeparator {
				continue
			}
			label := path + " ▸ " + strings.TrimSuffix(it.Label, "…")
			if it.Shortcut != nil {
				if t := shortcutText(it.Shortcut); t != "" {
					out = append(out, keyHelp{t, label})
				}
			}
			if it.ChildMenu != nil {
				walk(label, it.ChildMenu.Items)
			}
		}
	}
	if m != nil {
		for _, menu := range m.Items {
			walk(menu.Label, menu.Items)
		}
	}
	return out
}

var _ fyne.KeyboardShortcut = (*desktop.CustomShortcut)(nil)

// keyboardSheet shows every shortcut: the menus' and the views' keys.
func (w *Window) keyboardSheet() {
	grid := container.NewVBox()
	section := func(title string, keys []keyHelp) {
		h := widget.NewLabel(title)
		h.TextStyle.Bold = true
		rows := container.New(&sheetLayout{})
		for _, k := range keys {
			key := widget.NewLabel(k.keys)
			key.TextStyle.Monospace = true
			does := widget.NewLabel(k.does)
			does.Wrapping = fyne.TextWrapWord
			rows.Add(key)
			rows.Add(does)
		}
		grid.Add(h)
		grid.Add(rows)
	}
	section(lang.L("Menus"), menuKeys(w.Win.MainMenu()))
	for _, s := range viewKeys() {
		section(s.where, s.keys)
	}
	scroll := container.NewVScroll(grid)
	d := dialog.NewCustom(lang.L("Keyboard Shortcuts"), lang.L("Close"), scroll, w.Win)
	d.Resize(fyne.NewSize(760, 640))
	w.show(d)
}

// sheetLayout sets pairs of objects in two columns: the keys at the
// width of the widest, what they do in the rest.
type sheetLayout struct{}

func (*sheetLayout) widths(objs []fyne.CanvasObject) float32 {
	var kw float32
	for i := 0; i < len(objs); i += 2 {
		kw = max(kw, objs[i].MinSize().Width)
	}
	return kw
}

func (l *sheetLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	kw := l.widths(objs)
	y := float32(0)
	for i := 0; i+1 < len(objs); i += 2 {
		k, d := objs[i], objs[i+1]
		d.Resize(fyne.NewSize(size.Width-kw, d.MinSize().Height))
		h := max(k.MinSize().Height, d.MinSize().Height)
		k.Resize(fyne.NewSize(kw, h))
		k.Move(fyne.NewPos(0, y))
		d.Resize(fyne.NewSize(size.Width-kw, h))
		d.Move(fyne.NewPos(kw, y))
		y += h
	}
}

func (l *sheetLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	kw := l.widths(objs)
	var h float32
	for i := 0; i+1 < len(objs); i += 2 {
		h += max(objs[i].MinSize().Height, objs[i+1].MinSize().Height)
	}
	return fyne.NewSize(kw+200, h)
}
