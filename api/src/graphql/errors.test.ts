import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ALL_ERROR_CODES } from './errors.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    // analysis/ speaks of notes on the maths (NO_INFLUENCE…), not of errors.
    if (['node_modules', 'generated', 'dist', 'target', 'analysis'].includes(name)) return [];
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('the error catalogue', () => {
  const raised = new Set<string>();
  for (const file of [...sources(join(ROOT, 'graph/src')), ...sources(join(ROOT, 'api/src'))]) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/(?:new DomainError\(|code: )'([A-Z_]+)'/g)) raised.add(match[1]!);
  }

  it('knows every code the code base raises', () => {
    expect(raised.size).toBeGreaterThan(10);
    for (const code of raised) expect(Object.keys(ALL_ERROR_CODES), code).toContain(code);
  });

  it('documents every code in docs/API.md', () => {
    const doc = readFileSync(join(ROOT, 'docs/API.md'), 'utf8');
    for (const code of Object.keys(ALL_ERROR_CODES)) expect(doc, code).toContain(`\`${code}\``);
  });
});
