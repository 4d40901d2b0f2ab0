// Runs in: renderer (a reference page built and timed by tools/measure-startup.js, never shipped).
// The stack's floor: React alone rendering the button the start-up bench waits for.
import { createRoot } from 'react-dom/client';

createRoot(document.getElementById('root')!).render(<button type="button">Sign in</button>);
