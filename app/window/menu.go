package window

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"

	"chronomap/app/worldmap"
	"chronomap/data/frame"
)

// shortcut is Ctrl (⌘ on macOS) with a key.
func shortcut(k fyne.KeyName) fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault}
}

// setMenu builds the main menu; it is built again when what it lists
// changes (recent files, the theme chosen).
func (w *Window) setMenu() {
	item := func(label string, key fyne.KeyName, action func()) *fyne.MenuItem {
		i := fyne.NewMenuItem(label, action)
		if key != "" {
			i.Shortcut = shortcut(key)
		}
		return i
	}
	recent := fyne.NewMenuItem(lang.L("Open Recent"), nil)
	recent.ChildMenu = fyne.NewMenu("")
	for _, p := range w.recent.List() {
		recent.ChildMenu.Items = append(recent.ChildMenu.Items, fyne.NewMenuItem(p, func() { w.openRecent(p) }))
	}
	recent.Disabled = len(recent.ChildMenu.Items) == 0
	quit := item(lang.L("Quit"), fyne.KeyQ, func() { w.saveSize(); w.closed(); w.App.Quit() })
	saveAs := fyne.NewMenuItem(lang.L("Save Workspace As…"), w.saveDialog)
	saveAs.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	quit.IsQuit = true
	importReport := fyne.NewMenuItem(lang.L("Import Report…"), w.importReport)
	importReport.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyI, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	file := fyne.NewMenu(lang.L("File"),
		item(lang.L("Open…"), fyne.KeyO, w.openDialog),
		item(lang.L("Open Location…"), fyne.KeyL, w.openLocation),
		importReport,
		recent,
		item(lang.L("Reload"), fyne.KeyR, w.reload),
		item(lang.L("Close File"), fyne.KeyW, w.closeFile),
		fyne.NewMenuItemSeparator(),
		item(lang.L("Save Workspace"), fyne.KeyS, w.save),
		saveAs,
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem(lang.L("Export Events…"), w.exportEvents),
		fyne.NewMenuItemSeparator(),
		quit,
	)
	edit := fyne.NewMenu(lang.L("Edit"),
		item(lang.L("Find"), fyne.KeyF, w.find),
		item(lang.L("Columns and Roles…"), fyne.KeyM, w.editRoles),
		fyne.NewMenuItem(lang.L("Clear Selection"), func() {
			if v := w.active(); v != nil {
				v.selectEvent(-1, nil)
			}
		}),
		fyne.NewMenuItem(lang.L("Clear All Filters"), func() {
			if v := w.active(); v != nil && v.layer != nil {
				v.clearFilter()
			}
		}),
	)
	view := fyne.NewMenu(lang.L("View"), w.themeItems()...)
	view.Items = append(view.Items, fyne.NewMenuItemSeparator())
	view.Items = append(view.Items, w.projectionItems()...)
	view.Items = append(view.Items, w.placeItems())
	view.Items = append(view.Items, fyne.NewMenuItemSeparator())
	view.Items = append(view.Items, w.dateItems()...)
	present := fyne.NewMenuItem(lang.L("Present"), w.present)
	present.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyP, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	briefing := fyne.NewMenu(lang.L("Briefing"),
		item(lang.L("Capture Scene"), fyne.KeyK, w.captureScene),
		fyne.NewMenuItem(lang.L("Scenes…"), w.editScenes),
		fyne.NewMenuItemSeparator(),
		item(lang.L("Export View…"), fyne.KeyE, w.exportDialog),
		fyne.NewMenuItem(lang.L("Export Deck…"), w.deckDialog),
		fyne.NewMenuItem(lang.L("Record Playback…"), w.recordDialog),
		fyne.NewMenuItemSeparator(),
		present,
	)
	help := fyne.NewMenu(lang.L("Help"),
		fyne.NewMenuItem(lang.L("Keyboard Shortcuts"), w.keyboardSheet),
		fyne.NewMenuItem(lang.L("About Chronomap"), w.about),
	)
	w.Win.SetMainMenu(fyne.NewMainMenu(file, edit, view, briefing, help))
}

// fileTypes are the extensions the Open dialog lists.
var fileTypes = append(frame.Extensions(), workspaceExt)

// openDialog asks for a file to open, starting in the folder of the last.
func (w *Window) openDialog() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		r.Close()
		p := r.URI().Path()
		w.App.Preferences().SetString("open.folder", filepath.Dir(p))
		w.Open(p)
	}, w.Win)
	d.SetFilter(storage.NewExtensionFileFilter(fileTypes))
	if dir := w.App.Preferences().String("open.folder"); dir != "" {
		if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
			d.SetLocation(l)
		}
	}
	d.Resize(fyne.NewSize(900, 600))
	w.show(d)
}

