package workspace

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
)

// writeData writes the new content into the temporary file. Tests replace
// it to fail half-way, as a full disk would.
var writeData = func(f *os.File, data []byte) error {
	_, err := f.Write(data)
	return err
}

// writeAtomic replaces path with data so that at every moment path holds
// either its old content or all of the new: the data goes to a temporary
// file in the same folder (a rename across file systems would copy), is
// synced to the disk, renamed over path, and the folder is synced so that
// the rename itself survives a power cut. A file path links to is written
// rather than the link replaced. A new file is made readable by all, as
// editors make documents; a replaced one keeps its permissions.
func writeAtomic(path string, data []byte) error {
	if real, err := filepath.EvalSymlinks(path); err == nil {
		path = real
	}
	mode := fs.FileMode(0o644)
	if st, err := os.Stat(path); err == nil {
		if !st.Mode().IsRegular() {
			return fmt.Errorf("cannot save %s: it is not a regular file", path)
		}
		mode = st.Mode().Perm()
	}
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("cannot save %s: %w", path, unwrapPath(err))
	}
	done := false
	defer func() {
		if !done {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err := writeData(tmp, data); err != nil {
		return fmt.Errorf("cannot save %s: %w", path, unwrapPath(err))
	}
	if err := tmp.Chmod(mode); err != nil && runtime.GOOS != "windows" {
		return fmt.Errorf("cannot save %s: %w", path, unwrapPath(err))
	}
	if err := tmp.Sync(); err != nil {
		return fmt.Errorf("cannot save %s: %w", path, unwrapPath(err))
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("cannot save %s: %w", path, unwrapPath(err))
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("cannot save %s: %w", path, unwrapPath(err))
	}
	done = true
	return syncDir(dir)
}

// syncDir makes a rename in dir durable. Windows cannot open a folder for
// syncing and makes renames durable itself.
func syncDir(dir string) error {
	if runtime.GOOS == "windows" {
		return nil
	}
	d, err := os.Open(dir)
	if err != nil {
		return fmt.Errorf("cannot sync folder %s: %w", dir, unwrapPath(err))
	}
	defer d.Close()
	if err := d.Sync(); err != nil {
		return fmt.Errorf("cannot sync folder %s: %w", dir, unwrapPath(err))
	}
	return nil
}

// unwrapPath drops the operation and path of a *fs.PathError, which name
// the temporary file rather than the one the user knows.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// writeJSON saves v as indented JSON, atomically.
func writeJSON(path string, v any) error {
	data, err := marshal(v)
	if err != nil {
		return fmt.Errorf("cannot save %s: %w", path, err)
	}
	return writeAtomic(path, data)
}

// marshal returns v as the files here write JSON: indented, one field a
// line, and "&", "<" and ">" in titles and notes left as they are.
func marshal(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
