// Runs in: renderer. A text field bound to a piece of state: its value, and what a keystroke sets.
import type { ChangeEvent } from 'react';

export function bindText(value: string, set: (value: string) => void) {
  return {
    value,
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => set(e.currentTarget.value),
  };
}
