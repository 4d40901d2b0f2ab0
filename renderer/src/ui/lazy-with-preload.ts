// Runs in: renderer. React.lazy with a preload: a page loaded ahead (while the sign-in form waits)
// then renders at once on its first use, instead of suspending for a moment, committing its
// fallback and rendering again. React resolves a lazy component in place when the thenable its
// loader returns calls back synchronously, which is what a loaded module's stand-in does here.
import { lazy, type ComponentType } from 'react';

export type PreloadableComponent<P> = ComponentType<P> & { preload: () => Promise<unknown> };

export function lazyWithPreload<P>(
  load: () => Promise<{ default: ComponentType<P> }>,
): PreloadableComponent<P> {
  let loaded: { default: ComponentType<P> } | undefined;
  let pending: Promise<{ default: ComponentType<P> }> | undefined;
  const preload = () => {
    pending ??= load().then(
      (m) => (loaded = m),
      (e: unknown) => {
        pending = undefined; // a failed chunk is asked for again by the next use
        throw e;
      },
    );
    return pending;
  };
  const Component = lazy(() => {
    const m = loaded;
    if (!m) return preload();
    return { then: (done: (value: typeof m) => void) => done(m) } as Promise<typeof m>;
  }) as unknown as PreloadableComponent<P>;
  Component.preload = preload;
  return Component;
}
