package frame

import (
	"math"
	"testing"
)

// TestParseInt checks plain whole numbers and what is not one.
func TestParseInt(t *testing.T) {
	cases := []struct {
		in   string
		want int
		ok   bool
	}{
		{"0", 0, true},
		{"7", 7, true},
		{"-42", -42, true},
		{"+2023", 2023, true},
		{"-0", 0, true},
		{"999999999999999", 999999999999999, true}, // 15 digits: exact as a float64
		{"-999999999999999", -999999999999999, true},
		{"1000000000000000", 0, false}, // 16 digits: an identifier
		{"01234", 0, false},
		{"0042", 0, false},
		{"", 0, false},
		{"-", 0, false},
		{"+", 0, false},
		{"1.0", 0, false},
		{"1,234", 0, false},
		{" 12", 0, false},
		{"12a", 0, false},
		{"١٢", 0, false}, // Arabic-Indic digits
	}
	for _, c := range cases {
		got, ok := parseInt(c.in)
		if got != c.want || ok != c.ok {
			t.Errorf("parseInt(%q) = %d, %v; want %d, %v", c.in, got, ok, c.want, c.ok)
		}
	}
}

// TestParseNumber checks decimal numbers with either decimal mark and
// thousands separators, and what is not a number.
func TestParseNumber(t *testing.T) {
	cases := []struct {
		in    string
		comma bool
		want  float64
		ok    bool
	}{
		{"55.7522", false, 55.7522, true},
		{"55,7522", true, 55.7522, true},
		{"55,7522", false, 0, false},
		{"-1.5", false, -1.5, true},
		{"+0.25", false, 0.25, true},
		{"0.5", false, 0.5, true},
		{"0,5", true, 0.5, true},
		{".5", false, 0.5, true},
		{"5.", false, 5, true},
		{"1,234.5", false, 1234.5, true},
		{"1.234,5", true, 1234.5, true},
		{"1,234,567.25", false, 1234567.25, true},
		{"1.234.567,25", true, 1234567.25, true},
		{"12,000", false, 12000, true},
		{"12.000", true, 12000, true},
		{"1234,5", true, 1234.5, true},
		{"1,2345.5", false, 0, false},
		{"12,34", false, 0, false},
		{"1234,567.5", false, 0, false},
		{"1,234.5", true, 0, false},
		{"1.234,5", false, 0, false},
		{"1,,234", false, 0, false},
		{",234", false, 0, false},
		{"1.5e3", false, 1500, true},
		{"-2E-2", false, -0.02, true},
		{"1,234e2", false, 123400, true},
		{"1,23e4", false, 0, false},
		{"1e", false, 0, false},
		{"1e+", false, 0, false},
		{"e5", false, 0, false},
		{"1,5e3", true, 0, false},
		{"1e999", false, 0, false},
		{"0042", false, 0, false},
		{"00.5", false, 0, false},
		{"01,5", true, 0, false},
		{"-01.5", false, 0, false},
		{"Inf", false, 0, false},
		{"-Inf", false, 0, false},
		{"NaN", false, 0, false},
		{"0x1p4", false, 0, false},
		{"1_000", false, 0, false},
		{"", false, 0, false},
		{".", false, 0, false},
		{"-", false, 0, false},
		{"1.2.3", false, 0, false},
		{"07.11.2023", true, 0, false},
		{"17.11.2023", true, 0, false},
		{"12345678901234567890", false, 0, false},
		{"123,456,789,012,345,678,901", false, 0, false},
		{"1234567890123456789.5", false, 1234567890123456789.5, true},
		{"123456789012345", false, 123456789012345, true},
		{"1234567890123456", false, 0, false}, // 16 digits: an identifier, kept as text
	}
	for _, c := range cases {
		got, ok := parseNumber(c.in, c.comma)
		if ok != c.ok || (ok && math.Abs(got-c.want) > 1e-9*math.Max(1, math.Abs(c.want))) {
			t.Errorf("parseNumber(%q, comma %v) = %v, %v; want %v, %v", c.in, c.comma, got, ok, c.want, c.ok)
		}
	}
}

// TestKindOf checks the kinds columns are given and the numbers read.
func TestKindOf(t *testing.T) {
	nan := math.NaN()
	cases := []struct {
		name    string
		cells   []string
		comma   bool
		kind    Kind
		missing bool
		floats  []float64
	}{
		{"ints", []string{"1", "-2", "2023"}, false, Integer, false, []float64{1, -2, 2023}},
		{"ints and floats", []string{"1", "2.5", "3"}, false, Number, false, []float64{1, 2.5, 3}},
		{"ints with NA", []string{"12", "NA", "", "5"}, false, Integer, true, []float64{12, nan, nan, 5}},
		{"floats with gaps", []string{"N/A", "0.5", "null", "nan"}, false, Number, true, []float64{nan, 0.5, nan, nan}},
		{"decimal comma", []string{"55,7522", "40,1811", "3"}, true, Number, false, []float64{55.7522, 40.1811, 3}},
		{"decimal point in a decimal-comma file", []string{"55.7522", "40.1811"}, true, Number, false, []float64{55.7522, 40.1811}},
		{"thousands in a decimal-comma file", []string{"1.234", "250"}, true, Number, false, []float64{1234, 250}},
		{"ids with leading zeros", []string{"01234", "0042", "1200"}, false, Text, false, nil},
		{"one id with a leading zero", []string{"1234", "5678", "0042"}, false, Text, false, nil},
		{"big integers", []string{"123456789012345678901", "5"}, false, Text, false, nil},
		{"inf and nan", []string{"Inf", "NaN", "-Inf"}, false, Text, false, nil},
		{"only missing", []string{"NA", "", "NaN"}, false, Text, false, nil},
		{"empty column", []string{}, false, Text, false, nil},
		{"text", []string{"Moskau", "1"}, false, Text, false, nil},
		{"dates", []string{"07.11.2023", "03.11.2023"}, true, Text, false, nil},
		{"mixed marks", []string{"55,7522", "40.1811"}, true, Text, false, nil},
	}
	for _, c := range cases {
		floats := make([]float64, len(c.cells))
		kind, missing := kindOf(c.cells, c.comma, floats)
		if kind != c.kind || missing != c.missing {
			t.Errorf("%s: kind %v missing %v, want %v %v", c.name, kind, missing, c.kind, c.missing)
			continue
		}
		if c.floats != nil && !csvSameFloats(floats, c.floats) {
			t.Errorf("%s: floats %v, want %v", c.name, floats, c.floats)
		}
	}
}

// TestKindString checks the names of kinds.
func TestKindString(t *testing.T) {
	for k, want := range map[Kind]string{Text: "text", Integer: "integer", Number: "number", Kind(9): "text"} {
		if got := k.String(); got != want {
			t.Errorf("Kind(%d).String() = %q, want %q", k, got, want)
		}
	}
}
