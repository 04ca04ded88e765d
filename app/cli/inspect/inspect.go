// Package inspect reports what was read from a file and how: the
// `chronomap inspect` command, as text for people and as JSON for tools.
package inspect

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"chronomap/data/dataset"
	"chronomap/data/dates"
	"chronomap/data/events"
)

// Report is one file's inspection, shaped as the JSON contract of
// `chronomap inspect --json` (see DESIGN.md).
type Report struct {
	File      string   `json:"file"`
	Format    string   `json:"format"`
	Preset    string   `json:"preset"`
	Encoding  string   `json:"encoding"`
	Delimiter string   `json:"delimiter"`
	Sheet     string   `json:"sheet,omitempty"`
	Rows      int      `json:"rows"`
	Events    int      `json:"events"`
	Located   int      `json:"located"`
	Geocoded  int      `json:"geocoded"`
	Columns   []Column `json:"columns"`
	Time      *Span    `json:"time"`
	Problems  Problems `json:"problems"`
	Error     string   `json:"error,omitempty"`
}

// Column is one column with its type and role.
type Column struct {
	Name string `json:"name"`
	Type string `json:"type"` // "date", "text", "integer", "number"
	Role string `json:"role"` // "" when it plays none
	Why  string `json:"why,omitempty"`
	Flag string `json:"flag,omitempty"`
}

// Span is the time covered: earliest start, latest end.
type Span struct {
	Min string `json:"min"`
	Max string `json:"max"`
}

// Problems counts the row problems and lists the first ones.
type Problems struct {
	Total    int              `json:"total"`
	ByReason map[string]int   `json:"by_reason"`
	First    []ProblemListing `json:"first"`
}

// ProblemListing is one row problem.
type ProblemListing struct {
	Row    int    `json:"row"`
	Column string `json:"column"`
	Value  string `json:"value"`
	Reason string `json:"reason"`
	Detail string `json:"detail,omitempty"`
}

// firstProblems is how many problems a report lists one by one.
const firstProblems = 20

// Of reports on a dataset: its frame, its mapping and its events.
func Of(d *dataset.Dataset) Report {
	f, m, x, probs := d.Frame, d.Mapping, d.Index, d.Problems
	r := Report{
		File: f.Source.Path, Format: f.Source.Format, Preset: f.Source.Preset, Encoding: f.Source.Encoding,
		Delimiter: f.Source.Delimiter, Sheet: f.Source.Sheet,
		Rows: f.Rows(), Events: x.Len(), Located: x.Located, Geocoded: x.Geocoded,
		Problems: Problems{Total: len(probs), ByReason: map[string]int{}, First: []ProblemListing{}},
	}
	for _, c := range f.Columns {
		role := m.RoleOf(c.Name)
		col := Column{Name: c.Name, Type: c.Kind.String(), Role: string(role), Why: m.Why[role], Flag: c.Flag}
		if role == events.Start || role == events.End {
			col.Type = "date"
		}
		r.Columns = append(r.Columns, col)
	}
	if lo, hi, ok := x.Span(); ok {
		r.Time = &Span{Min: dates.ISO(lo), Max: dates.ISO(hi)}
	}
	for i, p := range probs {
		r.Problems.ByReason[p.Reason]++
		if i < firstProblems {
			r.Problems.First = append(r.Problems.First, ProblemListing{Row: p.Row, Column: p.Column, Value: p.Value, Reason: p.Reason, Detail: p.Detail})
		}
	}
	return r
}

