package extract

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"chronomap/data/report"
)

// WriteText writes the proposals as a table a person reads, each with its
// number, then why each was read so, by number.
func WriteText(w io.Writer, name string, ps []report.Proposal) {
	if len(ps) == 0 {
		fmt.Fprintf(w, "%s: no dated events found\n", name)
		return
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "#\tDATE\tPLACE\tCOUNTRY\tCONF\tTITLE\tACTORS")
	for i, p := range ps {
		date := p.When.String()
		if p.Planned {
			date += " (planned)"
		}
		place, cc := p.Place.Name, p.Place.Country
		if place == "" {
			place, cc = "–", "–"
		}
		var actors []string
		for _, a := range p.Actors {
			if a.Country != "" {
				actors = append(actors, a.Name+" ("+a.Country+")")
			} else {
				actors = append(actors, a.Name)
			}
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%.2f\t%s\t%s\n", i+1, date, place, cc, p.Confidence, p.Title, strings.Join(actors, "; "))
	}
	tw.Flush()
	fmt.Fprintln(w)
	for i, p := range ps {
		fmt.Fprintf(w, "%d. %s\n", i+1, p.Why)
	}
}
