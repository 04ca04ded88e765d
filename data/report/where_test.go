package report

import (
	"strings"
	"testing"
	"time"
)

// Places in the forms running text writes them: declined and after
// prepositions, exonyms, "the Russian capital", datelines, and names
// several places bear settled by the countries the text mentions.
func TestPlaces(t *testing.T) {
	for _, tc := range []struct {
		text, name, country string
	}{
		{"Am 7. März 2024 traf Lawrow in Moskau ein.", "Moscow", "RU"},
		{"Am 7. März 2024 reiste Lawrow nach Jerewan.", "Yerevan", "AM"},
		{"Am 7. März 2024 meldeten Anwohner aus Gjumri Explosionen.", "Gyumri", "AM"},
		{"Am 7. März 2024 trafen sich in Kiew die Minister.", "Kyiv", "UA"},
		{"Am 7. März 2024 kamen in der russischen Hauptstadt die Minister zusammen.", "Moscow", "RU"},
		{"Am 7. März 2024 kamen in der Hauptstadt Armeniens die Minister zusammen.", "Yerevan", "AM"},
		{"On 7 March 2024 the ministers met in the Armenian capital.", "Yerevan", "AM"},
		{"On 7 March 2024 the ministers met in Armenia's capital.", "Yerevan", "AM"},
		{"YEREVAN, March 7, 2024 — The ministers met on Thursday.", "Yerevan", "AM"},
		{"Ouagadougou/Moskau (7. März 2024) – Die Minister trafen sich am Donnerstag.", "Ouagadougou", "BF"},
		{"On 7 March 2024 students protested in Moscow, Idaho.", "Moscow", "US"},
		{"MOSCOW, Idaho (AP) — Students protested on 7 March 2024.", "Moscow", "US"},
		{"On 7 March 2024 farmers protested in León, as protests spread across Spain.", "León", "ES"},
		{"Am 7. März 2024 demonstrierten in der nicaraguanischen Stadt León Studenten.", "León", "NI"},
		{"On 7 March 2024 a ship struck a dock in Savannah, Georgia.", "Savannah", "US"},
		{"On 7 March 2024 protesters marched in Tbilisi, Georgia.", "Tbilisi", "GE"},
		{"On 7 March 2024 Georgia's governor signed the bill in Atlanta.", "Atlanta", "US"},
		{"Am 7. März 2024 unterzeichnete der Gouverneur im US-Bundesstaat Georgia das Gesetz.", "Georgia", "US"},
		{"Am 7. März 2024 wurde die ukrainische Hafenstadt Odessa beschossen.", "Odesa", "UA"},
		{"Am 7. März 2024 marschierten Wagner-Kämpfer in Rostow am Don ein.", "Rostov-na-Donu", "RU"},
		{"On 7 March 2024 militants attacked a convoy near Tombouctou.", "Timbuktu", "ML"},
	} {
		ps := Extract(tc.text, Options{})
		if len(ps) != 1 || ps[0].Place.Name != tc.name || ps[0].Place.Country != tc.country {
			var got []string
			for _, p := range ps {
				got = append(got, p.When.String()+" "+p.Place.Name+", "+p.Place.Country+" ("+p.Why.Place+")")
			}
			t.Errorf("%q: %q, want one event at %s, %s", tc.text, got, tc.name, tc.country)
		}
	}
}

// A place named only as a bare word is a place when it is large ("visited
// Kyiv"), not when it is a person's first name ("Vladimir Putin") or a
// small town that is also a word.
func TestBareNames(t *testing.T) {
	ps := Extract("Vladimir Putin met Ararat Mirzoyan on 7 March 2024.", Options{})
	if len(ps) != 1 || ps[0].Place.Name != "" {
		t.Errorf("%+v: want one event without a place", ps)
	}
	ps = Extract("Stoltenberg visited Kyiv on 7 March 2024.", Options{})
	if len(ps) != 1 || ps[0].Place.Name != "Kyiv" {
		t.Errorf("%+v: want Kyiv", ps)
	}
}

// Actors as written, tied to the countries the text ties them to.
func TestActors(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []string // name as written, then its country after "|"
	}{
		{"Am 7. März 2024 traf Nicaraguas Armeechef in Moskau ein.", []string{"Nicaraguas Armeechef|NI"}},
		{"Am 7. März 2024 traf der russische Verteidigungsminister Sergei Shoigu in Moskau ein.", []string{"russische Verteidigungsminister Sergei Shoigu|RU"}},
		{"On 7 March 2024 Armenia's Foreign Minister Ararat Mirzoyan met a deputy commander of U.S. European Command in Yerevan.",
			[]string{"Armenia's Foreign Minister Ararat Mirzoyan|AM", "U.S. European Command|US"}},
		{"Am 7. März 2024 traf der Chef des armenischen Generalstabs Edvard Asyran in Jerewan ein.", []string{"Chef des armenischen Generalstabs Edvard Asyran|AM"}},
	} {
		ps := Extract(tc.text, Options{})
		if len(ps) != 1 {
			t.Errorf("%q: %d proposals", tc.text, len(ps))
			continue
		}
		var got []string
		for _, a := range ps[0].Actors {
			got = append(got, a.Name+"|"+a.Country)
		}
		for _, w := range tc.want {
			found := false
			for _, g := range got {
				if strings.Contains(g, w) {
					found = true
				}
			}
			if !found {
				t.Errorf("%q: actors %q lack %q", tc.text, got, w)
			}
		}
	}
}

// Separate meetings with two partners are two events; a statement by a
// participant in the next sentence is one more, at the meetings' date
// and place; a meeting without a place is put at the host's capital.
func TestMeetingsAndStatements(t *testing.T) {
	text := "Der russische Verteidigungsminister Sergei Shoigu führte am 7. November separate Treffen mit dem nicaraguanischen Armeekommandanten Julio Aviles Castillo und dem burkinischen Verteidigungsminister Kassoum Coulibaly durch.\n\nShoigu betonte, dass Russland und Nicaragua den Westen ablehnen."
	ps := Extract(text, Options{Date: time.Date(2023, 11, 8, 0, 0, 0, 0, time.UTC)})
	if len(ps) != 3 {
		t.Fatalf("%d proposals, want 3: %+v", len(ps), ps)
	}
	for i, p := range ps {
		if p.When.String() != "2023-11-07" || p.Place.Name != "Moscow" {
			t.Errorf("proposal %d: %s at %s, want 2023-11-07 at Moscow", i, p.When, p.Place.Name)
		}
	}
	if !strings.Contains(ps[0].Title, "Julio Aviles Castillo") || !strings.Contains(ps[1].Title, "Kassoum Coulibaly") || !strings.HasPrefix(ps[2].Sentence, "Shoigu betonte") {
		t.Errorf("titles %q, %q; statement %q", ps[0].Title, ps[1].Title, ps[2].Sentence)
	}
	if !strings.Contains(ps[0].Why.Place, "capital of Russia") {
		t.Errorf("why of the place: %s", ps[0].Why.Place)
	}
}
