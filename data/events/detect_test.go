package events

import (
	"slices"
	"strings"
	"testing"

	"chronomap/data/frame"
)

// readCSV reads CSV text into a frame, as a file named x.csv would be.
func readCSV(t *testing.T, text string) *frame.Frame {
	t.Helper()
	f, err := frame.ReadBytes("x.csv", []byte(text), frame.Options{})
	if err != nil {
		t.Fatalf("ReadBytes: %v", err)
	}
	return f
}

// wantRoles checks that each role is played by exactly the columns given
// and that its Why mentions the given word (when not empty).
func wantRoles(t *testing.T, m Mapping, want map[Role][]string, why map[Role]string) {
	t.Helper()
	for r, cols := range want {
		if got := m.Get(r); !slices.Equal(got, cols) {
			t.Errorf("%s = %q, want %q (mapping %v)", r, got, cols, m.Columns)
		}
		if m.Why[r] == "" {
			t.Errorf("%s has no reason", r)
		}
		if w := why[r]; w != "" && !strings.Contains(m.Why[r], w) {
			t.Errorf("%s: why = %q, want it to mention %q", r, m.Why[r], w)
		}
	}
}

func TestDetectByHeaderLanguages(t *testing.T) {
	tests := []struct {
		name string
		csv  string
		want map[Role][]string
		lang string // the language every Why must mention; "" for English
	}{
		{
			name: "German",
			csv: "Datum;Ort;Land;Breite;Länge;Quelle;Ereignis\n" +
				"07.11.2023;Moskau;Russland;55,7558;37,6173;ISW;Treffen mit Avilés\n" +
				"03.11.2023;Jerewan;Armenien;40,1792;44,4991;ISW;Treffen mit Basham\n",
			want: map[Role][]string{Start: {"Datum"}, Place: {"Ort"}, Country: {"Land"}, Lat: {"Breite"},
				Lon: {"Länge"}, Source: {"Quelle"}, Title: {"Ereignis"}},
			lang: "German",
		},
		{
			name: "Spanish",
			csv: "fecha,lugar,país,latitud,longitud,fuente\n" +
				"2023-11-07,Managua,Nicaragua,12.1364,-86.2514,ISW\n" +
				"2023-11-08,León,Nicaragua,12.4379,-86.8780,ISW\n",
			want: map[Role][]string{Start: {"fecha"}, Place: {"lugar"}, Country: {"país"}, Lat: {"latitud"},
				Lon: {"longitud"}, Source: {"fuente"}},
			lang: "Spanish",
		},
		{
			name: "Russian",
			csv: "дата,место,страна,широта,долгота,источник\n" +
				"07.11.2023,Москва,Россия,55.7558,37.6173,ISW\n" +
				"03.11.2023,Ереван,Армения,40.1792,44.4991,ISW\n",
			want: map[Role][]string{Start: {"дата"}, Place: {"место"}, Country: {"страна"}, Lat: {"широта"},
				Lon: {"долгота"}, Source: {"источник"}},
			lang: "Russian",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := Detect(readCSV(t, tt.csv))
			why := map[Role]string{}
			for r := range tt.want {
				why[r] = tt.lang
			}
			wantRoles(t, m, tt.want, why)
		})
	}
}

func TestDetectFrench(t *testing.T) {
	// French shares latitude, longitude and source with English: those
	// name their role; lieu and pays are French.
	m := Detect(readCSV(t, "date,lieu,pays,latitude,longitude,source,titre\n"+
		"07/11/2023,Ouagadougou,Burkina Faso,12.3714,-1.5197,ISW,Rencontre\n"+
		"13/11/2023,Bamako,Mali,12.6392,-8.0029,ISW,Visite\n"))
	wantRoles(t, m, map[Role][]string{
		Start: {"date"}, Place: {"lieu"}, Country: {"pays"}, Lat: {"latitude"}, Lon: {"longitude"},
		Source: {"source"}, Title: {"titre"},
	}, map[Role]string{Place: "French", Country: "French", Title: "French", Start: `"date"`})
}

func TestDetectByToken(t *testing.T) {
	m := Detect(readCSV(t, "Event Date (UTC),Lat_WGS84,Lon_WGS84,Source URL,Main actor 1,Main actor 2\n"+
		"2023-11-07,55.75,37.62,https://example.org/a,Shoigu,Avilés\n"))
	wantRoles(t, m, map[Role][]string{
		Start: {"Event Date (UTC)"}, Lat: {"Lat_WGS84"}, Lon: {"Lon_WGS84"}, URL: {"Source URL"},
		Actor: {"Main actor 1", "Main actor 2"},
	}, map[Role]string{Start: `contains "date"`, Lat: `contains "lat"`})
}

func TestDetectWholeNameBeatsToken(t *testing.T) {
	// "date" names the date; "update date" only contains the word.
	m := Detect(readCSV(t, "update date,date,title\n2024-01-01,2023-11-07,a\n"))
	wantRoles(t, m, map[Role][]string{Start: {"date"}}, nil)
}

