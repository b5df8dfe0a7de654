import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import { write } from 'graphology-gexf';
import { projectNetwork, type Spell } from './network.ts';
import type { ProjectSnapshot } from './snapshot.ts';

const GEXF_NS = 'http://gexf.net/1.3';

/**
 * The project as GEXF 1.3 for Gephi, its history as spells so that Gephi's timeline plays the
 * project's evolution: each actor exists from its engagement on, each objective and relation
 * over its own versions. graphology-gexf writes the nodes, edges, attributes and positions; it
 * knows no spells, so they are added to its document (xmldom) before it is serialised.
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
  const document = new DOMParser().parseFromString(xml, 'application/xml');
  const graph = document.getElementsByTagName('graph')[0]!;
  graph.setAttribute('mode', 'dynamic');
  graph.setAttribute('timeformat', 'date');
  graph.setAttribute('timerepresentation', 'interval');
  const meta = document.getElementsByTagName('meta')[0];
  if (meta) {
    meta.setAttribute('lastmodifieddate', snapshot.at.slice(0, 10));
    const creator = document.createElementNS(GEXF_NS, 'creator');
    creator.appendChild(document.createTextNode('Trame'));
    const title = document.createElementNS(GEXF_NS, 'description');
    title.appendChild(document.createTextNode(`${snapshot.project.name} — ${snapshot.territory.name}`));
    meta.appendChild(creator);
    meta.appendChild(title);
  }
  const addSpells = (tag: 'node' | 'edge', spellsOf: (key: string) => Spell[]) => {
    // xmldom's element lists are live: reading `length` after each append walks the whole
    // document again (quadratic on a territory). The elements are taken once, then changed.
    const live = document.getElementsByTagName(tag);
    const elements = Array.from({ length: live.length }, (_, i) => live[i]!);
    for (const element of elements) {
      const spells = document.createElementNS(GEXF_NS, 'spells');
      for (const spell of spellsOf(element.getAttribute('id')!)) {
        const node = document.createElementNS(GEXF_NS, 'spell');
        node.setAttribute('start', spell.start);
        if (spell.end) node.setAttribute('end', spell.end);
        spells.appendChild(node);
      }
      element.appendChild(spells);
    }
  };
  addSpells('node', (key) => network.getNodeAttribute(key, 'spells'));
  addSpells('edge', (key) => network.getEdgeAttribute(key, 'spells'));
  return new XMLSerializer().serializeToString(document);
}
