// Runs in: tests (Node). What a call that must be refused threw: an AppError (a message for a
// person), never another kind of failure.
import { expect } from 'vitest';
import { AppError } from '../../main/platform/app-error';

export function refusal(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  }
  throw new Error('expected a refusal');
}
