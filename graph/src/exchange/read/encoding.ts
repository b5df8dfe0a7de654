import { analyse } from 'chardet';

/**
 * The text encodings Excel and LibreOffice write on Windows and on Mac, as TextDecoder labels
 * (WHATWG Encoding: available in every browser and in Node with ICU).
 */
export const TEXT_ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252', 'macintosh'] as const;
export type TextEncoding = (typeof TEXT_ENCODINGS)[number];

export const ENCODING_LABELS: Record<TextEncoding, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 (Texte Unicode Windows)',
  'utf-16be': 'UTF-16 gros-boutiste',
  'windows-1252': 'Windows-1252 (Europe occidentale)',
  macintosh: 'Mac Roman',
};

export interface EncodingReport {
  encoding: TextEncoding;
  /** The file began with a byte order mark. */
  bom: boolean;
  /** How it was chosen: the BOM, strict UTF-8 decoding, the detector, or the caller. */
  source: 'bom' | 'utf8' | 'detector' | 'override';
  /** The detector's own guess (chardet's name), when it was asked. */
  detected: string | null;
}

const BOMS: [TextEncoding, number[]][] = [
  ['utf-8', [0xef, 0xbb, 0xbf]],
  ['utf-16le', [0xff, 0xfe]],
  ['utf-16be', [0xfe, 0xff]],
];

function bomOf(bytes: Uint8Array): TextEncoding | null {
  for (const [encoding, marks] of BOMS) if (marks.every((b, i) => bytes[i] === b)) return encoding;
  return null;
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * How plausible a single-byte decoding is for Latin text: an accented letter inside a word is
 * lowercase, and punctuation or control characters do not sit between letters. Mac Roman read as
 * Windows-1252 puts « Ž », « ™ » and controls inside words; Windows-1252 read as Mac Roman puts
 * capitals (« È », « Á ») there.
 */
function latinScore(text: string): number {
  let score = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch.charCodeAt(0) < 0x80) continue;
    const before = text[i - 1] ?? ' ';
    if (/\p{Ll}/u.test(ch)) score += 1;
    else if (/\p{Lu}/u.test(ch) && !/\p{Ll}/u.test(before)) score += 1;
    else score -= 1;
  }
  return score;
}

/** UTF-16 without a BOM: NUL bytes in every other position. */
function utf16Without(bytes: Uint8Array): TextEncoding | null {
  const n = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return 'utf-16be';
  return null;
}

/**
 * Picks the encoding of a text file. A BOM decides; then bytes that are valid UTF-8 are UTF-8;
 * then UTF-16 without BOM by its NUL bytes; then a Latin single-byte page, Windows-1252 or Mac
 * Roman, the one whose decoding reads more like words (chardet knows no Mac Roman).
 * @param bytes the file (a 64 KB sample is enough; more is ignored)
 */
export function detectEncoding(bytes: Uint8Array): EncodingReport {
  const bom = bomOf(bytes);
  if (bom) return { encoding: bom, bom: true, source: 'bom', detected: null };
  const sample = bytes.subarray(0, 64 * 1024);
  // A sample may cut a multi-byte character in two: drop up to 3 trailing bytes before judging.
  const trimmed = sample.length === bytes.length ? sample : sample.subarray(0, sample.length - 3);
  if (isUtf8(trimmed)) return { encoding: 'utf-8', bom: false, source: 'utf8', detected: null };
  const detected = analyse(sample)[0]?.name ?? null;
  const wide = utf16Without(sample);
  if (wide) return { encoding: wide, bom: false, source: 'detector', detected };
  const windows = latinScore(new TextDecoder('windows-1252').decode(sample));
  const mac = latinScore(new TextDecoder('macintosh').decode(sample));
  return { encoding: mac > windows ? 'macintosh' : 'windows-1252', bom: false, source: 'detector', detected };
}

/** The bytes as text in `encoding`, without the BOM. */
export function decodeText(bytes: Uint8Array, encoding: TextEncoding): string {
  return new TextDecoder(encoding, { ignoreBOM: false }).decode(bytes);
}
