package window

import (
	"context"
	"time"

	"chronomap/app/mapping"
	"chronomap/app/workspace"
	"chronomap/data/dataset"
	"chronomap/data/events"
)

// editRoles opens the roles dialog for the file on show: a preview of its
// rows, each column's role and why, and live counts. OK reads the events
// again with the roles chosen, and remembers them for files with the same
// columns.
func (w *Window) editRoles() {
	v := w.active()
	if v != nil && v.file.Table != nil {
		w.editTableRoles(v)
		return
	}
	if v == nil || v.file.frame() == nil {
		return
	}
	f := v.file.frame()
	mapping.Show(w.Win, f, v.file.Data.Mapping, func(m events.Mapping, ok bool) {
		if ok {
			w.rolesChosen(v, m)
		}
	})
}

// rolesChosen remembers the roles chosen for a file's columns and reads
// its events again with them.
func (w *Window) rolesChosen(v *fileView, m events.Mapping) {
	w.mappings.Remember(v.file.frame().Names(), workspace.MappingOf(m))
	w.remap(v, m)
}

// remap builds a file's events again with other roles, in the background,
// and shows the result in the file's tab.
func (w *Window) remap(v *fileView, m events.Mapping) {
	old := v.file
	w.bar.show(Progress{File: tabName(old), Progress: dataset.Progress{Stage: dataset.Placing, Rows: old.frame().Rows()}})
	start := time.Now()
	go func() {
		d, err := old.Data.Rebuild(context.Background(), m)
		l := loaded(old.Title, d, err)
		l.Sample, l.Path, l.Options = old.Sample, old.Path, old.Options
		w.do(func() {
			for i, x := range w.views {
				if x == v {
					nv := w.newView(l)
					w.views[i] = nv
					w.layout()
					w.showTab(nv)
				}
			}
			w.bar.finished(Progress{File: tabName(old), Progress: dataset.Progress{Stage: dataset.Done, Elapsed: time.Since(start)}})
			w.bar.idle()
		})
	}()
}

// askRoles opens the roles dialog by itself when a file made no events:
// its dates were not found, or read both ways.
func (w *Window) askRoles(v *fileView) {
	if v.file.frame() != nil && v.file.frame().Rows() > 0 && v.file.index().Len() == 0 {
		w.editRoles()
	}
}

// editTableRoles opens the roles dialog for a table in an engine, over
// the first rows its roles were detected from; OK opens the table again
// with the roles chosen, which the engine's queries then use (and the
// workspace keeps).
func (w *Window) editTableRoles(v *fileView) {
	t := v.file.Table.Src.Table
	if t.Sample == nil {
		return
	}
	mapping.Show(w.Win, t.Sample, t.Mapping, func(m events.Mapping, ok bool) {
		if ok {
			w.tableRolesChosen(v, m)
		}
	})
}

// tableRolesChosen opens a table again, in its tab, with its columns
// playing the roles chosen, under the same search, window and map.
func (w *Window) tableRolesChosen(v *fileView, m events.Mapping) {
	state := v.state()
	w.enqueue(request{Path: v.file.Path, Title: v.file.Title, Mapping: &m, Password: v.file.password,
		then: func(nv *fileView) { nv.restore(state) }})
}
