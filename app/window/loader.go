package window

import (
	"context"
	"fmt"
	"math"
	"path/filepath"
	"runtime/debug"
	"time"

	"fyne.io/fyne/v2/lang"

	"chronomap/app/worldmap"
	"chronomap/data/dataset"
	"chronomap/data/engine"
	"chronomap/data/events"
	"chronomap/data/frame"
)

// Progress is how far the loading of one file has come, for the progress
// bar: the dataset's own report, with the file's base name.
type Progress struct {
	dataset.Progress
	File string
}

// String says what is being done, with the rate and time left while the
// bytes are read: "Reading acled.csv — 84 of 168 MB · 240 MB/s · 1 s left".
func (p Progress) String() string {
	switch p.Stage {
	case dataset.Reading:
		s := fmt.Sprintf(lang.L("Reading %s — %s of %s"), p.File, megabytes(p.Done), megabytes(p.Total))
		if secs := p.Elapsed.Seconds(); secs > 0.05 && p.Done > 0 {
			rate := float64(p.Done) / secs
			s += " · " + fmt.Sprintf(lang.L("%s/s"), megabytes(int64(rate)))
			if left := float64(p.Total-p.Done) / rate; left >= 1 {
				s += " · " + fmt.Sprintf(lang.L("%s s left"), thousands(int(math.Round(left))))
			}
		}
		return s
	case dataset.Parsing:
		return fmt.Sprintf(lang.L("Reading the rows of %s (%s)…"), p.File, megabytes(p.Total))
	case dataset.Placing:
		return fmt.Sprintf(lang.L("Dating and placing %s rows of %s…"), thousands(p.Rows), p.File)
	case dataset.Styling:
		return fmt.Sprintf(lang.L("Drawing %s…"), p.File)
	}
	if p.Elapsed < time.Second {
		return fmt.Sprintf(lang.L("%s loaded in %s ms"), p.File, thousands(int(p.Elapsed.Milliseconds())))
	}
	return fmt.Sprintf(lang.L("%s loaded in %s s"), p.File, marks().Fixed(p.Elapsed.Seconds(), 1))
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
		return fmt.Sprintf(lang.L("%s MB"), marks().Fixed(float64(n)/(1<<20), 1))
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
	// Password, for a table in an engine, is the one typed for it: held
	// in memory for the session, never written (Path has none).
	Password string
	// then, when set, is called with the file's view once it is shown: a
	// workspace sets its filter and views again.
	then func(*fileView)
	// recall, when set and no Mapping is given, gives the roles chosen
	// before for a file with the same columns.
	recall func(columns []string) (events.Mapping, bool)
}

// name is what the progress bar calls the file: its base name, or a
// table's name.
func (r request) name() string {
	if engine.IsURL(r.Path) {
		if a, err := engine.Parse(r.Path); err == nil && a.Table != "" {
			return a.Table
		}
		return "?"
	}
	return filepath.Base(r.Path)
}

// load reads a file and prepares it for the window, reporting progress as
// it goes (report may be nil). It stops with ctx.Err() when ctx is
// cancelled; a file that cannot be read comes back as a Loaded holding
// its error.
func load(ctx context.Context, r request, report func(Progress)) (Loaded, error) {
	title := r.Title
	if title == "" {
		title = r.Path
	}
	if engine.IsURL(r.Path) {
		start := time.Now()
		l, err := loadTable(ctx, r)
		if err == nil && report != nil {
			report(Progress{File: r.name(), Progress: dataset.Progress{Stage: dataset.Done, Elapsed: time.Since(start)}})
		}
		return l, err
	}
	name := r.name()
	d, err := dataset.Load(ctx, dataset.File{Path: r.Path, Options: r.Options},
		dataset.Options{Mapping: r.Mapping, Recall: r.recall, Language: uiLanguage()}, func(p dataset.Progress) {
			if report != nil {
				report(Progress{Progress: p, File: name})
			}
		})
	if ctx.Err() != nil || err != nil {
		// What a big file took is garbage now: hand it back to the
		// system at once rather than at the runtime's leisure (5.6 GB
		// stayed resident after a refused file).
		debug.FreeOSMemory()
	}
	if ctx.Err() != nil {
		return Loaded{}, ctx.Err()
	}
	l := loaded(title, d, err)
	l.Path, l.Options = r.Path, r.Options
	if l.Map != nil {
		go worldmap.DecodeDetail()
	}
	return l, nil
}
