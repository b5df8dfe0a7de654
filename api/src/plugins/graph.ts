import type { FastifyInstance } from 'fastify';
import type { Graph } from '@trame/graph';

declare module 'fastify' {
  interface FastifyInstance {
    graph: Graph;
  }
}

/** Decorates the instance with the graph; closing the app closes the driver when it owns it. */
export function registerGraph(app: FastifyInstance, graph: Graph, options: { closeWithApp: boolean }): void {
  app.decorate('graph', graph);
  if (options.closeWithApp) app.addHook('onClose', async () => graph.close());
}
