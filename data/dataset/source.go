package dataset

import (
	"context"
	"time"

	"chronomap/data/frame"
)

// Source is where a dataset's rows come from: a file, a file's content
// held in memory, and next a table in an engine or a report's text. Every
// source enters through Load, so that the window, workspaces, scenes and
// the command line read it the same way.
type Source interface {
	// Name is how the source is named in titles and messages: a path, or
	// a URL without its password.
	Name() string
	// Read reads the rows into a frame, telling progress (which may be
	// nil) how many of its bytes are read, the last report with done ==
	// total once every byte is in and the parse begins, and stops with
	// ctx.Err() when ctx is cancelled. Its error is one sentence saying why the source
	// cannot be read.
	Read(ctx context.Context, progress func(done, total int64)) (*frame.Frame, error)
}

// File is a file on disk, read as its options say.
type File struct {
	Path    string
	Options frame.Options
}

// Name returns the file's path.
func (f File) Name() string { return f.Path }

// Read reads the file in chunks, reporting each.
func (f File) Read(ctx context.Context, progress func(done, total int64)) (*frame.Frame, error) {
	return frame.ReadFileContext(ctx, f.Path, f.Options, progress)
}

// Bytes is a file's content held in memory, such as the bundled sample.
// Name guesses the format as a file name does. Read hands Data to the
// reader, which may rewrite it (see frame.ReadBytes): Data is read once.
type Bytes struct {
	Title   string // the name it goes by, e.g. "chronomap-sample.csv"
	Data    []byte
	Options frame.Options
}

// Name returns the content's name.
func (b Bytes) Name() string { return b.Title }

// Read parses the content.
func (b Bytes) Read(ctx context.Context, progress func(done, total int64)) (*frame.Frame, error) {
	if progress != nil {
		progress(int64(len(b.Data)), int64(len(b.Data)))
	}
	return frame.ReadContext(ctx, b.Title, b.Data, b.Options)
}

// Stage is a step of loading a source.
type Stage int

const (
	Reading Stage = iota // the bytes from disk
	Parsing              // the bytes into a frame
	Placing              // the frame into events: dates, coordinates, place names
	Styling              // the categories ranked, the labels, the origins
	Done
)

// Progress is how far the loading of one source has come.
type Progress struct {
	Source string // the source's name
	Stage  Stage
	// Done and Total count bytes while reading; Rows is the number of
	// rows once they are known.
	Done, Total int64
	Rows        int
	Elapsed     time.Duration // since the load began
}

// share is where each stage starts on a progress bar, as a fraction: the
// stages' typical shares of the time a big CSV takes.
var share = [...]float64{Reading: 0, Parsing: 0.15, Placing: 0.55, Styling: 0.9, Done: 1}

// Fraction is how much of the load is done, from 0 to 1.
func (p Progress) Fraction() float64 {
	f := share[p.Stage]
	if p.Stage == Reading && p.Total > 0 {
		f += (share[Parsing] - share[Reading]) * float64(p.Done) / float64(p.Total)
	}
	return f
}
