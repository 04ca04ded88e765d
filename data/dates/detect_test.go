package dates

import (
	"fmt"
	"testing"
)

func TestDetect(t *testing.T) {
	tests := []struct {
		name      string
		header    string
		values    []string
		kind      Kind
		order     Order
		ambiguous bool
	}{
		{"iso", "event_date", []string{"2023-11-07", "2023-11-08", ""}, Text, Unknown, false},
		{"day first", "Datum", []string{"04/05/2023", "13/11/2023", "01/02/2023"}, Text, DayFirst, false},
		{"month first", "date", []string{"04/05/2023", "11/13/2023", "01/02/2023"}, Text, MonthFirst, false},
		{"day first dashes", "date", []string{"04-05-2023", "13-11-2023"}, Text, DayFirst, false},
		{"ambiguous", "date", []string{"04/05/2023", "01/02/2023", "05/05/2023"}, Text, Unknown, true},
		{"equal parts only", "date", []string{"05/05/2023", "01/01/2023"}, Text, Unknown, false},
		{"majority wins", "date", []string{"13/11/2023", "14/11/2023", "11/15/2023"}, Text, DayFirst, false},
		{"tie", "date", []string{"13/11/2023", "11/15/2023"}, Text, Unknown, true},
		{"dots say nothing", "date", []string{"04.05.2023", "04/05/2023"}, Text, Unknown, true},
		{"unix ms", "time", []string{"1374383371000", "1699351200123"}, UnixMillis, Unknown, false},
		{"unix ms no header", "x", []string{"1374383371000", "1699351200123"}, UnixMillis, Unknown, false},
		{"unix ms 12 digits", "created_ms", []string{"974383371000", "999351200123"}, UnixMillis, Unknown, false},
		{"unix s", "timestamp", []string{"1699351200", "1699351260"}, UnixSeconds, Unknown, false},
		{"unix s no header", "x", []string{"1699351200", "1699351260"}, UnixSeconds, Unknown, false},
		{"unix s decimals", "epoch", []string{"1699351200.25", "1699351260"}, UnixSeconds, Unknown, false},
		{"unix s 9 digits", "unix_time", []string{"999351200", "899351200"}, UnixSeconds, Unknown, false},
		{"phone numbers", "phone", []string{"0301234567", "1699351200"}, Text, Unknown, false},
		{"ids", "id", []string{"123", "456"}, Text, Unknown, false},
		{"id column of epoch-like numbers", "user_id", []string{"1699351200", "1699351260"}, Text, Unknown, false},
		{"zero-padded codes", "date", []string{"045237", "045238"}, Text, Unknown, false},
		{"excel", "Datum", []string{"45237", "45238.5", "45000"}, ExcelSerial, Unknown, false},
		{"excel fecha", "fecha", []string{"45237", "45238"}, ExcelSerial, Unknown, false},
		{"excel дата", "Дата", []string{"45237", "45238"}, ExcelSerial, Unknown, false},
		{"excel decimal comma", "date", []string{"45237,5", "45238"}, ExcelSerial, Unknown, false},
		{"excel needs a date header", "count", []string{"45237", "45238"}, Text, Unknown, false},
		{"years in a date column", "date", []string{"1939", "1945"}, Text, Unknown, false},
		{"year header", "Year", []string{"2023", "1945", "33"}, Years, Unknown, false},
		{"jahr header", "Erscheinungsjahr", []string{"2023", "1945"}, Years, Unknown, false},
		{"año header", "año", []string{"2023", "1945"}, Years, Unknown, false},
		{"год header", "Год", []string{"2023", "1945"}, Years, Unknown, false},
		{"negative years", "when", []string{"-509", "-44", "14"}, Years, Unknown, false},
		{"padded ISO years", "when", []string{"-0508", "-0043", "0014"}, Text, Unknown, false},
		{"gdelt month year", "MonthYear", []string{"202311", "202312"}, YearMonths, Unknown, false},
		{"gdelt sqldate", "SQLDATE", []string{"20231107", "20231108"}, Text, Unknown, false},
		{"gdelt dateadded", "DATEADDED", []string{"20231107153000", "20231107154500"}, Text, Unknown, false},
		{"gdelt fraction", "FractionDate", []string{"2023.8493", "2023.8521"}, DecimalYears, Unknown, false},
		{"mostly numbers", "timestamp", []string{"1699351200", "1699351260", "1699351260", "1699351260", "1699351260", "1699351260", "1699351260", "1699351260", "1699351260", "n/a"}, UnixSeconds, Unknown, false},
		{"empty", "date", nil, Text, Unknown, false},
	}
	for _, tt := range tests {
		c := Detect(tt.header, tt.values)
		if c.Kind != tt.kind || c.Order != tt.order || c.Ambiguous != tt.ambiguous {
			t.Errorf("%s: Detect = %+v, want kind %v order %q ambiguous %v", tt.name, c, tt.kind, tt.order, tt.ambiguous)
		}
	}
}

func TestDetectCounts(t *testing.T) {
	c := Detect("date", []string{"2023-11-07", "", "n/a", "7 November 2023", "  "})
	if c.Checked != 3 || c.Parsed != 2 {
		t.Errorf("Checked %d, Parsed %d; want 3, 2", c.Checked, c.Parsed)
	}
}

