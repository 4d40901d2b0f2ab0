// Runs in: benchmark tooling (the script it returns runs in the page, before the app's own).
// The in-page probe the Chromium benches share: performance.now() marks for the click on "Sign in"
// and for each named element's first frame on screen ("on screen": the DOM change, then the next
// animation frame, then the task after it, when the frame's style, layout and paint are done).

/**
 * @param onScreen mark name → CSS selector of the element whose first appearance it marks
 * @param signInAnswer also mark `signedIn` when the answer to auth.signIn arrives
 */
export function paintProbe(onScreen: Record<string, string>, { signInAnswer = false } = {}): string {
  const fetchHook = `
  const fetch0 = window.fetch;
  window.fetch = async (...args) => {
    const res = await fetch0(...args);
    if (String(args[0]).endsWith('/api/auth.signIn')) marks.signedIn = performance.now();
    return res;
  };`;
  return `(() => {
  const marks = (window.__marks = {});
  document.addEventListener('click', (e) => {
    if (e.target instanceof Element && e.target.closest('button[type="submit"]')) marks.click ??= performance.now();
  }, true);${signInAnswer ? fetchHook : ''}
  const drawn = (name) => requestAnimationFrame(() => setTimeout(() => (marks[name] ??= performance.now())));
  const seen = {};
  new MutationObserver(() => {
    for (const [name, selector] of ${JSON.stringify(Object.entries(onScreen))})
      if (!seen[name] && document.querySelector(selector)) drawn((seen[name] = name));
  }).observe(document, { subtree: true, childList: true });
})()`;
}
