// Package window is Chronomap's first window: one tab per loaded file, each
// showing the file's frame as a table with what was learnt reading it and
// the rows that could not be read cleanly. Later views (map, timeline)
// replace it.
//
// The text the window shows — the title, the facts line, the cells, the
// problem lines — is shaped by plain functions that tests check without a
// display; the Fyne code only places it.
package window

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"chronomap/app/draw"
	"chronomap/app/feed"
	"chronomap/app/release"
	"chronomap/app/timeline"
	"chronomap/app/workspace"
	"chronomap/app/worldmap"
	"chronomap/assets"
	"chronomap/data/dataset"
	"chronomap/data/engine"
	"chronomap/data/events"
	"chronomap/data/frame"
)

// Loaded is one file as the window shows it.
type Loaded struct {
	Title  string           // e.g. the file name, or assets.SampleTitle
	Sample bool             // show the "Sample data" badge
	Data   *dataset.Dataset // the file's events; nil when Err is set
	Err    error            // the file could not be read: show this sentence instead
	// Map, when the file has placed events, is their map; Timeline is
	// the same events in time. Both number events as Data does.
	Map      *worldmap.Map
	Timeline *timeline.Chart
	// Path and Options say where the file came from and how it was read,
	// to read it again; Path is empty for the bundled sample.
	Path    string
	Options frame.Options
	// Table, for a table in an engine, feeds the map and the timeline
	// (which then hold no events) with the engine's answers; Data is nil.
	Table *feed.Table
	// password is the one typed for the table, to open it again with
	// (Reload, the roles dialog); never saved.
	password string
}

// frame is the file's frame, nil when it could not be read.
func (l Loaded) frame() *frame.Frame {
	if l.Data == nil {
		return nil
	}
	return l.Data.Frame
}

// index is the file's events, nil when it could not be read.
func (l Loaded) index() *events.Index {
	if l.Data == nil {
		return nil
	}
	return l.Data.Index
}

// mapping is the roles the file's (or table's) columns play, nil when it
// could not be read: reading it again then detects them.
func (l Loaded) mapping() *events.Mapping {
	if l.Table != nil {
		m := l.Table.Src.Table.Mapping
		return &m
	}
	if l.Data == nil {
		return nil
	}
	m := l.Data.Mapping
	return &m
}

// title is the file's title as shown: the sample's in the interface's
// language, a file's as given.
func (l Loaded) title() string {
	if l.Sample && l.Title == assets.SampleTitle {
		return lang.L(assets.SampleTitle)
	}
	return l.Title
}

// problems returns the problems to list for a file.
func (l Loaded) problems() []frame.Problem {
	if l.Data == nil {
		return nil
	}
	return l.Data.Problems
}

// roles names the role each mapped column plays ("start", "lat").
func (l Loaded) roles() map[string]string {
	out := map[string]string{}
	if l.Data == nil {
		return out
	}
	for r, cols := range l.Data.Mapping.Columns {
		for _, c := range cols {
			out[c] = string(r)
		}
	}
	return out
}

// size is the window's first size: it fits a 1280×800 screen with room for
// the desktop's panels.
var size = fyne.NewSize(1200, 740)

// Window is Chronomap's main window: the loaded files, one tab each, the
// menus, and the bar that shows files loading in the background.
type Window struct {
	App fyne.App
	Win fyne.Window
	// Release is the version Help ▸ About shows.
	Release release.Info

	views  []*fileView
	tabs   *container.AppTabs // when more than one file is open
	layers *layersView        // the first tab, when two or more files have events
	body   *fyne.Container    // holds the files' content
	bar    *loadBar
	// dialogs are the dialogs open over the window, the top one last:
	// Esc closes it.
	dialogs []dialog.Dialog
	// export is the title and subtitle last exported with, kept in the
	// workspace.
	export *workspace.Export
	// restoring is the workspace being opened, while its files load.
	restoring *restoring
	// savedIn is the folder the last save went to, where the next opens.
	savedIn string

	// queue holds the files waiting to be read; one is read at a time, so
	// that a second big file does not halve the first one's speed.
	queue   []request
	loading bool
	cancel  context.CancelFunc
	// idle, when set, is called on the UI goroutine each time the queue
	// empties: the tests wait on it.
	idle func()
	// do runs a function on the UI goroutine: fyne.Do, or in tests a queue
	// the test drains, since the test driver runs fyne.Do's functions on
	// the calling goroutine.
	do func(func())

	scenes []workspace.Scene // the briefing's scenes, in order
	// dir is the app's storage folder, where recent files, remembered
	// mappings, recovery files and report tables go (see storageDir).
	dir       string
	recent    *workspace.Recent
	mappings  *workspace.Mappings // roles chosen for files, by their columns
	workspace string              // the workspace file last opened or saved, if any
	autosave  *workspace.Autosaver
	// stopAutosave ends autosaving and removes the recovery file: the
	// session ended cleanly.
	stopAutosave func()
	// reportDialog is the Import Report dialog last shown, for tests.
	reportDialog *reportDialog
	// ask asks where a moved file went: its path, or "" to skip it. Tests
	// answer in its place.
	ask func(question string, answer func(path string))
	// askPassword asks for the password of a table whose server refused
	// the one it had (or none); ok is false when the user gives up.
	// Tests answer in its place.
	askPassword func(refused error, answer func(password string, ok bool))
}

