package workspace

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"

	"chronomap/app/atomicfile"
)

// writeData writes the new content. Tests replace it to fail half-way, as
// a full disk would.
var writeData = func(w io.Writer, data []byte) error {
	_, err := w.Write(data)
	return err
}

// writeAtomic replaces path with data so that at every moment path holds
// either its old content or all of the new (see package atomicfile).
func writeAtomic(path string, data []byte) error {
	f, err := atomicfile.Create(path)
	if err != nil {
		return saving(path, err)
	}
	if err := writeData(f, data); err != nil {
		f.Discard()
		return saving(path, unwrapPath(err))
	}
	return saving(path, f.Commit())
}

// saving says a save failed, and why, in the words of a save: "cannot
// save PATH: no such file or directory".
func saving(path string, err error) error {
	if err == nil {
		return nil
	}
	if ae := (*atomicfile.Error)(nil); errors.As(err, &ae) {
		err = ae.Err
	}
	return fmt.Errorf("cannot save %s: %w", path, err)
}

// unwrapPath drops the operation and path of a *fs.PathError, which name
// a file other than the one the user knows.
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
