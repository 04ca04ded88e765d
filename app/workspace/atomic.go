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
		return err
	}
	if err := writeData(f, data); err != nil {
		f.Discard()
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return fmt.Errorf("cannot save %s: %w", path, err)
	}
	return f.Commit()
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
		return fmt.Errorf("cannot save %s: %v", path, err)
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
