// Package report reads a report's text — a news article, an assessment, a
// briefing, in German or English — and proposes the events it tells: when
// each happened, as a careful reader resolves the date ("am Dienstag" in a
// report dated Thursday 14 March 2024 is 12 March; "im Januar 2024" stays
// a month; "seit dem Jahr 2015" is no event), where (through the
// gazetteer of chronomap/data/places, in the forms running text uses: "in
// Moskau", "nach Jerewan", "die russische Hauptstadt", a dateline), who
// took part, a short title, the sentence it comes from, a confidence and
// why.
//
// Extract takes the text and returns Proposals, plain values for a person
// to accept, change or drop before they become events; Read and ReadFile
// get the text out of .txt, .md, .html and .docx files. Nothing is looked
// up over the network.
//
// The rules are a reader's, not a model's: a date's words are read into
// dates with chronomap/data/dates, counted from the report's date (the
// caller's, the dateline's or the publication line's) or from the date
// told before; a place is taken where the words around it say something
// happened there, and a name several places bear is settled by the
// countries the text mentions.
package report
