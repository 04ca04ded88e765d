package workspace

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// nearLevels is how far above the workspace's folder a source may lie and
// still be saved relative to it: one level reaches the folders beside it,
// as in project/workspaces/w.chronomap and project/data/events.csv.
const nearLevels = 1

// relative returns abs relative to dir, with forward slashes so that the
// file reads the same on every system, when abs is in dir or near it (see
// nearLevels) and the folder they share is not a volume's root: /data is
// not near /home/ana merely because both are under /.
func relative(abs, dir string) (string, bool) {
	rel, err := filepath.Rel(dir, abs)
	if err != nil {
		return "", false // another volume
	}
	rel = filepath.ToSlash(rel)
	ups := 0
	for _, part := range strings.Split(rel, "/") {
		if part != ".." {
			break
		}
		ups++
	}
	if ups > nearLevels {
		return "", false
	}
	shared := dir
	for range ups {
		shared = filepath.Dir(shared)
	}
	if filepath.Dir(shared) == shared {
		return "", false
	}
	return rel, true
}

// resolve returns the absolute path of a source saved as saved in a
// workspace in dir; absolute is where a relative path pointed when it was
// saved, tried when nothing is at saved.
func resolve(saved, absolute, dir string) string {
	p := filepath.FromSlash(saved)
	if filepath.IsAbs(p) {
		return filepath.Clean(p)
	}
	p = filepath.Join(dir, p)
	if absolute != "" && !exists(p) && exists(absolute) {
		return filepath.Clean(absolute)
	}
	return p
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// Missing returns the indexes of the sources whose file is not where the
// workspace says: the window asks where each is, then calls Relocate.
func Missing(ws *Workspace) []int {
	var out []int
	for i, s := range ws.Sources {
		if s.IsTable() {
			continue // a server that does not answer says so when opened
		}
		if _, err := os.Stat(s.Path); errors.Is(err, fs.ErrNotExist) {
			out = append(out, i)
		}
	}
	return out
}

// Relocate points source i at newPath, the file the user found in its
// place, and then every other missing source it can find the same way, so
// that a moved project folder is fixed with one question: a source that
// was beside or below source i's old folder is looked for at the same
// place relative to the new one, and one that was elsewhere by its file
// name in the new folder. It returns the indexes of those other sources.
func Relocate(ws *Workspace, i int, newPath string) ([]int, error) {
	if i < 0 || i >= len(ws.Sources) {
		return nil, fmt.Errorf("there is no source %d; the workspace has %d", i+1, len(ws.Sources))
	}
	abs, err := filepath.Abs(newPath)
	if err != nil {
		return nil, err
	}
	st, err := os.Stat(abs)
	if err != nil {
		return nil, err
	}
	if st.IsDir() {
		return nil, fmt.Errorf("%s is a folder, not a data file", abs)
	}
	oldRoot, newRoot := movedRoots(filepath.Dir(ws.Sources[i].Path), filepath.Dir(abs))
	ws.Sources[i].Path = abs
	var also []int
	for j, s := range ws.Sources {
		if j == i || s.IsTable() || exists(s.Path) {
			continue
		}
		var tries []string
		if rel, err := filepath.Rel(oldRoot, s.Path); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			tries = append(tries, filepath.Join(newRoot, rel))
		}
		tries = append(tries, filepath.Join(filepath.Dir(abs), filepath.Base(s.Path)))
		for _, p := range tries {
			if st, err := os.Stat(p); err == nil && !st.IsDir() {
				ws.Sources[j].Path = p
				also = append(also, j)
				break
			}
		}
	}
	return also, nil
}

// movedRoots returns the folders that moved when oldDir became newDir: the
// two without the trailing folder names they share, so that
// /home/ana/proj/data → /mnt/usb/proj/data moved /home/ana to /mnt/usb.
func movedRoots(oldDir, newDir string) (string, string) {
	for filepath.Base(oldDir) == filepath.Base(newDir) {
		po, pn := filepath.Dir(oldDir), filepath.Dir(newDir)
		if po == oldDir || pn == newDir {
			break
		}
		oldDir, newDir = po, pn
	}
	return oldDir, newDir
}
