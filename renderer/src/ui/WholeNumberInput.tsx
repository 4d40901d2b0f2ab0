// Runs in: renderer. A required whole number (days, minutes, a count) within the limits the
// contract allows (props only; main checks the range again on save).
import { NumberInput, type NumberInputProps } from '@mantine/core';

export function WholeNumberInput(props: NumberInputProps & { min: number; max: number }) {
  return <NumberInput allowDecimal={false} required {...props} />;
}
