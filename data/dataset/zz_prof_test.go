package dataset

import (
	"context"
	"os"
	"testing"
)

func BenchmarkZZInspect(b *testing.B) {
	path := os.Getenv("ZZ_FILE")
	if path == "" {
		b.Skip()
	}
	for range b.N {
		d, err := Load(context.Background(), File{Path: path}, Options{}, nil)
		if err != nil {
			b.Fatal(err)
		}
		_ = d
	}
}
