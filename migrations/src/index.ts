import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Driver } from 'neo4j-driver';

/**
 * Versioned Cypher migrations. Files `NNNN_name.cypher` in `migrations/cypher/` run in order;
 * each applied file is recorded in the graph as a (:Migration) node with its checksum, so a
 * file edited after it was applied stops start-up instead of leaving two graphs that differ.
 */
export interface MigrationFile {
  id: string;
  checksum: string;
  statements: string[];
}

export type MigrationLog = (line: string) => void;

export class MigrationChecksumError extends Error {
  override name = 'MigrationChecksumError';
}

export const MIGRATIONS_DIR = fileURLToPath(new URL('../cypher/', import.meta.url));
const FILE_NAME = /^(\d{4})_[a-z0-9_]+\.cypher$/;

/** Splits a Cypher file into statements: `;` at the end of a line ends one; `//` lines are comments. */
export function splitStatements(text: string): string[] {
  const statements: string[] = [];
  let current: string[] = [];
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (trimmed.startsWith('//') || trimmed === '') continue;
    current.push(line);
    if (trimmed.endsWith(';')) {
      statements.push(current.join('\n').trim().replace(/;$/, ''));
      current = [];
    }
  }
  if (current.length > 0) statements.push(current.join('\n').trim());
  return statements.filter((s) => s.length > 0);
}

export async function loadMigrations(dir = MIGRATIONS_DIR): Promise<MigrationFile[]> {
  const names = (await readdir(dir)).filter((name) => FILE_NAME.test(name)).sort();
  const files: MigrationFile[] = [];
  for (const name of names) {
    const text = await readFile(`${dir}/${name}`, 'utf8');
    files.push({
      id: name.replace(/\.cypher$/, ''),
      checksum: createHash('sha256').update(text).digest('hex'),
      statements: splitStatements(text),
    });
  }
  const ids = files.map((f) => f.id.slice(0, 4));
  const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
  if (duplicate) throw new Error(`two migrations share the number ${duplicate}`);
  return files;
}

export interface MigrateOptions {
  database: string;
  dir?: string;
  /** Apply only the migrations up to this id (inclusive): for upgrade tests. */
  upTo?: string;
  log?: MigrationLog;
}

export interface MigrationStatus {
  applied: string[];
  pending: string[];
}

async function ledger(driver: Driver, database: string): Promise<Map<string, string>> {
  await driver.executeQuery(
    'CREATE CONSTRAINT migration_id IF NOT EXISTS FOR (m:Migration) REQUIRE m.id IS UNIQUE',
    {},
    { database },
  );
  const { records } = await driver.executeQuery(
    'MATCH (m:Migration) RETURN m.id AS id, m.checksum AS checksum',
    {},
    { database, routing: 'READ' },
  );
  return new Map(records.map((r) => [r.get('id') as string, r.get('checksum') as string]));
}

/** Applies the pending migrations in order; returns what was applied and what remains. */
export async function migrate(driver: Driver, options: MigrateOptions): Promise<MigrationStatus> {
  const { database, log = () => {} } = options;
  const files = await loadMigrations(options.dir);
  const done = await ledger(driver, database);
  for (const file of files) {
    const checksum = done.get(file.id);
    if (checksum !== undefined && checksum !== file.checksum) {
      throw new MigrationChecksumError(
        `Migration ${file.id} was changed after it was applied (checksum ${checksum.slice(0, 12)} in the graph, ${file.checksum.slice(0, 12)} on disk). Restore the file and add a new numbered migration instead.`,
      );
    }
  }
  const applied: string[] = [];
  for (const file of files) {
    if (options.upTo && file.id > options.upTo && !file.id.startsWith(options.upTo)) break;
    if (done.has(file.id)) continue;
    const started = Date.now();
    // Schema statements cannot share a transaction with data writes: one auto-commit each.
    // Every statement is written to be idempotent (IF NOT EXISTS, MERGE) so a migration cut
    // short can run again.
    for (const statement of file.statements) {
      await driver.executeQuery(statement, {}, { database });
    }
    await driver.executeQuery(
      `MERGE (m:Migration {id: $id})
       ON CREATE SET m.checksum = $checksum, m.appliedAt = datetime(), m.durationMs = $durationMs`,
      { id: file.id, checksum: file.checksum, durationMs: Date.now() - started },
      { database },
    );
    log(`migration ${file.id} applied (${Date.now() - started} ms)`);
    applied.push(file.id);
  }
  if (applied.length > 0) {
    // Index creation is asynchronous: wait so the first queries use them.
    await driver.executeQuery('CALL db.awaitIndexes(300)', {}, { database });
  }
  const pending = files.filter((f) => !done.has(f.id) && !applied.includes(f.id)).map((f) => f.id);
  return { applied, pending };
}