func TestDetectSplitDate(t *testing.T) {
	m := Detect(readCSV(t, "Year,Month,Day,Headline\n2023,11,7,Meeting in Moscow\n2023,11,3,Meeting in Yerevan\n"))
	wantRoles(t, m, map[Role][]string{Start: {"Year", "Month", "Day"}, Title: {"Headline"}},
		map[Role]string{Start: "split"})

	// A year alone is a start, if a weak one.
	m = Detect(readCSV(t, "year,title\n1985,a\n1986,b\n"))
	wantRoles(t, m, map[Role][]string{Start: {"year"}}, map[Role]string{Start: "the year"})
	m = Detect(readCSV(t, "Jahr;Titel\n-509;Republik\n"))
	wantRoles(t, m, map[Role][]string{Start: {"Jahr"}}, map[Role]string{Start: `"Jahr" means the year in German`})

	// A named date column wins over a bare year column.
	m = Detect(readCSV(t, "year,event_date,title\n2023,2023-11-07,a\n"))
	wantRoles(t, m, map[Role][]string{Start: {"event_date"}}, nil)

	// German split date.
	m = Detect(readCSV(t, "Jahr;Monat;Tag;Titel\n2023;11;7;Treffen\n"))
	wantRoles(t, m, map[Role][]string{Start: {"Jahr", "Monat", "Tag"}, Title: {"Titel"}}, nil)
}

func TestDetectByValues(t *testing.T) {
	m := Detect(readCSV(t, "when,loc,page,what\n"+
		"2023-11-07,\"55.75, 37.62\",https://example.org/1,Meeting in Moscow\n"+
		"2023-11-03,\"40.18, 44.51\",https://example.org/2,Meeting in Yerevan\n"+
		"2023-11-08,\"40.79, 43.85\",www.example.org/3,Base in Gyumri\n"))
	wantRoles(t, m, map[Role][]string{Start: {"when"}, Coords: {"loc"}, URL: {"page"}, Title: {"what"}},
		map[Role]string{Coords: "coordinates", URL: "web links", Title: "first text column"})

	// A column whose name says nothing, read as dates from its values.
	m = Detect(readCSV(t, "k,v\n07.11.2023,a\n3 November 2023,b\n2023-11-08,c\n"))
	wantRoles(t, m, map[Role][]string{Start: {"k"}}, map[Role]string{Start: "read as dates"})

	// A "location" column of coordinates is coordinates, not a place.
	m = Detect(readCSV(t, "date,location\n2023-11-07,POINT(37.62 55.75)\n2023-11-03,POINT(44.51 40.18)\n"))
	wantRoles(t, m, map[Role][]string{Coords: {"location"}}, nil)
	if m.Get(Place) != nil {
		t.Errorf("place = %q, want none", m.Get(Place))
	}
}

func TestDetectTitleFallback(t *testing.T) {
	m := Detect(readCSV(t, "date,kind,link,label2\n"+
		"2023-11-07,meeting,https://example.org/1,Shoigu meets Avilés\n"+
		"2023-11-07,meeting,https://example.org/2,Shoigu meets Coulibaly\n"+
		"2023-11-03,meeting,https://example.org/3,Asryan meets Basham\n"))
	// "kind" is the category by name; the links are not labels; the first
	// free column of short distinct values is the title.
	wantRoles(t, m, map[Role][]string{Category: {"kind"}, URL: {"link"}, Title: {"label2"}}, nil)

	// No title at all rather than a column of web links.
	m = Detect(readCSV(t, "date,url,detail\n2023-11-07,https://a.org/1,https://b.org/1\n2023-11-08,https://a.org/2,https://b.org/2\n"))
	if got := m.Get(Title); got != nil {
		t.Errorf("title = %q (%s), want none: links are not titles", got, m.Why[Title])
	}
}

func TestDetectPreset(t *testing.T) {
	f, err := frame.ReadFile("../frame/testdata/preset_ucdp.csv", frame.Options{})
	if err != nil {
		t.Fatal(err)
	}
	m := Detect(f)
	wantRoles(t, m, map[Role][]string{Start: {"date_start"}, End: {"date_end"}, Actor: {"side_a", "side_b"}},
		map[Role]string{Start: "UCDP"})
}

func TestDetectSplitDateWithTime(t *testing.T) {
	m := Detect(readCSV(t, "Year,Month,Day,Time,Headline\n2023,11,7,14:05,Meeting\n2023,11,3,,Meeting\n"))
	wantRoles(t, m, map[Role][]string{Start: {"Year", "Month", "Day", "Time"}}, nil)
	// A time without a day is no part of a date.
	m = Detect(readCSV(t, "Year,Month,Time,Headline\n2023,11,14:05,Meeting\n"))
	wantRoles(t, m, map[Role][]string{Start: {"Year", "Month"}}, nil)
}
