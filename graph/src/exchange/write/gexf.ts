import { projectNetwork, type ProjectNetwork, type Spell } from './network.ts';
import type { ProjectSnapshot } from './snapshot.ts';

/** Text content: `&`, `<`, `>`. */
const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const ATTRIBUTE_SPECIALS = /[&<"\t\n\r]/;
/** An attribute value, escaped as graphology-gexf's XML writer (xml-writer) escapes it. */
function attr(value: string | number): string {
  const text = String(value);
  if (!ATTRIBUTE_SPECIALS.test(text)) return text;
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#x9;')
    .replace(/\n/g, '&#xA;')
    .replace(/\r/g, '&#xD;');
}

const isEmpty = (value: unknown) => value === undefined || value === null || value === '' || Number.isNaN(value);

/** The attribute columns of a class: names in order of their first non-empty value (all text in Trame's networks). */
function modelOf(elements: readonly Record<string, unknown>[]): string[] {
  const names: string[] = [];
  const seen = new Set<string>();
  for (const attributes of elements) {
    for (const name in attributes) {
      if (!seen.has(name) && !isEmpty(attributes[name])) {
        seen.add(name);
        names.push(name);
      }
    }
  }
  return names;
}

function modelXml(out: string[], names: readonly string[], cls: 'node' | 'edge'): void {
  if (names.length === 0) return;
  out.push(`\n    <attributes class="${cls}">`);
  for (const name of names) out.push(`\n      <attribute id="${attr(name)}" title="${attr(name)}" type="string"/>`);
  out.push('\n    </attributes>');
}

/** The element's children after its opening tag: its attribute values, then its drawing. */
function attvaluesXml(out: string[], names: readonly string[], attributes: Record<string, unknown>): void {
  if (names.length === 0) return;
  let any = false;
  for (const name of names) {
    const value = attributes[name];
    if (!(name in attributes) || isEmpty(value)) continue;
    if (!any) out.push('\n        <attvalues>');
    any = true;
    out.push(`\n          <attvalue for="${attr(name)}" value="${attr(String(value))}"/>`);
  }
  out.push(any ? '\n        </attvalues>' : '\n        <attvalues/>');
}

function spellsXml(out: string[], spells: readonly Spell[]): void {
  out.push('\n        <spells>\n');
  for (const spell of spells) out.push(`          <spell start="${spell.start}"${spell.end ? ` end="${spell.end}"` : ''}/>\n`);
  out.push('        </spells>');
}

/** `defaultedgetype`: the only kind of edge there is, else directed (each undirected edge says so). */
function defaultEdgeType(network: ProjectNetwork): 'directed' | 'undirected' {
  return network.undirectedSize > 0 && network.directedSize === 0 ? 'undirected' : 'directed';
}

/**
 * The project as GEXF 1.3 for Gephi, its history as spells so that Gephi's timeline plays the
 * project's evolution: each actor exists from its engagement on, each objective and relation
 * over its own versions. Written as text parts joined once, in the layout graphology-gexf's
 * writer gives (two-space indentation, its escaping, its attribute model): graphology's reader
 * reads it back (network.test.ts), and the text is the same as that writer's with the spells
 * added (gexf.test.ts). A territory's file is a few megabytes: building it through an XML
 * writer and then splicing the spells in cost as much as reading the territory's maps.
 */
export function writeGexf(snapshot: ProjectSnapshot): string {
  const network = projectNetwork(snapshot);
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>\n',
    '<gexf version="1.3" xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd">',
    `\n  <meta lastmodifieddate="${snapshot.at.slice(0, 10)}">\n    <creator>Trame</creator>\n`,
    `    <description>${escapeText(`${snapshot.project.name} — ${snapshot.territory.name}`)}</description>\n  </meta>`,
  ];
  const edgeType = defaultEdgeType(network);
  out.push(`\n  <graph mode="dynamic" timeformat="date" timerepresentation="interval" defaultedgetype="${edgeType}">`);
  const nodeAttributes: Record<string, unknown>[] = [];
  network.forEachNode((_key, a) => {
    nodeAttributes.push({ type: a.type, kind: a.kind, level: a.level, description: a.description });
  });
  const edgeAttributes: Record<string, unknown>[] = [];
  network.forEachEdge((_key, a) => {
    edgeAttributes.push({ type: a.type });
  });
  const nodeModel = modelOf(nodeAttributes);
  const edgeModel = modelOf(edgeAttributes);
  modelXml(out, nodeModel, 'node');
  modelXml(out, edgeModel, 'edge');

  if (network.order === 0) out.push('\n    <nodes/>');
  else {
    out.push('\n    <nodes>');
    let i = 0;
    network.forEachNode((key, a) => {
      out.push(`\n      <node id="${attr(key)}"${a.label ? ` label="${attr(a.label)}"` : ''}>`);
      attvaluesXml(out, nodeModel, nodeAttributes[i++]!);
      out.push(`\n        <viz:size value="10"/>\n        <viz:position x="${attr(a.x)}" y="${attr(a.y)}"/>`);
      spellsXml(out, a.spells);
      out.push('\n      </node>');
    });
    out.push('\n    </nodes>');
  }

  if (network.size === 0) out.push('\n    <edges/>');
  else {
    out.push('\n    <edges>');
    let i = 0;
    network.forEachEdge((key, a, source, target, _sa, _ta, undirected) => {
      const type = undirected ? 'undirected' : 'directed';
      const weight =
        (typeof a.weight === 'number' && !Number.isNaN(a.weight)) || typeof a.weight === 'string'
          ? ` weight="${attr(a.weight)}"`
          : '';
      out.push(
        `\n      <edge id="${attr(key)}"${type !== edgeType ? ` type="${type}"` : ''} source="${attr(source)}" target="${attr(target)}"${weight}${a.label ? ` label="${attr(a.label)}"` : ''}>`,
      );
      attvaluesXml(out, edgeModel, edgeAttributes[i++]!);
      spellsXml(out, a.spells);
      out.push('\n      </edge>');
    });
    out.push('\n    </edges>');
  }
  out.push('\n  </graph>\n</gexf>');
  return out.join('');
}
