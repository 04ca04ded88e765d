package input

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// within fails the test when fn has not returned after d: a read that
// blocks must fail the test, not hang it.
func within(t *testing.T, d time.Duration, fn func()) {
	t.Helper()
	done := make(chan struct{})
	go func() { defer close(done); fn() }()
	select {
	case <-done:
	case <-time.After(d):
		t.Fatalf("still running after %v", d)
	}
}

func TestReadRefusesWhatIsNotAFile(t *testing.T) {
	dir := t.TempDir()
	cases := map[string]string{dir: "it is a folder"}
	if runtime.GOOS != "windows" {
		fifo := filepath.Join(dir, "pipe.csv")
		mkfifo(t, fifo)
		cases[fifo] = "it is a named pipe, not a file"
	}
	for _, dev := range []string{"/dev/zero", "/dev/urandom", "/dev/null"} {
		if _, err := os.Stat(dev); err == nil {
			cases[dev] = "it is a device, not a file"
		}
	}
	for path, want := range cases {
		within(t, 5*time.Second, func() {
			_, err := Read(context.Background(), path, 1<<20, nil)
			if err == nil || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), path) {
				t.Errorf("%s: error %v, want it to name the file and say %q", path, err, want)
			}
			if !errors.Is(err, ErrNotRegular) {
				t.Errorf("%s: error %v is not ErrNotRegular", path, err)
			}
		})
	}
}

func TestReadRefusesALargeFileBeforeReadingIt(t *testing.T) {
	// A sparse file: 5 GiB long, nothing on disk.
	path := filepath.Join(t.TempDir(), "big.csv")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(5 << 30); err != nil {
		t.Skipf("no sparse files here: %v", err)
	}
	f.Close()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, err = Read(context.Background(), path, 2<<30, nil)
	runtime.ReadMemStats(&after)
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "it is 5 GiB, and Chronomap reads files of up to 2 GiB") {
		t.Errorf("error %v", err)
	}
	if grew := after.TotalAlloc - before.TotalAlloc; grew > 1<<20 {
		t.Errorf("allocated %d bytes to refuse it", grew)
	}
}

func TestReadStopsAtTheLimitWhenTheSizeLies(t *testing.T) {
	// Files of /proc say they are empty and are not.
	const path = "/proc/self/maps"
	if _, err := os.Stat(path); err != nil {
		t.Skip("no /proc here")
	}
	b, err := Read(context.Background(), path, 1<<20, nil)
	if err != nil || len(b) == 0 {
		t.Fatalf("%d bytes, error %v", len(b), err)
	}
	_, err = Read(context.Background(), path, 64, nil)
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "more than 64 bytes") {
		t.Errorf("error %v", err)
	}
}

func TestReadReadsAFileWholeWithProgress(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.csv")
	want := bytes.Repeat([]byte("date,place\n2023-11-07,Moskau\n"), 400_000) // 12 MB: several chunks
	if err := os.WriteFile(path, want, 0o644); err != nil {
		t.Fatal(err)
	}
	var reports [][2]int64
	got, err := Read(context.Background(), path, int64(len(want)), func(done, total int64) {
		reports = append(reports, [2]int64{done, total})
	})
	if err != nil || !bytes.Equal(got, want) {
		t.Fatalf("%d bytes, error %v", len(got), err)
	}
	if len(reports) < 3 || reports[len(reports)-1] != [2]int64{int64(len(want)), int64(len(want))} {
		t.Errorf("progress %v", reports)
	}
	if _, err := Read(context.Background(), path, int64(len(want))-1, nil); !errors.Is(err, ErrTooLarge) {
		t.Errorf("one byte over the limit: error %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Read(ctx, path, int64(len(want)), nil); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: error %v", err)
	}
}

func TestReadSaysWhyAFileCannotBeRead(t *testing.T) {
	path := filepath.Join(t.TempDir(), "missing.csv")
	_, err := Read(context.Background(), path, 1<<20, nil)
	if !errors.Is(err, os.ErrNotExist) || err.Error() != "cannot read "+path+": no such file or directory" {
		t.Errorf("error %v", err)
	}
}

func TestSize(t *testing.T) {
	for n, want := range map[int64]string{0: "0 bytes", 1023: "1023 bytes", 1024: "1 KiB", 1536: "1.5 KiB", 2 << 30: "2 GiB", 5<<30 + 1<<29: "5.5 GiB"} {
		if got := Size(n); got != want {
			t.Errorf("Size(%d) = %q, want %q", n, got, want)
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
