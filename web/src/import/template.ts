import { toCsv } from '../export/csv.ts';

/**
 * The actors template offered for download in the import dialog: French Excel's CSV (UTF-8 with
 * a BOM, `;`), headers and labels the shared import engine (@trame/graph/exchange) recognises.
 */
export function templateCsv(lang: 'fr' | 'en'): string {
  if (lang === 'en') {
    return toCsv(
      ['Name', 'Kind', 'Description', 'Engagement', 'Role', 'Perimeter'],
      [
        ['Town council', 'Elected official', 'The mayor and deputies', 'Leading', 'Project owner', ''],
        ['Neighbourhood residents', 'Residents', '', 'Concerned, not involved', '', ''],
        ['Local farmers’ market', 'Association', 'Weekly basket distribution', 'Cooperating', 'Supplies the canteen', ''],
      ],
    );
  }
  return toCsv(
    ['Nom', 'Type', 'Description', 'Engagement', 'Rôle', 'Périmètre'],
    [
      ['Conseil municipal', 'Élu', 'Le maire et ses adjoints', 'Moteur', 'Porteur du projet', ''],
      ['Habitants du quartier', 'Habitants', '', 'Concerné non impliqué', '', ''],
      ['AMAP du centre', 'Association', 'Distribution hebdomadaire de paniers', 'Coopérant', 'Fournit la cantine', ''],
    ],
  );
}
