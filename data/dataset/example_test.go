package dataset_test

import (
	"context"
	"fmt"

	"chronomap/data/dataset"
)

func Example() {
	table := "date,title,category,lat,lon\n" +
		"2023-11-03,Asryan meets Basham,Military cooperation,40.18,44.50\n" +
		"2023-11-07,Shoigu meets Avilés,Military cooperation,55.76,37.62\n" +
		"2023-11-07,Shoigu rejects Western diktat,Diplomacy,55.76,37.62\n" +
		"2023-11,Yerevan distances itself from Moscow,Diplomacy,,\n"
	d, err := dataset.Load(context.Background(), dataset.Bytes{Title: "brief.csv", Data: []byte(table)}, dataset.Options{}, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(d.Len(), "events:", d.Categories.Names, d.Categories.Counts)

	m := d.Apply(dataset.Filter{Query: "shoigu"})
	fmt.Printf("%d of %d shown, %d on the map, by category %v\n", m.Counts.Shown, m.Counts.All, m.Counts.Located, m.Counts.ShownBy)
	for i := range d.Len() {
		if m.IsShown(i) {
			fmt.Println(" ", d.Labels[i])
		}
	}
	// Output:
	// 4 events: [Diplomacy Military cooperation] [2 2]
	// 2 of 4 shown, 2 on the map, by category [1 1]
	//   Shoigu meets Avilés
	//   Shoigu rejects Western diktat
}

func ExampleBox_Contains() {
	// From Fiji eastward over the antimeridian to Samoa.
	pacific := dataset.Box{MinLon: 170, MinLat: -30, MaxLon: -170, MaxLat: 0}
	fmt.Println(pacific.Contains(178.44, -18.14), pacific.Contains(-171.76, -13.83), pacific.Contains(0, -10))
	// Output: true true false
}
