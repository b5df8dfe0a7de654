import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { decodeCsv, readSpreadsheet, SpreadsheetError } from './spreadsheet.ts';

/** A minimal .xlsx workbook (one sheet, shared strings and a number), as Excel writes one. */
function xlsx(rows: (string | number | null)[][]): ArrayBuffer {
  const strings: string[] = [];
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const col = (i: number) => String.fromCharCode(65 + i);
  const sheetRows = rows
    .map((row, r) => {
      const cells = row
        .map((value, c) => {
          const ref = `${col(c)}${r + 1}`;
          if (value === null) return '';
          if (typeof value === 'number') return `<c r="${ref}"><v>${value}</v></c>`;
          strings.push(value);
          return `<c r="${ref}" t="s"><v>${strings.length - 1}</v></c>`;
        })
        .join('');
      return `<row r="${r + 1}">${cells}</row>`;
    })
    .join('');
  const files = {
    '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Acteurs" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    'xl/worksheets/sheet1.xml': `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheetRows}</sheetData></worksheet>`,
    'xl/sharedStrings.xml': `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si><t>${esc(s)}</t></si>`).join('')}</sst>`,
  };
  const zipped = zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, strToU8(text)])));
  return zipped.buffer.slice(zipped.byteOffset, zipped.byteOffset + zipped.byteLength) as ArrayBuffer;
}

const file = (name: string, bytes: ArrayBuffer | Uint8Array) => ({
  name,
  arrayBuffer: async () =>
    bytes instanceof Uint8Array
      ? (bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer)
      : bytes,
});

describe('reading a spreadsheet', () => {
  it('reads the first sheet of an .xlsx workbook as text', async () => {
    const grid = await readSpreadsheet(
      file(
        'acteurs.xlsx',
        xlsx([
          ['Nom', 'Type', 'Engagement', 'Rang'],
          ['Les Anges Gardins', 'Association', 'Coopérant', 3],
          [null, null, null, null],
          ['Club ELEMIAH', 'Association', 'Informé', null],
        ]),
      ),
    );
    expect(grid[0]).toEqual(['Nom', 'Type', 'Engagement', 'Rang']);
    expect(grid[1]).toEqual(['Les Anges Gardins', 'Association', 'Coopérant', '3']);
    expect(grid[3]?.slice(0, 3)).toEqual(['Club ELEMIAH', 'Association', 'Informé']);
  });

  it('reads a CSV saved by French Excel in Windows-1252, and one in UTF-8 with a BOM', async () => {
    // « Élu;Coopérant » in Windows-1252: É = 0xC9, é = 0xE9.
    const latin = new Uint8Array([0xc9, 0x6c, 0x75, 0x3b, 0x43, 0x6f, 0x6f, 0x70, 0xe9, 0x72, 0x61, 0x6e, 0x74]);
    expect(decodeCsv(latin.buffer)).toBe('Élu;Coopérant');
    const grid = await readSpreadsheet(file('acteurs.csv', new TextEncoder().encode('\uFEFFNom;Type\r\nÉlus;Élu\r\n')));
    expect(grid).toEqual([
      ['Nom', 'Type'],
      ['Élus', 'Élu'],
    ]);
  });

  it('refuses other files and broken workbooks with a SpreadsheetError', async () => {
    await expect(readSpreadsheet(file('acteurs.ods', new Uint8Array([1, 2, 3])))).rejects.toBeInstanceOf(SpreadsheetError);
    await expect(readSpreadsheet(file('acteurs.xlsx', new TextEncoder().encode('pas un classeur')))).rejects.toBeInstanceOf(
      SpreadsheetError,
    );
  });
});
