// Package input opens the files a user names for reading, and reads them
// within a limit: only regular files are read, anything else is refused in
// one sentence before a byte of it is read, and a file's size is checked
// before it is read and again while it is read (it may grow, or lie).
//
// Reading /dev/zero never ends, and opening a named pipe waits for a
// writer that may never come; a workspace passed around may name either.
package input

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"syscall"
)

var (
	// ErrNotRegular is wrapped by the errors of Open and Read for a
	// device, a named pipe, a socket or a folder.
	ErrNotRegular = errors.New("not a regular file")
	// ErrTooLarge is wrapped by the errors of Read for a file over its
	// limit.
	ErrTooLarge = errors.New("file too large")
)

// refusal is an error whose sentence is for people and whose kind is
// for errors.Is.
type refusal struct {
	msg  string
	kind error
}

func (r *refusal) Error() string { return r.msg }
func (r *refusal) Unwrap() error { return r.kind }

// Open opens path for reading when it is a regular file. Anything else is
// refused from its metadata, without opening it (opening some devices
// does something); the file is then opened without waiting (a regular
// file swapped for a named pipe in between must not block) and checked
// again. Errors say what and where, and wrap the cause.
func Open(path string) (*os.File, fs.FileInfo, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, nil, fail(path, err)
	}
	if err := regular(path, st.Mode()); err != nil {
		return nil, nil, err
	}
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, nil, fail(path, err)
	}
	st, err = f.Stat()
	if err == nil {
		err = regular(path, st.Mode())
	} else {
		err = fail(path, err)
	}
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	return f, st, nil
}

// regular refuses a file mode that is not a regular file's.
func regular(path string, m fs.FileMode) error {
	what := ""
	switch {
	case m.IsRegular():
		return nil
	case m.IsDir():
		return &refusal{fmt.Sprintf("cannot read %s: it is a folder", path), ErrNotRegular}
	case m&fs.ModeNamedPipe != 0:
		what = "a named pipe"
	case m&fs.ModeSocket != 0:
		what = "a socket"
	case m&fs.ModeDevice != 0:
		what = "a device"
	default:
		what = "a special file"
	}
	return &refusal{fmt.Sprintf("cannot read %s: it is %s, not a file; only regular files are read", path, what), ErrNotRegular}
}

// fail says that path cannot be read and why, without the path error's
// own text, which would repeat the path.
func fail(path string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("cannot read %s: %w", path, pe.Err)
	}
	return fmt.Errorf("cannot read %s: %w", path, err)
}

// chunkSize is how much is read between progress reports and checks for
// cancellation: small enough for a smooth bar, large enough to cost nothing.
const chunkSize = 4 << 20

// Read reads the whole of the regular file at path, of at most limit
// bytes, in chunks: it tells progress (when not nil) how many bytes are
// in, the last report with done == total once every byte is, and stops
// with ctx.Err() when ctx is cancelled. A file over the limit is refused
// before it is read, or as soon as it grows past it.
func Read(ctx context.Context, path string, limit int64, progress func(done, total int64)) ([]byte, error) {
	f, st, err := Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	total := st.Size()
	if total > limit {
		return nil, tooLarge(path, total, limit)
	}
	b := make([]byte, 0, total+1)
	for {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if len(b) == cap(b) {
			if int64(len(b)) > limit {
				return nil, tooLarge(path, int64(len(b)), limit)
			}
			// The file grew while being read (or says it is empty, as
			// files of /proc do): room for another chunk, within the limit.
			b = append(b, make([]byte, min(chunkSize, limit+1-int64(len(b))))...)[:len(b)]
		}
		n, err := f.Read(b[len(b):min(cap(b), len(b)+chunkSize, int(limit)+1)])
		b = b[:len(b)+n]
		if int64(len(b)) > limit {
			return nil, tooLarge(path, int64(len(b)), limit)
		}
		if err == io.EOF {
			// The last report comes once every byte is in, so that it
			// marks the end of the reading.
			if progress != nil {
				progress(int64(len(b)), int64(len(b)))
			}
			return b, nil
		}
		if progress != nil && int64(len(b)) < total {
			progress(int64(len(b)), total)
		}
		if err != nil {
			return nil, fail(path, err)
		}
	}
}

// tooLarge says a file is over the limit; size is what is known of it
// (at least that much).
func tooLarge(path string, size, limit int64) error {
	what := Size(size)
	if size == limit+1 {
		what = "more than " + Size(limit)
	}
	return &refusal{fmt.Sprintf("cannot read %s: it is %s, and Chronomap reads files of up to %s", path, what, Size(limit)), ErrTooLarge}
}

// Size writes a number of bytes for people: "512 bytes", "3.2 MiB",
// "2 GiB".
func Size(n int64) string {
	const unit = 1024
	if n < unit {
		return fmt.Sprintf("%d bytes", n)
	}
	v, u := float64(n), 0
	for v >= unit && u < 4 {
		v /= unit
		u++
	}
	name := [...]string{"", "KiB", "MiB", "GiB", "TiB"}[u]
	if v == float64(int64(v)) {
		return fmt.Sprintf("%d %s", int64(v), name)
	}
	return fmt.Sprintf("%.1f %s", v, name)
}
