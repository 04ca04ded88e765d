package assets

import (
	"bytes"
	"encoding/csv"
	"image/png"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestSample checks the sample's shape: valid UTF-8 CSV, the agreed header,
// every row complete, coordinates on the earth and the places the brief
// asks for.
func TestSample(t *testing.T) {
	name, data := Sample()
	if !strings.HasSuffix(name, ".csv") {
		t.Errorf("Sample name %q does not end in .csv", name)
	}
	if !utf8.Valid(data) || bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) {
		t.Fatal("sample is not UTF-8 without a byte-order mark")
	}
	rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := "id,date,title,description,place,country,lat,lon,origin,origin_lat,origin_lon,category,actor1,actor2,source,url,notes"
	if got := strings.Join(rows[0], ","); got != want {
		t.Fatalf("header\n got %s\nwant %s", got, want)
	}
	col := map[string]int{}
	for i, n := range rows[0] {
		col[n] = i
	}
	places := map[string]bool{}
	ids := map[string]bool{}
	for _, r := range rows[1:] {
		id := r[col["id"]]
		if ids[id] {
			t.Errorf("id %s repeated", id)
		}
		ids[id] = true
		for _, c := range []string{"id", "date", "title", "description", "place", "country", "lat", "lon", "category", "actor1", "source", "notes"} {
			if r[col[c]] == "" {
				t.Errorf("%s: %s is empty", id, c)
			}
		}
		for _, p := range [][2]string{{"lat", "lon"}, {"origin_lat", "origin_lon"}} {
			if r[col[p[0]]] == "" && r[col[p[1]]] == "" {
				continue
			}
			lat, err1 := strconv.ParseFloat(r[col[p[0]]], 64)
			lon, err2 := strconv.ParseFloat(r[col[p[1]]], 64)
			if err1 != nil || err2 != nil || lat < -90 || lat > 90 || lon < -180 || lon > 180 {
				t.Errorf("%s: %s/%s %q,%q are not coordinates", id, p[0], p[1], r[col[p[0]]], r[col[p[1]]])
			}
		}
		places[r[col["place"]]] = true
		places[r[col["origin"]]] = true
		if r[col["source"]] != "ISW" {
			t.Errorf("%s: source %q, want ISW", id, r[col["source"]])
		}
	}
	for _, p := range []string{"Moscow", "Managua", "Ouagadougou", "Yerevan", "Gyumri"} {
		if !places[p] {
			t.Errorf("place %s missing from the sample", p)
		}
	}
	if n := len(rows) - 1; n != 6 {
		t.Errorf("sample has %d events, want 6", n)
	}
	if !strings.Contains(strings.ToLower(SampleTitle), "sample data") {
		t.Errorf("SampleTitle %q does not say it is sample data", SampleTitle)
	}
}

// TestSampleCopy checks that a caller cannot change the embedded sample.
func TestSampleCopy(t *testing.T) {
	_, a := Sample()
	a[0] = 'X'
	if _, b := Sample(); b[0] == 'X' {
		t.Error("Sample returns the embedded bytes, not a copy")
	}
}

func TestIcon(t *testing.T) {
	img, err := png.Decode(bytes.NewReader(IconPNG))
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() != 512 || b.Dy() != 512 {
		t.Errorf("icon is %v, want 512×512", b.Size())
	}
}
