import '@mantine/core/styles.css';
import './styles/app.css';
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import { ja as zodJapanese } from 'zod/locales';
import { isApiError, setUnauthenticatedHandler } from './api/client';
import { createAppRouter } from './app/router';
import { theme } from './app/theme';
import { FlashProvider } from './components/flash';
import { I18nProvider } from './i18n/i18n';

// The shared schemas carry Japanese messages; zod's own fallbacks should match them.
z.config(zodJapanese());

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      retry: (failureCount, error) =>
        failureCount < 2 && (!isApiError(error) || error.status === 0 || error.status >= 500),
      refetchOnWindowFocus: false,
    },
  },
});

const router = createAppRouter(queryClient);

// Any call that finds the session gone sends the user back to the login page.
setUnauthenticatedHandler(() => {
  if (router.state.location.pathname === '/login') return;
  void router.navigate({ to: '/login', search: { reason: 'expired' } }).then(() => {
    queryClient.clear();
  });
});

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <MantineProvider theme={theme} defaultColorScheme="light">
      <I18nProvider>
        <QueryClientProvider client={queryClient}>
          <FlashProvider>
            <RouterProvider router={router} />
          </FlashProvider>
        </QueryClientProvider>
      </I18nProvider>
    </MantineProvider>
  </StrictMode>,
);
