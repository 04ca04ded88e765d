package release_test

import (
	"fmt"

	"chronomap/app/release"
)

func ExampleParse() {
	info, err := release.Parse([]byte("[Details]\nName = \"Chronomap\"\nVersion = \"1.2.3\"\nBuild = 4\n"))
	fmt.Println(info.Name, info.Version, info.Build, err)
	// Output: Chronomap 1.2.3 4 <nil>
}
