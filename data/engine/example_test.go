package engine_test

import (
	"fmt"

	"chronomap/data/engine"
)

// A source is named by a URL; its password, when the URL carries one,
// never appears in what is printed.
func ExampleParse() {
	a, err := engine.Parse("postgres://ana:s3cret@db.example/gis?table=acled")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(a.Engine, a.Host, a.Database, a.Table)
	fmt.Println(a)
	// Output:
	// postgres db.example:5432 gis acled
	// postgres://ana@db.example:5432/gis?table=acled
}
