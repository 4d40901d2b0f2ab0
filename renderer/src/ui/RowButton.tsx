// Runs in: renderer. A small button acting on one row of a table or list: it shows a short verb
// ("Unlock") and is named for its row ("Unlock ofc.garcia"), so a screen reader says whose (props
// only).
import { Button, type ButtonProps } from '@mantine/core';

export interface RowButtonProps {
  /** The visible verb. */
  label: string;
  /** The accessible name: the verb and the row it acts on. */
  name: string;
  onClick: () => void;
  disabled?: boolean;
  variant?: ButtonProps['variant'];
  color?: ButtonProps['color'];
}

export function RowButton({ label, name, onClick, disabled, variant = 'default', color }: RowButtonProps) {
  return (
    <Button size="xs" variant={variant} color={color} disabled={disabled} aria-label={name} onClick={onClick}>
      {label}
    </Button>
  );
}
