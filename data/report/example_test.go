package report_test

import (
	"fmt"
	"time"

	"chronomap/data/report"
)

// Extract reads a report and proposes its events: the dateline gives the
// report's date and place, "am Dienstag" counts back from it, "die
// russische Hauptstadt" is Moscow, "seit dem Jahr 2015" is no event, and
// "am kommenden Montag … soll" is planned. Each proposal is plain data, for
// a reader to change before it becomes an event.
func ExampleExtract() {
	text := `Jerewan, 14. März 2024 – Der armenische Außenminister Ararat Mirsojan ist am Dienstag in der russischen Hauptstadt mit Sergej Lawrow zusammengetroffen. Armenien ist seit dem Jahr 2015 Mitglied der Eurasischen Wirtschaftsunion. Am kommenden Montag soll Mirsojan nach Brüssel reisen.`
	for _, p := range report.Extract(text, report.Options{}) {
		planned := ""
		if p.Planned {
			planned = " (planned)"
		}
		fmt.Printf("%s%s, %s (%s): %s\n", p.When, planned, p.Place.Name, p.Place.Country, p.Title)
		fmt.Printf("  %s\n", p.Why.Date)
	}

	// A report without a dateline takes its date from the caller.
	ps := report.Extract("Protesters marched through Tbilisi on Sunday.", report.Options{Date: time.Date(2024, 4, 29, 0, 0, 0, 0, time.UTC)})
	fmt.Println(ps[0].When, ps[0].Place.Name, ps[0].Why.Place)
	// Output:
	// 2024-03-12, Moscow (RU): Der armenische Außenminister Ararat Mirsojan ist in der russischen Hauptstadt mit Sergej …
	//   „am Dienstag“ (the Tuesday before the report's date 2024-03-14, from the dateline „Jerewan, 14. März 2024“)
	// 2024-03-18 (planned), Brussels (BE): Mirsojan soll nach Brüssel reisen
	//   „Am kommenden Montag“ (the Monday after the report's date 2024-03-14, from the dateline „Jerewan, 14. März 2024“), planned
	// 2024-04-28 Tbilisi „through Tbilisi“ → Tbilisi, GE
}
