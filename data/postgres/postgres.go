// Package postgres browses events in a PostgreSQL table, PostGIS
// geometries included: it connects, reads the catalog, says what the
// server's errors mean, and loads (with COPY) and prepares tables. The
// SQL of the views' questions is data/engine's, written once for both
// engines; it uses nothing Citus distributed tables lack.
package postgres

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgconn/ctxwatch"
	"github.com/jackc/pgx/v5/pgxpool"

	"chronomap/data/engine"
)

// Dialect is PostgreSQL's SQL, with PostGIS for geometries.
type Dialect struct{}

func (Dialect) Name() string             { return "PostgreSQL" }
func (Dialect) Quote(name string) string { return engine.QuoteDoubled(name) }
func (Dialect) Int(e string) string      { return "(" + e + ")::bigint" }
func (Dialect) Float(e string) string    { return "(" + e + ")::double precision" }
func (Dialect) Text(e string, k engine.Kind) string {
	if k == engine.Point {
		return "coalesce(ST_AsText(" + e + "), '')"
	}
	return "coalesce((" + e + ")::text, '')"
}

func (Dialect) Epoch(e string, k engine.Kind, millis bool) string {
	switch {
	case k == engine.Date:
		return "(((" + e + ") - DATE '1970-01-01')::bigint * 86400)"
	case k == engine.Time:
		return "floor(extract(epoch FROM " + e + "))::bigint"
	case millis:
		return "floor((" + e + ") / 1000)::bigint"
	}
	return "floor(" + e + ")::bigint"
}
func (Dialect) Lon(e string) string            { return "ST_X(ST_PointOnSurface((" + e + ")::geometry))" }
func (Dialect) Lat(e string) string            { return "ST_Y(ST_PointOnSurface((" + e + ")::geometry))" }
func (Dialect) Contains(text, p string) string { return text + " ILIKE " + p }

// Word is the ILIKE pattern of a word: anywhere in the text, its own %,
// _ and \ taken as they are.
func (Dialect) Word(w string) any {
	return "%" + strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(w) + "%"
}

// Holds is LIKE, which a trigram index (made by prepare) serves, unlike
// strpos.
func (Dialect) Holds(text, p string) string { return text + " LIKE " + p }
func (Dialect) Lower(e string) string       { return "lower(btrim(" + e + "))" }
func (Dialect) Div(a, b string) string      { return "((" + a + ") / (" + b + "))" }
func (Dialect) In() string                  { return "IN" }
func (Dialect) Floor(e string) string       { return "floor(" + e + ")::bigint" }

// Key is the start itself: import indexes its tables by it.
func (Dialect) Key(start string) string { return start }

// CreateTableAs makes a table of a query's rows, indexed by its keys: a
// materialized rollup, which Citus makes on the coordinator. The rows
// are written in the index's order, so that a view's range of keys (the
// pixels of a map view) is read from a few pages rather than one page a
// row: the 509,000 rows of a zoom-11 view of 20 million events took
// 2.9 s to read in the order GROUP BY left them, 0.3 s in this one.
func (Dialect) CreateTableAs(table string, keys []string, query string) string {
	return fmt.Sprintf("CREATE TABLE %s AS %s; CREATE INDEX ON %s (%s); ANALYZE %s", table, sorted(query, keys), table, strings.Join(keys, ", "), table)
}

// InsertAs adds a query's rows to a rollup table in its index's order,
// and counts them again for the planner: a coarser zoom level of the
// tiles is a block of its own, in order.
func (Dialect) InsertAs(table string, keys []string, query string) string {
	return fmt.Sprintf("INSERT INTO %s %s; ANALYZE %s", table, sorted(query, keys), table)
}

// TextIndex makes a trigram index of the search text, which finds the
// rows that hold a rare word without reading every row.
func (Dialect) TextIndex(table, column, name string) []string {
	return []string{"CREATE EXTENSION IF NOT EXISTS pg_trgm", fmt.Sprintf("CREATE INDEX IF NOT EXISTS %s ON %s USING gin (%s gin_trgm_ops)", name, table, column)}
}

// sorted orders a query's rows by its first len(keys) columns.
func sorted(query string, keys []string) string {
	by := make([]string, len(keys))
	for i := range keys {
		by[i] = strconv.Itoa(i + 1)
	}
	return "SELECT * FROM (" + query + ") AS cm_rows ORDER BY " + strings.Join(by, ", ")
}

// Conn is a pool of connections to one PostgreSQL server.
type Conn struct {
	addr engine.Address
	db   *pgxpool.Pool
}

