// Runs in: renderer. A field bound to a piece of state: its value, and what a keystroke or a
// click sets; and a form's number fields, holding their own state.
import { useState, type ChangeEvent } from 'react';

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

/**
 * A form's number inputs, by the names their values are saved under, each with its own props
 * (limits, width), starting from `initial`'s values of those names. Each holds what is typed (a
 * cleared input gives '' until it is filled again); `values()` gives the numbers to save.
 */
export function useNumberFields<K extends string, P extends object>(
  fields: Record<K, P>,
  initial: NoInfer<Record<K, number>>,
) {
  const names = Object.keys(fields) as K[];
  const [typed, setTyped] = useState(
    () => Object.fromEntries(names.map((k) => [k, initial[k]])) as Record<K, number | string>,
  );
  return {
    field: (k: K) => ({
      ...fields[k],
      value: typed[k],
      onChange: (v: number | string) => setTyped((cur) => ({ ...cur, [k]: v })),
    }),
    values: () => Object.fromEntries(names.map((k) => [k, Number(typed[k])])) as Record<K, number>,
  };
}
