package window

import (
	"path/filepath"
	"slices"

	"fyne.io/fyne/v2"
)

// recentFiles is the list behind File ▸ Open Recent: the last files read
// without error, most recent first, kept in the app's preferences.
type recentFiles struct {
	prefs fyne.Preferences
}

// recentKey is the preference that holds the list; recentMax its length.
const (
	recentKey = "recent.files"
	recentMax = 10
)

func newRecentFiles(p fyne.Preferences) *recentFiles { return &recentFiles{prefs: p} }

// list is the files, most recent first.
func (r *recentFiles) list() []string {
	return r.prefs.StringList(recentKey)
}

// add puts path first, once.
func (r *recentFiles) add(path string) {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	l := slices.DeleteFunc(slices.Clone(r.list()), func(p string) bool { return p == path })
	l = append([]string{path}, l...)
	r.prefs.SetStringList(recentKey, l[:min(len(l), recentMax)])
}

// remove drops a file that could not be found any more.
func (r *recentFiles) remove(path string) {
	r.prefs.SetStringList(recentKey, slices.DeleteFunc(slices.Clone(r.list()), func(p string) bool { return p == path }))
}
