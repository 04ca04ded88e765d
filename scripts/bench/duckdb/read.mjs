// Reads one CSV file into a typed DuckDB table, as a data person would
// instead of opening Chronomap, and prints the number of rows. It is the
// second yardstick of scripts/bench/load; install it once with
// `npm install --prefix scripts/bench/duckdb`.
import { DuckDBInstance } from '@duckdb/node-api';

const file = process.argv[2];
if (!file) {
  console.error('usage: node read.mjs FILE.csv');
  process.exit(2);
}
const db = await DuckDBInstance.create(':memory:');
const con = await db.connect();
// CREATE TABLE makes DuckDB type and store every column, as inspect does;
// a bare count(*) would let it skip most of the parsing.
await con.run(`CREATE TABLE events AS SELECT * FROM read_csv('${file.replaceAll("'", "''")}')`);
const reader = await con.runAndReadAll('SELECT count(*) FROM events');
console.log(String(reader.getRows()[0][0]));
