// Runs in: main process, CLI and the reference feed server.
// RFC 8785 (JSON Canonicalization Scheme) via the `canonicalize` package: the one byte form
// that publisher and console both sign/verify, whatever key order or spacing a relay used.
import canonicalize from 'canonicalize';

/** Canonical JSON text of a value; throws for values JSON cannot carry (undefined, functions, NaN). */
export function canonicalJson(value: unknown): string {
  let s: string | undefined;
  try {
    s = canonicalize(value);
  } catch (e) {
    throw new Error(`value cannot be canonicalised: ${(e as Error).message}`);
  }
  if (s === undefined) throw new Error('value cannot be canonicalised');
  return s;
}
