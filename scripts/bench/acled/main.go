// Command acled writes a generated ACLED-like CSV export of the given
// number of rows (the file the load benchmarks read), so that whole-process
// timings can be taken on it: go run ./scripts/bench/acled -rows 1000000 FILE.
package main

import (
	"flag"
	"fmt"
	"os"

	"chronomap/data/events/eventstest"
)

func main() {
	rows := flag.Int("rows", 1_000_000, "data rows to write")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: acled [-rows N] FILE")
		os.Exit(2)
	}
	if err := os.WriteFile(flag.Arg(0), eventstest.ACLEDLike(*rows), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "acled:", err)
		os.Exit(1)
	}
}
