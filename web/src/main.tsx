// First: on the projection route the map's read leaves before React and the app run (api/openingRead.ts).
import { openingPage } from './api/openingStart.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('missing #root');
const render = () =>
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
// On the wall's routes the first render waits for the page's code (loading already), and App draws
// the page in that render (components/lazyPage.tsx): rendered before, the page would show
// Suspense's fallback, and React holds a fallback's replacement at least 300 ms after it
// appeared — the wall's first map came that much later (issue 14's figure). A failed load
// renders anyway: the lazy page reports it.
if (openingPage) openingPage.then(render, render);
else render();
