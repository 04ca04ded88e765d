// Package extract is the `chronomap extract` command: it reads a report's
// text (a file or standard input) and proposes the events it tells, with
// their dates, places, actors and why (chronomap/data/report).
package extract

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"chronomap/app/cli/args"
	"chronomap/data/report"
)

const synopsis = "chronomap extract [--json] [--lang de|en] [--date YYYY-MM-DD] FILE|-"

// Run is the `chronomap extract [--json] [--lang de|en] [--date
// YYYY-MM-DD] FILE|-` command; "-" reads standard input. It returns the
// exit code: 0 when the report was read (whether or not it told of
// events), 1 when it could not be read, 2 for a wrong command line.
func Run(argv []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := args.Flags("extract", synopsis, stderr)
	asJSON := fs.Bool("json", false, "write a JSON array, one object per proposed event")
	lang := fs.String("lang", "", "the report's language, de or en (default: read from the text)")
	date := fs.String("date", "", "the report's date, YYYY-MM-DD, which weekdays and \"yesterday\" count from (default: the dateline's, else today's for a missing year)")
	if err := fs.Parse(args.Interleaved(fs, argv)); err != nil {
		return 2
	}
	if fs.NArg() != 1 {
		if fs.NArg() > 1 {
			fmt.Fprintln(stderr, "chronomap: extract reads one report at a time")
		}
		fs.Usage()
		return 2
	}
	opt := report.Options{Today: time.Now().UTC()}
	switch l := strings.ToLower(*lang); l {
	case "", report.German, report.English:
		opt.Lang = l
	default:
		fmt.Fprintf(stderr, "chronomap: --lang %q: write de or en\n", *lang)
		return 2
	}
	if *date != "" {
		t, err := time.Parse("2006-01-02", *date)
		if err != nil {
			fmt.Fprintf(stderr, "chronomap: --date %q is not a date written YYYY-MM-DD\n", *date)
			return 2
		}
		opt.Date = t
	}
	name := fs.Arg(0)
	proposals, err := File(name, stdin, opt)
	if err != nil {
		fmt.Fprintf(stderr, "chronomap: %v\n", err)
		return 1
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(Of(proposals)); err != nil {
			fmt.Fprintf(stderr, "chronomap: %v\n", err)
			return 1
		}
		return 0
	}
	WriteText(stdout, name, proposals)
	return 0
}

// File reads the report at path ("-": from stdin) and extracts its
// events. The error is one sentence saying why it could not be read.
func File(path string, stdin io.Reader, opt report.Options) (ps []report.Proposal, err error) {
	defer func() {
		if p := recover(); p != nil { // a bug must not look like the user's fault
			err = fmt.Errorf("%s could not be read because of an internal error (%v); please report it", path, p)
		}
	}()
	var text string
	if path == "-" {
		b, rerr := io.ReadAll(io.LimitReader(stdin, 64<<20+1))
		if rerr != nil {
			return nil, fmt.Errorf("cannot read standard input: %w", rerr)
		}
		text, err = report.Read("standard input", b)
	} else {
		text, err = report.ReadFile(path)
	}
	if err != nil {
		return nil, err
	}
	return report.Extract(text, opt), nil
}
