package frame

import "testing"

func TestCodeName(t *testing.T) {
	for _, c := range []struct {
		list, code, lang, want string
		ok                     bool
	}{
		{CAMEORoot, "04", "", "Consult", true},
		{CAMEORoot, "04", "de", "Beratung", true},
		{CAMEORoot, "4", "en", "Consult", true}, // a spreadsheet's leading zero lost
		{CAMEORoot, "19", "de", "Kampf", true},
		{CAMEORoot, "20", "", "Use unconventional mass violence", true},
		{CAMEORoot, "21", "", "", false},
		{QuadClass, "4", "", "Material conflict", true},
		{QuadClass, "1", "de", "Verbale Kooperation", true},
		{QuadClass, "04", "", "", false},
		{FIPS, "RS", "", "", false}, // the gazetteer names countries
		{"", "04", "", "", false},
	} {
		got, ok := CodeName(c.list, c.code, c.lang)
		if got != c.want || ok != c.ok {
			t.Errorf("CodeName(%q, %q, %q) = %q, %v; want %q, %v", c.list, c.code, c.lang, got, ok, c.want, c.ok)
		}
	}
	for code := range 20 {
		for _, l := range []string{"", "de"} {
			if n, ok := CodeName(CAMEORoot, string(rune('0'+(code+1)/10))+string(rune('0'+(code+1)%10)), l); !ok || n == "" {
				t.Errorf("root code %02d has no name in %q", code+1, l)
			}
		}
	}
}

// TestGDELTCodes checks that both GDELT versions say which columns hold
// codes, by the names the file's columns have.
func TestGDELTCodes(t *testing.T) {
	for _, file := range []string{"testdata/preset_gdelt2.export.CSV", "testdata/preset_gdelt1.export.CSV"} {
		f, err := ReadFile(file, Options{})
		if err != nil {
			t.Fatal(err)
		}
		want := map[string]string{"EventRootCode": CAMEORoot, "QuadClass": QuadClass, "ActionGeo_CountryCode": FIPS,
			"Actor1Geo_CountryCode": FIPS, "Actor2Geo_CountryCode": FIPS}
		if len(f.Source.Codes) != len(want) {
			t.Errorf("%s: codes %v, want %v", file, f.Source.Codes, want)
		}
		for col, list := range want {
			if f.Source.Codes[col] != list || f.Col(col) < 0 {
				t.Errorf("%s: column %q holds %q, want %q", file, col, f.Source.Codes[col], list)
			}
		}
	}
}
