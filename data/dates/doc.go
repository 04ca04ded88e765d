// Package dates reads the dates and times found in event tables into Times
// that remember how precisely they are known: ISO 8601 and RFC 3339, numeric
// day-first and month-first dates (settled per column), month names in
// English, German, French, Spanish and Russian, eras (509 BC, v. Chr.,
// av. J.-C., до н. э.), ranges, Unix epochs and Excel serial days.
//
// Times are stored in UTC. Years are proleptic Gregorian in astronomical
// numbering, as in Go's time package and ISO 8601: year 0 is 1 BC and
// -508 is 509 BC.
//
// Historians write years differently, and the package reads them the way
// they are meant:
//
//   - "509 BC", "509 v. Chr.", "509 av. J.-C.", "509 до н. э." are 509 BC,
//     which is astronomical -508.
//   - A bare negative year with fewer than four digits ("-509", "-44") is
//     a historian's BC year: -509 is 509 BC = astronomical -508.
//   - In a column Detect decides holds years (Kind Years), every negative
//     integer is a BC year in that sense, whatever its length.
//   - A signed year of four or more digits outside such a column ("-0508",
//     "-0508-01-01", "+10000") is ISO 8601 and already astronomical, so
//     that Parse(t.String()) == t for every Time.
//   - There is no year 0 in the historian's count: "0 BC" and a 0 in a year
//     column are errors. "0000" (ISO) is astronomical year 0 = 1 BC.
//
// Errors are *Error values whose text is one plain fragment an analyst can
// read, such as `"32.13.2023" has month 13` or `"04/05/2023" could be
// 4 May or 5 April`.
package dates
