package clickhouse

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"chronomap/data/engine"
)

// chunkRows is how many rows go to the server in one block: big enough
// for ClickHouse to write well, small enough to show progress.
const chunkRows = 32_768

// senders is how many blocks are sent at once.
const senders = 2

// Created says what an import made.
type Created struct {
	Tables []string // the tables created, as db.table@host
	Rows   int      // rows written
}

// sqlType is the ClickHouse type a column is written as.
func sqlType(c engine.Column) string {
	switch {
	case c.Name == engine.RowColumn:
		return "UInt32"
	case c.Kind == engine.Integer:
		return "Nullable(Int64)"
	case c.Kind == engine.Number:
		return "Nullable(Float64)"
	}
	return "String"
}

// String writes a ClickHouse string literal.
func (Dialect) String(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(s) + "'"
}

// shard is one server of a cluster, connected.
type shard struct {
	host string
	conn *Conn
}

// Import writes the load into the table the address names, creating it
// when it is not there (a MergeTree table), or adding to it when it has
// the same columns. With ?cluster=C it creates a MergeTree table
// T_local on every shard of the cluster and a Distributed table T over
// them on each, and sends the blocks of rows to the shards in turn.
// progress, when not nil, hears how many rows are written.
func Import(ctx context.Context, a engine.Address, l *engine.Load, progress func(done, total int)) (Created, error) {
	if a.Table == "" {
		return Created{}, fmt.Errorf("%s names no table to import into: add ?table=NAME", a)
	}
	c, err := Connect(ctx, a)
	if err != nil {
		return Created{}, err
	}
	defer c.Close()
	d := Dialect{}
	var defs []string
	for _, col := range l.Columns {
		defs = append(defs, d.Quote(col.Name)+" "+sqlType(col))
	}
	cols := strings.Join(defs, ", ")
	var made Created
	local := a.Table
	shards := []shard{{host: a.Host, conn: c}}
	if a.Cluster != "" {
		local = a.Table + "_local"
		if shards, err = c.shards(ctx); err != nil {
			return Created{}, err
		}
		defer func() {
			for _, s := range shards[1:] {
				s.conn.Close()
			}
		}()
	}
	for _, s := range shards {
		created, err := s.conn.ensure(ctx, local, cols, l.Columns, "MergeTree ORDER BY ("+d.Key(d.Quote(engine.StartColumn))+", "+d.Quote(engine.RowColumn)+")")
		if err != nil {
			return Created{}, err
		}
		if created {
			made.Tables = append(made.Tables, fmt.Sprintf("%s.%s on %s", a.Database, local, s.host))
		}
		if a.Cluster == "" {
			continue
		}
		engineDef := fmt.Sprintf("Distributed(%s, %s, %s, rand())", d.String(a.Cluster), d.String(a.Database), d.String(local))
		created, err = s.conn.ensure(ctx, a.Table, cols, l.Columns, engineDef)
		if err != nil {
			return Created{}, err
		}
		if created {
			made.Tables = append(made.Tables, fmt.Sprintf("%s.%s on %s, over the %d shards of cluster %q", a.Database, a.Table, s.host, len(shards), a.Cluster))
		}
	}
	total := l.Rows()
	// Blocks are laid out while others are sent, and two are sent at
	// once (one to each shard of a cluster, in turn): a server writes one
	// block in one thread, so the client folds text and a server writes
	// on both cores instead of taking turns.
	type block struct {
		k, rows int
		cols    []any
	}
	blocks := make(chan block, 1)
	cctx, cancel := context.WithCancel(ctx)
	defer cancel()
	go func() {
		defer close(blocks)
		for lo, k := 0, 0; lo < total; lo, k = lo+chunkRows, k+1 {
			hi := min(lo+chunkRows, total)
			select {
			case blocks <- block{k, hi - lo, l.Chunk(lo, hi)}:
			case <-cctx.Done():
				return
			}
		}
	}()
	var (
		mu    sync.Mutex
		first error
		wg    sync.WaitGroup
	)
	for range max(senders, len(shards)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for b := range blocks {
				err := shards[b.k%len(shards)].conn.insert(cctx, local, l.Columns, b.cols)
				mu.Lock()
				if err != nil && first == nil {
					first = err
					cancel()
				}
				if err == nil {
					made.Rows += b.rows
					if progress != nil {
						progress(made.Rows, total)
					}
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return made, err
	}
	if first != nil {
		return made, first
	}
	return made, nil
}

// insert sends one block of rows, column by column. Old servers send no
// column list for a bare INSERT, so the columns are named; and as the
// driver reads that list itself, and cannot read names holding quotes,
// brackets or commas, a table with such names is filled through a
// staging table of plain names, copied over by the server.
func (c *Conn) insert(ctx context.Context, table string, want []engine.Column, cols []any) error {
	d := Dialect{}
	names := make([]string, len(want))
	for i, col := range want {
		names[i] = col.Name
	}
	if slices.IndexFunc(names, func(n string) bool { return !plain(n) }) < 0 {
		return c.send(ctx, table, names, cols)
	}
	stage := fmt.Sprintf("chronomap_staging_%d", time.Now().UnixNano())
	plainNames, defs := make([]string, len(want)), make([]string, len(want))
	for i, col := range want {
		plainNames[i] = fmt.Sprintf("c%d", i)
		defs[i] = plainNames[i] + " " + sqlType(col)
	}
	if err := c.Exec(ctx, fmt.Sprintf("CREATE TABLE %s (%s) ENGINE = Memory", d.Quote(stage), strings.Join(defs, ", "))); err != nil {
		return c.explainAt(ctx, stage, err)
	}
	defer c.Exec(context.WithoutCancel(ctx), "DROP TABLE IF EXISTS "+d.Quote(stage))
	if err := c.send(ctx, stage, plainNames, cols); err != nil {
		return err
	}
	// INSERT … SELECT fills the columns in order, without naming them.
	if err := c.Exec(ctx, fmt.Sprintf("INSERT INTO %s SELECT * FROM %s", d.Quote(table), d.Quote(stage))); err != nil {
		return c.explainAt(ctx, table, err)
	}
	return nil
}

// plain reports whether a name is letters, digits and underscores.
func plain(n string) bool {
	for _, r := range n {
		if !(r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			return false
		}
	}
	return n != ""
}

// send sends one block of rows into a table of plain names.
func (c *Conn) send(ctx context.Context, table string, names []string, cols []any) error {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = Dialect{}.Quote(n)
	}
	b, err := c.db.PrepareBatch(ctx, "INSERT INTO "+Dialect{}.Quote(table)+" ("+strings.Join(q, ", ")+")")
	if err != nil {
		return c.explainAt(ctx, table, err)
	}
	defer b.Close()
	for i, v := range cols {
		if err := b.Column(i).Append(v); err != nil {
			return c.explainAt(ctx, table, err)
		}
	}
	if err := b.Send(); err != nil {
		return c.explainAt(ctx, table, err)
	}
	return nil
}

// explainAt explains an error about another table than the address's.
func (c *Conn) explainAt(ctx context.Context, table string, err error) error {
	if ctx.Err() != nil {
		return ctx.Err()
	}
	c2 := *c
	c2.addr = c.addr.WithTable(table)
	return c2.Explain(err)
}

// ensure creates a table unless it is there; one that is there must have
// the columns given, in order.
func (c *Conn) ensure(ctx context.Context, table, defs string, want []engine.Column, engineDef string) (bool, error) {
	c2 := *c
	c2.addr = c.addr.WithTable(table)
	have, err := c2.columns(ctx)
	if err == nil {
		names := make([]string, len(have))
		for i, h := range have {
			names[i] = h.Name + " " + h.Type
		}
		wantNames := make([]string, len(want))
		for i, w := range want {
			wantNames[i] = w.Name + " " + sqlType(w)
		}
		if !slices.Equal(names, wantNames) {
			return false, engine.Errorf(c2.addr, nil, "table %q is there with other columns than the file's; name a new table with ?table=", table)
		}
		return false, nil
	}
	sql := fmt.Sprintf("CREATE TABLE %s (%s) ENGINE = %s", Dialect{}.Quote(table), defs, engineDef)
	if err := c.db.Exec(ctx, sql); err != nil {
		return false, c.explainAt(ctx, table, err)
	}
	return true, nil
}

// shards connects to one server of each shard of the address's cluster.
func (c *Conn) shards(ctx context.Context) ([]shard, error) {
	rows, err := c.db.Query(ctx, "SELECT host_address, toString(port) FROM system.clusters WHERE cluster = $1 AND replica_num = 1 ORDER BY shard_num", c.addr.Cluster)
	if err != nil {
		return nil, c.Explain(err)
	}
	var hosts []string
	for rows.Next() {
		var h, p string
		if err := rows.Scan(&h, &p); err != nil {
			rows.Close()
			return nil, c.Explain(err)
		}
		hosts = append(hosts, h+":"+p)
	}
	rows.Close()
	if len(hosts) == 0 {
		return nil, engine.Errorf(c.addr, nil, "the server declares no cluster %q in its remote_servers", c.addr.Cluster)
	}
	var out []shard
	for _, h := range hosts {
		if h == c.addr.Host {
			out = append([]shard{{host: h, conn: c}}, out...)
			continue
		}
		a := c.addr
		a.Host = h
		sc, err := Connect(ctx, a)
		if err != nil {
			for _, s := range out {
				if s.conn != c {
					s.conn.Close()
				}
			}
			return nil, err
		}
		out = append(out, shard{host: h, conn: sc})
	}
	if out[0].conn != c {
		// The address's own server is not a shard: it still gets the
		// Distributed table, so put it first without rows.
		return nil, engine.Errorf(c.addr, nil, "the server %s is not a shard of cluster %q", c.addr.Host, c.addr.Cluster)
	}
	return out, nil
}
