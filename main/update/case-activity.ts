// Runs in: main process. Who is mid-case right now, so that nothing (an update above all)
// interrupts a booth: a case counts as open from the moment an officer opens an undecided one
// (applicant.get) until its disposition is recorded (encounter.complete), another case replaces
// it on the same connection, or that connection's session ends (sign-out, closed window, role
// change); a verification counts while face.verify runs. Main decides from what the officer actually did,
// so a renderer that crashed or forgot to say so cannot let an update through.
export interface Busy {
  openCases: number;
  verifications: number;
}

export class CaseActivity {
  /** connection id → the applicant whose case is open there */
  private readonly open = new Map<string, string>();
  private verifications = 0;

  opened(connectionId: string, applicantId: string): void {
    this.open.set(connectionId, applicantId);
  }

  completed(connectionId: string, applicantId: string): void {
    if (this.open.get(connectionId) === applicantId) this.open.delete(connectionId);
  }

  /** The session on this connection ended: whatever it had open is closed with it. */
  connectionEnded(connectionId: string): void {
    this.open.delete(connectionId);
  }

  /** A verification starts; call the returned function when it has finished, however it ends. */
  verificationStarted(): () => void {
    this.verifications++;
    // Counted down once, however many times it is called.
    let end: (() => void) | null = () => this.verifications--;
    return () => {
      end?.();
      end = null;
    };
  }

  busy(): Busy {
    return { openCases: this.open.size, verifications: this.verifications };
  }

  get idle(): boolean {
    return this.open.size === 0 && this.verifications === 0;
  }
}