// New builds the window for the given files, one tab each; the caller shows
// it (main.go calls ShowAndRun).
func New(a fyne.App, files []Loaded) *Window {
	icon := fyne.NewStaticResource("chronomap.png", assets.IconPNG)
	if a.Icon() == nil {
		// FyneApp.toml only reaches the app through `fyne build` or a run
		// from the project directory; the embedded icon works everywhere.
		a.SetIcon(icon)
	}
	if a.Preferences().StringWithFallback("theme", "system") != "system" {
		applyTheme(a) // else the system's theme, or whatever the app was given
	}
	// The basemap is decoded on another core while the window is built:
	// it is the heaviest part of the first frame that needs no display.
	go worldmap.Prepare(projection(a))
	dir := storageDir(a)
	recent, _ := workspace.OpenRecent(dir) // usable even when its file is not
	mappings, _ := workspace.OpenMappings(dir)
	w := &Window{App: a, Win: a.NewWindow("Chronomap"), dir: dir, recent: recent, mappings: mappings}
	w.ask = w.askFile
	w.askPassword = w.passwordDialog
	w.do = fyne.Do
	w.Win.SetIcon(icon)
	w.bar = newLoadBar(w.cancelLoad)
	w.body = container.NewStack()
	w.Win.SetContent(container.NewBorder(nil, w.bar, nil, nil, w.body))
	for _, f := range files {
		w.views = append(w.views, w.newView(f))
	}
	w.layout()
	w.Win.Resize(w.savedSize())
	w.setMenu()
	// Esc clears the selection; ← and → step through the events in time
	// order, when no widget has taken the keyboard (the map and the
	// timeline keep their arrows for panning once clicked).
	w.Win.Canvas().SetOnTypedKey(func(e *fyne.KeyEvent) {
		if e.Name == fyne.KeyEscape && w.closeDialog() {
			return
		}
		if v := w.active(); v != nil {
			v.typedKey(e)
		} else if w.layers != nil {
			w.layers.typedKey(e)
		}
	})
	w.Win.SetOnDropped(func(_ fyne.Position, items []fyne.URI) {
		var paths []string
		for _, u := range items {
			if u.Scheme() == "file" {
				paths = append(paths, u.Path())
			}
		}
		w.Open(paths...)
	})
	w.Win.SetCloseIntercept(func() {
		w.saveSize()
		w.Win.Close()
	})
	w.Win.SetOnClosed(w.closed)
	w.offerRecovery()
	w.startAutosave()
	return w
}

// closed ends the session cleanly: no recovery file is left.
func (w *Window) closed() {
	if w.stopAutosave != nil {
		w.stopAutosave()
		w.stopAutosave = nil
	}
}

// rememberRecent puts a file or workspace first on File ▸ Open Recent.
func (w *Window) rememberRecent(path string) {
	w.recent.Add(path)
	w.setMenu()
}

// newView makes a file's view with the window's preferences.
func (w *Window) newView(l Loaded) *fileView {
	v := newFileView(l)
	if l.Table != nil {
		w.liveTable(v)
		return v
	}
	v.applyDates(w.App)
	v.applyPlaceNames(w.App)
	if d := l.Data; d != nil && d.Len() > syncSearch {
		// A big file gets a search index, built once it is on show.
		go func() {
			if err := d.BuildSearch(context.Background(), nil); err != nil {
				return
			}
			w.do(func() {
				if v.searchBox != nil && v.searchBox.Text != "" {
					v.search(v.searchBox.Text)
				}
			})
		}()
	}
	return v
}

