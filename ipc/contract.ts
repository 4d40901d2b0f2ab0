// Runs in: main (validation), preload (channel names), renderer (types only).
// The one IPC contract: every channel, its request/response schemas and the roles allowed.
// main/ipc/router.ts validates both directions against it; nothing else may be called.
import { z } from 'zod';

export const ROLES = ['officer', 'supervisor', 'admin'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

/** 'public' channels may be called before sign-in; all others need an unlocked session. */
export type Access = 'public' | readonly Role[];

const Username = z
  .string()
  .trim()
  .min(3)
  .max(64)
  .regex(/^[a-z0-9._-]+$/i, 'letters, digits, dot, dash or underscore');
const Password = z.string().min(10, 'at least 10 characters').max(256);
const Empty = z.object({}).strict();

export const UserView = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: Role,
  disabled: z.boolean(),
  createdAt: z.string(),
  lastSignInAt: z.string().nullable(),
});
export type UserView = z.infer<typeof UserView>;

export const SessionView = z.object({
  user: UserView.nullable(),
  locked: z.boolean(),
  idleLockMinutes: z.number(),
});
export type SessionView = z.infer<typeof SessionView>;

export const AuditEntryView = z.object({
  seq: z.number().int(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  subject: z.string(),
  details: z.unknown(),
});
export type AuditEntryView = z.infer<typeof AuditEntryView>;

export const AuditVerifyView = z.object({
  ok: z.boolean(),
  entries: z.number().int(),
  firstBrokenSeq: z.number().int().nullable(),
  problem: z.string().nullable(),
});
export type AuditVerifyView = z.infer<typeof AuditVerifyView>;

export const SyncStatusView = z.object({
  port: z.object({ code: z.string(), name: z.string(), timeZone: z.string() }).nullable(),
  mode: z.enum(['demo', 'configured', 'unconfigured']),
  feedUrl: z.string().nullable(),
  state: z.enum(['idle', 'syncing', 'offline', 'error', 'never']),
  lastSuccessAt: z.string().nullable(),
  lastAttemptAt: z.string().nullable(),
  lastError: z.string().nullable(),
  pendingUploads: z.number().int(),
  todaysManifest: z.enum(['current', 'stale', 'missing']),
  serviceDate: z.string().nullable(),
  applicants: z.number().int(),
  /** While a sync runs: where it is. */
  progress: z
    .object({ phase: z.string(), appliedSeq: z.number().int(), lastSeq: z.number().int(), photosDone: z.number().int(), photosTotal: z.number().int() })
    .nullable(),
});
export type SyncStatusView = z.infer<typeof SyncStatusView>;

export const FlagView = z.object({
  id: z.number().int(),
  ruleId: z.string(),
  ruleVersion: z.number().int(),
  ruleDescription: z.string(),
  severity: z.enum(['low', 'medium', 'high']),
  explanation: z.string(),
  evidence: z.unknown(),
  status: z.enum(['open', 'cleared']),
  computedAt: z.string(),
  acknowledgedBy: z.string().nullable(),
  acknowledgedAt: z.string().nullable(),
  ackNote: z.string().nullable(),
  feedback: z.enum(['false_positive', 'confirmed']).nullable(),
  feedbackBy: z.string().nullable(),
});
export type FlagView = z.infer<typeof FlagView>;

export const Disposition = z.enum(['processed', 'referred_secondary', 'no_show', 'identity_not_confirmed']);
export type Disposition = z.infer<typeof Disposition>;

export const EncounterView = z.object({
  clientId: z.string(),
  disposition: Disposition,
  officer: z.string(),
  completedAt: z.string(),
  note: z.string(),
  supersedes: z.string().nullable(),
  uploaded: z.boolean(),
});
export type EncounterView = z.infer<typeof EncounterView>;

export const QueueItemView = z.object({
  appointmentId: z.string(),
  applicantId: z.string(),
  groupId: z.string(),
  groupSize: z.number().int(),
  slot: z.string(),
  status: z.string(),
  givenNames: z.string(),
  familyNames: z.string(),
  nameAsWritten: z.string(),
  dob: z.string(),
  hasPhoto: z.boolean(),
  openFlags: z.number().int(),
  topSeverity: z.enum(['low', 'medium', 'high']).nullable(),
});
export type QueueItemView = z.infer<typeof QueueItemView>;

export const ApplicantView = z.object({
  applicantId: z.string(),
  groupId: z.string(),
  port: z.string(),
  timeZone: z.string(),
  serviceDate: z.string(),
  givenNames: z.string(),
  familyNames: z.string(),
  nameAsWritten: z.string(),
  dob: z.string(),
  sex: z.string(),
  nationality: z.string(),
  countryOfBirth: z.string(),
  document: z.object({ type: z.string(), number: z.string(), issuer: z.string() }).nullable(),
  address: z.object({ line1: z.string(), line2: z.string().nullable(), city: z.string(), state: z.string(), zip: z.string() }),
  phone: z.string(),
  email: z.string(),
  language: z.string(),
  deviceId: z.string(),
  /** data: URL of the submitted photo, or null with `photoMissingReason`. */
  photo: z.string().nullable(),
  photoMissingReason: z.string().nullable(),
  photoCapturedAt: z.string().nullable(),
  group: z.array(z.object({ applicantId: z.string(), givenNames: z.string(), familyNames: z.string(), dob: z.string() })),
  appointments: z.array(z.object({ appointmentId: z.string(), slot: z.string(), status: z.string(), cancelReason: z.string().nullable(), port: z.string(), serviceDate: z.string() })),
  flags: z.array(FlagView),
  encounters: z.array(EncounterView),
});
export type ApplicantView = z.infer<typeof ApplicantView>;

const Overlay = z.object({
  box: z.tuple([z.number(), z.number(), z.number(), z.number()]),
  score: z.number(),
  landmarks: z.array(z.tuple([z.number(), z.number()])).optional(),
});
const Side = z.object({
  ok: z.boolean(),
  faces: z.array(Overlay),
  chosen: z.number().int(),
  image: z.object({ width: z.number(), height: z.number() }).nullable(),
  quality: z.object({ ok: z.boolean(), reasons: z.array(z.object({ code: z.string(), message: z.string() })) }),
  liveness: z.number().nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
});
export const VerifyView = z.object({
  verificationId: z.number().int(),
  band: z.enum(['MATCH', 'INCONCLUSIVE', 'NO_MATCH']).nullable(),
  score: z.number().nullable(),
  thresholds: z.object({ match: z.number(), inconclusive: z.number(), livenessAdvisory: z.number(), source: z.string() }),
  liveness: z.number().nullable(),
  livenessWarning: z.string().nullable(),
  capture: Side,
  reference: Side.nullable(),
  explanation: z.array(z.string()),
  timings: z.object({ totalMs: z.number() }).passthrough(),
  modelVersion: z.string(),
});
export type VerifyView = z.infer<typeof VerifyView>;

const FieldCounts = z.object({
  verifications: z.number().int(),
  match: z.number().int(),
  inconclusive: z.number().int(),
  noMatch: z.number().int(),
  noResult: z.number().int(),
  confirmedAfterNonMatch: z.number().int(),
  notConfirmedAfterMatch: z.number().int(),
});

function channel<Req extends z.ZodType, Res extends z.ZodType>(def: {
  access: Access;
  request: Req;
  response: Res;
  /** One line for the docs and the audit log. */
  summary: string;
}) {
  return def;
}

export const contract = {
  'app.info': channel({
    access: 'public',
    summary: 'App version, shell, mode and whether first-run setup is needed',
    request: Empty,
    response: z.object({
      name: z.string(),
      version: z.string(),
      shell: z.enum(['electron', 'browser']),
      mode: z.enum(['demo', 'configured']),
      needsSetup: z.boolean(),
      port: z.object({ code: z.string(), name: z.string() }).nullable(),
    }),
  }),
  'auth.setup': channel({
    access: 'public',
    summary: 'First run only: create the administrator (and demo accounts in demo mode)',
    request: z
      .object({
        username: Username,
        displayName: z.string().trim().min(1).max(120),
        password: Password,
        createDemoAccounts: z.boolean().default(false),
      })
      .strict(),
    response: z.object({ user: UserView, demoAccounts: z.array(z.string()) }),
  }),
  'auth.signIn': channel({
    access: 'public',
    summary: 'Sign in with username and password',
    request: z.object({ username: z.string().max(64), password: z.string().max(256) }).strict(),
    response: SessionView,
  }),
  'auth.unlock': channel({
    access: 'public',
    summary: 'Unlock an idle-locked session with the same user password',
    request: z.object({ password: z.string().max(256) }).strict(),
    response: SessionView,
  }),
  'auth.session': channel({
    access: 'public',
    summary: 'The current session, if any',
    request: Empty,
    response: SessionView,
  }),
  'auth.signOut': channel({
    access: 'public',
    summary: 'Sign out',
    request: Empty,
    response: z.object({ signedOut: z.boolean() }),
  }),
  'users.list': channel({
    access: ['admin'],
    summary: 'List user accounts',
    request: Empty,
    response: z.array(UserView),
  }),
  'users.create': channel({
    access: ['admin'],
    summary: 'Create a user account',
    request: z
      .object({
        username: Username,
        displayName: z.string().trim().min(1).max(120),
        role: Role,
        password: Password,
      })
      .strict(),
    response: UserView,
  }),
  'users.setRole': channel({
    access: ['admin'],
    summary: "Change a user's role",
    request: z.object({ userId: z.number().int(), role: Role }).strict(),
    response: UserView,
  }),
  'users.setDisabled': channel({
    access: ['admin'],
    summary: 'Disable or re-enable a user account',
    request: z.object({ userId: z.number().int(), disabled: z.boolean() }).strict(),
    response: UserView,
  }),
  'audit.recent': channel({
    access: ['supervisor', 'admin'],
    summary: 'Most recent audit entries',
    request: z.object({ limit: z.number().int().min(1).max(500).default(100) }).strict(),
    response: z.array(AuditEntryView),
  }),
  'audit.verify': channel({
    access: ['supervisor', 'admin'],
    summary: 'Verify the audit hash chain',
    request: Empty,
    response: AuditVerifyView,
  }),
  'settings.get': channel({
    access: ['admin'],
    summary: 'Site settings',
    request: Empty,
    response: z.object({ idleLockMinutes: z.number(), retentionDays: z.number() }),
  }),
  'settings.update': channel({
    access: ['admin'],
    summary: 'Change site settings',
    request: z
      .object({
        idleLockMinutes: z.number().int().min(1).max(240).optional(),
        retentionDays: z.number().int().min(1).max(3650).optional(),
      })
      .strict(),
    response: z.object({ idleLockMinutes: z.number(), retentionDays: z.number() }),
  }),
  'queue.today': channel({
    access: ['officer', 'supervisor'],
    summary: "Today's appointments at this port, optionally searched by name, id or document number",
    request: z.object({ search: z.string().max(100).optional() }).strict(),
    response: z.object({
      port: z.string().nullable(),
      timeZone: z.string().nullable(),
      serviceDate: z.string().nullable(),
      items: z.array(QueueItemView),
      counts: z.record(z.string(), z.number()),
    }),
  }),
  'applicant.get': channel({
    access: ['officer', 'supervisor'],
    summary: "One applicant's record, group, appointments and submitted photo (audited view)",
    request: z.object({ applicantId: z.string().min(1).max(64) }).strict(),
    response: ApplicantView,
  }),
  'face.verify': channel({
    access: ['officer'],
    summary: 'Compare a live capture with the applicant\'s submitted photo (advisory; audited)',
    request: z
      .object({
        applicantId: z.string().min(1).max(64),
        /** The capture as base64 (JPEG or PNG), at most ~12 MB. */
        imageBase64: z.string().min(1).max(16_000_000),
      })
      .strict(),
    response: VerifyView,
  }),
  'face.accuracy': channel({
    access: ['supervisor', 'admin'],
    summary: 'Face-match accuracy per model version: the calibration, and what booths saw since, by sex and age band',
    request: Empty,
    response: z.array(
      z.object({
        modelVersion: z.string(),
        current: z.boolean(),
        calibration: z.object({
          calibrated: z.boolean(),
          match: z.number(),
          inconclusive: z.number(),
          source: z.string(),
          computedAt: z.string(),
          pairs: z.number().nullable(),
          auc: z.number().nullable(),
          eer: z.number().nullable(),
          fnmrAtFmr01: z.number().nullable(),
          perGroup: z.array(z.object({ group: z.string(), genuine: z.number().int(), impostor: z.number().int(), fnmr: z.number().nullable(), fmr: z.number().nullable() })),
        }),
        field: FieldCounts,
        groups: z.array(FieldCounts.extend({ dimension: z.enum(['sex', 'age']), group: z.string(), enough: z.boolean() })),
      }),
    ),
  }),
  'flags.acknowledge': channel({
    access: ['officer'],
    summary: 'Acknowledge a flag (with an optional note) before completing the case',
    request: z.object({ flagId: z.number().int(), note: z.string().max(1000).optional() }).strict(),
    response: FlagView,
  }),
  'flags.feedback': channel({
    access: ['supervisor'],
    summary: 'Mark a flag as a false positive, or confirm it',
    request: z.object({ flagId: z.number().int(), verdict: z.enum(['false_positive', 'confirmed']), note: z.string().max(1000).optional() }).strict(),
    response: FlagView,
  }),
  'flags.config': channel({
    access: ['admin'],
    summary: 'Flag thresholds in force; a change is audited and recomputes every flag',
    request: z
      .object({
        sharedAddressMinHouseholds: z.number().int().min(2).max(50).optional(),
        sharedPhoneMinHouseholds: z.number().int().min(2).max(50).optional(),
        sharedEmailMinHouseholds: z.number().int().min(2).max(50).optional(),
        sharedDeviceMinHouseholds: z.number().int().min(2).max(50).optional(),
        faceDuplicateMinScore: z.number().min(0.3).max(0.99).optional(),
        identityNameMinSimilarity: z.number().min(0.7).max(1).optional(),
        lookoutMinSimilarity: z.number().min(0.7).max(1).optional(),
        lookoutYearTolerance: z.number().int().min(0).max(5).optional(),
      })
      .strict(),
    response: z.object({
      sharedAddressMinHouseholds: z.number(),
      sharedPhoneMinHouseholds: z.number(),
      sharedEmailMinHouseholds: z.number(),
      sharedDeviceMinHouseholds: z.number(),
      faceDuplicateMinScore: z.number(),
      identityNameMinSimilarity: z.number(),
      lookoutMinSimilarity: z.number(),
      lookoutYearTolerance: z.number(),
      evidenceLimit: z.number(),
    }),
  }),
  'flags.overview': channel({
    access: ['supervisor'],
    summary: 'Flags by rule with precision from feedback, cross-port trends, and flags to review',
    request: z.object({ rule: z.string().max(40).optional() }).strict(),
    response: z.object({
      rules: z.array(z.object({ ruleId: z.string(), description: z.string(), version: z.number().int(), open: z.number().int(), acknowledged: z.number().int(), confirmed: z.number().int(), falsePositive: z.number().int(), precision: z.number().nullable() })),
      trends: z.array(z.object({ kind: z.string(), example: z.string(), applicants: z.number().int(), households: z.number().int(), ports: z.array(z.string()), days: z.number().int(), firstDate: z.string(), lastDate: z.string() })),
      recent: z.array(FlagView.extend({ applicantId: z.string(), applicantName: z.string(), port: z.string(), serviceDate: z.string() })),
    }),
  }),
  'arrivals.dashboard': channel({
    access: ['supervisor'],
    summary: "Today's arrivals at this port: appointments by status, throughput per hour, outcomes, verification bands",
    request: Empty,
    response: z.object({
      port: z.string().nullable(),
      serviceDate: z.string().nullable(),
      appointments: z.record(z.string(), z.number()),
      dispositions: z.record(z.string(), z.number()),
      verificationBands: z.record(z.string(), z.number()),
      perHour: z.array(z.object({ hour: z.string(), completed: z.number().int() })),
      pendingUploads: z.number().int(),
      enrolment: z.object({ running: z.boolean(), done: z.number().int(), total: z.number().int(), unusable: z.number().int() }),
    }),
  }),
  'encounter.list': channel({
    access: ['officer', 'supervisor'],
    summary: "An applicant's recorded decisions and their upload state (no personal data)",
    request: z.object({ applicantId: z.string().min(1).max(64) }).strict(),
    response: z.array(EncounterView),
  }),
  'encounter.complete': channel({
    access: ['officer'],
    summary: "Record the officer's disposition (all flags must be acknowledged first); queued for upload",
    request: z
      .object({
        applicantId: z.string().min(1).max(64),
        disposition: Disposition,
        note: z.string().max(2000).default(''),
        arrivedAt: z.string().datetime(),
        verificationId: z.number().int().optional(),
        supersedes: z.string().uuid().optional(),
      })
      .strict(),
    response: EncounterView,
  }),
  'sync.now': channel({
    access: ['officer', 'supervisor', 'admin'],
    summary: 'Sync now instead of waiting for the next scheduled attempt',
    request: Empty,
    response: SyncStatusView,
  }),
  'bundle.import': channel({
    access: ['admin'],
    summary: 'Import a signed offline bundle file (path on this machine)',
    request: z.object({ path: z.string().min(1).max(1024) }).strict(),
    response: z.object({ port: z.string(), serviceDate: z.string(), batchesApplied: z.number().int(), recordsApplied: z.number().int(), photosStored: z.number().int(), lookoutVersion: z.number().int().nullable() }),
  }),
  'engine.status': channel({
    access: ['admin'],
    summary: 'The face engine (model, workers, fast arithmetic) and the flags index tiers, for diagnosis',
    request: Empty,
    response: z.object({
      face: z.object({ modelVersion: z.string(), workers: z.number().int(), loadMs: z.number(), denormalsFlushed: z.boolean() }).nullable(),
      faceError: z.string().nullable(),
      enrolment: z.object({ running: z.boolean(), done: z.number().int(), total: z.number().int(), unusable: z.number().int(), lastRunAt: z.string().nullable() }),
      flags: z.object({ freshKeys: z.number().int(), mergeAt: z.number().int(), merging: z.boolean(), keysVersion: z.number().int() }),
    }),
  }),
  'sync.status': channel({
    access: ['officer', 'supervisor', 'admin'],
    summary: 'Sync state for the status area',
    request: Empty,
    response: SyncStatusView,
  }),
} as const;

export type Contract = typeof contract;
export type ChannelName = keyof Contract;
export const CHANNELS = Object.keys(contract) as ChannelName[];
export type RequestOf<C extends ChannelName> = z.input<Contract[C]['request']>;
export type ResponseOf<C extends ChannelName> = z.output<Contract[C]['response']>;

export type ErrorCode =
  | 'UNKNOWN_CHANNEL'
  | 'INVALID_REQUEST'
  | 'NOT_SIGNED_IN'
  | 'SESSION_LOCKED'
  | 'FORBIDDEN'
  | 'BAD_CREDENTIALS'
  | 'ACCOUNT_LOCKED'
  | 'ACCOUNT_DISABLED'
  | 'SETUP_DONE'
  | 'CONFLICT'
  | 'NOT_FOUND'
  | 'INTERNAL';

export type IpcError = { code: ErrorCode; message: string };
export type Result<T> = { ok: true; value: T } | { ok: false; error: IpcError };

/** What the preload (Electron) or the HTTP shim (browser shell) gives the renderer. */
export type ArrivalsApi = {
  [C in ChannelName]: (request: RequestOf<C>) => Promise<Result<ResponseOf<C>>>;
};
