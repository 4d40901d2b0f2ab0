// Runs in: renderer. #/counter?token=…: the applicant-facing screen, in a second window facing
// the person at the counter. Outside the session gate and the router (App.tsx): it signs in as
// no one and reads only its booth's message (counter.state), which carries no personal data.
import { Center } from '@mantine/core';
import { CounterScreen } from './components/CounterScreen';
import { useCounterState } from './queries';

/** The screen's token, from #/counter?token=… */
export const counterToken = (hash: string) =>
  new URLSearchParams(hash.split('?')[1] ?? '').get('token') ?? '';

export default function CounterRoute() {
  const state = useCounterState(counterToken(window.location.hash)).data;
  return (
    <Center component="main" h="100vh" p="xl" bg="gray.0">
      {state && <CounterScreen state={state} />}
    </Center>
  );
}
