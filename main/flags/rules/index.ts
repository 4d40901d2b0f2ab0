// Runs in: main process and CLI. Every vetting rule, in the order flags are shown.
import type { Rule } from './rule';
import { SHARED_ADDRESS, SHARED_DEVICE, SHARED_EMAIL, SHARED_PHONE } from './shared-attribute';
import { DOCUMENT_DUPLICATE, IDENTITY_DUPLICATE } from './identity-duplicate';
import { LOOKOUT_MATCH } from './lookout-match';
import { FACE_DUPLICATE, PHOTO_PROBLEM } from './face-duplicate';

export const RULES: readonly Rule[] = [
  LOOKOUT_MATCH,
  FACE_DUPLICATE,
  DOCUMENT_DUPLICATE,
  IDENTITY_DUPLICATE,
  SHARED_ADDRESS,
  SHARED_PHONE,
  SHARED_EMAIL,
  SHARED_DEVICE,
  PHOTO_PROBLEM,
];
