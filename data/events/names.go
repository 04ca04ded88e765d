package events

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// headerWord is a column name that suggests a role, and the language it
// is in, so the mapping can say why it chose a column.
type headerWord struct {
	role Role
	lang string
}

// headerWords maps normalised column names (see normHeader) to roles, in
// English, German, French, Spanish and Russian. Names here are matched
// whole; headerTokens below match words inside longer names.
var headerWords = map[string]headerWord{}

func init() {
	add := func(role Role, lang string, names ...string) {
		for _, n := range names {
			if _, dup := headerWords[normHeader(n)]; !dup { // the first language to claim a word names it
				headerWords[normHeader(n)] = headerWord{role, lang}
			}
		}
	}
	add(Start, "English", "date", "start", "start date", "start_date", "startdate", "date start", "begin", "begins", "from", "event date", "event_date", "eventdate", "datetime", "date time", "timestamp", "time", "when", "day", "occurred", "occurred on", "published", "published at", "year")
	add(Start, "German", "datum", "startdatum", "beginn", "anfang", "von", "zeitpunkt", "zeit", "wann", "tag", "jahr", "ereignisdatum")
	add(Start, "French", "date de début", "date début", "début", "date_debut", "quand", "jour", "année", "annee", "heure")
	add(Start, "Spanish", "fecha", "fecha inicio", "fecha de inicio", "fecha_inicio", "inicio", "desde", "cuando", "cuándo", "día", "año", "hora")
	add(Start, "Russian", "дата", "дата начала", "начало", "время", "когда", "год", "день")
	add(End, "English", "end", "end date", "end_date", "enddate", "date end", "date_end", "until", "to", "finish", "ends", "stop")
	add(End, "German", "enddatum", "ende", "bis", "datum bis")
	add(End, "French", "date de fin", "date fin", "fin", "date_fin", "jusqu'à")
	add(End, "Spanish", "fecha fin", "fecha de fin", "fecha_fin", "hasta", "final")
	add(End, "Russian", "дата окончания", "окончание", "конец", "до")
	add(Lat, "English", "lat", "latitude", "y", "lat_dd", "decimal latitude", "decimallatitude")
	add(Lat, "German", "breite", "breitengrad", "geogr. breite", "geographische breite")
	add(Lat, "French", "latitude", "lat.")
	add(Lat, "Spanish", "latitud")
	add(Lat, "Russian", "широта")
	add(Lon, "English", "lon", "lng", "long", "longitude", "x", "lon_dd", "decimal longitude", "decimallongitude")
	add(Lon, "German", "länge", "laenge", "längengrad", "laengengrad", "geogr. länge", "geographische länge")
	add(Lon, "Spanish", "longitud")
	add(Lon, "Russian", "долгота")
	add(Coords, "English", "coordinates", "coords", "coord", "latlon", "lat lon", "lat/lon", "lat, lon", "latlng", "position", "point", "geometry", "wkt", "geo", "geolocation")
	add(Coords, "German", "koordinaten", "koordinate", "geokoordinaten")
	add(Coords, "French", "coordonnées", "coordonnees")
	add(Coords, "Spanish", "coordenadas")
	add(Coords, "Russian", "координаты")
	add(Place, "English", "place", "location", "city", "town", "village", "locality", "site", "where", "place name", "placename", "location name", "municipality", "settlement")
	add(Place, "German", "ort", "stadt", "ortschaft", "standort", "schauplatz", "wo", "gemeinde")
	add(Place, "French", "lieu", "ville", "localité", "localite", "endroit", "où", "commune")
	add(Place, "Spanish", "lugar", "ciudad", "localidad", "sitio", "dónde", "donde", "municipio")
	add(Place, "Russian", "место", "город", "населенный пункт", "населённый пункт", "где", "локация")
	add(Country, "English", "country", "nation", "country code", "country_code", "countrycode", "iso", "iso2", "iso3", "iso_a2", "iso_a3", "cc")
	add(Country, "German", "land", "staat", "ländercode")
	add(Country, "French", "pays", "code pays")
	add(Country, "Spanish", "país", "pais", "código de país")
	add(Country, "Russian", "страна", "государство")
	add(Title, "English", "title", "headline", "name", "event", "event name", "summary", "subject", "label", "heading")
	add(Title, "German", "titel", "überschrift", "ueberschrift", "ereignis", "bezeichnung", "name des ereignisses", "schlagzeile")
	add(Title, "French", "titre", "événement", "evenement", "intitulé", "nom")
	add(Title, "Spanish", "título", "titulo", "evento", "nombre", "titular", "suceso")
	add(Title, "Russian", "заголовок", "событие", "название", "наименование")
	add(Description, "English", "description", "notes", "note", "text", "details", "body", "comment", "comments", "remarks", "content", "narrative")
	add(Description, "German", "beschreibung", "notizen", "notiz", "bemerkung", "bemerkungen", "anmerkung", "details", "inhalt", "kommentar")
	add(Description, "French", "remarques", "remarque", "commentaire", "détails", "contenu")
	add(Description, "Spanish", "descripción", "descripcion", "notas", "nota", "texto", "detalles", "comentario", "observaciones")
	add(Description, "Russian", "описание", "примечание", "примечания", "текст", "комментарий", "подробности")
	add(Category, "English", "category", "categories", "type", "event type", "event_type", "eventtype", "kind", "class", "tag", "tags", "group", "theme", "topic", "folder")
	add(Category, "German", "kategorie", "typ", "art", "gruppe", "thema", "ereignistyp")
	add(Category, "French", "catégorie", "categorie", "genre", "groupe", "thème")
	add(Category, "Spanish", "categoría", "categoria", "tipo", "clase", "grupo", "tema")
	add(Category, "Russian", "категория", "тип", "вид", "группа", "тема")
	add(Actor, "English", "actor", "actors", "actor1", "actor 1", "actor_1", "actor2", "actor 2", "actor_2", "party", "parties", "perpetrator", "participant", "participants", "who", "person", "people", "organisation", "organization", "side_a", "side_b")
	add(Actor, "German", "akteur", "akteure", "beteiligte", "beteiligter", "person", "personen", "wer", "teilnehmer")
	add(Actor, "French", "acteur", "acteurs", "participant", "participants", "qui", "personne", "personnes")
	add(Actor, "Spanish", "actor", "actores", "participante", "participantes", "quién", "quien", "persona", "personas")
	add(Actor, "Russian", "участник", "участники", "актор", "акторы", "сторона", "кто", "лицо", "лица")
	add(Source, "English", "source", "sources", "source name", "reference", "references", "publisher", "outlet", "via")
	add(Source, "German", "quelle", "quellen", "herkunft", "nachweis")
	add(Source, "French", "référence", "références")
	add(Source, "Spanish", "fuente", "fuentes", "referencia")
	add(Source, "Russian", "источник", "источники", "ссылка на источник")
	add(URL, "English", "url", "link", "links", "href", "source url", "source_url", "sourceurl", "web", "website", "uri")
	add(URL, "German", "verweis", "webseite", "internetseite")
	add(URL, "French", "lien", "site web")
	add(URL, "Spanish", "enlace", "vínculo", "sitio web")
	add(URL, "Russian", "ссылка", "адрес", "сайт")
	add(ID, "English", "id", "event id", "event_id", "eventid", "uid", "uuid", "key", "identifier", "no", "no.", "number", "ref", "record id")
	add(ID, "German", "nr", "nr.", "nummer", "kennung", "kennziffer", "lfd. nr.")
	add(ID, "French", "identifiant", "numéro", "n°")
	add(ID, "Spanish", "identificador", "número", "núm.")
	add(ID, "Russian", "номер", "идентификатор", "№")
}

