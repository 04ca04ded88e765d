package scene

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"
	"time"

	"chronomap/app/draw/drawtest"
	"chronomap/app/workspace"
)

// peakHeap returns the most heap in use while fn runs, sampled. The
// collector runs at a tenth of its usual pace of garbage meanwhile, so
// that the peak is what fn holds, not how far the collector lagged on a
// busy machine (48 scenes once peaked at 80 MB against 16's 52 MB while
// other tests ran beside).
func peakHeap(fn func()) uint64 {
	defer debug.SetGCPercent(debug.SetGCPercent(10))
	runtime.GC()
	var peak uint64
	done := make(chan struct{})
	sampled := make(chan struct{})
	go func() {
		defer close(sampled)
		var ms runtime.MemStats
		for {
			runtime.ReadMemStats(&ms)
			peak = max(peak, ms.HeapInuse)
			select {
			case <-done:
				return
			case <-time.After(2 * time.Millisecond):
			}
		}
	}()
	fn()
	close(done)
	<-sampled
	return peak
}

// A PDF deck held about 8 MB a scene until it was written: 400 scenes
// took 3.4 GB. Written a batch of pages at a time, a deck of 48 scenes
// takes no more memory than one of 16, and is one document.
func TestPDFDeckStreams(t *testing.T) {
	ws, _ := sampleWorkspace(t)
	f, err := Read(context.Background(), ws, 0)
	if err != nil {
		t.Fatal(err)
	}
	views := func(n int) []workspace.Scene {
		out := make([]workspace.Scene, n)
		for i := range out {
			out[i] = ws.Scenes[i%2]
			out[i].Title = fmt.Sprintf("Szene %d", i+1)
		}
		return out
	}
	deck := func(w io.Writer, n int) {
		if err := f.Write(w, views(n), Options{}, Output{Format: ".pdf", W: 1920, H: 1080, Title: "Lage"}); err != nil {
			t.Fatal(err)
		}
	}
	few := peakHeap(func() { deck(io.Discard, 16) })
	many := peakHeap(func() { deck(io.Discard, 48) })
	if many > few+few/2 {
		t.Errorf("peak heap %d MB for 48 scenes, %d MB for 16", many>>20, few>>20)
	}
	var b bytes.Buffer
	deck(&b, 20)
	info, lines := drawtest.PDF(t, b.Bytes())
	if !strings.Contains(info, "Pages:           20\n") || strings.Contains(info, "Error") {
		t.Errorf("pdfinfo:\n%s", info)
	}
	text := strings.Join(lines, "\n")
	for _, want := range []string{"Szene 1\n", "Szene 17\n", "Szene 20\n"} {
		if !strings.Contains(text, want) {
			t.Errorf("the deck's text lacks %q", want)
		}
	}
}

func TestOutputsThatHoldTheirPictures(t *testing.T) {
	ws, _ := sampleWorkspace(t)
	f, err := Read(context.Background(), ws, 0)
	if err != nil {
		t.Fatal(err)
	}
	many := make([]workspace.Scene, MaxPPTXScenes+1)
	for i := range many {
		many[i] = ws.Scenes[0]
	}
	err = f.Write(io.Discard, many, Options{}, Output{Format: ".pptx"})
	if err == nil || err.Error() != "a PowerPoint deck is written with up to 500 scenes, and this one has 501; a PDF deck takes any number" {
		t.Errorf("PPTX: %v", err)
	}
	err = f.Write(io.Discard, many[:1], Options{}, Output{Format: ".gif", W: 1920, H: 1080, Frames: 10000})
	if err == nil || !strings.HasPrefix(err.Error(), "a GIF of 10000 frames of 1920×1080 holds 19.3 GiB of pictures, and Chronomap writes GIFs of up to 1 GiB") {
		t.Errorf("GIF: %v", err)
	}
}
