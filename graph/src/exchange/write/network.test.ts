import { DOMParser } from '@xmldom/xmldom';
import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import { describe, expect, it } from 'vitest';
import { buildMalaunaySnapshot } from '../fixtures/snapshot.ts';
import { writeCyjs } from './cyjs.ts';
import { writeGexf } from './gexf.ts';
import { writeGraphml } from './graphml.ts';
import { writeKumu } from './kumu.ts';

const snapshot = buildMalaunaySnapshot();
// 4 actors + 3 objectives; 4 positions + 3 influences + 1 cooperation + 1 convergence + 1 conflict
// + 3 carriers (every objective has one) + 2 externality edges (one per affected actor).
const NODES = 7;
const EDGES = 4 + 3 + 1 + 1 + 1 + 3 + 2;

describe('GEXF 1.3', () => {
  const xml = writeGexf(snapshot);

  it("is read back by graphology's GEXF parser: counts, labels, attributes, weights, positions", () => {
    const graph = parseGexf(Graph, xml);
    expect(graph.order).toBe(NODES);
    expect(graph.size).toBe(EDGES);
    expect(graph.getNodeAttributes('act-amap')).toMatchObject({
      label: 'AMAP de Malaunay',
      type: 'Acteur',
      kind: 'Association',
      level: 'Coopérant',
      x: 120,
      y: -40,
    });
    expect(graph.getNodeAttributes('obj-offre')).toMatchObject({
      label: 'Offre diversifiée',
      type: 'Objectif',
      kind: 'Effets utiles (social) | Écologique',
      level: 'Matériel',
    });
    expect(graph.getEdgeAttributes('pos-3')).toMatchObject({ type: 'Position', weight: -1 });
    expect(graph.source('pos-3')).toBe('act-mairie');
    expect(graph.target('pos-3')).toBe('obj-offre');
    expect(graph.getEdgeAttributes('conf-1')).toMatchObject({ type: 'Conflit', weight: 3, label: 'Conflit (Arbitré)' });
    expect(graph.isUndirected('conf-1')).toBe(true);
    expect(graph.isDirected('inf-1')).toBe(true);
  });

  it("carries the history as spells for Gephi's timeline", () => {
    const document = new DOMParser().parseFromString(xml, 'application/xml');
    const graph = document.getElementsByTagName('graph')[0]!;
    expect(document.documentElement!.getAttribute('version')).toBe('1.3');
    expect(document.documentElement!.getAttribute('xmlns')).toBe('http://gexf.net/1.3');
    expect([graph.getAttribute('mode'), graph.getAttribute('timeformat')]).toEqual(['dynamic', 'date']);
    const spells = (tag: string, id: string) => {
      const elements = document.getElementsByTagName(tag);
      for (let i = 0; i < elements.length; i++) {
        const element = elements[i]!;
        if (element.getAttribute('id') !== id) continue;
        const list = element.getElementsByTagName('spell');
        return Array.from({ length: list.length }, (_, j) => [
          list[j]!.getAttribute('start'),
          list[j]!.getAttribute('end') || null,
        ]);
      }
      throw new Error(`${tag} ${id} not found`);
    };
    // The AMAP's engagement had two versions (informé, then coopérant): one continuous spell.
    expect(spells('node', 'act-amap')).toEqual([['2020-01-06', null]]);
    // The médiathèque's engagement ended on 30 June 2023.
    expect(spells('node', 'act-media')).toEqual([['2020-02-01', '2023-06-30']]);
    expect(spells('edge', 'coop-1')).toEqual([['2021-03-15', null]]);
    const all = document.getElementsByTagName('spells');
    expect(all.length).toBe(NODES + EDGES);
  });
});

describe('GraphML', () => {
  it("is read back by graphology's GraphML parser: counts, attributes, directions", () => {
    const graph = parseGraphml(Graph, writeGraphml(snapshot));
    expect(graph.order).toBe(NODES);
    expect(graph.size).toBe(EDGES);
    expect(graph.getNodeAttributes('act-media')).toMatchObject({
      label: 'Médiathèque',
      type: 'Acteur',
      kind: 'Service',
      level: 'Informé',
      x: 200,
      y: 90,
      start: '2020-02-01',
      end: '2023-06-30',
    });
    expect(graph.getEdgeAttributes('inf-2')).toMatchObject({ type: 'Influence', weight: 2, start: '2020-02-01' });
    expect(graph.isDirected('inf-2')).toBe(true);
    expect(graph.isUndirected('conv-1')).toBe(true);
    expect(graph.getEdgeAttributes('conv-1').label).toBe('Convergence');
  });

  it('escapes what a name may hold', () => {
    const tricky = buildMalaunaySnapshot();
    tricky.entities.find((e) => e.id === 'act-amap')!.values.name = 'AMAP <« Les Paniers » & Cie>';
    const graph = parseGraphml(Graph, writeGraphml(tricky));
    expect(graph.getNodeAttribute('act-amap', 'label')).toBe('AMAP <« Les Paniers » & Cie>');
    expect(parseGexf(Graph, writeGexf(tricky)).getNodeAttribute('act-amap', 'label')).toBe('AMAP <« Les Paniers » & Cie>');
  });
});

describe('Cytoscape desktop .cyjs', () => {
  it('has every node with its saved position, and every edge with its interaction', () => {
    const cyjs = writeCyjs(snapshot);
    expect(cyjs.format_version).toBe('1.0');
    expect(cyjs.elements.nodes).toHaveLength(NODES);
    expect(cyjs.elements.edges).toHaveLength(EDGES);
    expect(cyjs.elements.nodes.find((n) => n.data.id === 'act-prod')).toMatchObject({
      data: { name: 'Producteurs du marché', kind: 'Entreprise' },
      position: { x: -110, y: 60 },
    });
    expect(cyjs.elements.edges.find((e) => e.data.id === 'inf-1')!.data).toMatchObject({
      source: 'act-mairie',
      target: 'act-amap',
      interaction: 'Influence',
      weight: 3,
    });
    // JSON as Cytoscape reads it: the document survives a serialisation.
    expect(JSON.parse(JSON.stringify(cyjs))).toEqual(cyjs);
  });

  it('places nodes on a circle when the project has no saved layout', () => {
    const { layout: _, ...bare } = snapshot;
    const positions = writeCyjs(bare).elements.nodes.map((n) => `${n.position.x},${n.position.y}`);
    expect(new Set(positions).size).toBe(NODES);
  });
});

describe('Kumu JSON', () => {
  it('names elements by label and connects them by label', () => {
    const kumu = writeKumu(snapshot);
    expect(kumu.elements).toHaveLength(NODES);
    expect(kumu.connections).toHaveLength(EDGES);
    expect(kumu.elements.find((e) => e.label === 'Mairie de Malaunay')).toMatchObject({
      type: 'Élu',
      tags: ['Acteur', 'Moteur'],
    });
    expect(kumu.connections.filter((c) => c.type === 'Externalité').map((c) => [c.from, c.to, c.strength])).toEqual([
      ['Attractivité du centre', 'Médiathèque', -1],
      ['Attractivité du centre', 'AMAP de Malaunay', -1],
    ]);
    expect(kumu.connections.find((c) => c.type === 'Coopération')).toMatchObject({
      from: 'AMAP de Malaunay',
      to: 'Médiathèque',
      direction: 'mutual',
    });
  });
});
