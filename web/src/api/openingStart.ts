import { startOpeningRead } from './openingRead.ts';

// Imported first by main.tsx: modules run in import order, so on the projection route the map's
// read leaves before React and the app's modules are evaluated and rendered (openingRead.ts).
// The page's code loading, for main.tsx to render once it is there (or null: render at once).
export const openingPage: Promise<unknown> | null = startOpeningRead(window.location);
