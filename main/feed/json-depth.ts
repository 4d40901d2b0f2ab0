// Runs in: main process, CLI and the batch-verify worker.
// Feed JSON is depth-checked on its text before it is parsed. JSON.parse copes with any depth,
// but what comes next does not: the structured clone to the verify worker, zod, canonicalize and
// JSON.stringify all recurse, and a few thousand levels overflow the stack (a RangeError, not a
// refusal). A loop over the text cannot overflow, and refuses before any of them runs.
import { FeedError } from './feed-error';

/** Far above the feed's own documents (an envelope page nests 3 deep, a batch payload about 5). */
export const MAX_JSON_DEPTH = 64;

// Char codes of the characters the scan looks at: " \ [ ] { }
const [QUOTE, BACKSLASH, OPEN_ARRAY, CLOSE_ARRAY, OPEN_OBJECT, CLOSE_OBJECT] = [...'"\\[]{}'].map((c) =>
  c.charCodeAt(0),
);

/** Whether JSON text nests arrays and objects deeper than `limit` (brackets inside strings ignored). */
export function nestedDeeperThan(text: string, limit = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      // Jump to the closing quote: one not preceded by an odd run of backslashes.
      for (;;) {
        i = text.indexOf('"', i + 1);
        if (i < 0) return false;
        let slashes = 0;
        while (text.charCodeAt(i - 1 - slashes) === BACKSLASH) slashes++;
        if (slashes % 2 === 0) break;
      }
    } else if (c === OPEN_ARRAY || c === OPEN_OBJECT) {
      if (++depth > limit) return true;
    } else if (c === CLOSE_ARRAY || c === CLOSE_OBJECT) depth--;
  }
  return false;
}

/** The refusal, phrased like every other bad response (`what` names the document). */
export function tooDeep(what: string): FeedError {
  const why = `The feed sent a response nested deeper than ${MAX_JSON_DEPTH} levels (the ${what})`;
  return new FeedError('SCHEMA', `${why}; nothing from it was applied.`);
}
