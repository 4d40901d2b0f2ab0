// Runs in: renderer. The row of buttons that ends a form or a dialog: a way out (cancel, sign
// out) on the left or beside, and the one button that submits (props only).
import { Button, Group } from '@mantine/core';

export interface FormActionsProps {
  /** The way out: a plain button that does not submit. */
  back: { label: string; onClick: () => void };
  /** The submit button's label. */
  submit: string;
  busy?: boolean;
  /** Apart (a form's card) or together on the right (a dialog). */
  apart?: boolean;
  /** A dialog's confirm button, which does not sit in a form: clicked, not submitted. */
  onSubmit?: () => void;
}

export function FormActions({ back, submit, busy, apart, onSubmit }: FormActionsProps) {
  return (
    <Group justify={apart ? 'space-between' : 'flex-end'}>
      <Button variant={apart ? 'subtle' : 'default'} onClick={back.onClick}>
        {back.label}
      </Button>
      <Button
        type={onSubmit ? 'button' : 'submit'}
        onClick={onSubmit}
        loading={busy}
        data-autofocus={onSubmit ? true : undefined}
      >
        {submit}
      </Button>
    </Group>
  );
}
