// Package export is the `chronomap export` command: the events of files,
// or of a workspace through its filter, written as a table that reads back
// into Chronomap with the same events.
package export

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"

	"chronomap/app/cli/args"
	"chronomap/app/scene"
	"chronomap/app/workspace"
	"chronomap/data/dataset"
)

const synopsis = "chronomap export [--workspace W] --out F.csv|.geojson|.kml [FILE ...]"

// Run is `chronomap export [--workspace W] --out F.csv|.geojson|.kml
// [FILE ...]`: every event of the files, or the events of a workspace's
// shown layers that pass its filter (the window's filter, time window and
// map box as saved), with their roles as named columns and the file and
// row each came from. It returns the exit code: 0 written, 1 a file could
// not be read or written, 2 a wrong command line.
func Run(argv []string, stdout, stderr io.Writer) int {
	fs := args.Flags("export", synopsis, stderr)
	out := fs.String("out", "", "the file to write: .csv, .geojson or .kml")
	wsPath := fs.String("workspace", "", "export a workspace (.chronomap): the events of its shown files that pass its filter")
	if err := fs.Parse(args.Interleaved(fs, argv)); err != nil {
		return 2
	}
	fail := func(code int, format string, a ...any) int {
		fmt.Fprintf(stderr, "chronomap: "+format+"\n", a...)
		return code
	}
	switch {
	case *out == "":
		fs.Usage()
		return 2
	case *wsPath == "" && fs.NArg() == 0:
		return fail(2, "export: give at least one file, or --workspace")
	case *wsPath != "" && fs.NArg() > 0:
		return fail(2, "export: give either files or --workspace, not both")
	}
	format, err := dataset.FormatOf(*out)
	if err != nil {
		return fail(2, "%v", err)
	}
	var ds []*dataset.Dataset
	var masks []dataset.Mask
	if *wsPath != "" {
		ds, masks, err = readWorkspace(*wsPath)
	} else {
		ds, masks, err = readFiles(fs.Args())
	}
	if err != nil {
		return fail(1, "%v", err)
	}
	var b bytes.Buffer
	if err := dataset.Export(&b, format, ds, masks); err != nil {
		return fail(1, "cannot write %s: %v", *out, err)
	}
	if err := os.WriteFile(*out, b.Bytes(), 0o644); err != nil {
		return fail(1, "cannot write %s: %v", *out, err)
	}
	n := 0
	for _, m := range masks {
		n += m.Counts.Shown
	}
	fmt.Fprintf(stdout, "%d events written to %s\n", n, *out)
	return 0
}

// readFiles reads files for export, every event of each shown.
func readFiles(paths []string) ([]*dataset.Dataset, []dataset.Mask, error) {
	var ds []*dataset.Dataset
	var masks []dataset.Mask
	for _, p := range paths {
		d, err := dataset.Load(context.Background(), dataset.File{Path: p}, dataset.Options{}, nil)
		if err != nil {
			return nil, nil, err
		}
		ds, masks = append(ds, d), append(masks, d.Apply(dataset.Filter{}))
	}
	return ds, masks, nil
}

// readWorkspace reads the files of a workspace that are switched on, with
// the roles saved for them, and applies its filter to each.
func readWorkspace(path string) ([]*dataset.Dataset, []dataset.Mask, error) {
	ws, err := workspace.Load(path)
	if err != nil {
		return nil, nil, err
	}
	flt := ws.Filter.Dataset(ws.Timeline)
	var ds []*dataset.Dataset
	var masks []dataset.Mask
	for i, s := range ws.Sources {
		if s.Hidden {
			continue
		}
		f, err := scene.Read(context.Background(), ws, i)
		if err != nil {
			return nil, nil, err
		}
		ds, masks = append(ds, f.Data), append(masks, f.Data.Apply(flt))
	}
	if len(ds) == 0 {
		return nil, nil, fmt.Errorf("%s holds no shown files to export", path)
	}
	return ds, masks, nil
}
