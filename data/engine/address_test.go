package engine

import (
	"strings"
	"testing"
)

func TestParseAddresses(t *testing.T) {
	for _, c := range []struct{ in, engine, user, host, db, table, cluster, out string }{
		{"clickhouse://127.0.0.1/events?table=acled", "clickhouse", "", "127.0.0.1:9000", "events", "acled", "", "clickhouse://127.0.0.1:9000/events?table=acled"},
		{"clickhouse://me@h:9001/db?table=t&cluster=two", "clickhouse", "me", "h:9001", "db", "t", "two", "clickhouse://me@h:9001/db?cluster=two&table=t"},
		{"postgresql://ana:s3cr%21t@db.example:5433/gis?table=Ereignisse&sslmode=disable", "postgres", "ana", "db.example:5433", "gis", "Ereignisse", "",
			"postgres://ana@db.example:5433/gis?sslmode=disable&table=Ereignisse"},
	} {
		a, err := Parse(c.in)
		if err != nil {
			t.Fatalf("%s: %v", c.in, err)
		}
		if a.Engine != c.engine || a.User != c.user || a.Host != c.host || a.Database != c.db || a.Table != c.table || a.Cluster != c.cluster {
			t.Errorf("%s: %+v", c.in, a)
		}
		if a.String() != c.out {
			t.Errorf("%s: String() = %s, want %s", c.in, a, c.out)
		}
	}
}

func TestPasswordsStayHidden(t *testing.T) {
	a, err := Parse("postgres://ana:s3cr%21t@h/db?table=t&password=also")
	if err != nil {
		t.Fatal(err)
	}
	if a.Password() != "s3cr!t" {
		t.Errorf("password %q", a.Password())
	}
	for _, s := range []string{a.String(), Errorf(a, nil, "failed").Error(), a.Hide("driver said s3cr!t and s3cr%21t")} {
		if strings.Contains(s, "s3cr") || strings.Contains(s, "also") {
			t.Errorf("%q shows the password", s)
		}
	}
	for _, bad := range []string{"postgres://ana:s3cr!t@/db", "postgres://ana:s3cr!t@h/", "mysql://ana:s3cr!t@h/db", "postgres://ana:s3cr!t@h:x/db%zz"} {
		_, err := Parse(bad)
		if err == nil {
			t.Errorf("%s: no error", bad)
			continue
		}
		if strings.Contains(err.Error(), "s3cr") {
			t.Errorf("%q shows the password", err)
		}
	}
}

func TestIsURL(t *testing.T) {
	for s, want := range map[string]bool{"clickhouse://h/db": true, "POSTGRES://h/db": true, "postgresql://h/db": true, "events.csv": false, "/tmp/clickhouse.csv": false} {
		if IsURL(s) != want {
			t.Errorf("IsURL(%q) = %v", s, !want)
		}
	}
}

func TestQuoteDoubled(t *testing.T) {
	if got := QuoteDoubled(`a"; DROP TABLE x; --`); got != `"a""; DROP TABLE x; --"` {
		t.Errorf("got %s", got)
	}
}
