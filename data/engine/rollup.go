package engine

import (
	"context"

	"chronomap/data/dataset"
)

// Rollups are the tables `chronomap prepare` made for a table.
type Rollups struct{}

func (s *Source) rollupLegend(ctx context.Context, f dataset.Filter) (Legend, bool, error) {
	return Legend{}, false, nil
}

func (s *Source) rollupHistogram(ctx context.Context, f dataset.Filter, b Bins) (Histogram, bool, error) {
	return Histogram{}, false, nil
}

func (s *Source) rollupGrid(ctx context.Context, f dataset.Filter, tl Tiles) (Grid, bool, error) {
	return Grid{}, false, nil
}

// FindRollups looks for the rollups of the source's table.
func FindRollups(ctx context.Context, s *Source) (*Rollups, error) { return nil, nil }
