package dates

import (
	"math/rand"
	"testing"
	"time"
)

func TestPrecisionString(t *testing.T) {
	want := []string{"", "year", "month", "day", "hour", "minute", "second"}
	for p, w := range want {
		if got := Precision(p).String(); got != w {
			t.Errorf("Precision(%d) = %q, want %q", p, got, w)
		}
	}
	if got := Precision(9).String(); got != "Precision(9)" {
		t.Errorf("Precision(9) = %q", got)
	}
}

func TestTimeString(t *testing.T) {
	tests := []struct {
		t    Time
		want string
	}{
		{Time{}, ""},
		{Date(2023, 11, 7, 10, 0, 5, Year), "2023"},
		{Date(2023, 11, 7, 10, 0, 5, Month), "2023-11"},
		{Date(2023, 11, 7, 10, 0, 5, Day), "2023-11-07"},
		{Date(2023, 11, 7, 10, 0, 5, Hour), "2023-11-07T10Z"},
		{Date(2023, 11, 7, 10, 0, 5, Minute), "2023-11-07T10:00Z"},
		{Date(2023, 11, 7, 10, 0, 5, Second), "2023-11-07T10:00:05Z"},
		{Date(-508, 1, 1, 0, 0, 0, Year), "-0508"},
		{Date(0, 1, 1, 0, 0, 0, Year), "0000"},
		{Date(1, 1, 1, 0, 0, 0, Year), "0001"},
		{Date(-1, 3, 15, 0, 0, 0, Day), "-0001-03-15"},
		{Date(-12345, 1, 1, 0, 0, 0, Year), "-12345"},
		{Date(9999, 12, 31, 0, 0, 0, Day), "9999-12-31"},
		{Date(10000, 1, 1, 0, 0, 0, Month), "+10000-01"},
		{Date(1969, 12, 31, 23, 59, 59, Second), "1969-12-31T23:59:59Z"},
		{Date(2023, 13, 1, 0, 0, 0, Day), "2024-01-01"}, // normalised like time.Date
		{Date(2023, 2, 29, 0, 0, 0, Day), "2023-03-01"}, // normalised like time.Date
		{Date(2023, 0, 1, 0, 0, 0, Month), "2022-12"},   // normalised like time.Date
		{Date(2024, 2, 29, 0, 0, 0, Day), "2024-02-29"}, // leap day
		{Date(1900, 2, 29, 0, 0, 0, Day), "1900-03-01"}, // 1900 was not a leap year
		{Date(2000, 2, 29, 0, 0, 0, Day), "2000-02-29"}, // 2000 was
		{Date(-4, 2, 29, 0, 0, 0, Day), "-0004-02-29"},  // 5 BC was, proleptically
	}
	for _, tt := range tests {
		if got := tt.t.String(); got != tt.want {
			t.Errorf("%+v.String() = %q, want %q", tt.t, got, tt.want)
		}
	}
}

func TestISO(t *testing.T) {
	tests := []struct {
		unix int64
		want string
	}{
		{0, "1970-01-01T00:00:00Z"},
		{Date(2020, 3, 1, 0, 0, 0, Day).Unix, "2020-03-01T00:00:00Z"},
		{Date(-508, 1, 1, 0, 0, 0, Year).Unix, "-0508-01-01T00:00:00Z"},
		{Date(0, 12, 31, 23, 59, 59, Second).Unix, "0000-12-31T23:59:59Z"},
		{Date(10000, 1, 1, 0, 0, 0, Year).Unix, "+10000-01-01T00:00:00Z"},
		{-1, "1969-12-31T23:59:59Z"},
	}
	for _, tt := range tests {
		if got := ISO(tt.unix); got != tt.want {
			t.Errorf("ISO(%d) = %q, want %q", tt.unix, got, tt.want)
		}
	}
}

