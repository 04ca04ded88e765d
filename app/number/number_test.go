package number

import (
	"math"
	"testing"
)

func TestInt(t *testing.T) {
	for _, c := range []struct {
		n      int
		en, de string
	}{
		{0, "0", "0"},
		{7, "7", "7"},
		{-7, "-7", "-7"},
		{999, "999", "999"},
		{-123, "-123", "-123"}, // not "-,123"
		{1000, "1,000", "1.000"},
		{-1000, "-1,000", "-1.000"},
		{-123456, "-123,456", "-123.456"},
		{1234567, "1,234,567", "1.234.567"},
		{1_000_000_000_000, "1,000,000,000,000", "1.000.000.000.000"},
		{math.MaxInt64, "9,223,372,036,854,775,807", "9.223.372.036.854.775.807"},
		{math.MinInt64, "-9,223,372,036,854,775,808", "-9.223.372.036.854.775.808"},
	} {
		if got := English.Int(c.n); got != c.en {
			t.Errorf("English.Int(%d) = %q, want %q", c.n, got, c.en)
		}
		if got := German.Int(c.n); got != c.de {
			t.Errorf("German.Int(%d) = %q, want %q", c.n, got, c.de)
		}
	}
	if got := (Marks{Group: "\u202f"}).Int(-1234567); got != "-1\u202f234\u202f567" {
		t.Errorf("a narrow space as the group mark: %q", got)
	}
}

func TestFixed(t *testing.T) {
	for _, c := range []struct {
		v      float64
		prec   int
		en, de string
	}{
		{0, 1, "0.0", "0,0"},
		{-0.04, 1, "0.0", "0,0"}, // rounds to zero: no sign
		{math.Copysign(0, -1), 0, "0", "0"},
		{1.25, 1, "1.2", "1,2"}, // as strconv rounds: to even
		{-2.5, 1, "-2.5", "-2,5"},
		{999.95, 1, "1,000.0", "1.000,0"},
		{1234.56, 1, "1,234.6", "1.234,6"},
		{-1234567.891, 2, "-1,234,567.89", "-1.234.567,89"},
		{1234.56, 0, "1,235", "1.235"},
		{1e15, 1, "1,000,000,000,000,000.0", "1.000.000.000.000.000,0"},
		{math.NaN(), 1, "NaN", "NaN"},
		{math.Inf(1), 1, "+Inf", "+Inf"},
		{math.Inf(-1), 1, "-Inf", "-Inf"},
	} {
		if got := English.Fixed(c.v, c.prec); got != c.en {
			t.Errorf("English.Fixed(%v, %d) = %q, want %q", c.v, c.prec, got, c.en)
		}
		if got := German.Fixed(c.v, c.prec); got != c.de {
			t.Errorf("German.Fixed(%v, %d) = %q, want %q", c.v, c.prec, got, c.de)
		}
	}
}
