// Runs in: renderer. What the person at the counter reads (props only): one instruction in large
// type, in their language, and at most one line under it. No name, score or flag ever reaches
// this screen; what it is given is a message, a language and a capture hint.
import { Stack, Text, Title } from '@mantine/core';
import type { CounterStateView } from '../../../../../ipc/channels/counter';
import type { GuideHint } from '../../../../../ipc/channels/face';
import { i18n } from '../../../i18n';
import type { applicant } from '../../../i18n/resources';

type Phrase = keyof (typeof applicant)['en'];

/** The line for each capture hint (the officer sees the same gate's line in English). */
const HINT: Record<GuideHint, Phrase> = {
  noFace: 'lookAtCamera',
  onePerson: 'onePerson',
  moveCloser: 'moveCloser',
  moveToCentre: 'moveToCentre',
  faceCamera: 'faceCamera',
  moreLight: 'moreLight',
  lessLight: 'lessLight',
  holdStill: 'holdStill',
  ready: 'holdStill',
};

/** The heading and the lines under it, for each message. */
function phrases(s: CounterStateView): [Phrase, ...Phrase[]] {
  switch (s.message) {
    case 'idle':
      return ['welcome', 'waitToBeCalled'];
    case 'welcome':
      return ['welcome', 'stepForward', 'documentReady'];
    case 'lookAtCamera':
      return ['lookAtCamera', HINT[s.hint ?? 'ready']];
    case 'removeHeadwear':
      return ['removeHeadwear'];
    case 'pleaseWait':
      return ['pleaseWait'];
    case 'proceed':
      return ['thankYou', 'proceedToExit'];
    case 'officerWillHelp':
      return ['pleaseWait', 'officerWillHelp'];
  }
}

export function CounterScreen({ state }: { state: CounterStateView }) {
  const say = i18n.getFixedT(state.language, 'applicant');
  const [title, ...lines] = phrases(state);
  return (
    <Stack lang={state.language} align="center" gap="xl" ta="center" data-testid="counter-screen">
      <Title order={1} fz={64} lh={1.15} data-testid="counter-title">
        {say(title)}
      </Title>
      {lines.map((l) => (
        <Text key={l} fz={36} lh={1.3} data-testid="counter-line">
          {say(l)}
        </Text>
      ))}
    </Stack>
  );
}