func TestEnd(t *testing.T) {
	tests := []struct {
		t    Time
		want Time // the start of the next period
	}{
		{Date(2023, 1, 1, 0, 0, 0, Year), Date(2024, 1, 1, 0, 0, 0, Day)},
		{Date(2024, 1, 1, 0, 0, 0, Year), Date(2025, 1, 1, 0, 0, 0, Day)},
		{Date(-508, 1, 1, 0, 0, 0, Year), Date(-507, 1, 1, 0, 0, 0, Day)},
		{Date(0, 1, 1, 0, 0, 0, Year), Date(1, 1, 1, 0, 0, 0, Day)},
		{Date(-1, 1, 1, 0, 0, 0, Year), Date(0, 1, 1, 0, 0, 0, Day)},
		{Date(2023, 12, 1, 0, 0, 0, Month), Date(2024, 1, 1, 0, 0, 0, Day)},
		{Date(2024, 2, 1, 0, 0, 0, Month), Date(2024, 3, 1, 0, 0, 0, Day)},
		{Date(2023, 2, 1, 0, 0, 0, Month), Date(2023, 3, 1, 0, 0, 0, Day)},
		{Date(2023, 11, 1, 0, 0, 0, Month), Date(2023, 12, 1, 0, 0, 0, Day)},
		{Date(2024, 2, 28, 0, 0, 0, Day), Date(2024, 2, 29, 0, 0, 0, Day)},
		{Date(2023, 12, 31, 0, 0, 0, Day), Date(2024, 1, 1, 0, 0, 0, Day)},
		{Date(2023, 12, 31, 23, 0, 0, Hour), Date(2024, 1, 1, 0, 0, 0, Day)},
		{Date(2023, 12, 31, 23, 59, 0, Minute), Date(2024, 1, 1, 0, 0, 0, Day)},
		{Date(2023, 12, 31, 23, 59, 59, Second), Date(2024, 1, 1, 0, 0, 0, Day)},
	}
	for _, tt := range tests {
		if got := tt.t.End(); got != tt.want.Unix {
			t.Errorf("%v (%v).End() = %s, want %s", tt.t, tt.t.Prec, ISO(got), ISO(tt.want.Unix))
		}
	}
	if got := (Time{Unix: 5}).End(); got != 5 {
		t.Errorf("zero Time End = %d", got)
	}
}

func TestYear(t *testing.T) {
	for _, y := range []int{-10000, -509, -508, -1, 0, 1, 1969, 1970, 2023, 10000} {
		if got := Date(y, 6, 1, 0, 0, 0, Day).Year(); got != y {
			t.Errorf("Year() = %d, want %d", got, y)
		}
	}
}

// TestCivilMatchesTimePackage checks the calendar arithmetic against Go's
// time package, which uses the same proleptic Gregorian astronomical years.
func TestCivilMatchesTimePackage(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for i := 0; i < 20000; i++ {
		unix := rng.Int63n(2*400_000_000_000) - 400_000_000_000 // about ±12,700 years
		y, m, d := civil(unix)
		gy, gm, gd := time.Unix(unix, 0).UTC().Date()
		if y != gy || m != int(gm) || d != gd {
			t.Fatalf("civil(%d) = %d-%d-%d, time package %d-%d-%d", unix, y, m, d, gy, gm, gd)
		}
		tm := Date(gy, int(gm), gd, 0, 0, 0, Day)
		if want := time.Date(gy, gm, gd, 0, 0, 0, 0, time.UTC).Unix(); tm.Unix != want {
			t.Fatalf("Date(%d, %d, %d) = %d, time package %d", gy, gm, gd, tm.Unix, want)
		}
	}
}

// TestRoundTrip checks Parse(t.String()) == t for random Times of each
// precision, negative years included.
func TestRoundTrip(t *testing.T) {
	rng := rand.New(rand.NewSource(2))
	for i := 0; i < 20000; i++ {
		prec := Precision(1 + i%6)
		var y int
		switch i % 4 {
		case 0:
			y = 1900 + rng.Intn(200)
		case 1:
			y = rng.Intn(4000) - 2000
		default:
			y = rng.Intn(2*maxYear+1) - maxYear
		}
		tm := Date(y, 1+rng.Intn(12), 1+rng.Intn(31), rng.Intn(24), rng.Intn(60), rng.Intn(60), prec)
		if tm.Year() < -maxYear || tm.Year() > maxYear {
			continue // day 31 of a short December may roll over
		}
		r, err := Parse(tm.String())
		if err != nil || r.Start != tm || !r.End.IsZero() {
			t.Fatalf("Parse(%q) = %v (%v), %v; want %v", tm.String(), r, r.Start.Prec, err, tm)
		}
	}
}
