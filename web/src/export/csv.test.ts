import { describe, expect, it } from 'vitest';
import { csvField, csvFileName, csvNumber, toCsv } from './csv.ts';

describe('the CSV export', () => {
  it('starts with a UTF-8 BOM, separates with semicolons and ends lines with CRLF', () => {
    const csv = toCsv(
      ['Acteur', 'Projets'],
      [
        ['AMAP de Malaunay', 2],
        ['Maire de Malaunay', 3],
      ],
    );
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1)).toBe('Acteur;Projets\r\nAMAP de Malaunay;2\r\nMaire de Malaunay;3\r\n');
  });

  it('quotes fields holding a separator, a quote, a line break or edge spaces, doubling quotes', () => {
    expect(csvField('Renforcer l’attractivité ; le centre')).toBe('"Renforcer l’attractivité ; le centre"');
    expect(csvField('dit « oui » puis "non"')).toBe('"dit « oui » puis ""non"""');
    expect(csvField('ligne 1\nligne 2')).toBe('"ligne 1\nligne 2"');
    expect(csvField(' marge')).toBe('" marge"');
    expect(csvField('Objectif A ↔ Objectif B, C')).toBe('Objectif A ↔ Objectif B, C');
  });

  it('writes numbers with a decimal comma, and empty cells for missing values', () => {
    expect(csvNumber(0.5714285714)).toBe('0,5714');
    expect(csvNumber(-1.5)).toBe('-1,5');
    expect(csvNumber(-0.00001)).toBe('0');
    expect(csvNumber(Number.NaN)).toBe('');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
    expect(csvField(true)).toBe('oui');
    expect(toCsv(['a', 'b', 'c'], [[1.25, null, '']]).slice(1)).toBe('a;b;c\r\n1,25;;\r\n');
  });

  it('neutralises text a spreadsheet would run as a formula', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvField('+33 1 23')).toBe("'+33 1 23");
    expect(csvField('@moi')).toBe("'@moi");
    expect(csvField(-3)).toBe('-3'); // a number stays a number
  });

  it('names files without accents or spaces', () => {
    expect(csvFileName('Revue', 'Loos-en-Gohelle', 'Écosystèmes', '2026-11-26')).toBe(
      'revue-loos-en-gohelle-ecosystemes-2026-11-26.csv',
    );
    expect(csvFileName(null, '')).toBe('export.csv');
  });
});
