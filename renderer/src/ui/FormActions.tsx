// Runs in: renderer. The row of buttons that ends a form or a dialog: a way out (cancel, sign
// out) on the left or beside, and the one button that submits; or, on a page's settings form,
// the save button first with any other action after it (props only).
import type { ReactNode } from 'react';
import { Button, Group } from '@mantine/core';

export interface FormActionsProps {
  /** The way out: a plain button that does not submit. */
  back: { label: string; onClick: () => void };
  /** The submit button's label. */
  submit: string;
  busy?: boolean;
  /** The submit button is off (the form is not complete yet). */
  submitDisabled?: boolean;
  /** Apart (a form's card) or together on the right (a dialog). */
  apart?: boolean;
  /** A dialog's confirm button, which does not sit in a form: clicked, not submitted. */
  onSubmit?: () => void;
}

export function FormActions({ back, submit, busy, submitDisabled, apart, onSubmit }: FormActionsProps) {
  return (
    <Group justify={apart ? 'space-between' : 'flex-end'}>
      <Button variant={apart ? 'subtle' : 'default'} onClick={back.onClick}>
        {back.label}
      </Button>
      <Button
        type={onSubmit ? 'button' : 'submit'}
        onClick={onSubmit}
        loading={busy}
        disabled={submitDisabled}
        data-autofocus={onSubmit ? true : undefined}
      >
        {submit}
      </Button>
    </Group>
  );
}

/** A settings form's last row: its save button, then whatever else acts on the form. */
export function SaveRow({
  label,
  saving,
  disabled,
  children,
}: {
  label: string;
  saving: boolean;
  disabled?: boolean;
  children?: ReactNode;
}) {
  return (
    <Group>
      <Button type="submit" loading={saving} disabled={disabled}>
        {label}
      </Button>
      {children}
    </Group>
  );
}
