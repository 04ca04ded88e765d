package inspect

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"

	"chronomap/app/cli/args"
	"chronomap/data/dataset"
	"chronomap/data/dates"
	"chronomap/data/engine"
	"chronomap/data/frame"
	"chronomap/data/server"
)

// Run is the `chronomap inspect [--json] [--map ROLE=COLUMN ...] FILE|URL ...`
// command. It returns the exit code: 0 when every file was read (row
// problems are listed, not fatal), 1 when a file could not be read at all,
// 2 for a wrong command line.
func Run(argv []string, stdout, stderr io.Writer) int {
	fs := args.Flags("inspect", "chronomap inspect [--json] [--map ROLE=COLUMN ...] FILE ...", stderr)
	asJSON := fs.Bool("json", false, "write a JSON array, one object per file")
	sheet := fs.String("sheet", "", "the XLSX sheet to read (default: the first with data)")
	order := fs.String("dates", "", "read dates such as 04/05/2023 day-first (dmy) or month-first (mdy); default: decided by each column's values")
	var maps args.Multi
	fs.Var(&maps, "map", "give a role to a column, ROLE=COLUMN (repeatable; start=Year+Month+Day for split dates)")
	if err := fs.Parse(args.Interleaved(fs, argv)); err != nil {
		return 2
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return 2
	}
	var ord dates.Order
	switch strings.ToLower(*order) {
	case "":
	case "dmy", "day-first":
		ord = dates.DayFirst
	case "mdy", "month-first":
		ord = dates.MonthFirst
	default:
		fmt.Fprintf(stderr, "chronomap: --dates %q: write dmy (day first) or mdy (month first)\n", *order)
		return 2
	}
	code := 0
	reports := []Report{}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	for _, path := range fs.Args() {
		var r Report
		var err error
		if engine.IsURL(path) {
			r, err = URL(ctx, path, maps)
		} else {
			r, err = File(path, frame.Options{Sheet: *sheet}, maps, ord)
		}
		if err != nil {
			fmt.Fprintf(stderr, "chronomap: %v\n", err)
			code = 1
			continue
		}
		reports = append(reports, r)
		if !*asJSON {
			WriteText(stdout, r)
		}
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(reports); err != nil {
			fmt.Fprintf(stderr, "chronomap: %v\n", err)
			return 1
		}
	}
	return code
}

// File reads, maps and indexes one file and reports on it. The error is
// one sentence saying why the file could not be read at all.
func File(path string, opt frame.Options, overrides []string, order dates.Order) (r Report, err error) {
	defer func() {
		if p := recover(); p != nil { // a bug must not cost the user the other files
			err = fmt.Errorf("%s could not be read because of an internal error (%v); please report it", path, p)
		}
	}()
	d, err := dataset.Load(context.Background(), dataset.File{Path: path, Options: opt}, dataset.Options{Overrides: overrides, Order: order}, nil)
	if err != nil {
		return Report{}, err
	}
	return Of(d), nil
}

// URL connects to the table an engine URL names and reports on it (see
// Table). The error is one sentence, without the password.
func URL(ctx context.Context, url string, overrides []string) (Report, error) {
	if len(overrides) > 0 {
		a, err := engine.Parse(url)
		if err != nil {
			return Report{}, err
		}
		return Report{}, fmt.Errorf("%s: --map gives roles to a file's columns; a table's roles are detected from its columns' names and types", a)
	}
	src, err := server.Open(ctx, url)
	if err != nil {
		return Report{}, err
	}
	defer src.Close()
	return Table(ctx, src)
}
