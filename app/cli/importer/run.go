// Package importer is the `chronomap import FILE... --into URL` command:
// it reads files through the same reader, roles and dates as the window,
// and bulk-loads them into a ClickHouse or PostgreSQL table (batches of
// columns for ClickHouse, COPY for PostgreSQL), with progress. A file that
// outgrew memory moves into an engine in one command.
package importer

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"time"

	"chronomap/app/cli/args"
	"chronomap/data/dataset"
	"chronomap/data/engine"
	"chronomap/data/server"
)

const synopsis = "chronomap import [--map ROLE=COLUMN ...] FILE ... --into clickhouse://host:port/db?table=T[&cluster=C] | postgres://user@host:port/db?table=T"

// Run is the import command. It returns the exit code: 0 when every file
// was written, 1 when a file or the server failed, 2 for a wrong command
// line. Progress goes to stderr, what was written to stdout.
func Run(argv []string, stdout, stderr io.Writer) int {
	fs := args.Flags("import", synopsis, stderr)
	into := fs.String("into", "", "the table to write into (created when it is not there)")
	var maps args.Multi
	fs.Var(&maps, "map", "give a role to a column, ROLE=COLUMN (repeatable), as inspect takes it")
	if err := fs.Parse(args.Interleaved(fs, argv)); err != nil {
		return 2
	}
	if fs.NArg() == 0 || *into == "" {
		fs.Usage()
		return 2
	}
	a, err := engine.Parse(*into)
	if err != nil {
		fmt.Fprintf(stderr, "chronomap: --into: %v\n", err)
		return 2
	}
	if a.Table == "" {
		fmt.Fprintf(stderr, "chronomap: --into %s names no table: add ?table=NAME\n", a)
		return 2
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	for _, path := range fs.Args() {
		if err := File(ctx, path, a, maps, stdout, stderr); err != nil {
			fmt.Fprintf(stderr, "chronomap: %v\n", err)
			return 1
		}
	}
	return 0
}

// File imports one file into the table, saying how it went.
func File(ctx context.Context, path string, a engine.Address, maps []string, stdout, stderr io.Writer) error {
	start := time.Now()
	last := time.Time{}
	// Progress overwrites its own line on a terminal, and stays out of
	// logs.
	f, ok := stderr.(*os.File)
	tty := false
	if ok {
		st, err := f.Stat()
		tty = err == nil && st.Mode()&os.ModeCharDevice != 0
	}
	say := func(format string, v ...any) {
		if !tty || time.Since(last) < 200*time.Millisecond {
			return
		}
		last = time.Now()
		fmt.Fprintf(stderr, "\r%s: "+format+"\x1b[K", append([]any{path}, v...)...)
	}
	stages := [...]string{dataset.Reading: "reading", dataset.Parsing: "parsing", dataset.Placing: "dating and placing", dataset.Styling: "ranking categories"}
	d, err := dataset.Load(ctx, dataset.File{Path: path}, dataset.Options{Overrides: maps}, func(p dataset.Progress) {
		if p.Stage < dataset.Done {
			say("%s, %.0f%%", stages[p.Stage], 100*p.Fraction())
		}
	})
	if err != nil {
		return err
	}
	read := time.Since(start)
	l, err := engine.NewLoad(d)
	if err != nil {
		return err
	}
	sent := time.Now()
	made, err := server.Import(ctx, a, l, func(done, total int) {
		say("%d of %d rows written to %s", done, total, a.Table)
	})
	if tty {
		fmt.Fprint(stderr, "\r\x1b[K")
	}
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	took := time.Since(sent)
	rows := l.Rows()
	fmt.Fprintf(stdout, "%s: %d rows (%d events, %d on the map) into %s: read in %.1f s, written in %.1f s (%.0f rows/s)\n",
		path, rows, d.Len(), d.Index.Located, a, read.Seconds(), took.Seconds(), float64(rows)/max(took.Seconds(), 1e-9))
	for _, m := range made {
		fmt.Fprintf(stdout, "  created %s\n", m)
	}
	return nil
}
