package dates

import (
	"errors"
	"strings"
	"testing"
)

// Range.String shows the precision of each end ("2023" is a year,
// "2023-11-07T10Z" an hour), so the tables compare strings.
var parseTests = []struct {
	in, want string
}{
	// ISO 8601 and RFC 3339; no offset is UTC; offsets convert to UTC.
	{"2023-11-07", "2023-11-07"},
	{"2023-11", "2023-11"},
	{"2023", "2023"},
	{"2023-11-07T10", "2023-11-07T10Z"},
	{"2023-11-07T10:00", "2023-11-07T10:00Z"},
	{"2023-11-07T10:00:05Z", "2023-11-07T10:00:05Z"},
	{"2023-11-07t10:00:05z", "2023-11-07T10:00:05Z"},
	{"2023-11-07 10:00:05", "2023-11-07T10:00:05Z"},
	{"2023-11-07 10:00", "2023-11-07T10:00Z"},
	{"2023-11-07T10:00:05+03:00", "2023-11-07T07:00:05Z"},
	{"2023-11-07T10:00:05+0300", "2023-11-07T07:00:05Z"},
	{"2023-11-07T10:00:05-05", "2023-11-07T15:00:05Z"},
	{"2023-11-07T22:00-05:00", "2023-11-08T03:00Z"}, // crosses midnight
	{"2023-01-01T01:00+03:00", "2022-12-31T22:00Z"}, // and the year
	{"2023-11-07 10:00:05 +0000 UTC", "2023-11-07T10:00:05Z"},
	{"2023-11-07T10:00:05.000Z", "2023-11-07T10:00:05Z"},
	{"2023-11-07T10:00:05.999999+01:00", "2023-11-07T09:00:05Z"},
	{"2023-11-07T10:00:05,5Z", "2023-11-07T10:00:05Z"},
	{"2023-11-07T10+05:30", "2023-11-07T04:30Z"},    // an hour starting at half past in UTC
	{"2023-03-26T02:30:00", "2023-03-26T02:30:00Z"}, // a time the CET DST switch skips: no zone, no DST
	{"2023-10-29T02:30:00+01:00", "2023-10-29T01:30:00Z"},
	{"2023-10-29T02:30:00+02:00", "2023-10-29T00:30:00Z"},
	{"2023-W45-2", "2023-11-07"},
	{"2020-W53-7", "2021-01-03"},
	{"2023-311", "2023-11-07"},
	{"2024-366", "2024-12-31"},
	{"2023-1-7", "2023-01-07"},
	{"2023/11/07", "2023-11-07"},
	{"2023/11", "2023-11"},
	{"2023.11.07", "2023-11-07"},
	{"-0508", "-0508"},
	{"-0508-01-01", "-0508-01-01"},
	{"-0508-03", "-0508-03"},
	{"0000", "0000"},
	{"+10000-01-01T00:00:00Z", "+10000-01-01T00:00:00Z"},
	{"+2023", "2023"},

	// Compact digits: yyyymmdd only when it is a valid date.
	{"20231107", "2023-11-07"},
	{"20231107153000", "2023-11-07T15:30:00Z"},
	{"202311071530", "2023-11-07T15:30Z"},
	{"20231107T1530Z", "2023-11-07T15:30Z"},
	{"20231107T153000+0100", "2023-11-07T14:30:00Z"},

	// Numeric day and month.
	{"07.11.2023", "2023-11-07"},
	{"7.11.2023", "2023-11-07"},
	{"04.05.2023", "2023-05-04"}, // dots are always day first
	{"13/11/2023", "2023-11-13"},
	{"11/13/2023", "2023-11-13"},
	{"05/05/2023", "2023-05-05"},
	{"13-11-2023", "2023-11-13"},
	{"13/11/2023 14:05", "2023-11-13T14:05Z"},
	{"13/11/2023, 14:05:09", "2023-11-13T14:05:09Z"},
	{"07.11.2023 14:05 -05", "2023-11-07T19:05Z"},
	{"11/2023", "2023-11"},
	{"11.2023", "2023-11"},
	{"11-2023", "2023-11"},

	// Month names, every language, any case, with or without a dot.
	{"7. November 2023", "2023-11-07"},
	{"7 November 2023", "2023-11-07"},
	{"November 7, 2023", "2023-11-07"},
	{"Nov 7 2023", "2023-11-07"},
	{"NOV 7 2023", "2023-11-07"},
	{"07-Nov-2023", "2023-11-07"},
	{"07-nov-2023", "2023-11-07"},
	{"21 March 2020", "2020-03-21"},
	{"21st March 2020", "2020-03-21"},
	{"March 21st, 2020", "2020-03-21"},
	{"the 21st of March 2020", "2020-03-21"},
	{"November 2023", "2023-11"},
	{"Nov. 2023", "2023-11"},
	{"Sept. 2023", "2023-09"},
	{"Tuesday, 7 November 2023", "2023-11-07"},
	{"Tue, 7 Nov 2023 14:05:09 GMT", "2023-11-07T14:05:09Z"},
	{"Tue Nov 7 2023", "2023-11-07"},
	{"November 7, 2023 2:05 PM", "2023-11-07T14:05Z"},
	{"November 7, 2023 12:05 a.m.", "2023-11-07T00:05Z"},
	{"7 November 2023 2pm", "2023-11-07T14Z"},
	{"7 November 2023 14:05 UTC", "2023-11-07T14:05Z"},
	{"7 November 2023 14:05 +03:00", "2023-11-07T11:05Z"},
	{"7 November 2023 at 14:05", "2023-11-07T14:05Z"},
	// German
	{"Dienstag, 7. November 2023", "2023-11-07"},
	{"7. Januar 2023", "2023-01-07"},
	{"7. Jänner 2023", "2023-01-07"},
	{"7. Februar 2023", "2023-02-07"},
	{"7. März 2023", "2023-03-07"},
	{"7. MÄRZ 2023", "2023-03-07"},
	{"7. Maerz 2023", "2023-03-07"},
	{"7. Mai 2023", "2023-05-07"},
	{"7. Juni 2023", "2023-06-07"},
	{"7. Juli 2023", "2023-07-07"},
	{"7. Oktober 2023", "2023-10-07"},
	{"7. Dezember 2023", "2023-12-07"},
	{"7. Jan. 2023", "2023-01-07"},
	{"7. Feb. 2023", "2023-02-07"},
	{"7. Mär. 2023", "2023-03-07"},
	{"7. Okt. 2023", "2023-10-07"},
	{"7. Dez. 2023", "2023-12-07"},
	{"am 7. November 2023 um 14:05 Uhr", "2023-11-07T14:05Z"},
	{"7. November 2023, 14 Uhr", "2023-11-07T14Z"},
	// French
	{"1er novembre 2023", "2023-11-01"},
	{"mardi 7 novembre 2023", "2023-11-07"},
	{"7 janvier 2023", "2023-01-07"},
	{"7 février 2023", "2023-02-07"},
	{"7 fevrier 2023", "2023-02-07"},
	{"7 mars 2023", "2023-03-07"},
	{"7 avril 2023", "2023-04-07"},
	{"7 mai 2023", "2023-05-07"},
	{"7 juin 2023", "2023-06-07"},
	{"7 juillet 2023", "2023-07-07"},
	{"15 août 1944", "1944-08-15"},
	{"7 septembre 2023", "2023-09-07"},
	{"7 octobre 2023", "2023-10-07"},
	{"7 décembre 2023", "2023-12-07"},
	{"7 janv. 2023", "2023-01-07"},
	{"7 févr. 2023", "2023-02-07"},
	{"7 juil. 2023", "2023-07-07"},
	{"7 novembre 2023 à 14h05", "2023-11-07T14:05Z"},
	{"7\u00a0novembre\u00a02023", "2023-11-07"}, // no-break spaces
	// Spanish
	{"7 de noviembre de 2023", "2023-11-07"},
	{"martes, 7 de noviembre de 2023", "2023-11-07"},
	{"7 enero 2023", "2023-01-07"},
	{"7 febrero 2023", "2023-02-07"},
	{"7 marzo 2023", "2023-03-07"},
	{"7 abril 2023", "2023-04-07"},
	{"7 mayo 2023", "2023-05-07"},
	{"7 junio 2023", "2023-06-07"},
	{"7 julio 2023", "2023-07-07"},
	{"7 agosto 2023", "2023-08-07"},
	{"7 septiembre 2023", "2023-09-07"},
	{"7 setiembre 2023", "2023-09-07"},
	{"7 octubre 2023", "2023-10-07"},
	{"7 diciembre 2023", "2023-12-07"},
	// Russian, nominative, genitive and prepositional
	{"7 ноября 2023 г.", "2023-11-07"},
	{"7 ноября 2023 года", "2023-11-07"},
	{"ноябрь 2023", "2023-11"},
	{"в ноябре 2023 г.", "2023-11"},
	{"вторник, 7 ноября 2023", "2023-11-07"},
	{"1 января 2023", "2023-01-01"},
	{"январь 2023", "2023-01"},
	{"9 мая 1945", "1945-05-09"},
	{"май 1945", "1945-05"},
	{"22 июня 1941", "1941-06-22"},
	{"7 ДЕКАБРЯ 2023", "2023-12-07"},

	// Years and eras: BC years are astronomical 1 - n.
	{"509 BC", "-0508"},
	{"509 BCE", "-0508"},
	{"509 bc", "-0508"},
	{"509 B.C.", "-0508"},
	{"509 v. Chr.", "-0508"},
	{"509 v.Chr.", "-0508"},
	{"509 v. u. Z.", "-0508"},
	{"509 av. J.-C.", "-0508"},
	{"509 a. C.", "-0508"},
	{"509 a. de C.", "-0508"},
	{"509 до н. э.", "-0508"},
	{"-509", "-0508"},
	{"-44", "-0043"},
	{"1 BC", "0000"},
	{"AD 1", "0001"},
	{"AD 33", "0033"},
	{"33 AD", "0033"},
	{"33 n. Chr.", "0033"},
	{"33 ap. J.-C.", "0033"},
	{"33 н. э.", "0033"},
	{"15 March 44 BC", "-0043-03-15"},
	{"999", "0999"},

	// Ranges.
	{"2023-11-03/2023-11-07", "2023-11-03/2023-11-07"},
	{"2023-11-03T10:00Z/2023-11-07T12:00Z", "2023-11-03T10:00Z/2023-11-07T12:00Z"},
	{"2023-11-03 – 2023-11-07", "2023-11-03/2023-11-07"},
	{"2023-11-03 - 2023-11-07", "2023-11-03/2023-11-07"},
	{"2023-11-03 — 2023-11-07", "2023-11-03/2023-11-07"},
	{"3–7 November 2023", "2023-11-03/2023-11-07"},
	{"3.–7. November 2023", "2023-11-03/2023-11-07"},
	{"3.-7. November 2023", "2023-11-03/2023-11-07"},
	{"3-7 November 2023", "2023-11-03/2023-11-07"},
	{"3 November – 7 December 2023", "2023-11-03/2023-12-07"},
	{"November 3–7, 2023", "2023-11-03/2023-11-07"},
	{"November – December 2023", "2023-11/2023-12"},
	{"1939-1945", "1939/1945"},
	{"1939–1945", "1939/1945"},
	{"1939 bis 1945", "1939/1945"},
	{"1939 to 1945", "1939/1945"},
	{"1939/1945", "1939/1945"},
	{"509–500 BC", "-0508/-0499"},
	{"2023-11-07 10:00 – 12:00", "2023-11-07T10:00Z/2023-11-07T12:00Z"},
	{"13/11/2023 - 14/11/2023", "2023-11-13/2023-11-14"},
	{"-0508/-0400", "-0508/-0400"},

	// Trimming and quotes.
	{"  2023-11-07\t", "2023-11-07"},
	{`"2023-11-07"`, "2023-11-07"},
	{`'2023-11-07'`, "2023-11-07"},
	{"« 7 novembre 2023 »", "2023-11-07"},
	{"“7 November 2023”", "2023-11-07"},
}

