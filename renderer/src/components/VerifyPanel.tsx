// Runs in: renderer. Live capture (webcam or a picture file) compared with the submitted photo.
// The result informs; the officer decides.
import { useEffect, useRef, useState } from 'react';
import { Alert, Badge, Button, FileButton, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import type { VerifyView } from '../../../ipc/contract';
import { call } from '../api';
import { FaceOverlayImage } from './FaceOverlayImage';

const BAND_COLOR = { MATCH: 'green', INCONCLUSIVE: 'yellow', NO_MATCH: 'red' } as const;
const BAND_TEXT = { MATCH: 'Match', INCONCLUSIVE: 'Inconclusive: compare yourself', NO_MATCH: 'No match' } as const;

function toBase64(buf: ArrayBuffer): string {
  let s = '';
  const bytes = new Uint8Array(buf);
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export function VerifyPanel({ applicantId, referencePhoto, onVerified }: { applicantId: string; referencePhoto: string | null; onVerified?: (verificationId: number) => void }) {
  const video = useRef<HTMLVideoElement>(null);
  const [stream, setStream] = useState<MediaStream | null>(null);
  const [capture, setCapture] = useState<string | null>(null);
  const [result, setResult] = useState<VerifyView | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => () => stream?.getTracks().forEach((t) => t.stop()), [stream]);
  useEffect(() => {
    setResult(null);
    setCapture(null);
  }, [applicantId]);

  async function startCamera() {
    setError(null);
    try {
      const s = await navigator.mediaDevices.getUserMedia({ video: { width: 1280, height: 720 } });
      setStream(s);
      if (video.current) {
        video.current.srcObject = s;
        await video.current.play();
      }
    } catch (e) {
      setError(`The camera is not available (${(e as Error).message}). Use a picture file instead.`);
    }
  }

  async function verify(base64: string, mime: string) {
    setCapture(`data:${mime};base64,${base64}`);
    setBusy(true);
    setError(null);
    try {
      const r = await call('face.verify', { applicantId, imageBase64: base64 });
      setResult(r);
      onVerified?.(r.verificationId);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  function snap() {
    const v = video.current;
    // Only a frame that has actually arrived: the first moments of a stream can be black.
    if (!v || !v.videoWidth || v.readyState < 2) {
      setError('The camera has no picture yet. Wait a moment and capture again.');
      return;
    }
    const c = document.createElement('canvas');
    c.width = v.videoWidth;
    c.height = v.videoHeight;
    c.getContext('2d')!.drawImage(v, 0, 0);
    void verify(c.toDataURL('image/jpeg', 0.92).split(',')[1]!, 'image/jpeg');
  }

  async function fromFile(f: File | null) {
    if (!f) return;
    await verify(toBase64(await f.arrayBuffer()), f.type || 'image/jpeg');
  }

  return (
    <Paper withBorder p="md" aria-label="Verify identity">
      <Stack>
        <Group justify="space-between">
          <Title order={4}>Verify face</Title>
          <Group gap="xs">
            {!stream && <Button variant="light" onClick={() => void startCamera()}>Start camera</Button>}
            {stream && <Button onClick={snap} loading={busy}>Capture and compare</Button>}
            <FileButton onChange={(f) => void fromFile(f)} accept="image/jpeg,image/png">
              {(props) => <Button variant="default" {...props} loading={busy && !stream}>Compare a picture file</Button>}
            </FileButton>
          </Group>
        </Group>
        <video ref={video} muted playsInline style={{ width: 320, display: stream && !result ? 'block' : 'none', borderRadius: 8 }} />
        {error && <Alert color="red" role="alert">{error}</Alert>}
        {result && capture && (
          <Stack data-testid="verify-result">
            <Group align="flex-start">
              <Stack gap={2} align="center">
                {referencePhoto ? <FaceOverlayImage src={referencePhoto} side={result.reference} alt="Submitted photo (compared)" /> : <Text c="dimmed">No submitted photo</Text>}
                <Text size="sm" c="dimmed">Submitted when booking</Text>
              </Stack>
              <Stack gap={2} align="center">
                <FaceOverlayImage src={capture} side={result.capture} alt="Live capture" />
                <Text size="sm" c="dimmed">Live capture</Text>
              </Stack>
            </Group>
            <Group>
              {result.band ? (
                <Badge size="xl" color={BAND_COLOR[result.band]} data-testid="verify-band">{BAND_TEXT[result.band]}</Badge>
              ) : (
                <Badge size="xl" color="gray" data-testid="verify-band">No comparison possible</Badge>
              )}
              {result.score !== null && (
                <Text>
                  Similarity <b>{result.score.toFixed(2)}</b> · match at ≥ {result.thresholds.match.toFixed(2)}, unsure from {result.thresholds.inconclusive.toFixed(2)}
                </Text>
              )}
            </Group>
            <List size="sm">{result.explanation.map((e, i) => <List.Item key={i}>{e}</List.Item>)}</List>
            {result.liveness !== null && <Text size="sm" c="dimmed">Liveness (advisory only): {result.liveness.toFixed(2)}</Text>}
            <Text size="xs" c="dimmed">Model {result.modelVersion} · {Math.round(result.timings.totalMs)} ms · The software advises; you decide.</Text>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
