// Runs in: renderer. Work that should not compete with drawing the current screen (preloading what
// the next one needs): run when the page is idle, or within a second at the latest.
export function whenIdle(run: () => void): () => void {
  if (typeof requestIdleCallback !== 'function') {
    const id = setTimeout(run, 0);
    return () => clearTimeout(id);
  }
  const id = requestIdleCallback(run, { timeout: 1_000 });
  return () => cancelIdleCallback(id);
}
