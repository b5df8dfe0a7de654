import { write } from 'graphology-gexf';
import { describe, expect, it } from 'vitest';
import { buildMalaunaySnapshot } from '../fixtures/snapshot.ts';
import { writeGexf } from './gexf.ts';
import { projectNetwork, type Spell } from './network.ts';
import type { ProjectSnapshot } from './snapshot.ts';

/**
 * The former writer, kept as the oracle: graphology-gexf's writer, the spells spliced into its
 * text. writeGexf builds the same text itself (faster on a territory); these tests hold it to the
 * same bytes, so a file written before and after is the same file.
 */
function referenceGexf(snapshot: ProjectSnapshot): string {
  const escapeXml = (text: string) =>
    text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const unescapeXml = (text: string) =>
    text
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&#x9;/g, '\t')
      .replace(/&#xA;/g, '\n')
      .replace(/&#xD;/g, '\r')
      .replace(/&amp;/g, '&');
  const spellsXml = (spells: readonly Spell[], indent: string) =>
    `${indent}<spells>\n${spells.map((s) => `${indent}  <spell start="${s.start}"${s.end ? ` end="${s.end}"` : ''}/>\n`).join('')}${indent}</spells>\n`;
  const network = projectNetwork(snapshot);
  const xml = write(network, {
    version: '1.3',
    pretty: true,
    formatNode: (_key, a) => ({
      label: a.label,
      viz: { x: a.x, y: a.y, size: 10 },
      attributes: { type: a.type, kind: a.kind, level: a.level, description: a.description },
    }),
    formatEdge: (_key, a) => ({ label: a.label, weight: a.weight, attributes: { type: a.type } }),
  });
  const spellsOf = (tag: string, key: string): Spell[] =>
    tag === 'node' ? network.getNodeAttribute(key, 'spells') : network.getEdgeAttribute(key, 'spells');
  const meta =
    `<meta lastmodifieddate="${snapshot.at.slice(0, 10)}">\n    <creator>Trame</creator>\n` +
    `    <description>${escapeXml(`${snapshot.project.name} — ${snapshot.territory.name}`)}</description>\n  </meta>`;
  let open: Spell[] | null = null;
  return xml
    .replace(/<meta\s*\/>|<meta\b[^>]*>[\s\S]*?<\/meta>/, () => meta)
    .replace(/<graph\b/, '<graph mode="dynamic" timeformat="date" timerepresentation="interval"')
    .replace(
      /<(node|edge) id="([^"]*)"[^>]*?(\/?)>|<\/(node|edge)>/g,
      (match: string, tag?: string, id?: string, selfClosing?: string, closing?: string) => {
        if (closing) {
          const spells = open ? `  ${spellsXml(open, '        ').trimStart()}      ` : '';
          open = null;
          return `${spells}${match}`;
        }
        const spells = spellsOf(tag!, unescapeXml(id!));
        if (selfClosing) return `${match.slice(0, -2)}>\n${spellsXml(spells, '        ')}      </${tag}>`;
        open = spells;
        return match;
      },
    );
}

const only = (snapshot: ProjectSnapshot, keep: (type: string) => boolean): ProjectSnapshot => ({
  ...snapshot,
  entities: snapshot.entities.filter((e) => keep(e.type)),
});

describe('writeGexf', () => {
  it("writes the same text as graphology-gexf's writer with the spells spliced in", () => {
    const snapshot = buildMalaunaySnapshot();
    const xml = writeGexf(snapshot);
    expect(xml).toContain('<spell start="2020-01-06"');
    expect(xml).toBe(referenceGexf(snapshot));
  });

  it('escapes names, descriptions and ids the same way (quotes, ampersands, angle brackets, tabs, line breaks)', () => {
    const tricky = buildMalaunaySnapshot();
    tricky.project.name = 'Marché <« Paniers » & Cie>';
    for (const entity of tricky.entities) {
      if (entity.type === 'Actor') {
        entity.values.name = `AMAP "<« ${entity.id} » & 'Cie'>\t1`;
        entity.values.description = 'Ligne 1\nLigne 2\r\n& <fin> "citée"';
      }
      if (entity.type === 'Cooperation') entity.values.commitments = 'Prêt de salle & "paniers"';
    }
    expect(writeGexf(tricky)).toBe(referenceGexf(tricky));
  });

  it('writes the same text for a network without edges, without nodes, with undirected edges only, without history', () => {
    const snapshot = buildMalaunaySnapshot();
    const cases = [
      only(snapshot, (type) => type === 'Actor' || type === 'Engagement'),
      only(snapshot, (type) => type === 'Territory'),
      only(snapshot, (type) => type === 'Actor' || type === 'Cooperation'),
      { ...snapshot, entities: snapshot.entities.map(({ history: _history, ...e }) => e) },
      {
        ...snapshot,
        entities: snapshot.entities.map((e) => (e.type === 'Actor' ? { ...e, values: { ...e.values, description: '' } } : e)),
      },
    ];
    for (const [i, snap] of cases.entries()) expect(writeGexf(snap), `case ${i}`).toBe(referenceGexf(snap));
    expect(writeGexf(cases[1]!)).toContain('<nodes/>');
  });
});
