// Package eventstest holds what tests and benchmarks of event loading
// share: generated files shaped like the exports analysts load.
package eventstest

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strconv"
	"time"
)

// ACLEDLike generates n rows of an ACLED-like CSV export: id, ISO date,
// year, event type, actor, country, location, latitude, longitude,
// fatalities and a quoted notes field, about 160 bytes a row. The same n
// gives the same bytes.
func ACLEDLike(n int) []byte {
	r := rand.New(rand.NewPCG(1, uint64(n)))
	types := []string{"Battles", "Protests", "Riots", "Explosions/Remote violence", "Violence against civilians", "Strategic developments"}
	actors := []string{"Military Forces of Russia (2000-)", "Protesters (Armenia)", "Police Forces of Nicaragua (2007-)", "JNIM: Group for Support of Islam and Muslims", "Unidentified Armed Group (Burkina Faso)", "Rioters (Georgia)"}
	places := []struct {
		country, name string
		lat, lon      float64
	}{
		{"Russia", "Moscow", 55.7558, 37.6173}, {"Nicaragua", "Managua", 12.1364, -86.2514},
		{"Burkina Faso", "Ouagadougou", 12.3714, -1.5197}, {"Armenia", "Yerevan", 40.1792, 44.4991},
		{"Armenia", "Gyumri", 40.7894, 43.8475}, {"Ukraine", "Kharkiv", 49.9935, 36.2304},
	}
	words := []string{"reported", "clashes", "near", "the", "village", "of", "forces", "shelled", "positions", "on", "sources", "said", "two", "civilians", "killed", "injured", "convoy", "checkpoint"}
	start := time.Date(1994, 1, 1, 0, 0, 0, 0, time.UTC)
	var b bytes.Buffer
	b.Grow(n * 165)
	b.WriteString("event_id_cnty,event_date,year,event_type,actor1,country,location,latitude,longitude,fatalities,notes\n")
	for i := range n {
		p := places[r.IntN(len(places))]
		d := start.AddDate(0, 0, r.IntN(30*365))
		fmt.Fprintf(&b, "%s%d,%s,%d,%s,%s,%s,%s,", p.country[:3], 100000+i, d.Format("2006-01-02"), d.Year(),
			types[r.IntN(len(types))], actors[r.IntN(len(actors))], p.country, p.name)
		b.WriteString(strconv.FormatFloat(p.lat+r.Float64()-0.5, 'f', 4, 64))
		b.WriteByte(',')
		b.WriteString(strconv.FormatFloat(p.lon+r.Float64()-0.5, 'f', 4, 64))
		b.WriteByte(',')
		b.WriteString(strconv.Itoa(r.IntN(12)))
		b.WriteString(`,"On `)
		b.WriteString(d.Format("2 January 2006"))
		for range 2 + r.IntN(4) {
			b.WriteByte(' ')
			b.WriteString(words[r.IntN(len(words))])
		}
		b.WriteString(` (""local"").`)
		b.WriteString("\"\n")
	}
	return b.Bytes()
}
