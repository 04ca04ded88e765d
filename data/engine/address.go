package engine

import (
	"fmt"
	"net/url"
	"strings"
)

// Address is where a table lives: `clickhouse://host:port/db?table=T` or
// `postgres://user@host:port/db?table=T`, parsed. Its password, when the
// URL carried one, is kept out of every string it makes: String, errors
// and logs name the address without it.
type Address struct {
	Engine   string // "clickhouse" or "postgres"
	User     string // "" for the engine's default user
	Host     string // host:port
	Database string
	Table    string // "" when only the database is named (import names the table)
	// Cluster, for ClickHouse, is the cluster of remote_servers over
	// whose shards `import` spreads a table it creates.
	Cluster string
	// Params are the URL's other query parameters (sslmode, …), passed to
	// the driver.
	Params url.Values

	password string
}

// IsURL reports whether s names an engine source rather than a file.
func IsURL(s string) bool {
	l := strings.ToLower(s)
	for _, p := range []string{"clickhouse://", "postgres://", "postgresql://"} {
		if strings.HasPrefix(l, p) {
			return true
		}
	}
	return false
}

// defaultPorts are the ports used when a URL names none: ClickHouse's
// native protocol, PostgreSQL's.
var defaultPorts = map[string]string{"clickhouse": "9000", "postgres": "5432"}

// Parse reads an engine URL. Its errors name the URL without its password.
func Parse(raw string) (Address, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return Address{}, fmt.Errorf("%q is not an engine URL (write clickhouse://host:port/db?table=T or postgres://user@host:port/db?table=T)", redact(raw))
	}
	var a Address
	switch strings.ToLower(u.Scheme) {
	case "clickhouse":
		a.Engine = "clickhouse"
	case "postgres", "postgresql":
		a.Engine = "postgres"
	default:
		return Address{}, fmt.Errorf("%q is not an engine URL: Chronomap reads clickhouse:// and postgres:// tables", redact(raw))
	}
	if u.User != nil {
		a.User = u.User.Username()
		a.password, _ = u.User.Password()
	}
	a.Host = u.Host
	if a.Host == "" {
		return Address{}, fmt.Errorf("%s names no server: write %s://host:port/db?table=T", a.withoutPassword(u), a.Engine)
	}
	if u.Port() == "" {
		a.Host += ":" + defaultPorts[a.Engine]
	}
	a.Database = strings.Trim(u.Path, "/")
	if a.Database == "" || strings.Contains(a.Database, "/") {
		return Address{}, fmt.Errorf("%s names no database: write %s://host:port/db?table=T", a.withoutPassword(u), a.Engine)
	}
	q := u.Query()
	a.Table, a.Cluster = q.Get("table"), q.Get("cluster")
	q.Del("table")
	q.Del("cluster")
	q.Del("password")
	a.Params = q
	return a, nil
}

// WithTable returns the address of another table in the same database.
func (a Address) WithTable(t string) Address {
	a.Table = t
	return a
}

// Password returns the password the URL carried, "" when none.
func (a Address) Password() string { return a.password }

// String writes the address as a URL, without its password.
func (a Address) String() string {
	u := url.URL{Scheme: a.Engine, Host: a.Host, Path: "/" + a.Database}
	if a.User != "" {
		u.User = url.User(a.User)
	}
	q := url.Values{}
	for k, v := range a.Params {
		q[k] = v
	}
	if a.Table != "" {
		q.Set("table", a.Table)
	}
	if a.Cluster != "" {
		q.Set("cluster", a.Cluster)
	}
	u.RawQuery = q.Encode()
	return u.String()
}

// Hide removes the address's password from a message (a driver's error
// may quote the URL it was given), so that it never reaches a log.
func (a Address) Hide(msg string) string {
	if a.password == "" {
		return msg
	}
	msg = strings.ReplaceAll(msg, a.password, "xxxxx")
	return strings.ReplaceAll(msg, url.QueryEscape(a.password), "xxxxx")
}

func (a Address) withoutPassword(u *url.URL) string {
	c := *u
	if c.User != nil {
		c.User = url.User(c.User.Username())
	}
	return c.String()
}

// redact removes a password from a URL that did not parse.
func redact(raw string) string {
	scheme, rest, ok := strings.Cut(raw, "://")
	if !ok {
		return raw
	}
	at := strings.LastIndex(rest, "@")
	if at < 0 {
		return raw
	}
	user, _, _ := strings.Cut(rest[:at], ":")
	return scheme + "://" + user + "@" + rest[at+1:]
}

// WithPassword returns the address with the password a connection uses,
// so that its messages hide that one too.
func (a Address) WithPassword(p string) Address {
	a.password = p
	return a
}
