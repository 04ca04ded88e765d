package frame

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// TestSniff checks the delimiter, width, header and decimal mark sniff
// decides for small files.
func TestSniff(t *testing.T) {
	cases := []struct {
		name   string
		in     string
		tsv    bool
		delim  byte
		width  int
		header bool
		comma  bool
	}{
		{"comma", "date,place,lat\n2023-11-07,Moskau,55.75\n2023-11-03,Jerewan,40.18\n", false, ',', 3, true, false},
		{"semicolon with commas in text", "Datum;Ort;Ereignis\n07.11.2023;Moskau;Treffen, Gespräch\n03.11.2023;Jerewan;Asryan, Basham\n", false, ';', 3, true, false},
		{"semicolon decimal comma", "Ort;Breite\nMoskau;55,7522\nJerewan;40,1811\n", false, ';', 2, true, true},
		{"semicolon thousands", "Ort;Kosten\nMoskau;1.234,5\n", false, ';', 2, true, true},
		{"semicolon ambiguous comma", "Ort;Teilnehmer\nMoskau;1,234\n", false, ';', 2, true, true},
		{"semicolon ambiguous comma and decimal point", "Ort;Teilnehmer;Breite\nMoskau;1,234;55.7522\n", false, ';', 3, true, false},
		{"tab thousands comma", "place\tkilled\nMoscow\t1,234\nYerevan\t12,000\n", false, '\t', 2, true, false},
		{"tab decimal comma", "Ort\tBreite\nMoskau\t55,7522\n", false, '\t', 2, true, true},
		{"comma file never decimal comma", "place,lat\nMoscow,\"55,7522\"\n", false, ',', 2, true, false},
		{"tab", "date\tplace\n2023-11-07\tМосква\n", false, '\t', 2, true, false},
		{"pipe", "date|place|title\n2023-11-07|Managua|Armee, Marine\n", false, '|', 3, true, false},
		{"quoted delimiters", "a,b\n\"x;y;z\",1\n\"u;v;w\",2\n", false, ',', 2, true, false},
		{"headerless", "2023-11-07,Moskau,55.75\n2023-11-03,Jerewan,40.18\n", false, ',', 3, false, false},
		{"headerless numbers", "1;2;3\n4;5;6\n", false, ';', 3, false, false},
		{"repeated names are not a header", "x,x\n1,2\n", false, ',', 2, false, false},
		{"single column", "Ort\nMoskau\nJerewan\n", false, ',', 1, true, false},
		{"forced tsv single column", "Ort\nMoskau, Russland\nJerewan, Armenien\n", true, '\t', 1, true, false},
		{"consistency beats width", "a,b;c;d\n1,2;3\n4,5;6;7;8\n9,10\n", false, ',', 2, true, false},
	}
	for _, c := range cases {
		s := sniff([]byte(c.in), c.tsv)
		if s.delim != c.delim || s.width != c.width || s.header != c.header || s.decimalComma != c.comma {
			t.Errorf("%s: delim %q width %d header %v comma %v; want %q %d %v %v",
				c.name, s.delim, s.width, s.header, s.decimalComma, c.delim, c.width, c.header, c.comma)
		}
	}
}

// TestSniffRows checks the rows handed to preset detection: those after
// the header, or all of them without one, at most 20.
func TestSniffRows(t *testing.T) {
	var b strings.Builder
	b.WriteString("id,place\n")
	for i := range 30 {
		fmt.Fprintf(&b, "%d,Ort %d\n", i, i)
	}
	s := sniff([]byte(b.String()), false)
	if len(s.rows) != 20 || !slices.Equal(s.rows[0], []string{"0", "Ort 0"}) {
		t.Errorf("rows %q", s.rows)
	}
	if s.rowLen < 6 || s.rowLen > 12 {
		t.Errorf("rowLen %d", s.rowLen)
	}
	s = sniff([]byte("1,Moskau\n2,Jerewan\n"), false)
	if s.header || len(s.rows) != 2 || s.rows[0][1] != "Moskau" {
		t.Errorf("headerless rows %q", s.rows)
	}
}

// TestSniffLongSample checks that a record cut by the 64 KB sample does not
// confuse the sniffer.
func TestSniffLongSample(t *testing.T) {
	var b strings.Builder
	b.WriteString("Datum;Ort;Notiz\n")
	for b.Len() < 70<<10 {
		b.WriteString("07.11.2023;Moskau;\"Treffen\nmit Coulibaly\"\n")
	}
	s := sniff([]byte(b.String()), false)
	if s.delim != ';' || s.width != 3 || !s.header {
		t.Errorf("delim %q width %d header %v", s.delim, s.width, s.header)
	}
}

// TestLooksLikeHeader checks the header test on first rows.
func TestLooksLikeHeader(t *testing.T) {
	cases := []struct {
		row  []string
		want bool
	}{
		{[]string{"date", "place", "lat"}, true},
		{[]string{"Datum", "Ort", "", ""}, true},
		{[]string{"Datum", "", "", ""}, false},
		{[]string{"2023-11-07", "Moskau"}, false},
		{[]string{"07.11.2023", "Moskau"}, false},
		{[]string{"Moskau", " 55.75 "}, false},
		{[]string{"Moskau", "1'234"}, false},
		{[]string{"Ort", "Ort"}, false},
		{[]string{"Year 2023", "Ort"}, true},
	}
	for _, c := range cases {
		if got := looksLikeHeader(c.row); got != c.want {
			t.Errorf("looksLikeHeader(%q) = %v, want %v", c.row, got, c.want)
		}
	}
}
