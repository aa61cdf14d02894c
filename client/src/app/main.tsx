import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './App';
import { initI18n } from './i18n';
import { createQueryClient } from './queryClient';
import { SocketProvider } from './socket/SocketProvider';
import './ui/tokens.css';
import './ui/base.css';

async function start(): Promise<void> {
  await initI18n();
  const queryClient = createQueryClient();
  const root = document.getElementById('root');
  if (!root) throw new Error('#root is missing from index.html');
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <SocketProvider>
          <BrowserRouter>
            <App />
          </BrowserRouter>
        </SocketProvider>
      </QueryClientProvider>
    </StrictMode>,
  );
}

void start();
