package window

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"github.com/paulmach/orb"

	"chronomap/app/mapview"
	"chronomap/app/workspace"
	"chronomap/app/worldmap"
	"chronomap/data/frame"
)

// workspaceExt is the extension of workspace files.
const workspaceExt = ".chronomap"

// storageDir is where the window keeps what outlives a session besides
// the preferences: recent files, remembered mappings, recovery files and
// the tables of imported reports. It is the app's folder in Fyne's storage
// API, beside the preferences.json Fyne keeps there, so that each
// platform's place is Fyne's to know: ~/.config/fyne/ID on Linux (or
// $XDG_CONFIG_HOME), %APPDATA%\fyne\ID on Windows,
// ~/Library/Preferences/fyne/ID on macOS.
func storageDir(a fyne.App) string {
	root := a.Storage().RootURI()
	if root.Scheme() == "file" {
		return filepath.FromSlash(root.Path())
	}
	// Only a cloud provider's storage is not a folder: these files then
	// stay on this machine, in its temporary folder.
	return filepath.Join(os.TempDir(), "chronomap")
}

// snapshot is the window's state as a workspace: every file with its
// roles, and the filter, views and selection of the file on show.
func (w *Window) snapshot() *workspace.Workspace {
	ws := &workspace.Workspace{Version: workspace.FormatVersion,
		Theme:  w.App.Preferences().StringWithFallback("theme", workspace.ThemeSystem),
		Scenes: slices.Clone(w.scenes), Export: w.export}
	active := w.active()
	for _, v := range w.views {
		if v.file.Path == "" {
			continue // the sample is not a file to save
		}
		src := workspace.Source{Path: v.file.Path, Title: v.file.Title, Sheet: v.file.Options.Sheet,
			Format: v.file.Options.Format}
		if m := v.file.mapping(); m != nil {
			src.Mapping = workspace.MappingOf(*m)
		}
		if v.file.Title == v.file.Path {
			src.Title = ""
		}
		if v.file.frame() != nil && src.Format == "" {
			src.Format = v.file.frame().Source.Format
		}
		if v != active {
			ws.Sources = append(ws.Sources, src)
			continue
		}
		// The file on show goes first: its state is the workspace's.
		ws.Sources = append([]workspace.Source{src}, ws.Sources...)
		ws.View = v.state()
	}
	if active == nil && w.layers != nil && w.tabs != nil && w.tabs.SelectedIndex() == 0 {
		ws.AllLayers = true
		if len(w.views) > 0 && w.views[0].file.Path != "" {
			ws.View = w.views[0].state() // the first file's state stays the workspace's
		}
	}
	return ws
}

// state is the view's filter, map, timeline and selection, as a workspace
// keeps them: the file is a workspace's first source.
func (v *fileView) state() workspace.View {
	if v.file.Table != nil {
		return v.tableState()
	}
	if v.layer == nil {
		return workspace.View{}
	}
	v.syncViews()
	ws := v.layer.View()
	if v.searchBox != nil {
		ws.Filter.Query = v.searchBox.Text // typed, perhaps not searched yet
	}
	return ws
}

// syncViews tells the layer where the map and the timeline stand now:
// they move with every drag, the layer hears of it when it is read.
func (v *fileView) syncViews() {
	l := v.layer
	if m := v.mapWidget; m != nil {
		l.Map = mapState(m)
	}
	if tl := v.timelineWidget; tl != nil {
		c := tl.Chart()
		l.Timeline.Collapsed = nil
		for lane := range c.Collapsed {
			if lane < len(c.Events.Lanes) {
				l.Timeline.Collapsed = append(l.Timeline.Collapsed, c.Events.Lanes[lane])
			}
		}
		slices.Sort(l.Timeline.Collapsed)
	}
}

// mapState is where a map stands, as a workspace keeps it.
func mapState(m *mapview.Map) workspace.MapView {
	s := workspace.MapView{Projection: m.Model().View.Projection.Name}
	if c, z, ok := m.View(); ok {
		// To a millionth of a degree (about 10 cm): a view kept, not
		// the float noise of projecting there and back.
		round := func(f float64) float64 { return math.Round(f*1e6) / 1e6 }
		s.Center, s.Zoom = [2]float64{round(c[0]), round(c[1])}, round(z)
	}
	return s
}

// tableState is a table's filter, map and timeline window, as a
// workspace keeps them.
func (v *fileView) tableState() workspace.View {
	f := v.file.Table.Filter()
	ws := workspace.View{Filter: workspace.FilterOf(f)}
	if w := f.Window; w != nil {
		ws.Timeline.From, ws.Timeline.To = workspace.Stamp(float64(w.From)), workspace.Stamp(float64(w.To))
	}
	if m := v.mapWidget; m != nil {
		ws.Map = mapState(m)
	}
	return ws
}

