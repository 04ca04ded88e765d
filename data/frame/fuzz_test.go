package frame

import (
	"bytes"
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// fuzzSeeds are the delimited fixtures and inputs that have tripped, or
// could trip, a reader of delimited text.
func fuzzSeeds(f *testing.F) [][]byte {
	paths, err := filepath.Glob("testdata/csv_*")
	if err != nil || len(paths) == 0 {
		f.Fatalf("no fixtures: %v", err)
	}
	var seeds [][]byte
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		seeds = append(seeds, b)
	}
	for _, s := range []string{
		"", "\xef\xbb\xbf", "\xff\xfe", "\xfe\xff", "\xff\xfe\x00", "\xff\xfe\x00\xd8", "\xef\xbb\xbf\xff",
		"\r", "\r\r", "\n", "\"", "\"\"", "\"\"\"", "\x00", "\x00\x00\x00\x00", "a\x00,b\x00\n",
		"a,b\r", "\"a\"\r", "a,b\n\"x\"\r", "a,b\n1,\"x\"\ry\"\n", "a,b\n1,", "a;b\n1,5;2\n",
		" \n \n", "a\n \nb", "a,b\n\t\n1,2", "a\tb\n\t\n", "a|b\n1|2|3\n", "x,x\n1,2\n",
		"\"a\nb\",c\n", "a,\"b\n", "a,b\n1,\"2\" 3,4\n", "a,b\n1,5\" Rohr\n", "\u00a0\n", "\v",
		"1,2\n3,4\n", "Datum;Breite\n07.11.2023;55,7522\n", "a,b,\n1,2,\n", "a\r\nb\r\n\r\n",
		// Lone CRs among LF line ends, and NULs after the header.
		"a,b\n1,2\r3,4\n", "a,b\r\r1,x\r \r2,y\r", "a,b\n1,\"x\ry\"\n", "a,b\n1,x\x00y\n\x00,2\n",
	} {
		seeds = append(seeds, []byte(s))
	}
	return seeds
}

// fuzzRecords parses text the way readDelimited does, sequentially, and
// returns the cells of its non-blank records.
func fuzzRecords(text []byte, delim byte) [][]string {
	var out [][]string
	for pos := 0; pos < len(text); {
		var r record
		r, pos = nextRecord(text, pos, delim)
		if len(r.fields) > 0 {
			out = append(out, r.strings(text))
		}
	}
	return out
}

// fuzzText is the text readDelimited parses: decoded (a lone CR ends a
// line in the parser itself).
func fuzzText(b []byte) []byte {
	text, _ := decode(bytes.Clone(b))
	return bytes.Clone(text)
}

var fuzzReasons = []string{"too many fields", "too few fields", "unclosed quote", "NUL character", "value too long"}

// FuzzSniff reads random bytes as a CSV file: it must never panic, and
// every record must be a row. The reader's own sequential parse is the
// reference for any input; where the text has no quotes and no CR, the
// quoting and line-end rules in which it departs from encoding/csv (blanks
// around quoted fields, stray quotes, lone CRs) play no part, and
// encoding/csv must find the same records, except that lines of blanks are
// blank lines here and one-field records there.
func FuzzSniff(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		text := fuzzText(b)
		fr, err := ReadBytes("x.csv", bytes.Clone(b), Options{})
		if err != nil {
			// Only empty files and plainly binary ones are refused.
			if len(bytes.TrimSpace(text)) != 0 && binaryKind(b) == "" {
				t.Fatalf("error for a file with content %q: %v", text, err)
			}
			return
		}
		if binaryKind(b) != "" {
			t.Fatalf("no error for binary content %q", b)
		}
		if len(bytes.TrimSpace(text)) == 0 {
			t.Fatalf("no error for an empty file %q", text)
		}
		src := fr.Source
		if len(src.Delimiter) != 1 || !strings.Contains(",;\t|", src.Delimiter) {
			t.Fatalf("delimiter %q", src.Delimiter)
		}
		delim := src.Delimiter[0]
		recs := fuzzRecords(text, delim)
		header := 0
		if src.HasHeader {
			header = 1
		}
		nrow := fr.Rows()
		if len(recs) == 0 || nrow != len(recs)-header {
			t.Fatalf("%d rows for %d records (header %v) in %q", nrow, len(recs), src.HasHeader, text)
		}
		if df := fr.DataFrame(); df.Err != nil || df.Ncol() != len(fr.Columns) || df.Nrow() != nrow {
			t.Fatalf("%d columns, %d described, as a gota frame %dx%d (%v)", len(fr.Columns), len(fr.Columns), df.Nrow(), df.Ncol(), df.Err)
		}
		last := 0
		for _, p := range fr.Problems {
			if p.Row < last || p.Row > nrow || !slices.Contains(fuzzReasons, p.Reason) || p.Detail == "" || !utf8.ValidString(p.Value) {
				t.Fatalf("problem %+v (after row %d of %d)", p, last, nrow)
			}
			last = p.Row
		}
		for _, name := range fr.Names() {
			for _, c := range fr.Texts(fr.Col(name)) {
				if !utf8.ValidString(c) {
					t.Fatalf("column %q has invalid UTF-8 %q", name, c)
				}
			}
		}

		if bytes.ContainsAny(text, "\"\r") {
			return
		}
		r := csv.NewReader(bytes.NewReader(text))
		r.Comma, r.LazyQuotes, r.FieldsPerRecord = rune(delim), true, -1
		ref, err := r.ReadAll()
		if err != nil {
			return
		}
		blanks := " \t"
		if delim == '\t' {
			blanks = " "
		}
		ref = slices.DeleteFunc(ref, func(rec []string) bool {
			return len(rec) == 1 && strings.Trim(rec[0], blanks) == ""
		})
		if len(ref) != len(recs) {
			t.Fatalf("%d records, encoding/csv finds %d in %q", len(recs), len(ref), text)
		}
		for i := range ref {
			if len(ref[i]) != len(recs[i]) {
				t.Fatalf("record %d: %q, encoding/csv %q", i+1, recs[i], ref[i])
			}
			for j := range ref[i] {
				if strings.Trim(ref[i][j], blanks) != recs[i][j] {
					t.Fatalf("record %d: %q, encoding/csv %q", i+1, recs[i], ref[i])
				}
			}
		}
	})
}

