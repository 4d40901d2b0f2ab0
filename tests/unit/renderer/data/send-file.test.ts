// Runs in: tests (jsdom). How the renderer sends a picked or dropped file in the Electron shell:
// through the preload's upload bridge (ipc/upload.ts), in 1 MiB chunks read from the file as they
// go, each at its offset, each awaited; main's refusal surfaces as the error to show.
import { afterEach, describe, expect, it } from 'vitest';
import type { UploadBridge } from '../../../../ipc/upload';
import { sendFile, UPLOAD_CHUNK_BYTES } from '../../../../renderer/src/api';

afterEach(() => {
  delete window.arrivalsUpload;
});

describe('sendFile (Electron)', () => {
  it('sends the file in order, chunk by chunk, and reports what main received', async () => {
    const bytes = new Uint8Array(2.5 * UPLOAD_CHUNK_BYTES).map((_, i) => (i * 31) % 251);
    const got: Array<{ id: string; offset: number; bytes: Uint8Array }> = [];
    let inFlight = 0;
    const bridge: UploadBridge = {
      chunk: async (id, offset, chunk) => {
        expect(++inFlight).toBe(1);
        got.push({ id, offset, bytes: new Uint8Array(chunk) });
        await Promise.resolve();
        inFlight--;
        return { ok: true, value: { received: offset + chunk.byteLength } };
      },
    };
    window.arrivalsUpload = bridge;
    const progress: number[] = [];
    await sendFile('u-1', new Blob([bytes]), (n) => progress.push(n));
    expect(got.map((c) => [c.id, c.offset, c.bytes.length])).toEqual([
      ['u-1', 0, UPLOAD_CHUNK_BYTES],
      ['u-1', UPLOAD_CHUNK_BYTES, UPLOAD_CHUNK_BYTES],
      ['u-1', 2 * UPLOAD_CHUNK_BYTES, 0.5 * UPLOAD_CHUNK_BYTES],
    ]);
    const joined = new Uint8Array(bytes.length);
    for (const c of got) joined.set(c.bytes, c.offset);
    // Byte for byte (in a plain loop: an element-wise diff of 2.6 MB would crawl).
    expect(joined.every((b, i) => b === bytes[i])).toBe(true);
    expect(progress).toEqual([UPLOAD_CHUNK_BYTES, 2 * UPLOAD_CHUNK_BYTES, bytes.length]);
  });

  it("stops at main's refusal and throws its message", async () => {
    let calls = 0;
    window.arrivalsUpload = {
      chunk: async () => {
        calls++;
        return {
          ok: false,
          error: { code: 'INVALID_REQUEST', message: 'No such upload: choose the bundle file again.' },
        };
      },
    };
    await expect(sendFile('u-2', new Blob([new Uint8Array(3 * UPLOAD_CHUNK_BYTES)]))).rejects.toMatchObject({
      message: 'No such upload: choose the bundle file again.',
      code: 'INVALID_REQUEST',
    });
    expect(calls).toBe(1);
  });
});
