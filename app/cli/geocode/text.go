package geocode

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
)

// WriteText writes the results as a table a person reads: one line a
// name, with up to three of its alternatives; names that could not be
// placed say why.
func WriteText(w io.Writer, results []Result) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "QUERY\tNAME\tCOUNTRY\tLAT\tLON\tKIND\tPOPULATION\tCONFIDENCE\tALSO")
	for _, r := range results {
		if r.Found == nil {
			fmt.Fprintf(tw, "%s\t(not found: %s)\t\t\t\t\t\t\t\n", r.Query, r.Error)
			continue
		}
		var also []string
		for i, a := range r.Alternatives {
			if i == 3 {
				also = append(also, fmt.Sprintf("+%d more", len(r.Alternatives)-3))
				break
			}
			also = append(also, a.Name+" ("+a.Country+")")
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%.4f\t%.4f\t%s\t%d\t%.2f\t%s\n", r.Query, r.Name, r.Country, r.Lat, r.Lon, r.Kind,
			r.Population, r.Confidence, strings.Join(also, ", "))
	}
	tw.Flush()
}
