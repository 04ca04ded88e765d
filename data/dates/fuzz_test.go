package dates

import (
	"strings"
	"testing"
)

// fuzzSeeds are the seed corpus of FuzzParse: every form the package reads
// and some it must reject. They run as ordinary tests.
var fuzzSeeds = []string{
	"2023-11-07", "2023-11-07T10:00", "2023-11-07T10:00:05Z", "2023-11-07 10:00:05",
	"2023-11-07T10:00:05+03:00", "2023-11-07T10:00:05+0300", "2023-11-07T10:00-05",
	"2023-11-07T10:00:05.000Z", "2023-11", "2023", "2023-W45-2", "2023-311", "2023-11-07T10Z",
	"20231107", "20231107153000", "20231107T1530Z", "-0508", "-0508-01-01", "+10000-01-01T00:00:00Z",
	"07.11.2023", "7.11.23", "13/11/2023", "11/13/2023", "04/05/2023", "05/05/2023", "13-11-2023",
	"13/11/2023 14:05", "11/2023", "11.2023", "2023/11/07", "2023.11.07",
	"7. November 2023", "7 November 2023", "November 7, 2023", "Nov 7 2023", "07-Nov-2023",
	"21 March 2020", "1er novembre 2023", "November 2023", "Nov. 2023", "7 de noviembre de 2023",
	"7 ноября 2023 г.", "ноябрь 2023", "Tuesday, 7 November 2023", "Dienstag, 7. November 2023",
	"7. März 2023", "7 Maerz 2023", "7 févr. 2023", "15 août 1944", "7 setiembre 2023",
	"November 7, 2023 2:05 PM", "7 November 2023 14h05", "7. November 2023 um 14 Uhr",
	"509 BC", "509 BCE", "509 v. Chr.", "509 v.Chr.", "509 av. J.-C.", "509 a. C.", "509 до н. э.",
	"AD 33", "33 n. Chr.", "-509", "-44", "0 BC", "0000", "15 March 44 BC",
	"2023-11-03/2023-11-07", "2023-11-03 – 2023-11-07", "3–7 November 2023", "3.–7. November 2023",
	"3-7 November 2023", "1939-1945", "1939–1945", "509–500 BC", "November 3–7, 2023",
	"2023-11-07 10:00 – 12:00", "1939 bis 1945", "2023-11-07/2023-11-03",
	"", " ", `""`, "n/a", "32.13.2023", "2023-02-29", "2023-13-01", "2023-11-07T25:00",
	"31 Feb 2023", "garbage", "12345678", "99999999999999", "2023-11-07T10:00:05.999999999Z",
	"+999999-12-31T23:59:59-05:00", "-999999-01-01T00:00+05:00", "9999-12-31T23:00-05:00",
	"２０２３", "2023–", "–2023", "-", "--", "T", "Z", "am 7. November 2023",
}

func FuzzParse(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, c := range []Column{{}, {Order: DayFirst}, {Order: MonthFirst}} {
			r, err := c.Parse(s)
			if err != nil {
				if r != (Range{}) {
					t.Fatalf("%q: error %v with a result %v", s, err, r)
				}
				if msg := err.Error(); msg == "" || strings.Count(msg, "\n") > 0 && !strings.Contains(s, "\n") {
					t.Fatalf("%q: bad message %q", s, msg)
				}
				continue
			}
			checkTime(t, s, r.Start)
			if !r.End.IsZero() {
				checkTime(t, s, r.End)
				if r.End.Unix < r.Start.Unix {
					t.Fatalf("%q: %v ends before it starts", s, r)
				}
				back, err := Parse(r.String())
				if err != nil || back != r {
					t.Fatalf("%q: %v printed as %q reads back as %v, %v", s, r, r.String(), back, err)
				}
			}
		}
	})
}

// checkTime checks that a parsed Time is valid and reads back from its
// String.
func checkTime(t *testing.T, s string, tm Time) {
	t.Helper()
	if tm.Prec < Year || tm.Prec > Second {
		t.Fatalf("%q: precision %d", s, tm.Prec)
	}
	back, err := Parse(tm.String())
	if err != nil || back.Start != tm || !back.End.IsZero() {
		t.Fatalf("%q: %v (%v) printed as %q reads back as %v, %v", s, tm.Unix, tm.Prec, tm.String(), back, err)
	}
	if tm.End() <= tm.Unix {
		t.Fatalf("%q: %v ends at %d", s, tm, tm.End())
	}
}

func FuzzDetect(f *testing.F) {
	f.Add("date", "13/11/2023\n04/05/2023\n2023-11-07")
	f.Add("Year", "-509\n2023\n0")
	f.Add("time", "1374383371000\n1374383371001")
	f.Add("timestamp", "1699351200\n1699351260.5")
	f.Add("Datum", "45237\n45237,5\n60")
	f.Add("MonthYear", "202311\n202312")
	f.Add("FractionDate", "2023.8493\n2023.0001")
	f.Add("", "")
	f.Fuzz(func(t *testing.T, header, joined string) {
		values := strings.Split(joined, "\n")
		c := Detect(header, values)
		if c.Parsed > c.Checked || c.Checked > len(values) {
			t.Fatalf("counts %d/%d of %d", c.Parsed, c.Checked, len(values))
		}
		for _, v := range values {
			r, err := c.Parse(v)
			if err == nil && (r.Start.Prec < Year || r.Start.Prec > Second) {
				t.Fatalf("%q in %+v: precision %d", v, c, r.Start.Prec)
			}
		}
	})
}
