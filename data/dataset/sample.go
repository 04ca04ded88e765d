package dataset

import (
	"context"

	"chronomap/assets"
)

// Sample loads the bundled sample: six events from a report on Russia's
// outreach in November 2023, named assets.SampleTitle.
func Sample() (*Dataset, error) {
	name, data := assets.Sample()
	d, err := Load(context.Background(), Bytes{Title: name, Data: data}, Options{}, nil)
	if d != nil {
		d.Name = assets.SampleTitle
	}
	return d, err
}
