package dates

import "testing"

func TestParts(t *testing.T) {
	tests := []struct {
		year, month, day, clock, want string
	}{
		{"2023", "", "", "", "2023"},
		{"2023", "11", "", "", "2023-11"},
		{"2023", "11", "7", "", "2023-11-07"},
		{"2023", "11", "7", "10:00", "2023-11-07T10:00Z"},
		{"2023", "11", "7", "10:00:05", "2023-11-07T10:00:05Z"},
		{"2023", "11", "7", "2:05 PM", "2023-11-07T14:05Z"},
		{"2023", "11", "7", "14:05+03:00", "2023-11-07T11:05Z"},
		{"2023", "November", "7", "", "2023-11-07"},
		{"2023", "Nov.", "7", "", "2023-11-07"},
		{"2023", "noviembre", "7", "", "2023-11-07"},
		{"2023", "ноября", "7", "", "2023-11-07"},
		{"2023", "März", "7", "", "2023-03-07"},
		{"2023", "février", "", "", "2023-02"},
		{"-509", "", "", "", "-0508"},
		{"-44", "3", "15", "", "-0043-03-15"},
		{"509 BC", "", "", "", "-0508"},
		{"AD 33", "", "", "", "0033"},
		{" 2023 ", " 11 ", " 07 ", " ", "2023-11-07"},
	}
	for _, tt := range tests {
		got, err := Parts(tt.year, tt.month, tt.day, tt.clock)
		if err != nil || got.String() != tt.want {
			t.Errorf("Parts(%q, %q, %q, %q) = %v, %v; want %s", tt.year, tt.month, tt.day, tt.clock, got, err, tt.want)
		}
	}
	errs := []struct {
		year, month, day, clock, want string
	}{
		{"", "", "", "", `"" is empty`},
		{"", "11", "7", "", `"11 7" has no year`},
		{"0", "", "", "", `"0" has year 0, but there is no year 0 (1 BC is followed by AD 1)`},
		{"year", "", "", "", `"year" is not a date`},
		{"2023-11-07", "", "", "", `"2023-11-07" is not a year`},
		{"2023", "13", "", "", `"13" is not a month`},
		{"2023", "Novembar", "", "", `"Novembar" is not a month`},
		{"2023", "2", "30", "", `"2023-2-30" has day 30, but February 2023 has 28 days`},
		{"2023", "2", "x", "", `"x" is not a day of the month`},
		{"2023", "", "7", "", `"7" is a day without a month`},
		{"2023", "11", "7", "25:00", `"2023-11-7 25:00" has hour 25`},
		{"2023", "11", "7", "noon", `"noon" is not a time of day`},
		{"2023", "11", "", "10:00", `"10:00" is a time without a day`},
	}
	for _, tt := range errs {
		_, err := Parts(tt.year, tt.month, tt.day, tt.clock)
		if err == nil || err.Error() != tt.want {
			t.Errorf("Parts(%q, %q, %q, %q) error %v, want %s", tt.year, tt.month, tt.day, tt.clock, err, tt.want)
		}
	}
}

func TestMonthNumber(t *testing.T) {
	for name, want := range map[string]int{"Nov.": 11, "NOVEMBER": 11, "ноября": 11, "Mär": 3, "août": 8, "dic": 12, "x": 0, "Tuesday": 0} {
		if got := MonthNumber(name); got != want {
			t.Errorf("MonthNumber(%q) = %d, want %d", name, got, want)
		}
	}
}
