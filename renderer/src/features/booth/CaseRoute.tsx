// Runs in: renderer. /booth/<applicantId>: one applicant's case on one screen (1366×768 without
// a page scroll): the header; the two photos side by side with the result beside them; flags,
// details and the travel group in tabs; the decision always in view at the bottom. All from the
// one case query (kept current by the mutations' invalidations) and the identity view. Times are
// the case's port's. Shortcuts (shortcuts.ts): C capture, F picture file, A acknowledge, D
// decision, N next in group. The applicant-facing screen follows the case.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Alert, Paper, Tabs } from '@mantine/core';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ApplicantView } from '../../../../ipc/channels/applicant';
import type { CounterMessage } from '../../../../ipc/channels/counter';
import { FormatProvider } from '../../format';
import { Loading } from '../../ui/Loading';
import { ScrollRegion } from '../../ui/ScrollRegion';
import { ApplicantScreenControl, useCounterScreen } from './ApplicantScreen';
import { caseUrl } from './BoothPage';
import { CaseHeader } from './components/CaseHeader';
import { CaseRecord } from './components/CaseRecord';
import { GroupList, nextInGroup } from './components/GroupList';
import { DispositionPanel, type DecisionHandle } from './DispositionPanel';
import { FlagsPanel, type FlagsHandle } from './FlagsPanel';
import { useCase, useCaseEncounters, useIdentity } from './queries';
import { shortcutFor } from './shortcuts';
import { VerifyPanel, type VerifyHandle } from './VerifyPanel';

type Tab = 'flags' | 'details' | 'group';

function CaseView({
  applicant: a,
  onCounter,
  counterControl,
}: {
  applicant: ApplicantView;
  onCounter: (m: CounterMessage) => void;
  counterControl: ReactNode;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  // When the officer opened the case: the decision's arrival time.
  const [openedAt] = useState(() => new Date().toISOString());
  const encounters = useCaseEncounters(a.applicantId, useCase(a.applicantId));
  const identity = useIdentity(a.applicantId).data;
  const heading = useRef<HTMLHeadingElement>(null);
  const verify = useRef<VerifyHandle>(null);
  const flags = useRef<FlagsHandle>(null);
  const decision = useRef<DecisionHandle>(null);
  const openFlags = a.flags.filter((f) => !f.acknowledgedAt).length;
  // What needs the officer first: open flags, else the travel group, else the record.
  const [tab, setTab] = useState<Tab>(openFlags > 0 ? 'flags' : a.group.length > 1 ? 'group' : 'details');
  const next = nextInGroup(a.group, a.applicantId);
  const goNext = () => next && void navigate(caseUrl(next.applicantId));

  // Opening a case moves focus to its name, so keyboard and screen-reader users land in it
  // instead of on the queue row they left.
  useEffect(() => heading.current?.focus({ preventScroll: true }), []);

  // The case's shortcuts (the booth's own, / ↑ ↓ Enter Esc ?, are BoothPage's).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const s = shortcutFor(e, ['case']);
      if (!s) return;
      const act: Partial<Record<typeof s.id, () => void>> = {
        capture: () => verify.current?.captureKey(),
        file: () => verify.current?.pickFile(),
        acknowledge: () => {
          setTab('flags');
          // The tab's panel shows first, then focus can land in it.
          setTimeout(() => flags.current?.acknowledgeKey(), 0);
        },
        decision: () => decision.current?.focus(),
        nextInGroup: goNext,
      };
      const run = act[s.id];
      if (!run) return;
      e.preventDefault();
      run();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  });

  return (
    <Paper
      withBorder
      p="sm"
      h="100%"
      style={{ display: 'flex', flexDirection: 'column', gap: 8, minHeight: 0 }}
    >
      <CaseHeader applicant={a} titleRef={heading} />
      {a.photo || a.photoMissingReason !== null ? (
        <VerifyPanel
          applicantId={a.applicantId}
          referencePhoto={a.photo}
          photoMissingReason={a.photoMissingReason}
          identity={identity}
          onCounter={onCounter}
          counterControl={counterControl}
          ref={verify}
        />
      ) : null}
      <Tabs
        value={tab}
        onChange={(v) => v && setTab(v as Tab)}
        keepMounted={false}
        style={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }}
      >
        <Tabs.List>
          <Tabs.Tab value="flags">
            {openFlags ? t('booth.tabs.flagsOpen', { count: openFlags }) : t('booth.tabs.flags')}
          </Tabs.Tab>
          <Tabs.Tab value="details">{t('booth.tabs.details')}</Tabs.Tab>
          {a.group.length > 1 && (
            <Tabs.Tab value="group">{t('booth.tabs.group', { count: a.group.length })}</Tabs.Tab>
          )}
        </Tabs.List>
        {(['flags', 'details', 'group'] as const).map((value) => (
          <Tabs.Panel key={value} value={value} style={{ flex: 1, minHeight: 0 }} pt={6}>
            <ScrollRegion label={t(`booth.tabs.scroll.${value}`)} h="100%" type="auto">
              {value === 'flags' && <FlagsPanel flags={a.flags} applicantId={a.applicantId} ref={flags} />}
              {value === 'details' && <CaseRecord applicant={a} />}
              {value === 'group' && <GroupList group={a.group} currentId={a.applicantId} linkTo={caseUrl} />}
            </ScrollRegion>
          </Tabs.Panel>
        ))}
      </Tabs>
      <DispositionPanel
        applicant={a}
        encounters={encounters}
        identity={identity}
        openedAt={openedAt}
        next={next && { name: t('booth.name', { family: next.familyNames, given: next.givenNames }) }}
        onNext={goNext}
        onDecided={(d) => onCounter(d === 'processed' ? 'proceed' : 'officerWillHelp')}
        ref={decision}
      />
    </Paper>
  );
}

export default function CaseRoute() {
  const { applicantId = '' } = useParams();
  const kase = useCase(applicantId);
  const a = kase.data?.applicantId === applicantId ? kase.data : undefined;
  // Held here, across cases: the applicant-facing screen moves from one case to the next in one step.
  const counter = useCounterScreen(applicantId, a?.language ?? null);
  if (kase.error) {
    return (
      <Alert color="red" role="alert">
        {kase.error.message}
      </Alert>
    );
  }
  if (!a) return <Loading />;
  return (
    // The case's times (slot, photo, decisions) at its port, whatever the booth machine's zone.
    <FormatProvider timeZone={a.timeZone}>
      {/* A new case is a new view: its own opened-at time, tab, verification and form state. */}
      <CaseView
        key={applicantId}
        applicant={a}
        onCounter={counter.set}
        counterControl={
          <ApplicantScreenControl
            language={counter.language}
            onLanguage={counter.setLanguage}
            onAsk={counter.set}
          />
        }
      />
    </FormatProvider>
  );
}
