/**
 * The embedded Neo4j's own door: the Bolt password of user `neo4j`, generated on first start
 * into the data folder instead of a published default. Anyone who can read the data folder can
 * read the database anyway; anyone else on the machine (another user, a web page reaching
 * 127.0.0.1:7687 through a local proxy) cannot guess it.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, mkdirSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';

/** The file, in the data folder (TRAME_DATA_DIR), beside data/ and logs/. */
export const BOLT_PASSWORD_FILE = 'bolt-password';
/** Only the owner reads or writes it. */
const FILE_MODE = 0o600;

/**
 * The Bolt password kept in `<home>/bolt-password`: read when the file exists, else 32 random
 * bytes in base64url (43 characters) written there with mode 0600 (exclusive create: two
 * processes starting together agree on the first one written). A file readable by others is
 * narrowed to 0600. Synchronous: called once at start-up.
 * @throws when the file exists but is empty, or the folder cannot be written.
 */
export function boltPassword(home: string): string {
  const file = path.join(home, BOLT_PASSWORD_FILE);
  mkdirSync(home, { recursive: true });
  try {
    const fd = openSync(file, 'wx', FILE_MODE);
    try {
      writeSync(fd, `${randomBytes(32).toString('base64url')}\n`);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  if (process.platform !== 'win32' && (statSync(file).mode & 0o077) !== 0) chmodSync(file, FILE_MODE);
  const password = readFileSync(file, 'utf8').trim();
  if (password.length < 8) {
    throw new Error(`${file} holds no usable password (at least 8 characters): delete it to generate a new one.`);
  }
  return password;
}
