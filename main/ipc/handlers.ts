// Runs in: main process.
// One handler per contract channel, merged from the domains' handlers.ts. Handlers trust their
// input (the router validated it) and their caller's role (the router checked it); they enforce
// business rules only. A channel handled twice, or not at all, fails here at load; the `Handlers`
// type says the same at compile time.
import { CHANNELS } from '../../ipc/contract';
import { applicantHandlers, queueHandlers } from '../applicant/handlers';
import { auditHandlers } from '../audit/handlers';
import { authHandlers, usersHandlers } from '../auth/handlers';
import { counterHandlers } from '../counter/handlers';
import { encounterHandlers } from '../encounter/handlers';
import { engineHandlers } from '../engine/handlers';
import { faceHandlers } from '../face/handlers';
import { flagsHandlers, lookoutHandlers } from '../flags/handlers';
import { appHandlers, settingsHandlers } from '../platform/handlers';
import { reportingHandlers } from '../reporting/handlers';
import { syncHandlers } from '../sync/handlers';
import { updateHandlers } from '../update/handlers';
import { mergeHandlers } from './domain-handlers';
import type { Handlers } from './router';

export const handlers: Handlers = mergeHandlers(
  CHANNELS,
  appHandlers,
  authHandlers,
  usersHandlers,
  auditHandlers,
  settingsHandlers,
  queueHandlers,
  applicantHandlers,
  faceHandlers,
  flagsHandlers,
  lookoutHandlers,
  encounterHandlers,
  counterHandlers,
  syncHandlers,
  engineHandlers,
  reportingHandlers,
  updateHandlers,
);