// restoreMap puts a map where a workspace kept it.
func restoreMap(m *mapview.Map, s workspace.MapView) {
	if s.Projection != "" {
		for _, p := range worldmap.Projections {
			if p.Name == s.Projection {
				m.SetProjection(p)
			}
		}
	}
	if s.Zoom > 0 {
		m.SetView(orb.Point{s.Center[0], s.Center[1]}, s.Zoom)
	}
}

// restoreTable asks a table's views again under the filter a workspace
// kept, its timeline over the window kept and its map where it stood.
func (v *fileView) restoreTable(ws workspace.View) {
	v.file.Table.SetFilter(ws.Filter.Dataset(ws.Timeline))
	if tl := v.timelineWidget; tl != nil {
		if from, to, ok, err := ws.Timeline.Window(); ok && err == nil {
			c := tl.Chart()
			c.From, c.To = from, to
		}
	}
	if m := v.mapWidget; m != nil {
		restoreMap(m, ws.Map)
	}
	if v.tableSearch != nil {
		v.tableSearch.SetText(ws.Filter.Query)
	}
	v.refreshTable()
}

// restore sets the view's filter, map, timeline and selection from ws,
// a view of the view's file, then sets its widgets as the layer says.
// What no longer fits the file (a category it lacks, a row beyond its
// end) is left out.
func (v *fileView) restore(ws workspace.View) {
	if v.file.Table != nil {
		v.restoreTable(ws)
		return
	}
	if v.layer == nil {
		return
	}
	query := ws.Filter.Query
	ws.Filter.Query = "" // the search box searches, below
	l := v.layer
	l.Restore(ws)
	if tl := v.timelineWidget; tl != nil {
		c := tl.Chart()
		if from, to, ok, err := ws.Timeline.Window(); ok && err == nil {
			c.From, c.To = from, to
			if v.onWindow != nil {
				v.onWindow(from, to)
			}
		}
		c.Collapsed = nil
		for lane, name := range c.Events.Lanes {
			if slices.Contains(ws.Timeline.Collapsed, name) {
				if c.Collapsed == nil {
					c.Collapsed = map[int]bool{}
				}
				c.Collapsed[lane] = true
			}
		}
		tl.Refresh()
	}
	for k, name := range v.file.Data.Categories.Names {
		if k < len(v.chips) {
			v.chips[k].SetChecked(!slices.Contains(l.Filter.HiddenCategories, name))
		}
	}
	if v.located != nil {
		v.located.SetChecked(l.Filter.LocatedOnly)
	}
	if m := v.mapWidget; m != nil {
		restoreMap(m, ws.Map)
	}
	if v.searchBox != nil {
		v.searchBox.SetText(query) // searches, and refilters
	} else {
		l.SetQuery(query)
	}
	v.refilter()
	if e := l.Selected; e >= 0 {
		v.selectEvent(e, nil)
	}
}

// SaveWorkspace writes the window's state to path, atomically.
func (w *Window) SaveWorkspace(path string) error {
	if !strings.HasSuffix(strings.ToLower(path), workspaceExt) {
		path += workspaceExt
	}
	if err := workspace.Save(path, w.snapshot()); err != nil {
		return err
	}
	w.workspace = path
	if w.autosave != nil {
		w.autosave.Clean(path)
	}
	w.rememberRecent(path)
	w.Win.SetTitle(windowTitle(w.files(), w.workspace))
	return nil
}

// OpenWorkspace closes what is open and opens the workspace at path: its
// files load in the background, and once the first has loaded its filter,
// views and selection are set again. Files that moved are asked for.
func (w *Window) OpenWorkspace(path string) {
	ws, err := workspace.Load(path)
	if err != nil {
		w.show(dialog.NewError(err, w.Win))
		return
	}
	w.relocate(ws, workspace.Missing(ws), func() { w.loadWorkspace(path, ws) })
}

// relocate asks where each missing file went, one at a time; one answer
// can find several (a moved folder). Skipped files still open, showing
// that they cannot be read.
func (w *Window) relocate(ws *workspace.Workspace, missing []int, then func()) {
	if len(missing) == 0 || w.ask == nil {
		then()
		return
	}
	i := missing[0]
	old := ws.Sources[i].Path
	w.ask(fmt.Sprintf(lang.L("%s was moved or deleted. Find it?"), old), func(newPath string) {
		if newPath != "" {
			if _, err := workspace.Relocate(ws, i, newPath); err != nil {
				w.show(dialog.NewError(err, w.Win))
			}
		}
		rest := slices.DeleteFunc(workspace.Missing(ws), func(j int) bool { return j <= i })
		w.relocate(ws, rest, then)
	})
}

// askFile asks the user to find a file, with a question: it answers with
// its path, or "" when the user skips it.
func (w *Window) askFile(question string, answer func(path string)) {
	w.show(dialog.NewConfirm(lang.L("File not found"), question, func(find bool) {
		if !find {
			answer("")
			return
		}
		d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
			if err != nil || r == nil {
				answer("")
				return
			}
			r.Close()
			answer(r.URI().Path())
		}, w.Win)
		d.Resize(fyne.NewSize(900, 600))
		w.show(d)
	}, w.Win))
}

