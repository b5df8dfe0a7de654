import { describe, expect, it } from 'vitest';
import { authorName } from './authors.ts';
import { en } from './en.ts';
import { fr } from './fr.ts';

describe('authorName', () => {
  it('names the demo loader and the CLI import in words, in both languages', () => {
    expect(authorName('system', fr)).toBe('Démonstration de Trame');
    expect(authorName('system', en)).toBe('Trame demo');
    expect(authorName('trame-cli', fr)).toBe('Import en ligne de commande');
    expect(authorName('trame-cli', en)).toBe('Command-line import');
  });

  it('leaves a person’s name as recorded', () => {
    expect(authorName('Camille Martin', fr)).toBe('Camille Martin');
  });

  it('the home line reads « par Démonstration de Trame », never the raw login', () => {
    const line = fr.lastChange(authorName('system', fr), '1 sept. 2024');
    expect(line).toBe('dernière modification par Démonstration de Trame le 1 sept. 2024');
    expect(line).not.toMatch(/\bsystem\b/);
  });
});
