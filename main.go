// Command chronomap puts dated events on a timeline and a world map side
// by side. Without a sub-command it opens the window, on the files given
// or on the bundled sample; `chronomap inspect` reports what was read from
// files and how, `chronomap extract` proposes the events of a report's
// text, `chronomap export` writes the events that pass a filter out.
package main

import (
	_ "embed"
	"fmt"
	"os"

	"fyne.io/fyne/v2/app"

	"chronomap/app/cli/export"
	"chronomap/app/cli/extract"
	"chronomap/app/cli/geocode"
	"chronomap/app/cli/importer"
	"chronomap/app/cli/inspect"
	"chronomap/app/cli/prepare"
	"chronomap/app/cli/render"
	_ "chronomap/app/locale" // before Fyne reads the locale: see the package doc
	"chronomap/app/release"
	"chronomap/app/stall"
	"chronomap/app/startup"
	"chronomap/app/window"
)

const usage = `usage:
  chronomap [FILE ...]                     open the window (the bundled sample when no file is given)
  chronomap inspect [--json] [--map ROLE=COLUMN ...] FILE ...
                                           report what was read from each file and how
  chronomap geocode [--json] [--country CC] NAME ...
                                           find places by name, in many languages, offline
  chronomap render [--view both|map|timeline] [--size WxH] [--title T] [--subtitle T] [--from DATE] [--to DATE] [--marking T] [--page 16:9|a4|letter] [--scale K] --out FILE.png|.svg|.pdf FILE ...
                                           draw the files' events to a picture
  chronomap import [--map ROLE=COLUMN ...] FILE ... --into clickhouse://host:port/db?table=T | postgres://user@host:port/db?table=T
                                           load files into a ClickHouse or PostgreSQL table
  chronomap prepare [--zoom N] URL         build a table's rollups in its engine, for fast views
  chronomap extract [--json] [--lang de|en] [--date YYYY-MM-DD] FILE|-
                                           propose the events a report's text tells (.txt, .md, .html, .docx)
  chronomap export [--workspace W] --out F.csv|.geojson|.kml [FILE ...]
                                           write the events that pass the filter, to read back or share
  chronomap --version                      the version, from FyneApp.toml
`

// fyneApp is the one place the version is written; the packaging tool
// reads the same file.
//
//go:embed FyneApp.toml
var fyneApp []byte

func main() {
	startup.Mark("main")
	args := os.Args[1:]
	info, err := release.Parse(fyneApp)
	if err != nil {
		panic(err) // the embedded file is the build's own: a test reads it
	}
	if len(args) > 0 {
		switch args[0] {
		case "--version", "-version":
			fmt.Println(info)
			return
		case "inspect":
			os.Exit(inspect.Run(args[1:], os.Stdout, os.Stderr))
		case "render":
			os.Exit(render.Run(args[1:], os.Stdout, os.Stderr))
		case "import":
			os.Exit(importer.Run(args[1:], os.Stdout, os.Stderr))
		case "prepare":
			os.Exit(prepare.Run(args[1:], os.Stdout, os.Stderr))
		case "geocode":
			os.Exit(geocode.Run(args[1:], os.Stdout, os.Stderr))
		case "extract":
			os.Exit(extract.Run(args[1:], os.Stdin, os.Stdout, os.Stderr))
		case "export":
			os.Exit(export.Run(args[1:], os.Stdout, os.Stderr))
		case "help", "-h", "-help", "--help":
			fmt.Print(usage)
			return
		}
		if err := window.NotAFile(args[0]); err != nil {
			fmt.Fprintln(os.Stderr, "chronomap:", err)
			os.Exit(2)
		}
	}
	if err := window.Display(); err != nil {
		fmt.Fprintln(os.Stderr, "chronomap:", err)
		os.Exit(1)
	}
	defer func() {
		if p := recover(); p != nil {
			msg, ok := window.Failed(p)
			if !ok {
				panic(p)
			}
			fmt.Fprintln(os.Stderr, "chronomap:", msg)
			os.Exit(1)
		}
	}()
	a := app.NewWithID(info.ID)
	startup.Mark("app")
	stall.Watch()
	if len(args) == 0 {
		s := window.Sample()
		startup.Mark("sample loaded")
		w := window.New(a, []window.Loaded{s})
		w.Release = info
		startup.Mark("window built")
		w.ShowAndRun()
		return
	}
	// Files load in the background, with a progress bar, once the window
	// is up: a big file never leaves the user looking at nothing.
	w := window.New(a, nil)
	w.Release = info
	w.Open(args...)
	w.ShowAndRun()
}
