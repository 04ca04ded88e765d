package window

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2/lang"

	"chronomap/data/events"
	"chronomap/data/frame"
)

// Progress is how far the loading of one file has come, for the progress
// bar: a stage, and within the reading stage the bytes read.
type Progress struct {
	File  string // the file's base name
	Stage Stage
	// Done and Total count bytes while reading; Rows is the number of rows
	// once they are known.
	Done, Total int64
	Rows        int
	Elapsed     time.Duration // since the load began
}

// Stage is a step of loading a file.
type Stage int

const (
	Reading Stage = iota // the bytes from disk
	Parsing              // the bytes into a frame
	Placing              // the frame into events: dates, coordinates, place names
	Drawing              // the map's and the timeline's models
	Done
)

// share is where each stage starts on the progress bar, as a fraction: the
// stages' typical shares of the time a big CSV takes.
var share = [...]float64{Reading: 0, Parsing: 0.15, Placing: 0.55, Drawing: 0.9, Done: 1}

// Fraction is how much of the load is done, from 0 to 1.
func (p Progress) Fraction() float64 {
	f := share[p.Stage]
	if p.Stage == Reading && p.Total > 0 {
		f += (share[Parsing] - share[Reading]) * float64(p.Done) / float64(p.Total)
	}
	return f
}

// String says what is being done, with the rate and time left while the
// bytes are read: "Reading acled.csv — 84 of 168 MB · 240 MB/s · 1 s left".
func (p Progress) String() string {
	switch p.Stage {
	case Reading:
		s := fmt.Sprintf(lang.L("Reading %s — %s of %s"), p.File, megabytes(p.Done), megabytes(p.Total))
		if secs := p.Elapsed.Seconds(); secs > 0.05 && p.Done > 0 {
			rate := float64(p.Done) / secs
			s += " · " + fmt.Sprintf(lang.L("%s/s"), megabytes(int64(rate)))
			if left := float64(p.Total-p.Done) / rate; left >= 1 {
				s += " · " + fmt.Sprintf(lang.L("%s s left"), thousands(int(math.Round(left))))
			}
		}
		return s
	case Parsing:
		return fmt.Sprintf(lang.L("Reading the rows of %s (%s)…"), p.File, megabytes(p.Total))
	case Placing:
		return fmt.Sprintf(lang.L("Dating and placing %s rows of %s…"), thousands(p.Rows), p.File)
	case Drawing:
		return fmt.Sprintf(lang.L("Drawing %s…"), p.File)
	}
	if p.Elapsed < time.Second {
		return fmt.Sprintf(lang.L("%s loaded in %s ms"), p.File, thousands(int(p.Elapsed.Milliseconds())))
	}
	return fmt.Sprintf(lang.L("%s loaded in %s s"), p.File, decimal(fmt.Sprintf("%.1f", p.Elapsed.Seconds())))
}

// megabytes writes a byte count for people: "840 KB", "168 MB", with the
// language's decimal mark ("1.5 MB", "1,5 MB").
func megabytes(n int64) string {
	switch {
	case n < 1<<10:
		return fmt.Sprintf(lang.L("%s bytes"), thousands(int(n)))
	case n < 1<<20:
		return fmt.Sprintf(lang.L("%s KB"), thousands(int(n>>10)))
	case n < 10<<20:
		return fmt.Sprintf(lang.L("%s MB"), decimal(fmt.Sprintf("%.1f", float64(n)/(1<<20))))
	}
	return fmt.Sprintf(lang.L("%s MB"), thousands(int(n>>20)))
}

// A request is a file to load and how: the reader's options and, when the
// user chose them before (a workspace, a reload, the roles dialog), the
// columns' roles.
type request struct {
	Path    string
	Options frame.Options
	Mapping *events.Mapping
	Title   string // shown instead of the path when set
	// then, when set, is called with the file's view once it is shown: a
	// workspace sets its filter and views again.
	then func(*fileView)
	// recall, when set and no Mapping is given, gives the roles chosen
	// before for a file with the same columns.
	recall func(columns []string) (events.Mapping, bool)
}

// chunkSize is how much is read between progress reports and checks for
// Cancel: small enough for a smooth bar, large enough to cost nothing.
const chunkSize = 4 << 20

// load reads a file and prepares it for the window, reporting progress as
// it goes (report may be nil). It stops with ctx.Err() when ctx is
// cancelled; a file that cannot be read comes back as a Loaded holding
// its error, like Load's.
func load(ctx context.Context, r request, report func(Progress)) (Loaded, error) {
	start := time.Now()
	p := Progress{File: filepath.Base(r.Path)}
	tell := func(s Stage) {
		p.Stage, p.Elapsed = s, time.Since(start)
		if report != nil {
			report(p)
		}
	}
	title := r.Title
	if title == "" {
		title = r.Path
	}
	b, err := readAll(ctx, r.Path, func(done, total int64) {
		p.Done, p.Total = done, total
		tell(Reading)
	})
	if ctx.Err() != nil {
		return Loaded{}, ctx.Err()
	}
	if err != nil {
		return Loaded{Title: title, Err: err}, nil
	}
	tell(Parsing)
	f, err := frame.ReadBytes(r.Path, b, r.Options)
	if ctx.Err() != nil {
		return Loaded{}, ctx.Err()
	}
	if err != nil {
		return Loaded{Title: title, Err: err}, nil
	}
	p.Rows = f.DF.Nrow()
	tell(Placing)
	m := events.Detect(f)
	if r.Mapping != nil {
		m = *r.Mapping
	} else if r.recall != nil {
		if mm, ok := r.recall(f.DF.Names()); ok {
			m = mm
		}
	}
	l := build(title, f, m)
	if ctx.Err() != nil {
		return Loaded{}, ctx.Err()
	}
	l.Path, l.Options = r.Path, r.Options
	tell(Done)
	return l, nil
}

// readAll reads a file in chunks, telling progress how far it got and
// stopping when ctx is cancelled. Its errors read like frame.ReadFile's.
func readAll(ctx context.Context, path string, progress func(done, total int64)) ([]byte, error) {
	fail := func(err error) ([]byte, error) {
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, fmt.Errorf("cannot read %s: %v", path, err)
	}
	f, err := os.Open(path)
	if err != nil {
		return fail(err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return fail(err)
	}
	if st.IsDir() {
		return nil, fmt.Errorf("cannot read %s: it is a folder", path)
	}
	total := st.Size()
	b := make([]byte, 0, total+1)
	for {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)] // the file grew while being read
		}
		n, err := f.Read(b[len(b):min(cap(b), len(b)+chunkSize)])
		b = b[:len(b)+n]
		progress(int64(len(b)), max(total, int64(len(b))))
		if err == io.EOF {
			return b, nil
		}
		if err != nil {
			return fail(err)
		}
	}
}
