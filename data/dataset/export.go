package dataset

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"

	"chronomap/data/events"
	"chronomap/data/frame"
)

// exportRoles are the roles an export writes, each as a column named for
// it, in this order; Actor takes a column per actor column of the source.
var exportRoles = []events.Role{events.Place, events.Country, events.Title, events.Description,
	events.Category, events.Actor, events.Source, events.URL, events.ID}

// WriteCSV writes the events a mask shows as a table a reader takes back
// to the same events: the start and end as ISO 8601 cut to their
// precision ("2023-11", "-0508"), the start's precision in words ("month",
// for other tools: the dates carry it already), the coordinates (given or
// found by name), every other role as a column named for it, and the file
// and row each event came from.
func (d *Dataset) WriteCSV(w io.Writer, m Mask) error {
	return writeCSV(w, []*Dataset{d}, []Mask{m})
}

// Merge makes one dataset of several, through the table WriteCSV writes:
// the events of all, their roles in common columns, each telling its file
// and row. Categories of the same name are one category, ranked over all,
// labelled as the first dataset that has it labels it.
func Merge(ctx context.Context, name string, ds []*Dataset) (*Dataset, error) {
	var b bytes.Buffer
	if err := writeCSV(&b, ds, make([]Mask, len(ds))); err != nil {
		return nil, err
	}
	lang := ""
	if len(ds) > 0 {
		lang = ds[0].Language
	}
	m, err := Load(ctx, Bytes{Title: name, Data: b.Bytes(), Options: frame.Options{Format: "csv"}}, Options{Language: lang}, nil)
	if err != nil {
		return nil, err
	}
	for k, c := range m.Categories.Names {
		for _, d := range ds {
			if d.Categories.Index(c) >= 0 {
				m.Categories.Labels[k] = d.Categories.Label(c)
				break
			}
		}
	}
	return m, nil
}

// The first columns of every export, by position.
const (
	colStart = iota
	colEnd
	colPrecision
	colLat
	colLon
)

// exportHeader is the columns an export of ds has: those of every role
// any of them maps, as many actor columns as the most of them has.
func exportHeader(ds []*Dataset) (header []string, actors int, origins bool) {
	has := map[events.Role]bool{}
	for _, d := range ds {
		actors = max(actors, len(d.Mapping.Get(events.Actor)))
		origins = origins || d.OriginLat != nil
		for _, r := range exportRoles {
			has[r] = has[r] || len(d.Mapping.Get(r)) > 0
		}
	}
	header = []string{"start", "end", "precision", "lat", "lon"}
	for _, r := range exportRoles {
		switch {
		case r == events.Actor:
			for k := range actors {
				header = append(header, fmt.Sprintf("actor%d", k+1))
			}
		case has[r]:
			header = append(header, string(r))
		}
	}
	if origins {
		header = append(header, "origin_lat", "origin_lon")
	}
	return append(header, "data_file", "data_row"), actors, origins
}

// eachRecord calls fn with every event the masks show, dataset by
// dataset, as a record of the columns header names: the export's table,
// whatever file it is written as. rec is reused between calls.
func eachRecord(ds []*Dataset, masks []Mask, header []string, actors int, origins bool, fn func(d *Dataset, i int, rec []string) error) error {
	rec := make([]string, 0, len(header))
	for k, d := range ds {
		x := d.Index
		for i := range d.Len() {
			if !masks[k].IsShown(i) {
				continue
			}
			rec = append(rec[:0], x.StartTime(i).String(), x.EndTime(i).String(), x.StartPrec[i].String(), coord(x.Lat[i]), coord(x.Lon[i]))
			for _, r := range exportRoles {
				if r == events.Actor {
					cols := d.Mapping.Get(r)
					for a := range actors {
						v := ""
						if a < len(cols) {
							v = d.Frame.Text(int(x.Row[i]), d.Frame.Col(cols[a]))
						}
						rec = append(rec, v)
					}
					continue
				}
				if slices.Contains(header, string(r)) {
					rec = append(rec, d.Text(i, r))
				}
			}
			if origins {
				lat, lon := math.NaN(), math.NaN()
				if d.OriginLat != nil {
					lat, lon = d.OriginLat[i], d.OriginLon[i]
				}
				rec = append(rec, coord(lat), coord(lon))
			}
			rec = append(rec, d.Name, strconv.Itoa(int(x.Row[i])+1))
			if err := fn(d, i, rec); err != nil {
				return err
			}
		}
	}
	return nil
}

func writeCSV(w io.Writer, ds []*Dataset, masks []Mask) error {
	header, actors, origins := exportHeader(ds)
	cw := csv.NewWriter(w)
	if err := cw.Write(header); err != nil {
		return fmt.Errorf("writing events: %w", err)
	}
	err := eachRecord(ds, masks, header, actors, origins, func(d *Dataset, _ int, rec []string) error {
		if err := cw.Write(rec); err != nil {
			return fmt.Errorf("writing the events of %s: %w", d.Name, err)
		}
		return nil
	})
	if err != nil {
		return err
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("writing events: %w", err)
	}
	return nil
}

// coord writes a coordinate with the digits it needs, "" for none.
func coord(v float64) string {
	if math.IsNaN(v) {
		return ""
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}
