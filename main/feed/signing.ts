// Runs in: main process, CLI and the reference feed server.
// Signed envelopes: { keyId, sig, payload } where sig is Ed25519 over the RFC 8785 canonical
// JSON of payload. Publisher keys are pinned by key id; rotation = pin the new id beside the old.
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import canonicalize from 'canonicalize';
import { FeedError } from './feed-error';

export interface Envelope<T = unknown> {
  keyId: string;
  sig: string;
  payload: T;
}

export interface SigningKey {
  keyId: string;
  privateKey: KeyObject | string;
}

export type PinnedKeys = Record<string, string>;

export function canonicalJson(value: unknown): string {
  const s = canonicalize(value);
  if (s === undefined) throw new Error('value cannot be canonicalised');
  return s;
}

export function signEnvelope<T>(payload: T, key: SigningKey): Envelope<T> {
  const pk = typeof key.privateKey === 'string' ? createPrivateKey(key.privateKey) : key.privateKey;
  const sig = sign(null, Buffer.from(canonicalJson(payload)), pk).toString('base64');
  return { keyId: key.keyId, sig, payload };
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
export function verifyEnvelope(env: unknown, keys: PinnedKeys, what: string): { payload: unknown; keyId: string } {
  if (typeof env !== 'object' || env === null) throw new FeedError('SCHEMA', `The ${what} is not a signed envelope; nothing from it was applied.`);
  const e = env as Partial<Envelope>;
  if (typeof e.sig !== 'string' || e.sig.length === 0 || typeof e.keyId !== 'string') {
    throw new FeedError('MISSING_SIGNATURE', `The ${what} carries no signature; nothing from it was applied.`);
  }
  if (!('payload' in e)) throw new FeedError('SCHEMA', `The ${what} has no payload; nothing from it was applied.`);
  const pem = Object.prototype.hasOwnProperty.call(keys, e.keyId) ? keys[e.keyId] : undefined;
  if (!pem) throw new FeedError('UNKNOWN_KEY', `The ${what} is signed with key "${e.keyId.slice(0, 60)}", which is not pinned in this console's configuration; nothing from it was applied.`);
  let ok = false;
  try {
    ok = verify(null, Buffer.from(canonicalJson(e.payload)), publicKey(pem), Buffer.from(e.sig, 'base64'));
  } catch {
    ok = false;
  }
  if (!ok) throw new FeedError('BAD_SIGNATURE', `The ${what} failed its signature check (altered or forged); nothing from it was applied.`);
  return { payload: e.payload, keyId: e.keyId };
}

export function generateSigningKey(keyId: string): { signing: SigningKey; publicPem: string; privatePem: string } {
  const { privateKey, publicKey: pub } = generateKeyPairSync('ed25519');
  return {
    signing: { keyId, privateKey },
    publicPem: pub.export({ type: 'spki', format: 'pem' }).toString(),
    privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}
