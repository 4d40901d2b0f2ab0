// Runs in: renderer. Identity at the booth: the submitted photo and the live one side by side at
// one size (the camera preview in the live photo's place, with the engine's face box and one line
// of guidance a few times a second), the result and its reasons beside them, the attempts so far,
// and after three without a match the manual identity check. In blind-first mode the officer's
// own judgement comes before the score. The result informs; the officer decides.
import {
  useEffect,
  useImperativeHandle,
  useRef,
  useState,
  type ReactNode,
  type Ref,
  type RefObject,
} from 'react';
import { Alert, Button, FileButton, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CounterMessage } from '../../../../ipc/channels/counter';
import type { IdentityView } from '../../../../ipc/channels/encounter';
import type { GuideView, Judgement, VerifyView } from '../../../../ipc/channels/face';
import { useFormat } from '../../format';
import { ScrollRegion } from '../../ui/ScrollRegion';
import { captureFrame, frameOf } from './capture';
import { FaceOverlayImage, PHOTO_SIZE, PhotoFrame } from './components/FaceOverlayImage';
import { LivePreview } from './components/LivePreview';
import { ManualCheckDialog } from './components/ManualCheckDialog';
import { VerifyResult } from './components/VerifyResult';
import { useGuideFrame, useJudgeFace, useManualCheck, useVerifyFace } from './mutations';

/** Guidance frames: this wide (the engine's face-size gate still counts camera pixels)... */
const GUIDE_WIDTH = 640;
/** ...and at most one every so often, each only after the last answer: never a queue of frames. */
export const GUIDE_INTERVAL_MS = 300;

/** What the booth's shortcuts do here (C, F). */
export interface VerifyHandle {
  /** C: start the camera; capture and compare; after a result, back to the preview for a retake. */
  captureKey(): void;
  /** F: choose a picture file to compare. */
  pickFile(): void;
}

