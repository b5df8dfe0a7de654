import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { fr } from '../i18n/fr.ts';
import { ENTITY_LABELS, enumLabel } from '../i18n/labels.ts';
import { legendLines } from '../wall/legendItems.ts';
import { WALL_THEMES, wallStylesheet } from '../wall/theme.ts';
import { LINK_KINDS, legendLinks, type LegendLink } from './linkKinds.ts';
import { mapStylesheet } from './style.ts';

const words = {
  entity: (type: keyof typeof ENTITY_LABELS) => ENTITY_LABELS[type].fr,
  enumLabel: (v: string) => enumLabel(v, 'fr'),
  t: { colon: fr.colon },
};

/** What tells a line apart at a glance: colour, dashes, ends. */
const look = (l: { color: string; dash?: unknown; source?: unknown; target?: unknown }) =>
  `${l.color.toLowerCase()} | ${l.dash} | ${l.source} → ${l.target}`;

/** The legend's lines that are drawn like another one, by label. */
function lookAlikes(lines: { label: string; color: string }[]): string[][] {
  const byLook = new Map<string, string[]>();
  for (const line of lines) byLook.set(look(line), [...(byLook.get(look(line)) ?? []), line.label]);
  return [...byLook.values()].filter((labels) => labels.length > 1);
}

/** An edge of every kind between two nodes, drawn with `style` by a headless Cytoscape: each kind's look. */
function mapLooks(style: unknown[]): Map<string, string> {
  const sample: Record<string, { classes: string; data: Record<string, unknown> }> = {
    'position-for': { classes: 'position', data: { stance: 'FOR', intensity: 2 } },
    'position-against': { classes: 'position', data: { stance: 'AGAINST', intensity: 2 } },
    convergence: { classes: 'convergence', data: {} },
    cooperation: { classes: 'cooperation', data: {} },
    'conflict-identified': { classes: 'conflict', data: { status: 'IDENTIFIE' } },
    'conflict-worked': { classes: 'conflict', data: { status: 'MIS_AU_TRAVAIL' } },
    'conflict-arbitrated': { classes: 'conflict', data: { status: 'ARBITRE' } },
    'conflict-overcome': { classes: 'conflict', data: { status: 'DEPASSE' } },
    'conflict-persistent': { classes: 'conflict', data: { status: 'PERSISTANT' } },
    externality: { classes: 'externality-effect', data: { sign: 'POSITIVE' } },
    'externality-negative': { classes: 'externality-effect', data: { sign: 'NEGATIVE' } },
    leap: { classes: 'leap', data: {} },
  };
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    style: style as never,
    elements: [
      { group: 'nodes', data: { id: 'a', label: '' } },
      { group: 'nodes', data: { id: 'b', label: '' } },
      ...Object.entries(sample).map(([id, s]) => ({
        group: 'edges' as const,
        classes: s.classes,
        data: { id, source: 'a', target: 'b', label: '', ...s.data },
      })),
    ],
  });
  const looks = new Map<string, string>();
  for (const id of Object.keys(sample)) {
    // Cytoscape's parsed style (its typings leave pstyle out).
    const edge = cy.getElementById(id) as unknown as { pstyle(name: string): { value: unknown; strValue: string } };
    const dashed = edge.pstyle('line-style').value === 'dashed';
    looks.set(
      id,
      look({
        color: rgbToHex(String(edge.pstyle('line-color').strValue)),
        dash: dashed ? (edge.pstyle('line-dash-pattern').value as number[]) : [],
        source: edge.pstyle('source-arrow-shape').value,
        target: edge.pstyle('target-arrow-shape').value,
      }),
    );
  }
  cy.destroy();
  return looks;
}

const rgbToHex = (rgb: string) =>
  `#${(/(\d+),\s*(\d+),\s*(\d+)/.exec(rgb) ?? [])
    .slice(1)
    .map((n) => Number(n).toString(16).padStart(2, '0'))
    .join('')}`;

describe('the links’ legends', () => {
  it('the editor’s legend draws no two kinds alike (colour, dashes and ends)', () => {
    expect(lookAlikes(legendLinks(words))).toEqual([]);
  });

  for (const theme of Object.keys(WALL_THEMES) as (keyof typeof WALL_THEMES)[])
    it(`the wall’s legend (${theme} theme) draws no two kinds alike`, () => {
      expect(lookAlikes(legendLines(theme, words))).toEqual([]);
    });

  it('every kind of link on the map has its line in the legends, drawn as the map draws it', () => {
    const check = (lines: LegendLink[], style: unknown[]) => {
      const looks = mapLooks(style);
      expect([...looks.keys()].sort()).toEqual(LINK_KINDS.map((k) => k.id).sort());
      for (const line of lines) expect(look(line), line.label).toBe(looks.get(line.id));
    };
    check(legendLinks(words), mapStylesheet());
    for (const theme of Object.keys(WALL_THEMES) as (keyof typeof WALL_THEMES)[])
      check(legendLines(theme, words), wallStylesheet(theme));
  });

  it('keeps dashes as long on screen as in the legend when zoomed out: they grow with the labels’ scale', () => {
    const identified = (sheet: { selector: string; style: Record<string, unknown> }[]) =>
      sheet.find((s) => s.selector === 'edge.conflict[status = "IDENTIFIE"]')!.style['line-dash-pattern'];
    expect(identified(mapStylesheet())).toEqual([12, 5]);
    expect(identified(wallStylesheet('light', 2.5))).toEqual([30, 12.5]);
  });
});
