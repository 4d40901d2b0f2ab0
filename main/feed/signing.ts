// Runs in: main process, CLI and the reference feed server.
// Signed envelopes: { keyId, sig, payload } where payload is the RFC 8785 canonical JSON text
// of the data and sig is Ed25519 over its UTF-8 bytes. Carrying the signed text itself (rather
// than re-canonicalising a parsed object) means the console verifies exactly the bytes that
// were signed, and saves re-serialising 100k records per manifest. Publisher keys are pinned
// by key id; rotation = pin the new id beside the old.
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { canonicalJson } from './canonical';
import { FeedError } from './feed-error';
import { nestedDeeperThan, tooDeep } from './json-depth';

export { canonicalJson };

/** `T` documents what the payload text holds; read it with openEnvelope (publisher side). */
// eslint-disable-next-line @typescript-eslint/no-unused-vars
export interface Envelope<T = unknown> {
  keyId: string;
  sig: string;
  payload: string;
}

/** Parses an envelope's payload WITHOUT checking it: only for data this process signed itself. */
export function openEnvelope<T>(env: Envelope<T>): T {
  return JSON.parse(env.payload) as T;
}

export interface SigningKey {
  keyId: string;
  privateKey: KeyObject | string;
}

export type PinnedKeys = Record<string, string>;

export function signEnvelope<T>(payload: T, key: SigningKey): Envelope<T> {
  const pk = typeof key.privateKey === 'string' ? createPrivateKey(key.privateKey) : key.privateKey;
  const text = canonicalJson(payload);
  const sig = sign(null, Buffer.from(text), pk).toString('base64');
  return { keyId: key.keyId, sig, payload: text };
}

const keyCache = new Map<string, KeyObject>();
function publicKey(pem: string): KeyObject {
  let k = keyCache.get(pem);
  if (!k) {
    k = createPublicKey(pem);
    keyCache.set(pem, k);
  }
  return k;
}

/**
 * Checks an envelope's signature against the pinned keys and returns its payload (still to be
 * schema-checked by the caller). `what` names the thing for the error message.
 */
export function verifyEnvelope(
  env: unknown,
  keys: PinnedKeys,
  what = 'feed document',
): { payload: unknown; keyId: string; payloadSha256: string } {
  if (typeof env !== 'object' || env === null)
    throw new FeedError('SCHEMA', `The ${what} is not a signed envelope; nothing from it was applied.`);
  const e = env as Partial<Envelope>;
  if (typeof e.sig !== 'string' || e.sig.length === 0 || typeof e.keyId !== 'string') {
    throw new FeedError(
      'MISSING_SIGNATURE',
      `The ${what} carries no signature; nothing from it was applied.`,
    );
  }
  if (typeof e.payload !== 'string')
    throw new FeedError('SCHEMA', `The ${what} has no payload; nothing from it was applied.`);
  const pem = Object.prototype.hasOwnProperty.call(keys, e.keyId) ? keys[e.keyId] : undefined;
  if (!pem)
    throw new FeedError(
      'UNKNOWN_KEY',
      `The ${what} is signed with key "${e.keyId.slice(0, 60)}", which is not pinned in this console's configuration; nothing from it was applied.`,
    );
  const signed = Buffer.from(e.payload);
  let ok = false;
  try {
    ok = verify(null, signed, publicKey(pem), Buffer.from(e.sig, 'base64'));
  } catch {
    ok = false;
  }
  if (!ok)
    throw new FeedError(
      'BAD_SIGNATURE',
      `The ${what} failed its signature check (altered or forged); nothing from it was applied.`,
    );
  // Signed does not mean shallow: zod and the worker's reply clone recurse (json-depth.ts).
  if (nestedDeeperThan(e.payload)) throw tooDeep(what);
  let payload: unknown;
  try {
    payload = JSON.parse(e.payload);
  } catch {
    throw new FeedError(
      'SCHEMA',
      `The ${what} is signed but is not valid JSON; nothing from it was applied.`,
    );
  }
  // The digest of the signed bytes identifies a batch in applied_batches.
  return { payload, keyId: e.keyId, payloadSha256: createHash('sha256').update(signed).digest('hex') };
}

export function generateSigningKey(keyId: string): {
  signing: SigningKey;
  publicPem: string;
  privatePem: string;
} {
  const { privateKey, publicKey: pub } = generateKeyPairSync('ed25519');
  return {
    signing: { keyId, privateKey },
    publicPem: pub.export({ type: 'spki', format: 'pem' }).toString(),
    privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}
