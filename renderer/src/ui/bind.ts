// Runs in: renderer. A field bound to a piece of state: its value, and what a keystroke or a
// click sets.
import type { ChangeEvent } from 'react';

export function bindText(value: string, set: (value: string) => void) {
  return {
    value,
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => set(e.currentTarget.value),
  };
}

/** A checkbox or switch. */
export function bindChecked(checked: boolean, set: (checked: boolean) => void) {
  return { checked, onChange: (e: ChangeEvent<HTMLInputElement>) => set(e.currentTarget.checked) };
}
