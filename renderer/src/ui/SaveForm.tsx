// Runs in: renderer. A settings form on a page: its fields stacked, then the save row (the save
// button and whatever else acts on the form). It submits without reloading the page (props only).
import type { ReactNode } from 'react';
import { Stack } from '@mantine/core';
import { SaveRow } from './FormActions';

export interface SaveFormProps {
  onSubmit: () => void;
  /** The save button's label. */
  save: string;
  saving: boolean;
  /** The save button is off (a required part is still missing). */
  saveDisabled?: boolean;
  /** Other buttons in the save row, after the save button. */
  actions?: ReactNode;
  children: ReactNode;
}

export function SaveForm({ onSubmit, save, saving, saveDisabled, actions, children }: SaveFormProps) {
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <Stack gap="sm">
        {children}
        <SaveRow label={save} saving={saving} disabled={saveDisabled}>
          {actions}
        </SaveRow>
      </Stack>
    </form>
  );
}