// normHeader lower-cases a column name, folds its diacritics only where
// that keeps words apart (German umlauts and Russian ё are kept, since
// "länge" is not "lange"), and turns runs of separators into one space.
// A capital after a small letter starts a word: "locationLabel", as
// Wikidata and camel-cased exports write names, is "location label".
func normHeader(s string) string {
	s = norm.NFC.String(strings.TrimSpace(s))
	var b strings.Builder
	space := false
	var prev rune
	for _, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' || r == '№' || r == '°' || r == '\'':
			if unicode.IsUpper(r) && unicode.IsLower(prev) {
				space = true
			}
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			prev = r
			b.WriteRune(unicode.ToLower(r))
		default:
			space = true
		}
	}
	return b.String()
}

// headerTokens match single words inside longer names ("Event Date (UTC)",
// "lat_wgs84"). A token match is weaker than a whole-name match.
var headerTokens = map[string]Role{
	"date": Start, "datum": Start, "fecha": Start, "дата": Start, "timestamp": Start,
	"lat": Lat, "latitude": Lat, "breite": Lat, "latitud": Lat, "широта": Lat,
	"lon": Lon, "lng": Lon, "longitude": Lon, "länge": Lon, "longitud": Lon, "долгота": Lon,
	"coordinates": Coords, "koordinaten": Coords, "coordenadas": Coords, "координаты": Coords,
	"place": Place, "location": Place, "city": Place, "ort": Place, "lieu": Place, "lugar": Place, "город": Place, "место": Place,
	"country": Country, "land": Country, "pays": Country, "país": Country, "страна": Country,
	"title": Title, "headline": Title, "titel": Title, "titre": Title, "título": Title,
	"description": Description, "notes": Description, "beschreibung": Description, "описание": Description,
	"category": Category, "type": Category, "kategorie": Category, "catégorie": Category, "categoría": Category, "категория": Category,
	"actor": Actor, "akteur": Actor, "acteur": Actor, "участник": Actor,
	"source": Source, "quelle": Source, "fuente": Source, "источник": Source,
	"url": URL, "link": URL, "href": URL,
}

// tokenRole finds a role from the words of a normalised header, and the
// word that gave it away.
func tokenRole(h string) (Role, string) {
	for _, w := range strings.FieldsFunc(h, func(r rune) bool { return r == ' ' || r == '.' }) {
		if r, ok := headerTokens[w]; ok {
			return r, w
		}
		// "actor1", "lat2": a known word with a number after it.
		if t := strings.TrimRightFunc(w, unicode.IsDigit); t != w {
			if r, ok := headerTokens[t]; ok {
				return r, w
			}
		}
	}
	return "", ""
}
