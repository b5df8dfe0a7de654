import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ALL_ERROR_CODES, API_ERROR_CODES } from './errors.ts';
import { ERROR_CODES } from '@trame/graph';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    // analysis/ speaks of notes on the maths (NO_INFLUENCE…), not of errors.
    if (['node_modules', 'generated', 'dist', 'target', 'analysis'].includes(name)) return [];
    // entity-schema.ts writes SDL: its upper-case strings are GraphQL type names (ID), not codes.
    if (name === 'entity-schema.ts') return [];
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.test.ts') ? [path] : [];
  });
}

/**
 * Every way the code base hands a code to a client: a DomainError, a `code:` property (GraphQL
 * extensions, model field codes, rule results), the transport's helpers, the model's `distinct`
 * rules and the table of yoga's HTTP statuses. The catalogue files themselves declare codes as
 * bare keys, so they are not counted as emitting them.
 */
const EMITTED = [
  /new DomainError\(\s*'([A-Z][A-Z_]+)'/g,
  /\bcode: '([A-Z][A-Z_]+)'/g,
  /requestError\(\s*'([A-Z][A-Z_]+)'/g,
  /withCode\([^,()]+,\s*'([A-Z][A-Z_]+)'\)/g,
  /sendError\([^,()]+(?:\([^)]*\))?,\s*\d{3},\s*'([A-Z][A-Z_]+)'/g,
  /RequestBodyError\(\d{3},\s*'([A-Z][A-Z_]+)'/g,
  /\d{3}: \['([A-Z][A-Z_]+)'/g,
  /\[\s*'[a-z][a-zA-Z]*',\s*'[a-z][a-zA-Z]*',\s*'([A-Z][A-Z_]+)'\s*\]/g,
  // The import's file errors and row problems (graph/src/exchange/, graph/src/import/workbook.ts).
  /new FileError\(\s*'([A-Z][A-Z_]+)'/g,
  /\bproblem\(\s*(?:[^()',]+|'[a-z][^']*')?\s*,\s*(?:[^()',]+,\s*)?'([A-Z][A-Z_]+)'/g,
  // A function choosing a code, such as validation.ts's default code per field kind.
  /return '([A-Z][A-Z_]+)';/g,
];

function emittedCodes(): Map<string, string[]> {
  const emitted = new Map<string, string[]>();
  const files = [
    ...sources(join(ROOT, 'graph/src')),
    ...sources(join(ROOT, 'api/src')),
    ...sources(join(ROOT, 'migrations/src')),
  ];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const pattern of EMITTED) {
      for (const match of text.matchAll(pattern)) {
        const where = emitted.get(match[1]!) ?? [];
        where.push(file.slice(ROOT.length));
        emitted.set(match[1]!, where);
      }
    }
  }
  return emitted;
}

/** The codes of the table in docs/API.md's « Errors » section. */
function documentedCodes(): string[] {
  const doc = readFileSync(join(ROOT, 'docs/API.md'), 'utf8');
  return [...doc.matchAll(/^\| `([A-Z][A-Z_]+)` \|/gm)].map((match) => match[1]!);
}

describe('the error catalogue', () => {
  const emitted = emittedCodes();

  it('knows every code the code base emits', () => {
    expect(emitted.size).toBeGreaterThan(30);
    const unknown = [...emitted.keys()].filter((code) => !(code in ALL_ERROR_CODES));
    expect(
      unknown,
      `emitted but not in the catalogue: ${unknown.map((c) => `${c} (${emitted.get(c)?.join(', ')})`).join('; ')}`,
    ).toEqual([]);
  });

  it('has no code that nothing emits', () => {
    const unused = Object.keys(ALL_ERROR_CODES).filter((code) => !emitted.has(code));
    expect(unused, `in the catalogue but emitted nowhere: ${unused.join(', ')}`).toEqual([]);
  });

  it('documents exactly the catalogue in docs/API.md, each code once', () => {
    const documented = documentedCodes();
    expect(new Set(documented).size, 'a code documented twice').toBe(documented.length);
    expect([...documented].sort()).toEqual(Object.keys(ALL_ERROR_CODES).sort());
  });

  it('keeps the transport codes apart from the domain codes', () => {
    const shared = Object.keys(API_ERROR_CODES).filter((code) => code in ERROR_CODES);
    expect(shared).toEqual([]);
  });
});
