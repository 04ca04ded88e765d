// Package prepare is the `chronomap prepare URL` command: it builds the
// rollups of an engine table (see engine.Rollups) inside the engine, and
// says what it creates. It is, with import, the only way Chronomap writes
// to a source.
package prepare

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"time"

	"chronomap/app/cli/args"
	"chronomap/data/engine"
	"chronomap/data/server"
)

// Run is the `chronomap prepare [--zoom N] URL` command. It returns the
// exit code: 0 when the rollups were made, 1 when the table or the server
// failed, 2 for a wrong command line.
func Run(argv []string, stdout, stderr io.Writer) int {
	fs := args.Flags("prepare", "chronomap prepare [--zoom N] clickhouse://host:port/db?table=T | postgres://user@host:port/db?table=T", stderr)
	zoom := fs.Int("zoom", engine.DefaultMaxZoom, "the finest zoom level of the map's rollups (0–20)")
	if err := fs.Parse(args.Interleaved(fs, argv)); err != nil {
		return 2
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return 2
	}
	if *zoom < 0 || *zoom > 20 {
		fmt.Fprintf(stderr, "chronomap: --zoom %d: zoom levels are 0 to 20\n", *zoom)
		return 2
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	start := time.Now()
	src, err := server.Open(ctx, fs.Arg(0))
	if err != nil {
		fmt.Fprintf(stderr, "chronomap: %v\n", err)
		return 1
	}
	defer src.Close()
	made, err := server.Prepare(ctx, src, *zoom)
	if err != nil {
		fmt.Fprintf(stderr, "chronomap: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "%s: rollups of %d events made in %.1f s:\n", src.Name(), src.Rollups.Events, time.Since(start).Seconds())
	for _, m := range made {
		fmt.Fprintf(stdout, "  created %s\n", m)
	}
	return 0
}
