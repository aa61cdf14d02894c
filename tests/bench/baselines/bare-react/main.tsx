import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

/** The least a React page ships: React, ReactDOM and one component — the floor under each route's bundle. */
function Page() {
  return <h1>Hello</h1>;
}

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <Page />
    </StrictMode>,
  );
