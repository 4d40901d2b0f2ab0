// Runs in: renderer. Live capture (webcam or a picture file) compared with the submitted photo.
// The result informs; the officer decides.
import { useEffect, useRef, useState } from 'react';
import { Alert, Button, FileButton, Group, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Section } from '../../ui/Section';
import { VerifyResult } from './components/VerifyResult';
import { useVerifyFace } from './mutations';

function toBase64(buf: ArrayBuffer): string {
  let s = '';
  const bytes = new Uint8Array(buf);
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export function VerifyPanel({
  applicantId,
  referencePhoto,
  onVerified,
}: {
  applicantId: string;
  referencePhoto: string | null;
  /** The comparison the decision will cite. */
  onVerified?: (verificationId: number) => void;
}) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const captureButton = useRef<HTMLButtonElement>(null);
  const [stream, setStream] = useState<MediaStream | null>(null);
  const [capture, setCapture] = useState<string | null>(null);
  const [cameraError, setCameraError] = useState<string | null>(null);
  const verify = useVerifyFace();

  useEffect(() => () => stream?.getTracks().forEach((tr) => tr.stop()), [stream]);
  // "Start camera" gives way to "Capture and compare": focus follows, not back to the page top.
  useEffect(() => {
    if (stream && document.activeElement === document.body) captureButton.current?.focus();
  }, [stream]);

  async function startCamera() {
    setCameraError(null);
    try {
      const s = await navigator.mediaDevices.getUserMedia({ video: { width: 1280, height: 720 } });
      setStream(s);
      if (video.current) {
        video.current.srcObject = s;
        await video.current.play();
      }
    } catch (e) {
      setCameraError(t('booth.verify.cameraUnavailable', { reason: (e as Error).message }));
    }
  }

  function compare(base64: string, mime: string) {
    setCapture(`data:${mime};base64,${base64}`);
    setCameraError(null);
    verify.mutate({ applicantId, imageBase64: base64 }, { onSuccess: (r) => onVerified?.(r.verificationId) });
  }

  function snap() {
    const v = video.current;
    // Only a frame that has actually arrived: the first moments of a stream can be black.
    if (!v || !v.videoWidth || v.readyState < 2) {
      setCameraError(t('booth.verify.noPicture'));
      return;
    }
    const c = document.createElement('canvas');
    c.width = v.videoWidth;
    c.height = v.videoHeight;
    c.getContext('2d')!.drawImage(v, 0, 0);
    compare(c.toDataURL('image/jpeg', 0.92).split(',')[1]!, 'image/jpeg');
  }

  async function fromFile(f: File | null) {
    if (!f) return;
    compare(toBase64(await f.arrayBuffer()), f.type || 'image/jpeg');
  }

  const busy = verify.isPending;
  const result = verify.data;
  const error = cameraError ?? verify.error?.message ?? null;
  return (
    <Section
      title={t('booth.verify.title')}
      level={3}
      titleSize="h4"
      actions={
        <Group gap="xs">
          {!stream && (
            <Button variant="light" onClick={() => void startCamera()}>
              {t('booth.verify.startCamera')}
            </Button>
          )}
          {stream && (
            <Button ref={captureButton} onClick={snap} loading={busy}>
              {t('booth.verify.capture')}
            </Button>
          )}
          <FileButton onChange={(f) => void fromFile(f)} accept="image/jpeg,image/png">
            {(props) => (
              <Button variant="default" {...props} loading={busy && !stream}>
                {t('booth.verify.fromFile')}
              </Button>
            )}
          </FileButton>
        </Group>
      }
    >
      <Stack>
        <video
          ref={video}
          muted
          playsInline
          aria-label={t('booth.verify.cameraLabel')}
          style={{ width: 320, display: stream && !result ? 'block' : 'none', borderRadius: 8 }}
        />
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        {result && capture && (
          <VerifyResult result={result} capture={capture} referencePhoto={referencePhoto} />
        )}
      </Stack>
    </Section>
  );
}
