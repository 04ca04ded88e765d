// Package clickhouse browses events in a ClickHouse table, over the native
// protocol (the HTTP one fails on older servers, which reject the setting
// client_protocol_version): it connects, reads the catalog, says what the
// server's errors mean, and loads and prepares tables. The SQL of the
// views' questions is data/engine's, written once for both engines.
package clickhouse

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"math"
	"net"
	"os"
	"strings"
	"sync"
	"syscall"
	"time"

	ch "github.com/ClickHouse/clickhouse-go/v2"
	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"

	"chronomap/data/engine"
)

// Dialect is ClickHouse's SQL.
type Dialect struct{}

func (Dialect) Name() string { return "ClickHouse" }

// Quote writes a double-quoted identifier; ClickHouse reads backslash
// escapes inside it as well as doubled quotes, so both are escaped.
func (Dialect) Quote(name string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `""`).Replace(name) + `"`
}
func (Dialect) Int(e string) string   { return "toInt64(" + e + ")" }
func (Dialect) Float(e string) string { return "toFloat64(" + e + ")" }
func (Dialect) Text(e string, k engine.Kind) string {
	if k == engine.Text {
		return "ifNull(" + e + ", '')"
	}
	return "ifNull(toString(" + e + "), '')"
}

func (Dialect) Epoch(e string, k engine.Kind, millis bool) string {
	switch {
	case k == engine.Date:
		return "(toInt64(" + e + ") * 86400)" // days since 1970, whatever the server's time zone
	case millis:
		return "intDiv(toInt64(" + e + "), 1000)"
	}
	return "toInt64(" + e + ")"
}
func (Dialect) Lon(e string) string { return e }
func (Dialect) Lat(e string) string { return e }
func (Dialect) Contains(text, p string) string {
	return "positionCaseInsensitiveUTF8(" + text + ", " + p + ") > 0"
}
func (Dialect) Word(w string) any           { return w }
func (Dialect) Holds(text, p string) string { return "position(" + text + ", " + p + ") > 0" }
func (Dialect) Lower(e string) string {
	return `lowerUTF8(replaceRegexpAll(` + e + `, '^\\s+|\\s+$', ''))`
}
func (Dialect) Div(a, b string) string { return "intDiv(" + a + ", " + b + ")" }

// In is GLOBAL IN: the subquery runs once and its rows go to the
// shards, which a Distributed table needs.
func (Dialect) In() string            { return "GLOBAL IN" }
func (Dialect) Floor(e string) string { return "toInt64(floor(" + e + "))" }

// Key is the start as it is in the sorting key of the tables import
// makes: a sorting key may not be Nullable on this server, and the
// server reads a range of the key only from a condition on the key's
// own expression (not on the column, nor on coalesce).
func (Dialect) Key(start string) string { return "ifNull(" + start + ", 0)" }

func (d Dialect) table(a engine.Address) string { return d.Quote(a.Database) + "." + d.Quote(a.Table) }

// CreateTableAs makes a SummingMergeTree table of a query's rows, which
// adds up the counts of equal keys as it merges.
func (Dialect) CreateTableAs(table string, keys []string, query string) string {
	return fmt.Sprintf("CREATE TABLE %s ENGINE = SummingMergeTree ORDER BY (%s) AS %s", table, strings.Join(keys, ", "), query)
}

// TextIndex is none: this server has no index of text (its skipping
// indexes came in later versions).
func (Dialect) TextIndex(table, column, name string) []string { return nil }

// InsertAs adds a query's rows to a rollup table, which sorts them.
func (Dialect) InsertAs(table string, keys []string, query string) string {
	return "INSERT INTO " + table + " " + query
}

// Conn is a connection pool to one ClickHouse server.
type Conn struct {
	addr engine.Address
	db   driver.Conn
}

// Connect opens a connection to the server an address names, as its user
// (else $CLICKHOUSE_USER, else "default") with the URL's password, else
// $CLICKHOUSE_PASSWORD, and checks that it answers.
func Connect(ctx context.Context, a engine.Address) (*Conn, error) {
	user, password := a.User, a.Password()
	if user == "" {
		user = os.Getenv("CLICKHOUSE_USER")
	}
	if user == "" {
		user = "default"
	}
	if password == "" {
		password = os.Getenv("CLICKHOUSE_PASSWORD")
	}
	a.User = user
	a = a.WithPassword(password)
	db, err := ch.Open(&ch.Options{
		Protocol:    ch.Native,
		Addr:        []string{a.Host},
		Auth:        ch.Auth{Database: a.Database, Username: user, Password: password},
		DialTimeout: 5 * time.Second,
		// Answers of a few thousand rows at most come back in one block;
		// imports send their own.
		MaxOpenConns: 8,
		MaxIdleConns: 4,
		// A GROUP BY that outgrows 1 GB goes on on disk instead of
		// failing at the server's memory limit, its shards' answers merged
		// a part at a time: prepare's zoom-10 pixels of 100 million events
		// by category needed more than the 4 GB a query may use on the
		// test servers.
		Settings: ch.Settings{"max_bytes_before_external_group_by": 1 << 30, "distributed_aggregation_memory_efficient": 1},
	})
	c := &Conn{addr: a, db: db}
	if err != nil {
		return nil, c.Explain(err)
	}
	if err := db.Ping(ctx); err != nil {
		db.Close()
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, c.Explain(err)
	}
	return c, nil
}

