import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fieldError } from '../panels/fields.ts';

describe('validation messages in the UI’s language', () => {
  it('gives the model’s French sentence in French and an English one in English', () => {
    expect(fieldError('Actor', 'name', '  ')).toBe('Le nom est obligatoire');
    expect(fieldError('Actor', 'name', '  ', 'en')).toBe('Name is required.');
    expect(fieldError('Objective', 'dimensions', [], 'fr')).toBe('Les dimensions de valeur sont obligatoires');
    expect(fieldError('Objective', 'dimensions', [], 'en')).toMatch(/^[A-Z][a-z ]+ (is required|needs at least 1 item)\.$/);
    expect(fieldError('Position', 'value', 6, 'en')).toBe('Position must be a whole number between -4 and 4.');
    expect(fieldError('Actor', 'name', 'AMAP', 'en')).toBeNull();
  });
});

/** Every source file of web/src but the tests and the generated code. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'generated' ? [] : sources(path);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('real plurals', () => {
  it('no « ajout(s) »-style plural in any string of web/src', () => {
    // Inside a string literal only: `set.has(x)` is code, « modification(s) » is a lazy plural.
    const root = fileURLToPath(new URL('..', import.meta.url));
    const offenders = sources(root).flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) =>
          /['"`][^'"`]*[A-Za-zÀ-ÿ]\((s|es|x)\)[^'"`]*['"`]/.test(line)
            ? [`${file.slice(root.length)}:${i + 1}: ${line.trim()}`]
            : [],
        ),
    );
    expect(offenders).toEqual([]);
  });
});