// Connect opens connections to the server an address names, as its user
// (else $PGUSER, else the system user) with the URL's password, else
// $PGPASSWORD, else the password file ($PGPASSFILE or ~/.pgpass), as psql
// does, and checks that it answers.
func Connect(ctx context.Context, a engine.Address) (*Conn, error) {
	u := url.URL{Scheme: "postgres", Host: a.Host, Path: "/" + a.Database, RawQuery: a.Params.Encode()}
	if a.User != "" {
		u.User = url.User(a.User)
	}
	c := &Conn{addr: a}
	cfg, err := pgxpool.ParseConfig(u.String())
	if err != nil {
		return nil, c.Explain(err)
	}
	if p := a.Password(); p != "" {
		cfg.ConnConfig.Password = p
	}
	c.addr.User = cfg.ConnConfig.User
	c.addr = c.addr.WithPassword(cfg.ConnConfig.Password)
	cfg.ConnConfig.ConnectTimeout = 5 * time.Second
	cfg.ConnConfig.RuntimeParams["timezone"] = "UTC"
	cfg.ConnConfig.RuntimeParams["application_name"] = "chronomap"
	// No JIT compiling: a view's query over a window's edges or a rollup
	// runs for milliseconds, and compiling it took 0.9 s of the 1.2 s a
	// map grid under a time window took over 20 million events.
	cfg.ConnConfig.RuntimeParams["jit"] = "off"
	cfg.MaxConns = 8
	// A query given up is cancelled on the server too, not only dropped
	// by the client: the server would go on scanning a big table for
	// nobody, holding its locks.
	cfg.ConnConfig.BuildContextWatcherHandler = func(pc *pgconn.PgConn) ctxwatch.Handler {
		return &pgconn.CancelRequestContextWatcherHandler{Conn: pc, DeadlineDelay: 2 * time.Second}
	}
	if c.db, err = pgxpool.NewWithConfig(ctx, cfg); err != nil {
		return nil, c.Explain(err)
	}
	if err := c.db.Ping(ctx); err != nil {
		c.db.Close()
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, c.Explain(err)
	}
	return c, nil
}

// rows adapts pgx's rows, whose Close returns nothing.
type rows struct{ pgx.Rows }

func (r rows) Close() error { r.Rows.Close(); return nil }

// Query runs a statement with its $n parameters.
func (c *Conn) Query(ctx context.Context, sql string, args ...any) (engine.Rows, error) {
	r, err := c.db.Query(ctx, sql, args...)
	if err != nil {
		return nil, err
	}
	return rows{r}, nil
}

// Exec runs a statement that returns no rows.
func (c *Conn) Exec(ctx context.Context, sql string, args ...any) error {
	_, err := c.db.Exec(ctx, sql, args...)
	return err
}

// Close closes the connections.
func (c *Conn) Close() error { c.db.Close(); return nil }

// Explain says in one sentence what went wrong, naming the address
// without its password, and wraps the driver's error.
func (c *Conn) Explain(err error) error {
	if err == nil {
		return nil
	}
	a := c.addr
	var what string
	refused := false
	var pe *pgconn.PgError
	switch {
	case errors.As(err, &pe):
		switch pe.Code {
		case "28P01", "28000":
			what = fmt.Sprintf("PostgreSQL refused user %q: wrong user name or password (the password comes from the URL, $PGPASSWORD or the password file)", a.User)
			refused = true
		case "3D000":
			what = fmt.Sprintf("the server has no database %q", a.Database)
		case "42P01":
			what = fmt.Sprintf("database %q has no table %q", a.Database, a.Table)
		case "57014":
			what = "the query ran past its time limit and was stopped"
		case "42501":
			what = fmt.Sprintf("user %q may not do this: %s", a.User, a.Hide(pe.Message))
		case "53200":
			what = "the query needed more memory than the server allows"
		default:
			what = "PostgreSQL says: " + a.Hide(strings.TrimSuffix(pe.Message, "."))
		}
	case errors.Is(err, syscall.ECONNREFUSED):
		what = fmt.Sprintf("no PostgreSQL server answers at %s (is it running, and is that its port, 5432 by default?)", a.Host)
	case errors.Is(err, context.DeadlineExceeded):
		what = "the query ran past its time limit and was stopped"
	case pgconn.Timeout(err):
		what = fmt.Sprintf("the PostgreSQL server at %s did not answer in time", a.Host)
	case errors.Is(err, syscall.ECONNRESET), errors.Is(err, syscall.EPIPE), strings.Contains(err.Error(), "EOF"), strings.Contains(err.Error(), "conn closed"):
		what = fmt.Sprintf("the connection to PostgreSQL at %s was lost", a.Host)
	default:
		what, _, _ = strings.Cut(a.Hide(err.Error()), "\n")
	}
	if refused {
		return engine.Refusedf(a, err, "%s", what)
	}
	return engine.Errorf(a, err, "%s", what)
}
