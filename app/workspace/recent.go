package workspace

import (
	"chronomap/data/engine"

	"path/filepath"
	"slices"
	"sync"
)

// maxRecent is how many recent files are listed.
const maxRecent = 10

// Recent is the list of files opened lately, data files and workspaces
// alike, kept in the config folder (recent.json). Its methods may be
// called from any goroutine.
type Recent struct {
	path string
	keep error // see Mappings.keep

	mu    sync.Mutex
	files []string // absolute, most recent first
}

type recentFile struct {
	Version int      `json:"version"`
	Files   []string `json:"files"`
}

// OpenRecent opens the list of recent files kept in dir. The list is
// usable even with an error, as Mappings is.
func OpenRecent(dir string) (*Recent, error) {
	r := &Recent{path: filepath.Join(dir, "recent.json")}
	var f recentFile
	if _, err := readConfig(r.path, &f, &f.Version); err != nil {
		if f.Version > configVersion {
			r.keep = err
		}
		return r, err
	}
	// Oldest first, as each goes in front; a path listed twice keeps its
	// newer place.
	for _, p := range slices.Backward(f.Files) {
		r.files = addPath(r.files, p)
	}
	return r, nil
}

// Add puts path at the top of the list, once, and saves the list.
func (r *Recent) Add(path string) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.files = addPath(r.files, path)
	return r.save()
}

// Remove takes path off the list, as when its file is gone, and saves the
// list.
func (r *Recent) Remove(path string) error {
	abs := absolute(path)
	r.mu.Lock()
	defer r.mu.Unlock()
	r.files = slices.DeleteFunc(r.files, func(p string) bool { return p == abs })
	return r.save()
}

// List returns the recent files, absolute, most recent first.
func (r *Recent) List() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.Clone(r.files)
}

// save writes the list; r.mu is held.
func (r *Recent) save() error {
	if r.keep != nil {
		return r.keep
	}
	return writeConfig(r.path, recentFile{Version: configVersion, Files: r.files})
}

// addPath returns files with path, made absolute (a table's URL kept
// as it is, without password), in front and nowhere
// else, cut to maxRecent.
func addPath(files []string, path string) []string {
	abs := absolute(path)
	files = slices.DeleteFunc(files, func(p string) bool { return p == abs })
	files = slices.Insert(files, 0, abs)
	return files[:min(len(files), maxRecent)]
}

// absolute is a file's absolute path, or a table's URL as it is, without
// its password.
func absolute(path string) string {
	if engine.IsURL(path) {
		if u, err := tableURL(path); err == nil {
			return u
		}
		return path
	}
	if abs, err := filepath.Abs(path); err == nil {
		return abs
	}
	return filepath.Clean(path)
}