// recall gives the roles the user chose for a file with the same
// columns, when they chose any.
func (w *Window) recall(columns []string) (events.Mapping, bool) {
	m, ok := w.mappings.Recall(columns)
	if !ok {
		return events.Mapping{}, false
	}
	em, err := m.Events()
	return em, err == nil
}

// ShowAndRun shows the window and runs the app until it is closed.
func (w *Window) ShowAndRun() { w.Win.ShowAndRun() }

// active is the file view on show, nil when none is.
func (w *Window) active() *fileView {
	switch {
	case len(w.views) == 0:
		return nil
	case w.tabs != nil:
		i := w.tabs.SelectedIndex()
		if w.layers != nil {
			i-- // the first tab shows all layers
		}
		if i >= 0 && i < len(w.views) {
			return w.views[i]
		}
		return nil
	}
	return w.views[0]
}

// showTab shows view v's tab.
func (w *Window) showTab(v *fileView) {
	if w.tabs == nil {
		return
	}
	for i, x := range w.views {
		if x == v {
			if w.layers != nil {
				i++
			}
			w.tabs.SelectIndex(i)
		}
	}
}

// layout puts the files in the window: a placeholder, one file view, or
// tabs; and names the window after them.
func (w *Window) layout() {
	w.Win.SetTitle(windowTitle(w.files(), w.workspace))
	w.tabs, w.layers = nil, nil
	var c fyne.CanvasObject
	switch len(w.views) {
	case 0:
		hint := widget.NewLabel(lang.L("Open a file of events (Ctrl+O), or drop files here."))
		hint.Alignment = fyne.TextAlignCenter
		c = container.NewCenter(hint)
	case 1:
		c = w.views[0]
	default:
		w.tabs = container.NewAppTabs()
		w.layers = nil
		var withEvents []*fileView
		for _, v := range w.views {
			if v.timelineWidget != nil && v.file.Data != nil {
				withEvents = append(withEvents, v)
			}
		}
		if len(withEvents) >= 2 {
			w.layers = newLayersView(withEvents, func(v *fileView, e int) {
				w.showTab(v)
				v.selectEvent(e, nil)
			})
			w.layers.mapWidget.Model().Language = placeLanguage(w.App)
			w.tabs.Append(container.NewTabItemWithIcon(lang.L("All layers"), theme.GridIcon(), w.layers))
		}
		for _, v := range w.views {
			w.tabs.Append(container.NewTabItem(tabName(v.file), v))
		}
		w.tabs.OnSelected = func(*container.TabItem) {
			if w.layers != nil && w.tabs.SelectedIndex() == 0 {
				w.layers.refilter() // the files' filters may have changed
			}
		}
		c = w.tabs
	}
	w.body.Objects = []fyne.CanvasObject{c}
	w.body.Refresh()
}

// files is what each tab shows.
func (w *Window) files() []Loaded {
	out := make([]Loaded, len(w.views))
	for i, v := range w.views {
		out[i] = v.file
	}
	return out
}

// add shows a newly loaded file in a tab of its own, or in place of the
// same file loaded before (a reload) or of the untouched sample.
func (w *Window) add(l Loaded) *fileView {
	v := w.newView(l)
	for i, old := range w.views {
		if (l.Path != "" && old.file.Path == l.Path) || old.file.Sample {
			old.close()
			w.views[i] = v
			w.layout()
			w.showTab(v)
			return v
		}
	}
	w.views = append(w.views, v)
	if w.restoring != nil && len(w.queue) > 0 {
		// A workspace's files are laid out once, when the last is in:
		// tabs and the All layers view built again for each of fifteen
		// files cost more than reading them.
		return v
	}
	w.layout()
	w.showTab(v)
	return v
}

// Open reads files in the background, one after the other, each into a tab
// of its own; the bar at the bottom shows how far it got and can cancel. A
// workspace file opens the workspace instead.
func (w *Window) Open(paths ...string) {
	for _, p := range paths {
		if strings.EqualFold(filepath.Ext(p), workspaceExt) {
			w.OpenWorkspace(p)
			continue
		}
		w.enqueue(request{Path: p})
	}
}

// enqueue adds a file to read, and starts reading when nothing else is.
func (w *Window) enqueue(r request) {
	w.queue = append(w.queue, r)
	if !w.loading {
		w.next()
	}
}