// WriteText writes a report for people.
func WriteText(w io.Writer, r Report) {
	if r.Error != "" {
		fmt.Fprintf(w, "%s: %s\n", r.File, r.Error)
		return
	}
	facts := []string{strings.ToUpper(r.Format)}
	if r.Encoding != "" {
		facts = append(facts, r.Encoding)
	}
	if r.Delimiter != "" {
		facts = append(facts, fmt.Sprintf("delimiter %q", r.Delimiter))
	}
	if r.Sheet != "" {
		facts = append(facts, fmt.Sprintf("sheet %q", r.Sheet))
	}
	if r.Preset != "" {
		facts = append(facts, "preset "+r.Preset)
	}
	fmt.Fprintf(w, "%s\n  %s\n", r.File, strings.Join(facts, " · "))
	fmt.Fprintf(w, "  %d rows, %d events, %d located, %d geocoded\n", r.Rows, r.Events, r.Located, r.Geocoded)
	if r.Time != nil {
		fmt.Fprintf(w, "  time %s … %s\n", r.Time.Min, r.Time.Max)
	}
	fmt.Fprintln(w, "  columns:")
	for _, c := range r.Columns {
		line := fmt.Sprintf("    %-24s %-8s", c.Name, c.Type)
		if c.Role != "" {
			line += fmt.Sprintf(" %-11s (%s)", c.Role, c.Why)
		}
		if c.Flag != "" {
			line += " ! " + c.Flag
		}
		fmt.Fprintln(w, strings.TrimRight(line, " "))
	}
	if r.Problems.Total == 0 {
		fmt.Fprintln(w, "  no problems")
		return
	}
	fmt.Fprintf(w, "  %s\n", problemCounts(r))
	where := fmt.Sprintf("--json lists the first %d; the window lists all", firstProblems)
	if r.Encoding == "" && (r.Format == "clickhouse" || r.Format == "postgres") {
		where = "counted by the engine, which lists no rows" // see Table
	}
	writeProblems(w, r, "    ", firstProblems, where)
}

// Brief writes, for a command that draws rather than inspects, what
// inspect says of the rows that could not be read and of roles that
// could not be given: a line of counts and the first few problems,
// nothing when there are none.
func Brief(w io.Writer, r Report) {
	if r.Problems.Total == 0 && r.Events > 0 {
		return
	}
	fmt.Fprintf(w, "chronomap: %s: %d rows, %d events, %d located", r.File, r.Rows, r.Events, r.Located)
	if r.Problems.Total > 0 {
		fmt.Fprintf(w, "; %s", problemCounts(r))
	}
	fmt.Fprintln(w)
	writeProblems(w, r, "  ", briefProblems, "chronomap inspect "+r.File+" lists them")
}

// briefProblems is how many problems Brief lists one by one.
const briefProblems = 3

// problemCounts says how many problems there are of each reason: "3
// problems: 1 too few fields, 2 unparseable date".
func problemCounts(r Report) string {
	noun := "problems"
	if r.Problems.Total == 1 {
		noun = "problem"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%d %s:", r.Problems.Total, noun)
	reasons := make([]string, 0, len(r.Problems.ByReason))
	for k := range r.Problems.ByReason {
		reasons = append(reasons, k)
	}
	sort.Strings(reasons)
	for i, k := range reasons {
		sep := ","
		if i == 0 {
			sep = ""
		}
		fmt.Fprintf(&b, "%s %d %s", sep, r.Problems.ByReason[k], k)
	}
	return b.String()
}

// writeProblems lists the first n problems of a report, one a line with
// indent before it, and how many more there are, saying where they are
// listed.
func writeProblems(w io.Writer, r Report, indent string, n int, where string) {
	listed := r.Problems.First[:min(n, len(r.Problems.First))]
	for _, p := range listed {
		place := fmt.Sprintf("row %d", p.Row)
		if p.Row == 0 {
			place = "file"
		}
		if p.Column != "" {
			place += fmt.Sprintf(", column %q", p.Column)
		}
		switch {
		case p.Detail != "" && (p.Value == "" || strings.Contains(p.Detail, p.Value)):
			fmt.Fprintf(w, "%s%s: %s\n", indent, place, p.Detail)
		case p.Detail != "":
			fmt.Fprintf(w, "%s%s: %q: %s\n", indent, place, p.Value, p.Detail)
		case p.Value != "":
			fmt.Fprintf(w, "%s%s: %q: %s\n", indent, place, p.Value, p.Reason)
		default:
			fmt.Fprintf(w, "%s%s: %s\n", indent, place, p.Reason)
		}
	}
	if more := r.Problems.Total - len(listed); more > 0 {
		fmt.Fprintf(w, "%s… and %d more (%s)\n", indent, more, where)
	}
}
