import { describe, expect, it } from 'vitest';
import { nameKey, nearDuplicates, nearNameKey } from './names.ts';

describe('nearNameKey', () => {
  it('sets aside case, accents and punctuation', () => {
    const key = nearNameKey('Épicerie solidaire du Cailly');
    expect(nearNameKey('Epicerie solidaire du Cailly')).toBe(key);
    expect(nearNameKey('EPICERIE SOLIDAIRE DU CAILLY')).toBe(key);
    expect(nearNameKey('Épicerie-solidaire (du) Cailly.')).toBe(key);
    expect(nearNameKey("L'Épicerie")).toBe(nearNameKey('l epicerie'));
  });

  it('is looser than the import matching: what nameKey confuses, it confuses too', () => {
    for (const [a, b] of [
      ['Mairie de Malaunay', 'MAIRIE  de malaunay'],
      ['Élus', 'elus'],
      ['Cœur de ville', 'coeur de ville'],
    ] as const) {
      expect(nameKey(a)).toBe(nameKey(b));
      expect(nearNameKey(a)).toBe(nearNameKey(b));
    }
  });

  it('keeps different names apart', () => {
    expect(nearNameKey('Épicerie solidaire du Cailly')).not.toBe(nearNameKey('Épicerie solidaire de Malaunay'));
    expect(nearNameKey('AMAP 1')).not.toBe(nearNameKey('AMAP 2'));
  });
});

describe('nearDuplicates', () => {
  const actors = [
    { id: 'a', name: 'Épicerie solidaire du Cailly' },
    { id: 'b', name: 'AMAP de Malaunay' },
  ];
  it('finds the near-duplicate and leaves out the renamed actor itself', () => {
    expect(nearDuplicates('Epicerie solidaire du Cailly', actors).map((a) => a.id)).toEqual(['a']);
    expect(nearDuplicates('Epicerie solidaire du Cailly', actors, 'a')).toEqual([]);
    expect(nearDuplicates('   ', actors)).toEqual([]);
    expect(nearDuplicates('Mairie', actors)).toEqual([]);
  });
});
