package frame

import (
	"unsafe"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
)

// gotaFrame mirrors the layout of gota v0.12.0's dataframe.DataFrame.
type gotaFrame struct {
	columns []series.Series
	ncols   int
	nrows   int
	Err     error
}

// newDataFrame is dataframe.New without its defensive copy of every
// column. The series are made here and shared with nobody, and the copy
// would double the peak memory of loading a large file (a million rows of
// eleven columns: 230 MB more). gota is pinned at v0.12.0; the layout is
// checked here and by TestNewDataFrameMatchesGota, and any mismatch falls
// back to dataframe.New.
func newDataFrame(cols []series.Series) dataframe.DataFrame {
	if unsafe.Sizeof(gotaFrame{}) != unsafe.Sizeof(dataframe.DataFrame{}) || len(cols) == 0 {
		return dataframe.New(cols...)
	}
	n := cols[0].Len()
	names := make(map[string]bool, len(cols))
	for _, c := range cols {
		if c.Len() != n || c.Err != nil {
			return dataframe.New(cols...) // let gota say what is wrong
		}
		if c.Name == "" || names[c.Name] {
			return dataframe.New(cols...) // let gota rename the column
		}
		names[c.Name] = true
	}
	g := gotaFrame{columns: cols, ncols: len(cols), nrows: n}
	df := *(*dataframe.DataFrame)(unsafe.Pointer(&g))
	if df.Ncol() != len(cols) || df.Nrow() != n {
		return dataframe.New(cols...)
	}
	return df
}
