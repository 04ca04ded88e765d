package report

// usStates maps the states of the United States, folded, to their
// capitals. The gazetteer holds cities and countries but no states; a
// state named in a text ("Moscow, Idaho", "im US-Bundesstaat Georgia")
// says the text is about the United States, and an event placed only in
// a state is put at its capital, which the proposal's why says.
var usStates = map[string]string{
	"alabama": "Montgomery", "alaska": "Juneau", "arizona": "Phoenix", "arkansas": "Little Rock",
	"california": "Sacramento", "kalifornien": "Sacramento", "colorado": "Denver", "connecticut": "Hartford",
	"delaware": "Dover", "florida": "Tallahassee", "georgia": "Atlanta", "hawaii": "Honolulu",
	"idaho": "Boise", "illinois": "Springfield", "indiana": "Indianapolis", "iowa": "Des Moines",
	"kansas": "Topeka", "kentucky": "Frankfort", "louisiana": "Baton Rouge", "maine": "Augusta",
	"maryland": "Annapolis", "massachusetts": "Boston", "michigan": "Lansing", "minnesota": "Saint Paul",
	"mississippi": "Jackson", "missouri": "Jefferson City", "montana": "Helena", "nebraska": "Lincoln",
	"nevada": "Carson City", "new hampshire": "Concord", "new jersey": "Trenton", "new mexico": "Santa Fe",
	"north carolina": "Raleigh", "north dakota": "Bismarck", "ohio": "Columbus", "oklahoma": "Oklahoma City",
	"oregon": "Salem", "pennsylvania": "Harrisburg", "pennsylvanien": "Harrisburg", "rhode island": "Providence",
	"south carolina": "Columbia", "south dakota": "Pierre", "tennessee": "Nashville", "texas": "Austin",
	"utah": "Salt Lake City", "vermont": "Montpelier", "virginia": "Richmond", "west virginia": "Charleston",
	"wisconsin": "Madison", "wyoming": "Cheyenne",
}

// stateWords say that the name after them is a state: "US-Bundesstaat
// Georgia", "the state of Georgia".
var stateWords = setOf("bundesstaat", "us-bundesstaat", "state", "staat", "us-staat")
