// Runs in: main process and CLI.
// The eight southwest-border ports of entry that offered appointments.
export interface Port {
  code: string;
  name: string;
  state: string;
  timeZone: string;
}

export const PORTS: readonly Port[] = [
  { code: 'SYS', name: 'San Ysidro', state: 'CA', timeZone: 'America/Los_Angeles' },
  { code: 'CXL', name: 'Calexico', state: 'CA', timeZone: 'America/Los_Angeles' },
  { code: 'NOG', name: 'Nogales', state: 'AZ', timeZone: 'America/Phoenix' },
  { code: 'ELP', name: 'El Paso', state: 'TX', timeZone: 'America/Denver' },
  { code: 'EGP', name: 'Eagle Pass', state: 'TX', timeZone: 'America/Chicago' },
  { code: 'LRD', name: 'Laredo', state: 'TX', timeZone: 'America/Chicago' },
  { code: 'HID', name: 'Hidalgo', state: 'TX', timeZone: 'America/Chicago' },
  { code: 'BRO', name: 'Brownsville', state: 'TX', timeZone: 'America/Chicago' },
];

export function portByCode(code: string): Port | undefined {
  return PORTS.find((p) => p.code === code);
}

/** Today's service date at a port, in the port's own time zone. */
export function serviceDateAt(port: Port, now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: port.timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}
