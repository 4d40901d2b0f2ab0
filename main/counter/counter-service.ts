// Runs in: main process. The applicant-facing screen of each booth: what the person at the
// counter reads now. The officer's window sets the message as the case moves on (opened, camera
// running, decided) and capture guidance adds its hint; the counter window reads it by a token
// alone. It keeps no name, score or flag: only a message, a language and a hint.
import { randomBytes } from 'node:crypto';
import { ApplicantLanguage, type CounterMessage, type CounterStateView } from '../../ipc/channels/counter';
import type { GuideHint } from '../../ipc/channels/face';
import type { AppContext } from '../app-context';
import { ApplicantRepository } from '../applicant/applicant-repository';

interface Screen {
  token: string;
  applicantId: string | null;
  /** The officer's choice for this case; null: the applicant's preferred language. */
  chosen: ApplicantLanguage | null;
  preferred: ApplicantLanguage;
  message: CounterMessage;
  hint: GuideHint | null;
}

const IDLE: CounterStateView = { active: false, language: 'en', message: 'idle', hint: null };

/** A preferred language the screen does not speak is shown in English (the officer can change it). */
export function screenLanguage(preferred: string | undefined): ApplicantLanguage {
  const lang = ApplicantLanguage.safeParse(preferred?.toLowerCase().slice(0, 2));
  return lang.success ? lang.data : 'en';
}

export class CounterService {
  /** By the officer's connection: one screen per booth window. */
  private readonly screens = new Map<string, Screen>();
  private readonly connectionOf = new Map<string, string>();
  /** Set by the Electron shell, which opens the counter window itself. */
  windowOpener: ((token: string) => void) | null = null;

  constructor(private readonly app: AppContext) {}

  private screen(connectionId: string): Screen {
    let s = this.screens.get(connectionId);
    if (!s) {
      s = {
        token: randomBytes(24).toString('hex'),
        applicantId: null,
        chosen: null,
        preferred: 'en',
        message: 'idle',
        hint: null,
      };
      this.screens.set(connectionId, s);
      this.connectionOf.set(s.token, connectionId);
    }
    return s;
  }

  /** The booth's screen token (the same one each time), and whether the shell opened the window. */
  open(connectionId: string): { token: string; openedByShell: boolean } {
    const { token } = this.screen(connectionId);
    if (this.windowOpener) {
      this.windowOpener(token);
      return { token, openedByShell: true };
    }
    return { token, openedByShell: false };
  }

  show(
    connectionId: string,
    next: { applicantId: string | null; message: CounterMessage; language?: ApplicantLanguage },
  ): CounterStateView {
    const s = this.screen(connectionId);
    if (next.applicantId !== s.applicantId) {
      // A new case: its applicant's language, until the officer picks another.
      s.applicantId = next.applicantId;
      s.chosen = null;
      s.preferred = next.applicantId
        ? screenLanguage(new ApplicantRepository(this.app.db).get(next.applicantId)?.language)
        : 'en';
    }
    if (next.language) s.chosen = next.language;
    if (next.message !== s.message) s.hint = null;
    s.message = next.message;
    return this.view(s);
  }

  /** Capture guidance reached this booth: the screen shows it while it asks to look at the camera. */
  hint(connectionId: string, hint: GuideHint | null): void {
    const s = this.screens.get(connectionId);
    if (s && hint) s.hint = hint;
  }

  /** What the counter window shows; only a greeting unless an officer is signed in and unlocked there. */
  state(token: string): CounterStateView {
    const connectionId = this.connectionOf.get(token);
    const s = connectionId ? this.screens.get(connectionId) : undefined;
    const session = connectionId ? this.app.sessions.get(connectionId) : undefined;
    if (!s || !session || session.locked || session.role !== 'officer') return IDLE;
    return this.view(s);
  }

  private view(s: Screen): CounterStateView {
    return {
      active: true,
      language: s.chosen ?? s.preferred,
      message: s.message,
      hint: s.message === 'lookAtCamera' ? s.hint : null,
    };
  }
}

const services = new WeakMap<AppContext, CounterService>();

/** The app's counter screens (one service per app context, made on first use). */
export function counterOf(app: AppContext): CounterService {
  let c = services.get(app);
  if (!c) {
    c = new CounterService(app);
    services.set(app, c);
  }
  return c;
}