// loadWorkspace replaces the files on show with the workspace's.
func (w *Window) loadWorkspace(path string, ws *workspace.Workspace) {
	w.cancelLoad()
	for _, v := range w.views {
		v.close()
	}
	w.views = nil
	w.workspace = path
	w.scenes = slices.Clone(ws.Scenes)
	w.export = ws.Export
	w.restoring = &restoring{allLayers: ws.AllLayers}
	w.layout()
	w.rememberRecent(path)
	if ws.Theme != "" && ws.Theme != w.App.Preferences().StringWithFallback("theme", workspace.ThemeSystem) {
		w.App.Preferences().SetString("theme", ws.Theme)
		applyTheme(w.App)
	}
	for i, s := range ws.Sources {
		r := request{Path: s.Path, Title: s.Title, Options: frame.Options{Format: s.Format, Sheet: s.Sheet}}
		if m, err := s.Mapping.Events(); err == nil && len(s.Mapping.Roles) > 0 {
			r.Mapping = &m
		}
		if i == 0 {
			r.then = func(v *fileView) {
				v.restore(ws.View)
				if w.restoring != nil {
					w.restoring.first = v
				}
			}
		}
		w.enqueue(r)
	}
	if w.autosave != nil {
		w.autosave.Clean(path)
	}
}

// restoring is what a workspace being opened ends on once its files are
// in: the tab that was on show when it was saved.
type restoring struct {
	allLayers bool      // the All layers tab
	first     *fileView // else the first source's, the file then on show
}

// endOn shows the tab a restored workspace was saved on.
func (w *Window) endOn(r *restoring) {
	switch {
	case r.allLayers && w.layers != nil && w.tabs != nil:
		w.tabs.SelectIndex(0)
		w.layers.refilter()
	case r.first != nil:
		w.showTab(r.first)
	}
}

// saveDialog asks where to save the workspace.
func (w *Window) saveDialog() {
	d := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil || wc == nil {
			return
		}
		p := wc.URI().Path()
		wc.Close()
		w.savedIn = filepath.Dir(p)
		if err := w.SaveWorkspace(p); err != nil {
			w.show(dialog.NewError(err, w.Win))
		}
	}, w.Win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{workspaceExt}))
	d.SetFileName("briefing" + workspaceExt)
	w.showSave(d)
}

// save saves to the workspace open, or asks where.
func (w *Window) save() {
	if w.workspace == "" {
		w.saveDialog()
		return
	}
	if err := w.SaveWorkspace(w.workspace); err != nil {
		w.show(dialog.NewError(err, w.Win))
	}
}

// autosaveEvery is how often the state is looked at for changes to keep in
// the recovery file.
const autosaveEvery = 15 * time.Second

// startAutosave keeps the state in a recovery file while it differs from
// what was saved, so that a crash loses at most a few seconds of work.
func (w *Window) startAutosave() {
	w.autosave = workspace.NewAutosaver(w.dir, autosaveEvery, func(error) {})
	stop := make(chan struct{})
	var last []byte
	go func() {
		t := time.NewTicker(autosaveEvery)
		defer t.Stop()
		for {
			select {
			case <-stop:
				return
			case <-t.C:
				w.do(func() {
					ws := w.snapshot()
					if len(ws.Sources) == 0 {
						return
					}
					b, _ := json.Marshal(ws)
					if !bytes.Equal(b, last) {
						last = b
						w.autosave.Changed(ws)
					}
				})
			}
		}
	}()
	w.stopAutosave = func() {
		close(stop)
		w.autosave.Close() // a clean exit leaves no recovery file
	}
}

// offerRecovery asks, when an earlier session ended without saving its
// changes, whether to bring them back.
func (w *Window) offerRecovery() {
	pending, err := workspace.Pending(w.dir)
	if err != nil || len(pending) == 0 {
		return
	}
	r := pending[0]
	name := lang.L("an unsaved workspace")
	if r.Workspace != "" {
		name = filepath.Base(r.Workspace)
	}
	msg := fmt.Sprintf(lang.L("Chronomap did not close properly. Recover the changes to %s from %s?"), name, r.Saved.Local().Format(lang.L("2 Jan 2006 15:04")))
	w.show(dialog.NewConfirm(lang.L("Recover unsaved work"), msg, func(ok bool) {
		for _, p := range pending[1:] {
			p.Discard()
		}
		if !ok {
			r.Discard()
			return
		}
		ws, err := r.Load()
		r.Discard()
		if err != nil {
			w.show(dialog.NewError(err, w.Win))
			return
		}
		w.loadWorkspace(r.Workspace, ws)
		w.autosave.Clean(r.Workspace)
		w.autosave.Changed(ws) // still unsaved
	}, w.Win))
}
