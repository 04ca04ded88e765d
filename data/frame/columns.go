package frame

import "context"

// FromColumns makes a frame of named columns of cells, deciding each
// column's kind and recognising known schemas by their names, as the file
// readers do: rows read from a database table become a frame as a file's
// rows would. src says where they came from; its Format names the engine.
func FromColumns(ctx context.Context, src Source, names []string, cols [][]string) (*Frame, error) {
	t := &table{names: append([]string(nil), names...), cols: cols}
	if len(cols) == 0 { // a table without rows
		t.cols = make([][]string, len(names))
	}
	if p, ok := detectPreset(t.names, true, nil); ok {
		src.Preset, src.Roles = p.Name, p.Roles
	}
	src.HasHeader = true
	return t.frame(ctx, src)
}
