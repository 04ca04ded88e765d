package workspace

import (
	"cmp"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// Recovery files are named autosave-<start>-<pid>-<n>.chronomap: each is a
// workspace file Load reads, with an "autosave" block saying when it was
// written and for which workspace.
const (
	recoveryPrefix = "autosave-"
	recoverySuffix = ".chronomap"
)

type autosaveInfo struct {
	Saved     string `json:"saved"`               // RFC 3339, UTC
	Workspace string `json:"workspace,omitempty"` // absolute; "" if never saved
	PID       int    `json:"pid,omitempty"`       // the process that wrote it, for a person looking
}

// Recovery is a recovery file an earlier session left behind: Chronomap
// stopped with changes that were not saved. To recover, the window loads
// it, gives the Autosaver its workspace (Clean(r.Workspace), then
// Changed(ws): the state is still unsaved) and discards the file.
type Recovery struct {
	Path      string    // the recovery file
	Saved     time.Time // when it was written
	Workspace string    // the .chronomap file the changes belong to; "" for one never saved
	// Err, when set, says why the file cannot be read; Load returns it,
	// and Discard still removes the file.
	Err error
}

// Pending returns the recovery files left in dir, newest first; none when
// dir does not exist. Call it on start, before making an Autosaver.
func Pending(dir string) ([]Recovery, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var out []Recovery
	for _, e := range entries {
		name := e.Name()
		if !strings.HasPrefix(name, recoveryPrefix) || !strings.HasSuffix(name, recoverySuffix) || !e.Type().IsRegular() {
			continue
		}
		r := Recovery{Path: filepath.Join(dir, name)}
		if info, err := e.Info(); err == nil {
			r.Saved = info.ModTime()
		}
		data, err := readFile(r.Path)
		var as *autosaveInfo
		if err == nil {
			_, as, err = decode(r.Path, data)
		}
		r.Err = err
		if as != nil {
			r.Workspace = as.Workspace
			if t, err := time.Parse(time.RFC3339, as.Saved); err == nil {
				r.Saved = t
			}
		}
		out = append(out, r)
	}
	slices.SortFunc(out, func(a, b Recovery) int {
		return cmp.Or(b.Saved.Compare(a.Saved), strings.Compare(a.Path, b.Path))
	})
	return out, nil
}

// Load returns the workspace as it was when the recovery file was written.
func (r Recovery) Load() (*Workspace, error) {
	if r.Err != nil {
		return nil, r.Err
	}
	return Load(r.Path)
}

// Discard removes the recovery file.
func (r Recovery) Discard() error {
	if err := os.Remove(r.Path); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return nil
}
