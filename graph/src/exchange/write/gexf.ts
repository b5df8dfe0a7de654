import { write } from 'graphology-gexf';
import { projectNetwork, type Spell } from './network.ts';
import type { ProjectSnapshot } from './snapshot.ts';

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const unescapeXml = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

function spellsXml(spells: readonly Spell[], indent: string): string {
  const lines = spells.map((spell) => `${indent}  <spell start="${spell.start}"${spell.end ? ` end="${spell.end}"` : ''}/>\n`);
  return `${indent}<spells>\n${lines.join('')}${indent}</spells>\n`;
}

/** A node or edge element opening (its id), or its end. Values are escaped: no `<` inside them. */
const ELEMENT = /<(node|edge) id="([^"]*)"[^>]*?(\/?)>|<\/(node|edge)>/g;

/**
 * The project as GEXF 1.3 for Gephi, its history as spells so that Gephi's timeline plays the
 * project's evolution: each actor exists from its engagement on, each objective and relation
 * over its own versions. graphology-gexf writes the nodes, edges, attributes and positions; it
 * knows no spells, so they are spliced into its text, each before its element's end (a DOM
 * round trip of the document cost more than everything else on a territory).
 */
export function writeGexf(snapshot: ProjectSnapshot): string {
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
    .replace(/<meta\s*\/>|<meta\b[^>]*>[\s\S]*?<\/meta>/, meta)
    .replace(/<graph\b/, '<graph mode="dynamic" timeformat="date" timerepresentation="interval"')
    .replace(ELEMENT, (match: string, tag?: string, id?: string, selfClosing?: string, closing?: string) => {
      if (closing) {
        // The end tag follows its line's indentation: the spells take that place, the end tag a new line.
        const spells = open ? `  ${spellsXml(open, '        ').trimStart()}      ` : '';
        open = null;
        return `${spells}${match}`;
      }
      const spells = spellsOf(tag!, unescapeXml(id!));
      if (selfClosing) return `${match.slice(0, -2)}>\n${spellsXml(spells, '        ')}      </${tag}>`;
      open = spells;
      return match;
    });
}
