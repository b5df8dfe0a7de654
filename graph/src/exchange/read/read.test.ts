import { describe, expect, it } from 'vitest';
import { chooseSeparator, parseDelimited } from './delimited.ts';
import { decodeText, detectEncoding } from './encoding.ts';
import { FILE_LIMITS } from './limits.ts';
import { readWorkbook } from './workbook.ts';

const utf16 = (text: string, order: 'le' | 'be', bom = true) => {
  const units = (bom ? '\uFEFF' : '') + text;
  const out = new Uint8Array(units.length * 2);
  for (let i = 0; i < units.length; i++) {
    const [lo, hi] = [units.charCodeAt(i) & 0xff, units.charCodeAt(i) >> 8];
    out.set(order === 'le' ? [lo, hi] : [hi, lo], 2 * i);
  }
  return out;
};

describe('encoding detection', () => {
  it('a BOM decides: UTF-8, UTF-16LE, UTF-16BE; the BOM is not part of the text', () => {
    const text = 'Nom;Type\r\nÉlus;Élu\r\n';
    const utf8 = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
    for (const [bytes, encoding] of [
      [utf8, 'utf-8'],
      [utf16(text, 'le'), 'utf-16le'],
      [utf16(text, 'be'), 'utf-16be'],
    ] as const) {
      const report = detectEncoding(bytes);
      expect(report).toEqual({ encoding, bom: true, source: 'bom', detected: null });
      expect(decodeText(bytes, report.encoding)).toBe(text);
    }
  });

  it('UTF-8 without a BOM, and UTF-16LE without one (by its NUL bytes)', () => {
    expect(detectEncoding(new TextEncoder().encode('Coopérant;Moteur')).encoding).toBe('utf-8');
    expect(detectEncoding(utf16('Nom\tType\r\nMairie\tÉlu\r\n', 'le', false)).encoding).toBe('utf-16le');
  });

  it('Windows-1252 and Mac Roman are told apart on French text', () => {
    const text = 'Nom;Niveau\r\nMédiathèque;Informé\r\nCollectif des habitants;Coopérant\r\nÉcole;Concerné\r\n';
    const encode = (encoding: 'windows-1252' | 'macintosh') => {
      const decoder = new TextDecoder(encoding);
      const table = new Map<string, number>();
      for (let b = 0; b < 256; b++) table.set(decoder.decode(new Uint8Array([b])), b);
      return Uint8Array.from([...text].map((ch) => table.get(ch)!));
    };
    expect(detectEncoding(encode('windows-1252')).encoding).toBe('windows-1252');
    expect(detectEncoding(encode('macintosh')).encoding).toBe('macintosh');
    expect(decodeText(encode('macintosh'), 'macintosh')).toBe(text);
  });
});

describe('separator', () => {
  it('is chosen from the data rows, not from the header alone', () => {
    expect(
      chooseSeparator('Nom;Type (élu, service, entreprise), au choix;Niveau\nMairie;Élu;Moteur\nAMAP;Association;Coopérant\n'),
    ).toBe(';');
    expect(chooseSeparator('From,To,Type\nA,B,influence\nB,C,conflit\n')).toBe(',');
    expect(chooseSeparator('Nom\tDescription\nA\tun texte; avec, tout\nB\tx\n')).toBe('\t');
    // Quotes respected: the commas inside a quoted cell do not count.
    expect(chooseSeparator('Nom;Description\nA;"un, deux, trois"\nB;"quatre, cinq"\n')).toBe(';');
  });

  it('parsing keeps blank lines in place (line numbers) and drops the trailing ones', () => {
    expect(parseDelimited('\uFEFFa;b\n\nc;d\n;\n\n', ';')).toEqual([['a', 'b'], [''], ['c', 'd']]);
  });
});

describe('readWorkbook limits', () => {
  it(`refuses a file over ${FILE_LIMITS.maxBytes / 1024 / 1024} MB before reading it: a 50 MB file is FILE_TOO_LARGE`, () => {
    const big = new Uint8Array(50 * 1024 * 1024);
    const started = performance.now();
    expect(() => readWorkbook(big, 'territoire.csv')).toThrow(
      expect.objectContaining({ code: 'FILE_TOO_LARGE', details: { bytes: big.byteLength, maxBytes: FILE_LIMITS.maxBytes } }),
    );
    expect(performance.now() - started).toBeLessThan(100);
  });

  it('refuses an empty file, an unknown extension and a damaged workbook, each with its code', () => {
    expect(() => readWorkbook(new Uint8Array(), 'vide.csv')).toThrow(expect.objectContaining({ code: 'FILE_EMPTY' }));
    expect(() => readWorkbook(new TextEncoder().encode('x'), 'carte.pdf')).toThrow(
      expect.objectContaining({ code: 'FILE_FORMAT_UNKNOWN' }),
    );
    expect(() => readWorkbook(new TextEncoder().encode('Nom;Type'), 'faux.xlsx')).toThrow(
      expect.objectContaining({ code: 'FILE_UNREADABLE' }),
    );
  });

  it('refuses more rows than FILE_LIMITS.maxRows', () => {
    const text = `Nom;Type;Niveau\n${'A;Élu;Moteur\n'.repeat(FILE_LIMITS.maxRows + 1)}`;
    expect(() => readWorkbook(new TextEncoder().encode(text), 'long.csv')).toThrow(
      expect.objectContaining({ code: 'FILE_TOO_MANY_ROWS' }),
    );
  });
});