function toBase64(buf: ArrayBuffer): string {
  let s = '';
  const bytes = new Uint8Array(buf);
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** Capture guidance while the preview shows: one small frame at a time, a few times a second. */
function useCaptureGuidance(video: RefObject<HTMLVideoElement | null>, active: boolean): GuideView | null {
  const guideFrame = useGuideFrame();
  const ask = guideFrame.mutateAsync;
  const [guide, setGuide] = useState<GuideView | null>(null);
  useEffect(() => {
    if (!active) {
      setGuide(null);
      return;
    }
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      const v = video.current;
      if (v && v.readyState >= 2 && v.videoWidth) {
        const width = Math.min(GUIDE_WIDTH, v.videoWidth);
        try {
          const g = await ask({ imageBase64: frameOf(v, width, 0.7), scale: width / v.videoWidth });
          // A skipped frame (the engine was busy) keeps the last line rather than blanking it.
          if (!stopped && g.hint) setGuide(g);
        } catch {
          // Guidance is a help, not a step: a failed frame is simply not shown.
        }
      }
      if (!stopped) timer = setTimeout(() => void tick(), GUIDE_INTERVAL_MS);
    };
    void tick();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [active, ask, video]);
  return guide;
}

export function VerifyPanel({
  applicantId,
  referencePhoto,
  photoMissingReason,
  identity,
  onCounter,
  counterControl,
  ref,
}: {
  applicantId: string;
  referencePhoto: string | null;
  photoMissingReason: string | null;
  identity: IdentityView | undefined;
  /** What the applicant-facing screen should ask of the person now. */
  onCounter: (message: CounterMessage) => void;
  /** The applicant-screen control, at the end of the capture buttons. */
  counterControl?: ReactNode;
  ref?: Ref<VerifyHandle>;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const video = useRef<HTMLVideoElement>(null);
  const fileButton = useRef<HTMLButtonElement>(null);
  const captureButton = useRef<HTMLButtonElement>(null);
  const firstJudgement = useRef<HTMLButtonElement>(null);
  const [stream, setStream] = useState<MediaStream | null>(null);
  const [aspect, setAspect] = useState(16 / 9);
  const [capture, setCapture] = useState<string | null>(null);
  const [result, setResult] = useState<VerifyView | null>(null);
  const [retaking, setRetaking] = useState(false);
  const [cameraError, setCameraError] = useState<string | null>(null);
  const [manualOpen, setManualOpen] = useState(false);
  const verify = useVerifyFace();
  const judge = useJudgeFace();
  const manual = useManualCheck();
  const busy = verify.isPending;
  const previewing = stream !== null && (result === null || retaking) && !busy;
  const guide = useCaptureGuidance(video, previewing);

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
      onCounter('lookAtCamera');
      const v = video.current;
      if (v) {
        v.srcObject = s;
        v.onloadedmetadata = () => v.videoHeight && setAspect(v.videoWidth / v.videoHeight);
        await v.play();
      }
    } catch (e) {
      setCameraError(t('booth.verify.cameraUnavailable', { reason: (e as Error).message }));
    }
  }

  function compare(base64: string, mime: string) {
    setCapture(`data:${mime};base64,${base64}`);
    setResult(null);
    setRetaking(false);
    setCameraError(null);
    onCounter('pleaseWait');
    verify.mutate(
      { applicantId, imageBase64: base64 },
      {
        onSuccess: (r) => {
          setResult(r);
          // Blind-first: the question takes focus; otherwise the capture button stays where it was.
          if (r.blind && !r.judgement) setTimeout(() => firstJudgement.current?.focus(), 0);
        },
      },
    );
  }

  function snap() {
    const frame = captureFrame(video.current);
    if (frame) compare(frame, 'image/jpeg');
    else setCameraError(t('booth.verify.noPicture'));
  }

  function retake() {
    setRetaking(true);
    onCounter('lookAtCamera');
  }

  async function fromFile(f: File | null) {
    if (!f) return;
    compare(toBase64(await f.arrayBuffer()), f.type || 'image/jpeg');
  }

  function onJudge(judgement: Judgement) {
    if (!result) return;
    judge.mutate({ verificationId: result.verificationId, judgement }, { onSuccess: setResult });
  }

  useImperativeHandle(ref, () => ({
    captureKey: () => {
      if (busy || !referencePhoto) return;
      if (!stream) void startCamera();
      else if (previewing) snap();
      else retake();
    },
    pickFile: () => {
      if (!busy && referencePhoto) fileButton.current?.click();
    },
  }));

  const error = cameraError ?? verify.error?.message ?? judge.error?.message ?? null;
  const attempts = identity?.attempts;
  const check = identity?.manualCheck ?? null;
  // Offered after three comparisons without a match, or when no comparison is possible at all.
  const offerManual = !check && (attempts?.manualCheckOffered || (identity?.hasPhoto && !referencePhoto));
  const hint = previewing ? (guide?.hint ?? null) : null;
  const shown = result && !retaking ? result : null;

  return (
    <section aria-labelledby="verify-title">
      <Group align="flex-start" wrap="nowrap" gap="sm">
        <Stack gap={2} align="center">
          {referencePhoto ? (
            <FaceOverlayImage
              src={referencePhoto}
              side={shown?.reference ?? null}
              alt={t('booth.case.photo')}
            />
          ) : (
            <PhotoFrame>
              <Text size="xs" p="xs">
                {photoMissingReason}
              </Text>
            </PhotoFrame>
          )}
          <Text size="xs" c="dimmed">
            {t('booth.verify.submittedCaption')}
          </Text>
        </Stack>
        <Stack gap={2} align="center">
          <LivePreview
            videoRef={video}
            visible={previewing}
            guide={guide}
            label={t('booth.verify.cameraLabel')}
            aspect={aspect}
          />
          {!previewing &&
            (capture && shown ? (
              <FaceOverlayImage
                src={capture}
                side={shown.capture}
                alt={t('booth.verify.liveAlt')}
                fit="cover"
              />
            ) : (
              <PhotoFrame>
                <Text size="xs" p="xs" c="dimmed">
                  {busy ? t('booth.verify.comparing') : t('booth.verify.noLive')}
                </Text>
              </PhotoFrame>
            ))}
          <Text
            size="xs"
            c={hint && hint !== 'ready' ? 'orange' : 'dimmed'}
            data-testid="capture-hint"
            aria-live="polite"
          >
            {hint ? t(`booth.verify.hints.${hint}`) : t('booth.verify.liveCaption')}
          </Text>
        </Stack>
        {/* As tall as a photo and its caption: a long explanation scrolls here; it never pushes
            the flags and the decision off the screen. */}
        <Stack gap={4} h={PHOTO_SIZE + 20} style={{ flex: 1, minWidth: 0 }}>
          <div>
            <Title order={3} size="h5" id="verify-title">
              {t('booth.verify.title')}
            </Title>
            {attempts && attempts.total > 0 && (
              <Text size="xs" c="dimmed" data-testid="attempts">
                {t('booth.identity.attempts', {
                  count: attempts.total,
                  unsuccessful: attempts.unsuccessful,
                })}
              </Text>
            )}
            {check && (
              <Text size="xs" data-testid="manual-check" lineClamp={2} title={check.reason}>
                {t('booth.identity.recorded', {
                  officer: check.officer,
                  time: format.time(check.at),
                  reason: check.reason,
                })}
              </Text>
            )}
          </div>
          <ScrollRegion
            label={t('booth.verify.resultLabel')}
            style={{ flex: 1, minHeight: 0 }}
            type="auto"
            offsetScrollbars
          >
            <Stack gap={6}>
              {shown && (
                <VerifyResult
                  result={shown}
                  onJudge={onJudge}
                  judging={judge.isPending}
                  firstJudgementRef={firstJudgement}
                />
              )}
              {!referencePhoto && !identity?.hasPhoto && (
                <Text size="sm" c="dimmed">
                  {t('booth.verify.documentHint')}
                </Text>
              )}
              {!shown && !busy && referencePhoto && (
                <Text size="sm" c="dimmed">
                  {stream ? t('booth.verify.readyHint') : t('booth.verify.startHint')}
                </Text>
              )}
              {error && (
                <Alert color="red" role="alert" p="xs">
                  <Text size="sm">{error}</Text>
                </Alert>
              )}
            </Stack>
          </ScrollRegion>
        </Stack>
      </Group>
      {offerManual && (
        // Offered in plain view, above the buttons, not inside the scrolling result.
        <Alert color="orange" p={4} px="xs" mt={6} data-testid="manual-offer">
          <Group gap="xs" justify="space-between" wrap="nowrap">
            <Text size="sm">
              {referencePhoto
                ? t('booth.identity.offer', { count: attempts?.unsuccessful ?? 0 })
                : t('booth.identity.offerNoPhoto')}
            </Text>
            <Button size="compact-sm" color="orange" onClick={() => setManualOpen(true)}>
              {t('booth.identity.manual.open')}
            </Button>
          </Group>
        </Alert>
      )}
      <Group gap="xs" mt={6} justify="space-between" wrap="nowrap">
        {referencePhoto ? (
          <Group gap={6} wrap="nowrap">
            {!stream && (
              <Button size="xs" variant="light" onClick={() => void startCamera()} aria-keyshortcuts="c">
                {t('booth.verify.startCamera')}
              </Button>
            )}
            {stream && (
              <Button
                size="xs"
                ref={captureButton}
                onClick={previewing ? snap : retake}
                loading={busy}
                aria-keyshortcuts="c"
              >
                {previewing || busy ? t('booth.verify.capture') : t('booth.verify.retake')}
              </Button>
            )}
            <FileButton onChange={(f) => void fromFile(f)} accept="image/jpeg,image/png">
              {(props) => (
                <Button
                  size="xs"
                  variant="default"
                  {...props}
                  ref={fileButton}
                  loading={busy && !stream}
                  aria-keyshortcuts="f"
                >
                  {t('booth.verify.fromFile')}
                </Button>
              )}
            </FileButton>
          </Group>
        ) : (
          <span />
        )}
        {counterControl}
      </Group>
      <ManualCheckDialog
        key={manualOpen ? 'open' : 'closed'}
        opened={manualOpen}
        attempts={attempts?.unsuccessful ?? 0}
        saving={manual.isPending}
        error={manual.error?.message ?? null}
        onClose={() => setManualOpen(false)}
        onRecord={(reason) =>
          manual.mutate(
            { applicantId, documentInspected: true, reason },
            { onSuccess: () => setManualOpen(false) },
          )
        }
      />
    </section>
  );
}
