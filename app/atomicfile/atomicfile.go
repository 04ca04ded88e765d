// Package atomicfile writes files so that at every moment a file holds
// either its old content or all of the new: a crash, a full disk or a
// kill half-way leaves the old file as it was. The new content goes to a
// temporary file beside it (a rename across file systems would copy),
// which is synced to the disk and renamed over it; the folder is synced
// so that the rename itself survives a power cut.
//
// A write that dies leaves its temporary file behind, named
// ".NAME.123456.tmp". The next write of NAME removes those of writes that
// are no longer running, and so does Clean.
package atomicfile

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"
)

// Error says which file could not be written, and why.
type Error struct {
	Path string // the file the user named, its links followed
	Err  error
}

func (e *Error) Error() string { return "cannot write " + e.Path + ": " + e.Err.Error() }
func (e *Error) Unwrap() error { return e.Err }

// File is a file being written: nothing is at its path until Commit.
type File struct {
	path string // the file written, its links followed
	mode fs.FileMode
	tmp  *os.File
	done bool
}

// writeData writes into the temporary file. Tests replace it to fail
// half-way, as a full disk would.
var writeData = func(f *os.File, p []byte) (int, error) { return f.Write(p) }

// Create starts writing the file at path. A file path links to is written
// rather than the link replaced. A new file is made readable by all, as
// editors make documents; a replaced one keeps its permissions.
func Create(path string) (*File, error) {
	if real, err := filepath.EvalSymlinks(path); err == nil {
		path = real
	}
	mode := fs.FileMode(0o644)
	if st, err := os.Stat(path); err == nil {
		if !st.Mode().IsRegular() {
			return nil, &Error{path, errors.New("it is not a regular file")}
		}
		mode = st.Mode().Perm()
	}
	Clean(path)
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return nil, &Error{path, unwrapPath(err)}
	}
	lock(tmp) // while it is held, Clean knows the write is running
	return &File{path: path, mode: mode, tmp: tmp}, nil
}

// Write writes into the new content.
func (f *File) Write(p []byte) (int, error) {
	n, err := writeData(f.tmp, p)
	if err != nil {
		return n, &Error{f.path, unwrapPath(err)}
	}
	return n, nil
}

// Commit puts the new content at the path, or leaves the old one there
// and says why not. The File is finished either way.
func (f *File) Commit() error {
	if f.done {
		return &Error{f.path, errors.New("already finished")}
	}
	defer f.Discard()
	fail := func(err error) error { return &Error{f.path, unwrapPath(err)} }
	if err := f.tmp.Chmod(f.mode); err != nil && runtime.GOOS != "windows" {
		return fail(err)
	}
	if err := f.tmp.Sync(); err != nil {
		return fail(err)
	}
	// Renamed while still open, and so locked: Clean must not take it
	// for abandoned in between. Windows renames only closed files, and
	// has no locks here.
	if runtime.GOOS == "windows" {
		if err := f.tmp.Close(); err != nil {
			return fail(err)
		}
	}
	if err := os.Rename(f.tmp.Name(), f.path); err != nil {
		return fail(err)
	}
	f.done = true
	if err := f.tmp.Close(); err != nil && runtime.GOOS != "windows" {
		return fail(err)
	}
	return syncDir(filepath.Dir(f.path))
}

// Discard drops the new content, leaving the file as it was. It does
// nothing after Commit, so that it can be deferred.
func (f *File) Discard() {
	if f.done {
		return
	}
	f.done = true
	f.tmp.Close()
	os.Remove(f.tmp.Name())
}

// Write replaces the file at path with data.
func Write(path string, data []byte) error {
	f, err := Create(path)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Discard()
		return err
	}
	return f.Commit()
}

// WriteFunc replaces the file at path with what write writes, as it
// writes it: a deck goes to the disk page by page, never whole in memory.
// When write fails the file is left as it was.
func WriteFunc(path string, write func(io.Writer) error) error {
	f, err := Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	if err := write(w); err != nil {
		f.Discard()
		return err
	}
	if err := w.Flush(); err != nil {
		f.Discard()
		return err
	}
	return f.Commit()
}

// staleAfter is how old a temporary file must be before Clean removes it
// when it cannot tell whether its write still runs (no file locks here):
// far longer than any write takes.
const staleAfter = time.Hour

// Clean removes the temporary files that writes of path which died left
// beside it. One whose write still runs, in this process or another, is
// kept.
func Clean(path string) {
	dir, base := filepath.Dir(path), filepath.Base(path)
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if !isTemporary(e.Name(), base) || !e.Type().IsRegular() {
			continue
		}
		info, err := e.Info()
		if err != nil {
			continue
		}
		p := filepath.Join(dir, e.Name())
		// A write takes its lock at once; a second is time enough.
		if age := time.Since(info.ModTime()); age > time.Second && (abandoned(p) || age > staleAfter) {
			os.Remove(p)
		}
	}
}

// isTemporary reports whether name is a temporary file of a write of base:
// ".base.123456.tmp", as os.CreateTemp names them.
func isTemporary(name, base string) bool {
	digits, ok := strings.CutPrefix(name, "."+base+".")
	if !ok {
		return false
	}
	digits, ok = strings.CutSuffix(digits, ".tmp")
	if !ok || digits == "" {
		return false
	}
	return strings.Trim(digits, "0123456789") == ""
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
