package frame

import (
	"bytes"
	"regexp"
)

// sniffed is what the first part of a delimited file tells about it.
type sniffed struct {
	delim        byte
	width        int        // the most common number of fields in a record
	rowLen       int        // the average length of a record in bytes
	header       bool       // the first record names the columns
	decimalComma bool       // numbers are written "55,7522"
	rows         [][]string // up to 20 records after the first, for presets
}

// delimiters are tried in this order; the first wins a tie.
var delimiters = []byte{',', ';', '\t', '|'}

// sniff decides the delimiter, the width and whether there is a header from
// the first 64 KB, or the first 21 lines when they are longer (a file of
// 100,000 columns), up to 16 MiB: the delimiter is the one that splits the
// most records into the same number (two or more) of fields.
func sniff(text []byte, tsv bool) sniffed {
	end := 0
	for lines := 0; lines < 21 && end < min(len(text), 16<<20); lines++ {
		i := bytes.IndexByte(text[end:min(len(text), 16<<20)], '\n')
		if i < 0 {
			break
		}
		end += i + 1
	}
	sample := text[:max(end, min(len(text), 64<<10))]
	if len(sample) < len(text) {
		if i := bytes.LastIndexByte(sample, '\n'); i > 0 {
			sample = sample[:i+1]
		}
	}
	best := sniffed{delim: ',', width: 1}
	if tsv {
		best.delim = '\t' // a forced TSV of one column is still a TSV
	}
	bestScore := -1.0
	for _, d := range delimiters {
		if tsv && d != '\t' {
			continue
		}
		recs, _ := sampleRecords(sample, d, 100)
		width, share := modalWidth(recs)
		if width < 2 {
			continue
		}
		// Consistency first, then more columns.
		score := share*1000 + float64(min(width, 999))
		if score > bestScore {
			bestScore = score
			best = sniffed{delim: d, width: width}
		}
	}
	if all, used := sampleRecords(sample, best.delim, 1000); len(all) > 0 {
		best.rowLen = used / len(all)
	}
	recs, _ := sampleRecords(sample, best.delim, 21)
	if len(recs) > 0 {
		best.header = looksLikeHeader(recs[0])
		best.rows = recs[1:]
		if !best.header {
			best.rows = recs
		}
	}
	if best.delim != ',' {
		best.decimalComma = hasDecimalComma(recs, best.delim)
	}
	return best
}

// sampleRecords parses up to n non-blank records of sample and returns
// them with the number of bytes they took.
func sampleRecords(sample []byte, delim byte, n int) ([][]string, int) {
	var out [][]string
	used := 0
	for pos := 0; pos < len(sample) && len(out) < n; {
		var r record
		r, pos = nextRecord(sample, pos, delim)
		if r.unclosed {
			break // the sample cut a quoted field short
		}
		if len(r.fields) > 0 {
			out = append(out, r.strings(sample))
		}
		used = pos
	}
	return out, used
}

// modalWidth returns the most common field count and the share of records
// that have it.
func modalWidth(recs [][]string) (int, float64) {
	if len(recs) == 0 {
		return 0, 0
	}
	count := map[int]int{}
	for _, r := range recs {
		count[len(r)]++
	}
	width, most := 0, 0
	for w, c := range count {
		if c > most || (c == most && w > width) {
			width, most = w, c
		}
	}
	return width, float64(most) / float64(len(recs))
}

// looksLikeHeader decides whether the first record names the columns: a
// header has no numbers or dates in it, and its cells are distinct.
func looksLikeHeader(first []string) bool {
	seen := map[string]bool{}
	nonEmpty := 0
	for _, c := range first {
		if looksLikeValue(c) {
			return false
		}
		if c != "" {
			nonEmpty++
			if seen[c] {
				return false
			}
			seen[c] = true
		}
	}
	// Distinct words, at least half of the cells filled: column names.
	return nonEmpty*2 >= len(first)
}

var (
	numberLike = regexp.MustCompile(`^[-+]?[0-9][0-9.,' ]*$`)
	dateLike   = regexp.MustCompile(`^[0-9]{1,4}[-/.][0-9]{1,2}[-/.][0-9]{1,4}`)
)

// looksLikeValue reports whether a cell is data rather than a column name:
// a number or a date.
func looksLikeValue(s string) bool {
	s = string(bytes.TrimSpace([]byte(s)))
	return numberLike.MatchString(s) || dateLike.MatchString(s)
}

var (
	decimalCommaCell = regexp.MustCompile(`^-?([0-9]{1,3}(\.[0-9]{3})+|[0-9]+),[0-9]+$`)
	// thousandsComma is "1,234": a decimal comma in Germany, a thousands
	// separator in England.
	thousandsComma   = regexp.MustCompile(`^-?[0-9]{1,3},[0-9]{3}$`)
	decimalPointCell = regexp.MustCompile(`^-?([0-9]{1,3}(,[0-9]{3})+|[0-9]+)\.[0-9]+$`)
	thousandsPoint   = regexp.MustCompile(`^-?[0-9]{1,3}\.[0-9]{3}$`)
)

// hasDecimalComma reports whether a sample writes numbers with a comma
// before the decimals, as German or French files separated by ';' do.
// "55,7522" settles it; "1,234" alone does so only in a ';' file (in a
// tab-separated English export it is a thousand and more) and only when no
// cell such as "55.7522" shows a decimal point.
func hasDecimalComma(recs [][]string, delim byte) bool {
	ambiguous, point := false, false
	for _, r := range recs {
		for _, c := range r {
			switch {
			case thousandsComma.MatchString(c):
				ambiguous = true
			case decimalCommaCell.MatchString(c):
				return true
			case decimalPointCell.MatchString(c) && !thousandsPoint.MatchString(c):
				point = true
			}
		}
	}
	return ambiguous && delim == ';' && !point
}
