import { describe, expect, it } from 'vitest';
import type { Cell, Workbook } from '../read/workbook.ts';
import { mapWorkbook } from './plan.ts';

const book = (...sheets: [string, Cell[][]][]): Workbook => ({
  fileName: 'test.xlsx',
  format: 'xlsx',
  encoding: null,
  separator: null,
  sheets: sheets.map(([name, rows]) => ({ name, rows, merges: [] })),
});
const kindOf = (name: string, rows: Cell[][]) => mapWorkbook(book([name, rows])).sheets[0]!.kind;

describe('sheet recognition by headers, French and English', () => {
  it.each([
    ['actors', ['Nom', 'Type d’acteur', "Niveau d'engagement"], ['Name', 'Kind', 'Engagement level']],
    ['actors', ['Label', 'Type', 'Description'], ['Structure', 'Catégorie', 'Implication']],
    [
      'objectives',
      ['Intitulé', 'Porteur', 'Dimensions de valeur', 'Nature'],
      ['Objective', 'Owner', 'Value dimensions', 'Nature'],
    ],
    ['positions', ['Acteur', 'Objectif', 'Position'], ['Actor', 'Objective', 'Value']],
    ['influences', ['Acteur influent', 'Acteur influencé', 'Influence'], ['Influencing actor', 'Influenced actor', 'Weight']],
    [
      'cooperations',
      ['Premier acteur', 'Second acteur', 'Engagements réciproques', 'Contreparties'],
      ['Actor A', 'Actor B', 'Commitments', 'Counterparts'],
    ],
    ['convergences', ['Premier objectif', 'Second objectif', 'Note'], ['Objective A', 'Objective B', 'Comment']],
    [
      'conflicts',
      ['Premier objectif', 'Second objectif', 'Intensité', 'Statut'],
      ['First objective', 'Second objective', 'Intensity', 'Status'],
    ],
    [
      'externalities',
      ['Description', 'Signe', 'Acteurs affectés', 'Objectif source'],
      ['Effect', 'Sign', 'Affected actors', 'Source objective'],
    ],
    ['perimeters', ['Périmètre', 'Description'], ['Perimeter', 'Description']],
    ['milestones', ['Jalon', 'Date', 'Description'], ['Milestone', 'Date', 'Description']],
    ['edges', ['De', 'Vers', 'Type', 'Force'], ['Source', 'Target', 'Type', 'Weight']],
    ['edges', ['From', 'To', 'Type', 'Strength'], ['from', 'to', 'type', 'strength']],
  ])('%s: %j and %j', (kind, french, english) => {
    expect(kindOf('Feuil1', [french])).toBe(kind);
    expect(kindOf('Sheet1', [english])).toBe(kind);
  });

  it('a sheet name settles a tie: « Nom ; Description » is actors, unless the sheet is named Périmètres', () => {
    expect(kindOf('Feuil1', [['Nom', 'Description']])).toBe('actors');
    expect(kindOf('Périmètres', [['Nom', 'Description']])).toBe('perimeters');
  });

  it('a column read twice is ignored the second time, and data under no header is listed', () => {
    const sheet = mapWorkbook(
      book([
        'Acteurs',
        [
          ['Nom', 'Type', 'Niveau', 'Nom'],
          ['Mairie', 'Élu', 'Moteur', 'Mairie bis', 'note perdue'],
        ],
      ]),
    ).sheets[0]!;
    expect(sheet.columns.map((c) => [c.letter, c.key, c.ignored])).toEqual([
      ['A', 'name', null],
      ['B', 'kind', null],
      ['C', 'level', null],
      ['D', null, 'déjà lue dans la colonne A'],
      ['E', null, 'colonne sans en-tête'],
    ]);
  });
});

describe('row problems name labels, not codes', () => {
  it('unknown labels, out-of-range values, a missing required value', () => {
    const plan = mapWorkbook(
      book(
        [
          'Acteurs',
          [
            ['Nom', 'Type', 'Niveau'],
            ['Mairie', 'Mairie', 'Très engagé'],
            ['', 'Élu', 'Moteur'],
          ],
        ],
        [
          'Positions',
          [
            ['Acteur', 'Objectif', 'Position'],
            ['Mairie', 'Marché', 7],
            ['Mairie', 'Marché', 'fort'],
          ],
        ],
      ),
    );
    expect(plan.problems.map((p) => [p.sheet, p.line, p.column, p.code, p.message])).toEqual([
      [
        'Acteurs',
        2,
        'Type',
        'INVALID_ENUM',
        "colonne « Type » : le type d'acteur « Mairie » n'est pas reconnu (valeurs permises : Élu, Service, Entreprise, Association, Habitants, Institution, Tiers, Financeur)",
      ],
      [
        'Acteurs',
        2,
        'Niveau',
        'INVALID_ENUM',
        "colonne « Niveau » : le niveau d'engagement « Très engagé » n'est pas reconnu (valeurs permises : Concerné non impliqué, Informé, Participant, Coopérant, Moteur)",
      ],
      ['Acteurs', 3, 'Nom', 'MISSING_VALUE', 'colonne « Nom » : le nom manque'],
      [
        'Positions',
        2,
        'Position',
        'OUT_OF_RANGE',
        'colonne « Position » : la position doit être comprise entre -4 et 4 (lu : 7)',
      ],
      ['Positions', 3, 'Position', 'INVALID_NUMBER', "colonne « Position » : la position « fort » n'est pas un nombre entier"],
    ]);
  });

  it("the model's rules across fields: the same actor twice, an arbitrated conflict without its arbitration", () => {
    const plan = mapWorkbook(
      book(
        [
          'Influences',
          [
            ['Acteur influent', 'Acteur influencé', 'Influence'],
            ['Mairie', 'MAIRIE', 2],
          ],
        ],
        [
          'Conflits',
          [
            ['Premier objectif', 'Second objectif', 'Intensité', 'Statut'],
            ['Marché', 'Paniers', 3, 'Arbitré'],
          ],
        ],
      ),
    );
    expect(plan.problems.map((p) => [p.code, p.message])).toEqual([
      ['SAME_ENDPOINTS', "l'acteur influent et l'acteur influencé désignent tous deux « Mairie »"],
      ['ARBITRATION_REQUIRED', 'un conflit arbitré doit décrire son arbitrage (champ « arbitrage »)'],
    ]);
  });

  it('a blank status takes the first step of the lifecycle; booleans read oui/non', () => {
    const plan = mapWorkbook(
      book([
        'Conflits',
        [
          ['Premier objectif', 'Second objectif', 'Intensité', 'Statut', 'Confidentiel'],
          ['Marché', 'Paniers', 2, '', 'oui'],
          ['Marché', 'Cantine', 1, 'mis au travail', 'non'],
        ],
      ]),
    );
    expect(plan.rows.map((r) => [r.values.status, r.values.confidential])).toEqual([
      ['IDENTIFIE', true],
      ['MIS_AU_TRAVAIL', false],
    ]);
    expect(plan.problems).toEqual([]);
  });
});
