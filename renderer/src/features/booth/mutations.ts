// Runs in: renderer. The booth's changes. Each refreshes what it made stale by invalidation, so
// no panel tells another to reload.
import { useQueryClient } from '@tanstack/react-query';
import type { ApplicantView } from '../../../../ipc/channels/applicant';
import { useChannelMutation } from '../../data/channel-hooks';
import { queryKeys } from '../../data/query-keys';

export function useAcknowledgeFlag(applicantId: string) {
  const client = useQueryClient();
  return useChannelMutation('flags.acknowledge', {
    // The queue's open-flag counts change. The case takes main's answer (the acknowledged
    // flag) directly: asking for the whole case again would log one more audited view of it.
    invalidates: ['queue', 'flags'],
    onSuccess: (flag) =>
      client.setQueryData<ApplicantView>(queryKeys.channel('applicant.get', { applicantId }), (a) =>
        a ? { ...a, flags: a.flags.map((f) => (f.id === flag.id ? flag : f)) } : a,
      ),
    meta: { silent: true }, // shown on the flag's card
  });
}

export function useCompleteCase() {
  return useChannelMutation('encounter.complete', {
    // The case (its decisions), the queue (its status) and the upload follow-up.
    invalidates: ['applicant', 'queue', 'encounter'],
    meta: { silent: true }, // shown in the decision panel
  });
}

export function useVerifyFace() {
  return useChannelMutation('face.verify', {
    // Supervisors' accuracy figures count booth verifications; the case's identity view
    // (attempts, the face result a decision cites) changes with each.
    invalidates: ['face', 'encounter'],
    meta: { silent: true }, // shown in the verify panel
  });
}

/** Blind-first: the officer's own judgement, then the score. */
export function useJudgeFace() {
  return useChannelMutation('face.judge', { invalidates: ['face', 'encounter'], meta: { silent: true } });
}

/** Capture guidance on one small frame: nothing to invalidate, nothing to announce. */
export function useGuideFrame() {
  return useChannelMutation('face.guide', { meta: { silent: true } });
}

export function useManualCheck() {
  return useChannelMutation('encounter.manualCheck', { invalidates: ['encounter'], meta: { silent: true } });
}

/** What the applicant-facing screen shows (no personal data goes there). */
export function useCounterShow() {
  return useChannelMutation('counter.show', { meta: { silent: true } });
}

export function useOpenCounter() {
  return useChannelMutation('counter.open', {});
}