// FuzzDecode checks that decode never panics, gives valid UTF-8 and names
// one of the encodings, and that valid UTF-8 without zero bytes is kept.
func FuzzDecode(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		in := bytes.Clone(b)
		text, enc := decode(b)
		if !utf8.Valid(text) {
			t.Fatalf("%s gave invalid UTF-8 %q", enc, text)
		}
		if !slices.Contains([]string{"utf-8", "utf-8-bom", "utf-16le", "utf-16be", "windows-1252"}, enc) {
			t.Fatalf("encoding %q", enc)
		}
		if utf8.Valid(in) && bytes.IndexByte(in, 0) < 0 {
			want := bytes.TrimPrefix(in, []byte("\xef\xbb\xbf"))
			if !bytes.Equal(text, want) {
				t.Fatalf("valid UTF-8 %q became %q (%s)", in, text, enc)
			}
		}
		if enc == "windows-1252" && utf8.RuneCount(text) != len(in) {
			t.Fatalf("windows-1252: %d bytes became %d characters", len(in), utf8.RuneCount(text))
		}
	})
}

// FuzzParseChunks repeats random text past 1 MiB, so that it is parsed in
// chunks, and checks that the chunks hold exactly the fields and problems
// of one sequential parse, on 2 and 4 cores.
func FuzzParseChunks(f *testing.F) {
	for _, s := range []string{
		"1,\"a\n\"\"b\",x\n2,5\" Rohr\n", "\"Moskau\n", "a;\"b\n\n\";c\r\n", "\"\"\"\n", "x\"\ny\"\"\n",
		"1,\"x\" y\n", "\r\n\"", " \"a\"\r\n\"b\n",
	} {
		f.Add([]byte(s), byte(','))
	}
	b, err := os.ReadFile("testdata/csv_comma_quoted.csv")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(b, byte(','))
	f.Fuzz(func(t *testing.T, b []byte, d byte) {
		if len(b) == 0 || len(b) > 4096 {
			return
		}
		delim := delimiters[int(d)%len(delimiters)]
		text := bytes.Repeat(b, (1<<20+len(b))/len(b)+1)
		// As wide as the first record, like a file's header, so that the
		// rows are not all ragged.
		first, _ := nextRecord(text, 0, delim)
		ncols := min(max(len(first.fields), 1), 16)
		seq := parseRange(context.Background(), text, 0, len(text), delim, ncols, 16, &rowCount{max: MaxCells})
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
		for _, procs := range []int{2, 4} {
			runtime.GOMAXPROCS(procs)
			chunks, _ := parseChunks(context.Background(), text, 0, delim, ncols, 16, MaxCells)
			// The same fields mean the same cells: each is a place in text.
			for i := range ncols {
				var got []field
				for _, c := range chunks {
					got = append(got, c.cols[i]...)
				}
				if !slices.Equal(got, seq.cols[i]) {
					t.Fatalf("%d procs: column %d has %d fields, sequential %d", procs, i, len(got), len(seq.cols[i]))
				}
			}
			var problems []Problem
			rows := 0
			for _, c := range chunks {
				for _, p := range c.problems {
					p.Row += rows
					problems = append(problems, p)
				}
				rows += c.rows
			}
			if !slices.Equal(problems, seq.problems) {
				t.Fatalf("%d procs: %d problems, sequential %d", procs, len(problems), len(seq.problems))
			}
		}
	})
}
