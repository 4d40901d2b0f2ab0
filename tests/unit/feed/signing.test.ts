// Runs in: tests (Node). Canonical JSON and Ed25519 envelopes: every refusal path, and key rotation.
import { describe, expect, it } from 'vitest';
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { canonicalJson } from '../../../main/feed/canonical';
import { generateSigningKey, signEnvelope, verifyEnvelope, type Envelope } from '../../../main/feed/signing';
import { FeedError } from '../../../main/feed/feed-error';
import { DEMO_KEY_ID, demoPinnedKeys, demoSigningKey } from '../../../main/feed/demo-key';

const payload = {
  port: 'SYS',
  serviceDate: '2026-11-22',
  version: 1,
  generatedAt: '2026-11-22T05:00:00Z',
  lastSeq: 3,
  recordCount: 1200,
};

function code(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(FeedError);
    return (e as FeedError).code;
  }
  return undefined;
}

describe('canonical JSON (RFC 8785)', () => {
  it('is independent of key order and whitespace', () => {
    expect(canonicalJson({ b: 1, a: [true, null, 'x'], c: { z: 1, y: 2 } })).toBe(
      '{"a":[true,null,"x"],"b":1,"c":{"y":2,"z":1}}',
    );
    expect(canonicalJson(JSON.parse('{ "c": {"y":2, "z":1},  "b" : 1, "a":[true,null,"x"] }'))).toBe(
      canonicalJson({ a: [true, null, 'x'], b: 1, c: { z: 1, y: 2 } }),
    );
  });
  it('sorts keys by UTF-16 code units and writes numbers the ECMAScript way', () => {
    expect(canonicalJson({ é: 1, z: 2, A: 3 })).toBe('{"A":3,"z":2,"é":1}');
    expect(canonicalJson([1e21, 0.1, -0, 100])).toBe('[1e+21,0.1,0,100]');
    expect(canonicalJson('Щербаков\u2028')).toBe('"Щербаков\u2028"');
  });
  it('refuses values JSON cannot carry', () => {
    expect(() => canonicalJson(undefined)).toThrow();
    expect(() => canonicalJson({ n: Number.NaN })).toThrow();
  });
});

