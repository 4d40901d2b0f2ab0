// Runs in: renderer.
import '@mantine/core/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { MantineProvider, createTheme } from '@mantine/core';
import { App } from './App';

// Readable at arm's length across a booth counter: a larger base size than the default.
const theme = createTheme({ primaryColor: 'indigo', defaultRadius: 'md', fontSizes: { md: '1.05rem' } });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme} defaultColorScheme="light">
      <App />
    </MantineProvider>
  </StrictMode>,
);
