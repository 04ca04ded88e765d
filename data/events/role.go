// Package events turns a frame into events: it decides which column plays
// which role (the mapping), builds a columnar index of events sorted by
// start time, each pointing back to its frame row, and lists the rows that
// could not become events, or could not be placed, as problems.
package events

import (
	"fmt"
	"strings"
)

// Role is the part a column plays in an event.
type Role string

// The roles a column can play. Start and End may be split over several
// columns (year, month, day, time, in that order); Actor may have several
// columns; the others take one.
const (
	Start       Role = "start"
	End         Role = "end"
	Lat         Role = "lat"
	Lon         Role = "lon"
	Coords      Role = "coords" // one column holding both coordinates
	Place       Role = "place"
	Country     Role = "country"
	Title       Role = "title"
	Description Role = "description"
	Category    Role = "category"
	Actor       Role = "actor"
	Source      Role = "source"
	URL         Role = "url"
	ID          Role = "id"
)

// Roles lists every role in the order the mapping dialog shows them.
var Roles = []Role{Start, End, Lat, Lon, Coords, Place, Country, Title, Description, Category, Actor, Source, URL, ID}

// ParseRole reads a role name as the command line and workspace files
// write it; "latitude", "longitude", "date" and "location" are accepted too.
func ParseRole(s string) (Role, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	switch s {
	case "date":
		return Start, nil
	case "latitude":
		return Lat, nil
	case "longitude", "lng":
		return Lon, nil
	case "location":
		return Place, nil
	case "coordinates":
		return Coords, nil
	}
	for _, r := range Roles {
		if string(r) == s {
			return r, nil
		}
	}
	names := make([]string, len(Roles))
	for i, r := range Roles {
		names[i] = string(r)
	}
	return "", fmt.Errorf("%q is not a role; roles are %s", s, strings.Join(names, ", "))
}

// multi reports whether a role may take several columns.
func (r Role) multi() bool { return r == Start || r == End || r == Actor }
