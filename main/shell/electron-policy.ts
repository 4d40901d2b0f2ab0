// Runs in: main process (the Electron shell's decisions; no electron import, so they are tested in
// plain Node). Which permission a page gets: the camera, for our own page only (the booth's face
// comparison); no microphone, no other permission, for no other origin. Which links leave the app
// for the system browser: https links to an allow-listed site only, never anything a page made up.
import { isAppOrigin } from './app-protocol';

/**
 * Sites the console may open in the system browser (e.g. a help page); exact origins, https.
 * A link to anywhere else is simply not opened.
 */
export const EXTERNAL_ORIGINS: readonly string[] = ['https://help.arrivals.invalid'];

/**
 * A permission request (setPermissionRequestHandler: `mediaTypes` as asked) or check
 * (setPermissionCheckHandler: its one `mediaType`, which may be 'unknown'): only `media`, only
 * from our own origin, and never audio.
 */
export function mayUsePermission(
  permission: string,
  origin: string | undefined,
  mediaTypes: string[] = [],
): boolean {
  return permission === 'media' && isAppOrigin(origin) && !mediaTypes.includes('audio');
}

/** Whether a link may be opened in the system browser: https, no credentials, an allow-listed origin. */
export function mayOpenExternal(href: string, allowed: readonly string[] = EXTERNAL_ORIGINS): boolean {
  try {
    const u = new URL(href);
    return u.protocol === 'https:' && !u.username && !u.password && allowed.includes(u.origin);
  } catch {
    return false;
  }
}
