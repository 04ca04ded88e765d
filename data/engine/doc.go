// Package engine browses events where they live, in a table of ClickHouse
// or PostgreSQL: no table is copied to the desktop. It holds what the two
// engines share, in one place: their URLs, the roles of a table's columns
// (detected as for files, by data/events), the one filter compiled to one
// parameterised WHERE clause with quoted identifiers, and the aggregate
// queries a view needs — the timeline's histogram per lane, the map's
// density grid in Web Mercator pixels, the legend's counts and "N of M",
// text search, a page of rows, and the problems (rows without a usable
// time or place) counted by the engine.
//
// The engines' own packages, data/clickhouse and data/postgres, connect,
// read the catalog, say what their errors mean, and load and prepare
// tables; each gives a Conn and a Dialect, and Source runs the queries
// over them. Memory answers the same questions from a dataset in memory:
// it is the reference the engines are tested against.
package engine
