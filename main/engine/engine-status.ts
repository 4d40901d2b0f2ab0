// Runs in: main process. What the engines run on, for an admin diagnosing a slow or broken booth:
// the face pool (started if need be; its failure is reported, not thrown), enrolment, flag key
// tiers, the vetting window.
import type { EngineStatusView } from '../../ipc/channels/engine';
import type { AppContext } from '../app-context';
import { KEYS_VERSION } from '../flags/keys';

export async function engineStatus(app: AppContext): Promise<EngineStatusView> {
  let face: EngineStatusView['face'] = null;
  let faceError: string | null = null;
  try {
    face = await app.face.engineInfo();
  } catch (e) {
    faceError = (e as Error).message;
  }
  return {
    face,
    faceError,
    enrolment: { ...app.face.enrolment },
    flags: { ...app.flags.tierStatus(), keysVersion: KEYS_VERSION },
    window: app.sync?.window?.status() ?? null,
  };
}