// Query runs a statement, its $n parameters bound by the driver. The
// server stops it when ctx is done (see watch).
func (c *Conn) Query(ctx context.Context, sql string, args ...any) (engine.Rows, error) {
	qctx, stop := c.watch(ctx)
	rows, err := c.db.Query(qctx, sql, args...)
	if err != nil {
		stop()
		return nil, err
	}
	return &watched{Rows: rows, stop: stop}, nil
}

// Exec runs a statement that returns no rows.
func (c *Conn) Exec(ctx context.Context, sql string, args ...any) error {
	qctx, stop := c.watch(ctx)
	defer stop()
	return c.db.Exec(qctx, sql, args...)
}

// watch names a query and, should ctx be done before stop is called, has
// the server kill it: a driver giving up on a query only closes its
// connection, which a server busy aggregating notices when it is done,
// minutes later. A deadline also becomes the server's own time limit.
func (c *Conn) watch(ctx context.Context) (context.Context, func()) {
	var b [12]byte
	rand.Read(b[:])
	id := "chronomap-" + hex.EncodeToString(b[:])
	opts := []ch.QueryOption{ch.WithQueryID(id)}
	if d, ok := ctx.Deadline(); ok {
		opts = append(opts, ch.WithSettings(ch.Settings{"max_execution_time": int(math.Ceil(time.Until(d).Seconds()))}))
	}
	done := make(chan struct{})
	go func() {
		select {
		case <-ctx.Done():
			kctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			defer cancel()
			c.db.Exec(kctx, "KILL QUERY WHERE query_id = $1 ASYNC", id)
		case <-done:
		}
	}()
	return ch.Context(ctx, opts...), sync.OnceFunc(func() { close(done) })
}

// watched are a query's rows, its watch stopped when they are closed.
type watched struct {
	driver.Rows
	stop func()
}

func (w *watched) Close() error {
	defer w.stop()
	return w.Rows.Close()
}

// Close closes the connections.
func (c *Conn) Close() error { return c.db.Close() }

// Server error codes Explain tells apart.
const (
	codeUnknownTable    = 60
	codeUnknownDatabase = 81
	codeUnknownUser     = 192
	codeWrongPassword   = 193
	codeNeedPassword    = 194
	codeAuthFailed      = 516
	codeTimeout         = 159
	codeMemory          = 241
	codeReadonly        = 164
	codeAccess          = 497
)

// Explain says in one sentence what went wrong, naming the address
// without its password, and wraps the driver's error.
func (c *Conn) Explain(err error) error {
	if err == nil {
		return nil
	}
	a := c.addr
	var what string
	refused := false
	var ex *ch.Exception
	var op *net.OpError
	switch {
	case errors.As(err, &ex):
		msg := a.Hide(strings.TrimPrefix(ex.Message, "DB::Exception: "))
		switch ex.Code {
		case codeUnknownTable:
			what = fmt.Sprintf("database %q has no table %q", a.Database, a.Table)
		case codeUnknownDatabase:
			what = fmt.Sprintf("the server has no database %q", a.Database)
		case codeUnknownUser, codeWrongPassword, codeNeedPassword, codeAuthFailed:
			what = fmt.Sprintf("ClickHouse refused user %q: wrong user name or password (the password comes from the URL or $CLICKHOUSE_PASSWORD)", a.User)
			refused = true
		case codeTimeout:
			what = "the query ran past its time limit and was stopped"
		case codeMemory:
			what = "the query needed more memory than the server allows"
		case codeReadonly, codeAccess:
			what = fmt.Sprintf("user %q may not do this: %s", a.User, msg)
		default:
			what = fmt.Sprintf("ClickHouse says: %s", firstLine(msg))
		}
	case errors.Is(err, syscall.ECONNREFUSED):
		what = fmt.Sprintf("no ClickHouse server answers at %s (is it running, and is that its native port, 9000 by default?)", a.Host)
	case errors.As(err, &op) && op.Timeout():
		what = fmt.Sprintf("the ClickHouse server at %s did not answer in time", a.Host)
	case errors.Is(err, context.DeadlineExceeded):
		what = "the query ran past its time limit and was stopped"
	case errors.Is(err, net.ErrClosed), errors.Is(err, syscall.ECONNRESET), errors.Is(err, syscall.EPIPE), strings.Contains(err.Error(), "EOF"):
		what = fmt.Sprintf("the connection to ClickHouse at %s was lost", a.Host)
	default:
		what = a.Hide(firstLine(err.Error()))
	}
	if refused {
		return engine.Refusedf(a, err, "%s", what)
	}
	return engine.Errorf(a, err, "%s", what)
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(strings.TrimSpace(s), "\n")
	return strings.TrimSuffix(s, ".")
}
