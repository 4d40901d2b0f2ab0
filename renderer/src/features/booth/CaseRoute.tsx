// Runs in: renderer. /booth/<applicantId>: one applicant's case. The record, flags, face check
// and decision, all from the one case query (kept current by the mutations' invalidations).
import { useEffect, useRef, useState } from 'react';
import { Alert, Stack } from '@mantine/core';
import { useParams } from 'react-router';
import { Loading } from '../../ui/Loading';
import { CaseRecord } from './components/CaseRecord';
import { DispositionPanel } from './DispositionPanel';
import { FlagsPanel } from './FlagsPanel';
import { VerifyPanel } from './VerifyPanel';
import { useCase, useCaseEncounters } from './queries';

function CaseView({ applicantId }: { applicantId: string }) {
  // When the officer opened the case: the decision's arrival time.
  const [openedAt] = useState(() => new Date().toISOString());
  const [verificationId, setVerificationId] = useState<number | null>(null);
  const kase = useCase(applicantId);
  const encounters = useCaseEncounters(applicantId, kase);
  const heading = useRef<HTMLHeadingElement>(null);
  const loaded = kase.data !== undefined;
  // Opening a case moves focus to its name, so keyboard and screen-reader users land in it
  // instead of on the queue row they left.
  useEffect(() => {
    if (loaded) heading.current?.focus({ preventScroll: true });
  }, [loaded]);
  if (kase.error) {
    return (
      <Alert color="red" role="alert">
        {kase.error.message}
      </Alert>
    );
  }
  const a = kase.data;
  if (!a) return <Loading />;
  return (
    <Stack>
      <CaseRecord applicant={a} titleRef={heading} />
      <FlagsPanel flags={a.flags} applicantId={a.applicantId} />
      {a.photo && (
        <VerifyPanel applicantId={a.applicantId} referencePhoto={a.photo} onVerified={setVerificationId} />
      )}
      <DispositionPanel
        applicant={a}
        encounters={encounters}
        openedAt={openedAt}
        verificationId={verificationId}
      />
    </Stack>
  );
}

export default function CaseRoute() {
  const { applicantId = '' } = useParams();
  // A new case is a new view: its own opened-at time, verification and form state.
  return <CaseView key={applicantId} applicantId={applicantId} />;
}
