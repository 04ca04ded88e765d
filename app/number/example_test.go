package number_test

import (
	"fmt"

	"chronomap/app/number"
)

func ExampleMarks_Int() {
	fmt.Println(number.English.Int(1234567), "events")
	fmt.Println(number.German.Int(1234567), "Ereignisse")
	fmt.Println(number.English.Int(-123))
	// Output:
	// 1,234,567 events
	// 1.234.567 Ereignisse
	// -123
}

func ExampleMarks_Fixed() {
	fmt.Println(number.English.Fixed(2345.678, 1), "MB")
	fmt.Println(number.German.Fixed(2345.678, 1), "MB")
	// Output:
	// 2,345.7 MB
	// 2.345,7 MB
}

func ExampleMarks_Short() {
	fmt.Println("+"+number.English.Short(39575621), "earlier")
	fmt.Println("+"+number.German.Short(39575621), "früher")
	fmt.Println(number.English.Short(152400), number.English.Short(2345678), number.English.Short(99999))
	// Output:
	// +39.6M earlier
	// +39,6 Mio. früher
	// 152k 2.35M 99,999
}

// The window takes the marks from its translations; any pair of strings
// will do.
func ExampleMarks() {
	swiss := number.Marks{Group: "'", Decimal: "."}
	fmt.Println(swiss.Fixed(1234567.5, 2))
	// Output: 1'234'567.50
}
