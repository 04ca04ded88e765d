package dates

import (
	"fmt"
	"testing"
)

// isoValues is a column of ISO dates and RFC 3339 datetimes.
func isoValues() []string {
	var vs []string
	for i := 0; i < 1000; i++ {
		y, m, d := 1990+i%35, 1+i%12, 1+i%28
		switch i % 3 {
		case 0:
			vs = append(vs, fmt.Sprintf("%04d-%02d-%02d", y, m, d))
		case 1:
			vs = append(vs, fmt.Sprintf("%04d-%02d-%02dT%02d:%02d:%02dZ", y, m, d, i%24, i%60, i%60))
		default:
			vs = append(vs, fmt.Sprintf("%04d-%02d-%02dT%02d:%02d:%02d.000+03:00", y, m, d, i%24, i%60, i%60))
		}
	}
	return vs
}

// BenchmarkParseISO reads ISO dates and RFC 3339 datetimes; one op is one
// value.
func BenchmarkParseISO(b *testing.B) {
	vs := isoValues()
	c := Detect("event_date", vs)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := c.Parse(vs[i%len(vs)]); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseDayFirst reads dd/mm/yyyy values in a day-first column; one
// op is one value.
func BenchmarkParseDayFirst(b *testing.B) {
	var vs []string
	for i := 0; i < 1000; i++ {
		vs = append(vs, fmt.Sprintf("%02d/%02d/%04d", 1+i%28, 1+i%12, 1990+i%35))
	}
	c := Detect("Datum", vs)
	if c.Order != DayFirst {
		b.Fatalf("order %v", c.Order)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := c.Parse(vs[i%len(vs)]); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseText reads dates with month names; one op is one value.
func BenchmarkParseText(b *testing.B) {
	vs := []string{"7 November 2023", "Dienstag, 7. November 2023", "7 ноября 2023 г.", "November 7, 2023 2:05 PM", "509 v. Chr."}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := Parse(vs[i%len(vs)]); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDetect1M decides the reading of a 1,000,000-value column whose
// order is settled only by values outside the sample; one op is one column.
func BenchmarkDetect1M(b *testing.B) {
	vs := make([]string, 1_000_000)
	for i := range vs {
		vs[i] = fmt.Sprintf("%02d/%02d/2023", 1+i%12, 1+(i+1)%12)
	}
	vs[len(vs)-3] = "13/11/2023" // not in the sample
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if c := Detect("date", vs); c.Order != DayFirst {
			b.Fatalf("%+v", c)
		}
	}
}
