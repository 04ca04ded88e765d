package workspace

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"chronomap/data/input"
)

// A workspace file that is /dev/zero grew to gigabytes, and one that is a
// named pipe hung in open: both are refused at once, as is one larger
// than MaxFileBytes.
func TestLoadRefusesDevicesPipesAndHugeFiles(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.chronomap")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(MaxFileBytes + 1); err != nil {
		t.Skipf("no sparse files here: %v", err)
	}
	f.Close()
	cases := map[string]error{big: input.ErrTooLarge}
	if runtime.GOOS != "windows" {
		fifo := filepath.Join(dir, "pipe.chronomap")
		mkfifo(t, fifo)
		cases[fifo] = input.ErrNotRegular
	}
	if _, err := os.Stat("/dev/zero"); err == nil {
		cases["/dev/zero"] = input.ErrNotRegular
	}
	for path, want := range cases {
		done := make(chan error, 1)
		go func() { _, err := Load(path); done <- err }()
		select {
		case err := <-done:
			if !errors.Is(err, want) || !strings.HasPrefix(err.Error(), "cannot read "+path+": it is ") {
				t.Errorf("%s: error %v, want %v", path, err, want)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("%s: Load still running after 5 s", path)
		}
	}
}

// mkfifo makes a named pipe at path with the system's mkfifo, skipping
// the test where there is none.
func mkfifo(t *testing.T, path string) {
	t.Helper()
	if out, err := exec.Command("mkfifo", path).CombinedOutput(); err != nil {
		t.Skipf("no named pipes here: %v %s", err, out)
	}
}