func TestParse(t *testing.T) {
	for _, tt := range parseTests {
		r, err := Parse(tt.in)
		if err != nil {
			t.Errorf("Parse(%q): %v, want %s", tt.in, err, tt.want)
			continue
		}
		if got := r.String(); got != tt.want {
			t.Errorf("Parse(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

var parseErrorTests = []struct {
	in, want string
}{
	{"", `"" is empty`},
	{"   ", `"" is empty`},
	{`""`, `"" is empty`},
	{"garbage", `"garbage" is not a date`},
	{"n/a", `"n/a" is not a date`},
	{"32.13.2023", `"32.13.2023" has month 13`},
	{"32.12.2023", `"32.12.2023" has day 32`},
	{"2023-13-01", `"2023-13-01" has month 13`},
	{"2023-02-29", `"2023-02-29" has day 29, but February 2023 has 28 days`},
	{"31 Feb 2023", `"31 Feb 2023" has day 31, but February 2023 has 28 days`},
	{"31 April 2023", `"31 April 2023" has day 31, but April 2023 has 30 days`},
	{"2023-00-10", `"2023-00-10" has month 0`},
	{"2023-11-00", `"2023-11-00" has day 0`},
	{"2023-11-07T25:00", `"2023-11-07T25:00" has hour 25`},
	{"2023-11-07T10:60", `"2023-11-07T10:60" has minute 60`},
	{"2023-11-07T10:00:61Z", `"2023-11-07T10:00:61Z" has second 61`},
	{"7 November 2023 13 pm", `"7 November 2023 13 pm" has hour 13 with am/pm`},
	{"04/05/2023", `"04/05/2023" could be 4 May or 5 April`},
	{"4-5-2023", `"4-5-2023" could be 4 May or 5 April`},
	{"7.11.23", `"7.11.23" has a two-digit year; write the year in full`},
	{"Nov 7 23", `"Nov 7 23" has a two-digit year; write the year in full`},
	{"0 BC", `"0 BC" has year 0, but there is no year 0 (1 BC is followed by AD 1)`},
	{"7 November", `"7 November" has no year`},
	{"November", `"November" has no year`},
	{"14:05", `"14:05" is not a date`},
	{"2023 14:05", `"2023 14:05" has a time but no day`},
	{"12345678", `"12345678" is not a date`},
	{"20231399", `"20231399" is not a date`},
	{"1374383371000", `"1374383371000" is not a date`}, // epochs need a column
	{"45237", `"45237" is not a date`},                 // so do Excel serials
	{"7", `"7" has no year`},
	{"2023-W54-1", `"2023-W54-1" has week 54, but 2023 has no such week`},
	{"2023-366", `"2023-366" has day 366 of the year, but 2023 has 365 days`},
	{"2023.5", `"2023.5" is not a date`},
	{"2023-11-07/2023-11-03", `"2023-11-07/2023-11-03" ends before it starts`},
	{"7–3 November 2023", `"7–3 November 2023" ends before it starts`},
	{"3–32 November 2023", `"3–32 November 2023" has day 32`},
	{"+9999999", `"+9999999" is out of range`},
	{"+999999-12-31T23:00-05:00", `"+999999-12-31T23:00-05:00" is out of range`},
	{"7 Novembar 2023", `"7 Novembar 2023" is not a date`},
	{"2023-11-07 2023-11-08", `"2023-11-07 2023-11-08" is not a date`},
	{"November 7 2023 November", `"November 7 2023 November" is not a date`},
	{"2023-11-07 garbage that goes on and on and on for a very long while indeed",
		`"2023-11-07 garbage that goes on and on a…" is not a date`},
}

func TestParseErrors(t *testing.T) {
	for _, tt := range parseErrorTests {
		r, err := Parse(tt.in)
		if err == nil {
			t.Errorf("Parse(%q) = %v, want error %s", tt.in, r, tt.want)
			continue
		}
		if got := err.Error(); got != tt.want {
			t.Errorf("Parse(%q) error\n got %s\nwant %s", tt.in, got, tt.want)
		}
		var e *Error
		if !errors.As(err, &e) {
			t.Errorf("Parse(%q) error is %T, want *Error", tt.in, err)
		}
		if e.Ambiguous != strings.Contains(tt.want, "could be") {
			t.Errorf("Parse(%q) Ambiguous = %v", tt.in, e.Ambiguous)
		}
		if r != (Range{}) {
			t.Errorf("Parse(%q) returned %v with its error", tt.in, r)
		}
	}
	if _, err := Parse(" "); !errors.Is(err, ErrEmpty) {
		t.Errorf("Parse(\" \") error %v is not ErrEmpty", err)
	}
}

// TestBCAcrossYearZero checks that 1 BC is followed by AD 1 and that
// historians' and ISO years meet there.
func TestBCAcrossYearZero(t *testing.T) {
	oneBC, _ := Parse("1 BC")
	oneAD, _ := Parse("AD 1")
	iso0, _ := Parse("0000")
	if oneBC != iso0 {
		t.Errorf("1 BC = %v, want year 0000", oneBC)
	}
	if oneBC.Start.End() != oneAD.Start.Unix {
		t.Errorf("1 BC ends at %s, AD 1 starts at %s", ISO(oneBC.Start.End()), ISO(oneAD.Start.Unix))
	}
	if got := oneBC.Start.Year(); got != 0 {
		t.Errorf("1 BC Year() = %d", got)
	}
	span, _ := Parse("2 BC – AD 2")
	if from, to := span.Span(); to-from != 4*365*secondsPerDay+secondsPerDay { // 2 BC, 1 BC (leap), AD 1, AD 2
		t.Errorf("2 BC – AD 2 spans %d days", (to-from)/secondsPerDay)
	}
}

func TestColumnOrder(t *testing.T) {
	day := Column{Order: DayFirst}
	month := Column{Order: MonthFirst}
	tests := []struct {
		c        Column
		in, want string
	}{
		{day, "04/05/2023", "2023-05-04"},
		{month, "04/05/2023", "2023-04-05"},
		{day, "04-05-2023", "2023-05-04"},
		{month, "04-05-2023 14:05", "2023-04-05T14:05Z"},
		{month, "04.05.2023", "2023-05-04"}, // dots stay day first
		{day, "2023-11-07", "2023-11-07"},
		{month, "7 November 2023", "2023-11-07"},
		{month, "11/2023", "2023-11"},
	}
	for _, tt := range tests {
		r, err := tt.c.Parse(tt.in)
		if err != nil || r.String() != tt.want {
			t.Errorf("%v Parse(%q) = %v, %v; want %s", tt.c.Order, tt.in, r, err, tt.want)
		}
	}
	if _, err := day.Parse("11/13/2023"); err == nil || err.Error() != `"11/13/2023" has month 13` {
		t.Errorf("day-first 11/13/2023: %v", err)
	}
}
