import { startOpeningRead } from './api/openingRead.ts';
import './styles.css';

// The projection's map read goes out first, before React and the app's code are loaded (they
// load meanwhile): on a room's wall it is the first map's longest wait (api/openingRead.ts).
startOpeningRead(window.location);

void Promise.all([import('react'), import('react-dom/client'), import('./App.tsx')]).then(
  ([{ StrictMode, createElement }, { createRoot }, { App }]) => {
    const root = document.getElementById('root');
    if (!root) throw new Error('missing #root');
    createRoot(root).render(createElement(StrictMode, null, createElement(App)));
  },
);
