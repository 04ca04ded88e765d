package report

import (
	"strings"
	"testing"
	"time"
)

func day(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

// Each way of writing a date the issue names reads as a careful reader
// resolves it, counted from the report's date (here Thursday 14 March
// 2024 unless the case says otherwise).
func TestDates(t *testing.T) {
	report := day(2024, 3, 14)
	for _, tc := range []struct {
		text    string
		date    time.Time
		want    string // "" for no event
		planned bool
	}{
		{"Lawrow traf am 7. November 2023 in Moskau ein.", report, "2023-11-07", false},
		{"Lawrow traf am 7.11. in Moskau ein.", report, "2023-11-07", false},
		{"Lawrow traf am 7.11.2023 in Moskau ein.", report, "2023-11-07", false},
		{"Lavrov arrived in Moscow on Nov. 4.", report, "2023-11-04", false},
		{"Lavrov arrived in Moscow on 4 May.", report, "2023-05-04", false},
		{"Lavrov arrived in Moscow on March 12, 2024.", report, "2024-03-12", false},
		{"Lawrow traf 2024-03-12 in Moskau ein.", report, "2024-03-12", false},
		{"Lawrow traf am Dienstag in Moskau ein.", report, "2024-03-12", false},
		{"Am Donnerstag, dem 14. März, traf Lawrow in Moskau ein.", day(2024, 3, 15), "2024-03-14", false},
		{"Am 3. März traf Lawrow in Moskau ein. Zwei Tage später reiste er nach Jerewan.", report, "2024-03-03 2024-03-05", false},
		{"Vergangene Woche traf Lawrow in Moskau ein.", report, "2024-03-04/2024-03-10", false},
		{"Russia struck Odesa overnight.", report, "2024-03-13/2024-03-14", false},
		{"Earlier this month, protesters gathered in Yerevan.", report, "2024-03", false},
		{"Im Januar 2024 verlegte Russland Hubschrauber nach Gjumri.", report, "2024-01", false},
		{"Im Januar verlegte Russland Hubschrauber nach Gjumri.", day(2023, 11, 20), "2023-01", false},
		{"Im Jahr 2019 eröffnete Russland in Gjumri ein Büro.", report, "2019", false},
		{"Russland ist seit dem Jahr 2015 in Gjumri.", report, "", false},
		{"Russia has been in Gyumri since 2015.", report, "", false},
		{"Veröffentlicht am 13. März 2024. Gestern traf Lawrow in Moskau ein.", time.Time{}, "2024-03-12", false},
		{"Published March 13, 2024. Lavrov arrived in Moscow yesterday.", time.Time{}, "2024-03-12", false},
		{"Am kommenden Montag soll Lawrow in Brüssel sprechen.", report, "2024-03-18", true},
		{"NATO ministers will meet in Brussels on Thursday.", day(2024, 6, 10), "2024-06-13", true},
		{"Nächste Woche soll Lawrow in Brüssel sprechen.", report, "2024-03-18/2024-03-24", true},
		{"Last month, troops withdrew from Khan Younis.", report, "2024-02", false},
		{"Vor zwei Tagen traf Lawrow in Moskau ein.", report, "2024-03-12", false},
		{"Am Wochenende trafen sich in Genf Diplomaten.", day(2024, 6, 17), "2024-06-15/2024-06-16", false},
		{"In der Nacht zum Sonntag wurde Belgorod beschossen.", day(2024, 5, 13), "2024-05-11/2024-05-12", false},
		{"Vom 3. bis 5. Oktober 2023 tagte in Kasan der Rat. Am letzten Tag unterzeichneten sie in Kasan.", report, "2023-10-03/2023-10-05 2023-10-05", false},
		{"Gorbachev resigned in Moscow on 25 December 1991. The following year, the CIS opened an office in Minsk.", time.Time{}, "1991-12-25 1992", false},
		{"On 7 October 2023, fighters attacked Sderot. On Monday, the siege of Gaza began.", time.Time{}, "2023-10-07 2023-10-09", false},
		{"Die Opposition äußerte sich bis Mittwoch nicht in Moskau.", report, "", false},
		{"Ein für Freitag geplanter Besuch in Tiflis wurde abgesagt.", report, "", false},
		{"Raisi, born in 1960 in Mashhad, died in Tabriz on 19 May 2024.", time.Time{}, "2024-05-19", false},
		{"Vom 22. bis 24. Oktober findet in Kasan der Gipfel statt.", day(2024, 10, 20), "2024-10-22/2024-10-24", true},
		{"Lawrow traf am 7. November in Moskau ein.", time.Time{}, "", false}, // no year anywhere
	} {
		ps := Extract(tc.text, Options{Date: tc.date})
		got := ""
		planned := false
		for i, p := range ps {
			if i > 0 {
				got += " "
			}
			got += p.When.String()
			planned = planned || p.Planned
		}
		if got != tc.want || planned != tc.planned {
			t.Errorf("%q: %q planned=%v, want %q planned=%v", tc.text, got, planned, tc.want, tc.planned)
		}
	}
}

// Without the report's date or a year in the text, Today stands in, and
// the why says so.
func TestToday(t *testing.T) {
	ps := Extract("Lawrow traf am 7. November in Moskau ein.", Options{Today: day(2025, 12, 1)})
	if len(ps) != 1 || ps[0].When.String() != "2025-11-07" || !strings.Contains(ps[0].Why.Date, "today's date") {
		t.Errorf("%+v", ps)
	}
}