// TestDetectBigColumn checks that a value settling the order is found
// even when the spread sample of a big column misses it.
func TestDetectBigColumn(t *testing.T) {
	vs := make([]string, 100_000)
	for i := range vs {
		vs[i] = fmt.Sprintf("%02d/%02d/2023", 1+i%12, 1+(i+1)%12)
	}
	if c := Detect("date", vs); !c.Ambiguous || c.Order != Unknown {
		t.Errorf("without a settling value: %+v", c)
	}
	vs[len(vs)-1] = "11/30/2023"
	c := Detect("date", vs)
	if c.Ambiguous || c.Order != MonthFirst {
		t.Errorf("with 11/30/2023 last: %+v", c)
	}
	if c.Checked != sampleSize {
		t.Errorf("Checked %d, want the sample of %d", c.Checked, sampleSize)
	}
}

func TestAmbiguousColumnParse(t *testing.T) {
	c := Detect("date", []string{"04/05/2023", "05/05/2023"})
	if !c.Ambiguous {
		t.Fatalf("%+v", c)
	}
	if _, err := c.Parse("04/05/2023"); err == nil || err.Error() != `"04/05/2023" could be 4 May or 5 April` {
		t.Errorf("04/05/2023: %v", err)
	}
	if r, err := c.Parse("05/05/2023"); err != nil || r.String() != "2023-05-05" {
		t.Errorf("05/05/2023: %v, %v", r, err)
	}
}

func TestNumericKinds(t *testing.T) {
	tests := []struct {
		kind     Kind
		in, want string
	}{
		{UnixSeconds, "1699351200", "2023-11-07T10:00:00Z"},
		{UnixSeconds, "1699351200.75", "2023-11-07T10:00:00Z"},
		{UnixSeconds, "0", "1970-01-01T00:00:00Z"},
		{UnixSeconds, "-1", "1969-12-31T23:59:59Z"},
		{UnixSeconds, "2023-11-07", "2023-11-07"}, // text still reads
		{UnixMillis, "1374383371000", "2013-07-21T05:09:31Z"},
		{UnixMillis, "1374383371999", "2013-07-21T05:09:31Z"},
		{UnixMillis, "-1", "1969-12-31T23:59:59Z"},
		{ExcelSerial, "45237", "2023-11-07"},
		{ExcelSerial, "45237.5", "2023-11-07T12:00Z"},
		{ExcelSerial, "45237,5", "2023-11-07T12:00Z"},
		{ExcelSerial, "45237.586805555555", "2023-11-07T14:05Z"},
		{ExcelSerial, "45237.5871528", "2023-11-07T14:05:30Z"},
		{ExcelSerial, "45237.0000115741", "2023-11-07T00:00:01Z"},
		{ExcelSerial, "1", "1900-01-01"},
		{ExcelSerial, "59", "1900-02-28"},
		{ExcelSerial, "61", "1900-03-01"},
		{ExcelSerial, "25569", "1970-01-01"},
		{ExcelSerial, "2958465", "9999-12-31"},
		{ExcelSerial, "07.11.2023", "2023-11-07"},
		{Years, "2023", "2023"},
		{Years, "33", "0033"},
		{Years, "-509", "-0508"},
		{Years, "-1", "0000"},
		{Years, "-1200", "-1199"}, // in a year column every negative is BC
		{Years, "509 BC", "-0508"},
		{YearMonths, "202311", "2023-11"},
		{DecimalYears, "2023.8493", "2023-11-06"},
		{DecimalYears, "2024.0", "2024-01-01"},
	}
	for _, tt := range tests {
		r, err := Column{Kind: tt.kind}.Parse(tt.in)
		if err != nil || r.String() != tt.want {
			t.Errorf("%v Parse(%q) = %v, %v; want %s", tt.kind, tt.in, r, err, tt.want)
		}
	}
	errs := []struct {
		kind     Kind
		in, want string
	}{
		{ExcelSerial, "60", `"60" is Excel's 29 February 1900, a day that did not exist`},
		{ExcelSerial, "0", `"0" is not an Excel date (1 to 2958465)`},
		{ExcelSerial, "3000000", `"3000000" is not an Excel date (1 to 2958465)`},
		{Years, "0", `"0" has year 0, but there is no year 0 (1 BC is followed by AD 1)`},
		{Years, "2023.5", `"2023.5" is not a whole year`},
		{YearMonths, "202313", `"202313" has month 13`},
		{UnixMillis, "99999999999999999999", `"99999999999999999999" is out of range`},
		{UnixSeconds, "soon", `"soon" is not a date`},
	}
	for _, tt := range errs {
		_, err := Column{Kind: tt.kind}.Parse(tt.in)
		if err == nil || err.Error() != tt.want {
			t.Errorf("%v Parse(%q) error %v, want %s", tt.kind, tt.in, err, tt.want)
		}
	}
}

func TestKindAndOrderString(t *testing.T) {
	if UnixMillis.String() != "unix-millis" || Text.String() != "text" || Kind(99).String() != "Kind(99)" {
		t.Error("Kind.String")
	}
	if DayFirst.String() != "day-first" || MonthFirst.String() != "month-first" || Unknown.String() != "" {
		t.Error("Order.String")
	}
}
