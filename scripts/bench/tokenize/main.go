// Command tokenize is the yardstick of loading a CSV file: it only splits
// the file into records with encoding/csv, on one core, keeping nothing,
// and prints the number of data rows. chronomap inspect is measured
// against it, whole process, in the same run (scripts/bench/load).
package main

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"os"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: tokenize FILE.csv")
		os.Exit(2)
	}
	f, err := os.Open(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, "tokenize:", err)
		os.Exit(1)
	}
	defer f.Close()
	r := csv.NewReader(bufio.NewReaderSize(f, 1<<20))
	r.ReuseRecord = true
	n := -1 // the header is not a row
	for {
		if _, err := r.Read(); err == io.EOF {
			break
		} else if err != nil {
			fmt.Fprintln(os.Stderr, "tokenize:", err)
			os.Exit(1)
		}
		n++
	}
	fmt.Println(n)
}
