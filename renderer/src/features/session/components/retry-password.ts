// Runs in: renderer. The password of a form that main may refuse (sign-in, unlock): a refusal
// clears what was tried and puts the cursor back, but never what has been typed since; a fast
// typist may already be on the next try while the refused one was on its way.
import { useRef, useState } from 'react';

export function useRetryPassword() {
  const [password, setPassword] = useState('');
  const field = useRef<HTMLInputElement>(null);
  const refused = (tried: string) => {
    setPassword((now) => (now === tried ? '' : now));
    field.current?.focus();
  };
  return { password, setPassword, field, refused };
}