// next starts the first queued file, or reports idle.
func (w *Window) next() {
	if len(w.queue) == 0 {
		if r := w.restoring; r != nil {
			w.restoring = nil
			w.layout()
			w.endOn(r)
		}
		w.loading = false
		w.bar.idle()
		if w.idle != nil {
			w.idle()
		}
		return
	}
	r := w.queue[0]
	w.queue = w.queue[1:]
	r.recall = w.recall
	w.loading = true
	ctx, cancel := context.WithCancel(context.Background())
	w.cancel = cancel
	w.bar.start(r.name())
	go func() {
		defer cancel()
		// Reports come often while bytes are read; the bar takes at most
		// one every 50 ms.
		var (
			last time.Time
			end  Progress
		)
		l, err := load(ctx, r, func(p Progress) {
			end = p
			if ctx.Err() != nil {
				return // cancelled: the bar says so already
			}
			if now := time.Now(); now.Sub(last) >= 50*time.Millisecond || p.Stage != dataset.Reading {
				last = now
				w.do(func() { w.bar.show(p) })
			}
		})
		w.do(func() {
			if err == nil && l.Err != nil && errors.Is(l.Err, engine.ErrRefused) && w.askPassword != nil {
				// The environment's password, or none, was refused: ask,
				// and open the table again with the one given.
				w.bar.idle()
				w.askPassword(l.Err, func(password string, ok bool) {
					if !ok {
						w.add(l)
						return
					}
					r.Password = password
					w.enqueue(r)
				})
				w.next()
				return
			}
			if err == nil {
				if l.Err == nil {
					// A table's URL without its password, which comes
					// from the environment or the password file again.
					w.rememberRecent(cmp.Or(l.Table.Name(), r.Path))
				}
				v := w.add(l)
				if r.then != nil {
					r.then(v)
				} else if r.Mapping == nil {
					w.askRoles(v)
				}
				w.bar.finished(end)
			} else {
				w.bar.cancelled(r.name())
			}
			w.next()
		})
	}()
}

// cancelLoad stops the file being read and drops those waiting.
func (w *Window) cancelLoad() {
	w.queue = nil
	if w.cancel != nil {
		w.cancel()
		w.cancel = nil
		// Say so at once: the stage under way stops within a few
		// milliseconds, and what it made is dropped.
		if w.loading {
			w.bar.cancelled(w.bar.last.File)
		}
	}
}

// windowTitle is "Chronomap — " and what is open: the workspace's name,
// the file's name, "Sample data", or the first name and how many more.
func windowTitle(files []Loaded, ws string) string {
	if ws != "" {
		return fmt.Sprintf(lang.L("Chronomap — %s"), strings.TrimSuffix(filepath.Base(ws), filepath.Ext(ws)))
	}
	switch len(files) {
	case 0:
		return "Chronomap"
	case 1:
		return fmt.Sprintf(lang.L("Chronomap — %s"), tabName(files[0]))
	case 2:
		return fmt.Sprintf(lang.L("Chronomap — %s and %s"), tabName(files[0]), tabName(files[1]))
	}
	return fmt.Sprintf(lang.L("Chronomap — %s and %s more files"), tabName(files[0]), thousands(len(files)-1))
}

// tabName is the short name of a loaded file: "Sample data" for the
// sample, else the base name of its title (titles are often paths).
func tabName(f Loaded) string {
	if f.Sample {
		return lang.L("Sample data")
	}
	if f.Title == "" {
		if f.Data != nil && f.Data.Name != "" {
			return filepath.Base(f.Data.Name)
		}
		return lang.L("Untitled")
	}
	return filepath.Base(f.Title)
}

// Loaded prepares a dataset for the window: the map (when events are
// placed) and the timeline over it. A file that could not be read keeps
// its error.
func loaded(title string, d *dataset.Dataset, err error) Loaded {
	if err != nil || d == nil {
		return Loaded{Title: title, Err: err}
	}
	l := Loaded{Title: title, Data: d}
	if d.Len() > 0 {
		l.Timeline = &timeline.Chart{Events: timeline.FromDataset(d)}
		l.Timeline.Events.Prepare()
	}
	if d.Index.Located > 0 {
		l.Map = &worldmap.Map{View: worldmap.Viewport{Projection: worldmap.EqualEarth}, Theme: draw.Light,
			Graticule: true, Events: worldmap.FromDataset(d)}
		l.Map.Prepare()
	}
	return l
}

// Sample is the bundled sample, loaded for the window.
func Sample() Loaded {
	d, err := dataset.Sample()
	l := loaded(assets.SampleTitle, d, err)
	l.Sample = true
	return l
}
