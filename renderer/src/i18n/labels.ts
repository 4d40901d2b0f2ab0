// Runs in: renderer. Names for the values main sends (rule ids, severities, statuses...), from
// the common catalogue. A value the catalogue does not know (a rule added in main before its
// name was) is shown as sent rather than as a missing key.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../ipc/channel';
import type { Disposition } from '../../../ipc/channels/encounter';
import type { FaceBand } from '../../../ipc/channels/face';
import type { Severity } from '../../../ipc/channels/flags';
import common from './en/common.json';

export type RuleId = keyof typeof common.rules;
export type AppointmentStatus = keyof typeof common.status;

export const isRuleId = (id: string): id is RuleId => Object.prototype.hasOwnProperty.call(common.rules, id);
export const isAppointmentStatus = (s: string): s is AppointmentStatus =>
  Object.prototype.hasOwnProperty.call(common.status, s);

export interface Labels {
  rule(id: string): string;
  severity(s: Severity): string;
  status(s: string): string;
  disposition(d: Disposition): string;
  band(b: FaceBand): string;
  role(r: Role): string;
}

export function useLabels(): Labels {
  const { t } = useTranslation();
  return useMemo(
    () => ({
      rule: (id) => (isRuleId(id) ? t(`common.rules.${id}`) : id),
      severity: (s) => t(`common.severity.${s}`),
      status: (s) => (isAppointmentStatus(s) ? t(`common.status.${s}`) : s),
      disposition: (d) => t(`common.disposition.${d}`),
      band: (b) => t(`common.band.${b}`),
      role: (r) => t(`common.roles.${r}`),
    }),
    [t],
  );
}
