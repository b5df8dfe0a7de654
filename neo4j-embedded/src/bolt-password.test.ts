import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BOLT_PASSWORD_FILE, boltPassword } from './bolt-password.ts';

describe('boltPassword', () => {
  const homes: string[] = [];
  const home = () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'trame-bolt-')), 'data-folder');
    homes.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of homes.splice(0)) rmSync(join(dir, '..'), { recursive: true, force: true });
  });

  it('generates 256 random bits once, in a file only its owner reads, and reads it back', () => {
    const dir = home();
    const first = boltPassword(dir);
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(statSync(join(dir, BOLT_PASSWORD_FILE)).mode & 0o777).toBe(0o600);
    expect(boltPassword(dir)).toBe(first);
    expect(boltPassword(home())).not.toBe(first);
  });

  it('narrows a file others can read back to 0600, and refuses an empty one', () => {
    const dir = home();
    boltPassword(dir);
    const file = join(dir, BOLT_PASSWORD_FILE);
    chmodSync(file, 0o644);
    const password = boltPassword(dir);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8').trim()).toBe(password);
    writeFileSync(file, '\n');
    expect(() => boltPassword(dir)).toThrow(/delete it to generate a new one/);
  });
});
