package frame

import (
	"errors"
	"io/fs"
	"path/filepath"
	"testing"
)

// TestReadFileMissing checks that a file that is not there says so in one
// sentence naming it, and that the cause can be told with errors.Is.
func TestReadFileMissing(t *testing.T) {
	path := filepath.Join(t.TempDir(), "gone.csv")
	_, err := ReadFile(path, Options{})
	if !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("errors.Is(%v, fs.ErrNotExist) is false", err)
	}
	if want := "cannot read " + path + ": no such file or directory"; err == nil || err.Error() != want {
		t.Errorf("error %v, want %q", err, want)
	}
}