describe('signed envelopes', () => {
  const a = generateSigningKey('pub-2026-a');
  const keys = { 'pub-2026-a': a.publicPem };

  it('verifies a good envelope and returns the payload and the digest of the signed bytes', () => {
    const env = signEnvelope(payload, a.signing);
    expect(env.keyId).toBe('pub-2026-a');
    expect(Buffer.from(env.sig, 'base64')).toHaveLength(64);
    expect(env.payload).toBe(canonicalJson(payload));
    const v = verifyEnvelope(env, keys, 'manifest header');
    expect(v.payload).toEqual(payload);
    expect(v.keyId).toBe('pub-2026-a');
    expect(v.payloadSha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('survives a trip through JSON (as off the wire)', () => {
    const env = JSON.parse(JSON.stringify(signEnvelope(payload, a.signing))) as unknown;
    expect(verifyEnvelope(env, keys).payload).toEqual(payload);
  });

  it('refuses a tampered payload (BAD_SIGNATURE), with a plain message', () => {
    const env = signEnvelope(payload, a.signing);
    const forged = { ...env, payload: env.payload.replace('"lastSeq":3', '"lastSeq":4') };
    expect(forged.payload).not.toBe(env.payload);
    expect(code(() => verifyEnvelope(forged, keys, 'manifest header for San Ysidro'))).toBe('BAD_SIGNATURE');
    expect(() => verifyEnvelope(forged, keys, 'manifest header for San Ysidro')).toThrow(
      /San Ysidro failed its signature check.*nothing from it was applied/,
    );
  });

  it('refuses a signature that is not the right length or not base64', () => {
    const env = signEnvelope(payload, a.signing);
    expect(code(() => verifyEnvelope({ ...env, sig: env.sig.slice(0, 20) }, keys))).toBe('BAD_SIGNATURE');
    expect(code(() => verifyEnvelope({ ...env, sig: '!!!!' }, keys))).toBe('BAD_SIGNATURE');
  });

  it('refuses a missing or empty signature (MISSING_SIGNATURE)', () => {
    const env = signEnvelope(payload, a.signing);
    const { sig: _sig, ...unsigned } = env;
    expect(code(() => verifyEnvelope(unsigned, keys))).toBe('MISSING_SIGNATURE');
    expect(code(() => verifyEnvelope({ ...env, sig: '' }, keys))).toBe('MISSING_SIGNATURE');
    expect(code(() => verifyEnvelope({ ...env, keyId: undefined }, keys))).toBe('MISSING_SIGNATURE');
  });

  it('refuses a bare payload or a non-object (SCHEMA)', () => {
    expect(code(() => verifyEnvelope(null, keys))).toBe('SCHEMA');
    expect(code(() => verifyEnvelope('{"port":"SYS"}', keys))).toBe('SCHEMA');
    expect(
      code(() => verifyEnvelope({ keyId: 'pub-2026-a', sig: 'AAAA', payload: { port: 'SYS' } }, keys)),
    ).toBe('SCHEMA');
  });

  it('refuses an unpinned key id (UNKNOWN_KEY), even one that looks like an Object property', () => {
    const b = generateSigningKey('pub-2027-b');
    expect(code(() => verifyEnvelope(signEnvelope(payload, b.signing), keys))).toBe('UNKNOWN_KEY');
    expect(
      code(() => verifyEnvelope({ ...signEnvelope(payload, a.signing), keyId: '__proto__' }, keys)),
    ).toBe('UNKNOWN_KEY');
    expect(code(() => verifyEnvelope({ ...signEnvelope(payload, a.signing), keyId: 'toString' }, keys))).toBe(
      'UNKNOWN_KEY',
    );
  });

  it('refuses a different key presenting a pinned key id (BAD_SIGNATURE)', () => {
    const impostor = generateSigningKey('pub-2026-a');
    expect(code(() => verifyEnvelope(signEnvelope(payload, impostor.signing), keys))).toBe('BAD_SIGNATURE');
  });

  it('rotates keys by id: old and new both pinned during overlap, old refused once unpinned', () => {
    const b = generateSigningKey('pub-2027-b');
    const overlap = { 'pub-2026-a': a.publicPem, 'pub-2027-b': b.publicPem };
    const oldEnv = signEnvelope(payload, a.signing);
    const newEnv = signEnvelope(payload, b.signing);
    expect(verifyEnvelope(oldEnv, overlap).keyId).toBe('pub-2026-a');
    expect(verifyEnvelope(newEnv, overlap).keyId).toBe('pub-2027-b');
    const after = { 'pub-2027-b': b.publicPem };
    expect(verifyEnvelope(newEnv, after).payload).toEqual(payload);
    expect(code(() => verifyEnvelope(oldEnv, after))).toBe('UNKNOWN_KEY');
    // A key id cannot be relabelled to borrow the other key's trust.
    expect(code(() => verifyEnvelope({ ...oldEnv, keyId: 'pub-2027-b' }, overlap))).toBe('BAD_SIGNATURE');
  });

  it('accepts a PEM string as the private key', () => {
    const env = signEnvelope(payload, { keyId: 'pub-2026-a', privateKey: a.privatePem });
    expect(verifyEnvelope(env, keys).payload).toEqual(payload);
  });
});

describe('the committed demo key', () => {
  it('is an Ed25519 pair whose halves match', () => {
    const priv = createPrivateKey(demoSigningKey().privateKey as string);
    expect(priv.asymmetricKeyType).toBe('ed25519');
    const pinned = demoPinnedKeys();
    expect(Object.keys(pinned)).toEqual([DEMO_KEY_ID]);
    expect(createPublicKey(priv).export({ type: 'spki', format: 'pem' }).toString().trim()).toBe(
      pinned[DEMO_KEY_ID]!.trim(),
    );
    const env: Envelope = signEnvelope(payload, demoSigningKey());
    expect(verifyEnvelope(env, pinned).keyId).toBe(DEMO_KEY_ID);
  });
});