// openLocation asks for a path typed or pasted; a folder opens every file
// of events in it.
func (w *Window) openLocation() {
	e := w.dialogEntry(false)
	e.SetPlaceHolder(lang.L("Path of a file or a folder"))
	var d dialog.Dialog
	open := func(s string) {
		s = strings.TrimSpace(s)
		if s == "" {
			return
		}
		d.Hide()
		w.Open(expand(s)...)
	}
	e.OnSubmitted = open
	d = dialog.NewCustomConfirm(lang.L("Open Location"), lang.L("Open"), lang.L("Cancel"), e, func(ok bool) {
		if ok {
			open(e.Text)
		}
	}, w.Win)
	d.Resize(fyne.NewSize(640, 160))
	w.show(d)
	w.Win.Canvas().Focus(e)
}

// expand turns a path into the files to open: the path itself, or the
// files of events in a folder, in name order.
func expand(path string) []string {
	if strings.HasPrefix(path, "~/") {
		if home, err := os.UserHomeDir(); err == nil {
			path = filepath.Join(home, path[2:])
		}
	}
	st, err := os.Stat(path)
	if err != nil || !st.IsDir() {
		return []string{path} // a missing file is reported by the load
	}
	entries, _ := os.ReadDir(path)
	var out []string
	for _, e := range entries {
		ext := strings.ToLower(filepath.Ext(e.Name()))
		for _, t := range fileTypes {
			if ext == t && t != workspaceExt && !e.IsDir() {
				out = append(out, filepath.Join(path, e.Name()))
			}
		}
	}
	return out
}

// openRecent opens a file of the recent list, dropping it when it is gone.
func (w *Window) openRecent(p string) {
	if _, err := os.Stat(p); err != nil {
		w.recent.Remove(p)
		w.setMenu()
		w.show(dialog.NewInformation(lang.L("File not found"), fmt.Sprintf(lang.L("%s\nis no longer there; it was taken off the list."), p), w.Win))
		return
	}
	w.Open(p)
}

// reload reads the file on show again, with the roles its columns have now.
func (w *Window) reload() {
	v := w.active()
	if v == nil || v.file.Path == "" {
		return
	}
	w.enqueue(request{Path: v.file.Path, Options: v.file.Options, Mapping: v.file.mapping(), Title: v.file.Title})
}

// closeFile closes the file on show.
func (w *Window) closeFile() {
	v := w.active()
	for i := range w.views {
		if w.views[i] == v {
			w.views = append(w.views[:i], w.views[i+1:]...)
			w.layout()
			return
		}
	}
}

// find puts the keyboard in the search box.
func (w *Window) find() {
	if v := w.active(); v != nil && v.searchBox != nil {
		w.Win.Canvas().Focus(v.searchBox)
	}
}

// projectionItems are the View menu's projections, the one in use ticked.
func (w *Window) projectionItems() []*fyne.MenuItem {
	current := w.App.Preferences().StringWithFallback("map.projection", worldmap.EqualEarth.Name)
	var items []*fyne.MenuItem
	for _, p := range worldmap.Projections {
		i := fyne.NewMenuItem(lang.L(p.Name), func() {
			w.App.Preferences().SetString("map.projection", p.Name)
			for _, v := range w.views {
				v.setProjection(p)
			}
			w.setMenu()
		})
		i.Checked = p.Name == current
		items = append(items, i)
	}
	return items
}

// projection is the projection chosen in the preferences.
func projection(a fyne.App) worldmap.Projection {
	name := a.Preferences().StringWithFallback("map.projection", worldmap.EqualEarth.Name)
	for _, p := range worldmap.Projections {
		if p.Name == name {
			return p
		}
	}
	return worldmap.EqualEarth
}

// savedSize is the window's size when it was last closed, or 80 % of the
// screen the first time; saveSize keeps it.
func (w *Window) savedSize() fyne.Size {
	p := w.App.Preferences()
	first := firstSize()
	width, height := p.FloatWithFallback("window.width", float64(first.Width)), p.FloatWithFallback("window.height", float64(first.Height))
	return fyne.NewSize(float32(max(width, 640)), float32(max(height, 400)))
}

func (w *Window) saveSize() {
	if v := w.active(); v != nil {
		v.saveSplits(w.App.Preferences())
	}
	s := w.Win.Canvas().Size()
	if s.Width > 0 && s.Height > 0 {
		w.App.Preferences().SetFloat("window.width", float64(s.Width))
		w.App.Preferences().SetFloat("window.height", float64(s.Height))
	}
}
