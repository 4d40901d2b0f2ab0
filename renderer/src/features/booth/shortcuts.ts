// Runs in: renderer. The booth's keyboard shortcuts, in one list: the `?` dialog shows it, and
// every handler matches keys through shortcutFor(), so what is listed is what works. Scope
// `queue`: anywhere in the booth; `case`: while a case is open (the case's panels handle those).
import type { ParseKeys } from 'i18next';

export type ShortcutScope = 'queue' | 'case';

export type ShortcutId =
  | 'search'
  | 'move'
  | 'jump'
  | 'open'
  | 'help'
  | 'capture'
  | 'file'
  | 'acknowledge'
  | 'decision'
  | 'nextInGroup'
  | 'back';

export interface Shortcut {
  id: ShortcutId;
  /** KeyboardEvent.key values; a letter is its lower case, pressed without Shift. */
  keys: readonly string[];
  labelKey: ParseKeys;
  scope: ShortcutScope;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { id: 'search', keys: ['/'], labelKey: 'booth.shortcuts.search', scope: 'queue' },
  { id: 'move', keys: ['ArrowUp', 'ArrowDown'], labelKey: 'booth.shortcuts.move', scope: 'queue' },
  { id: 'jump', keys: ['Home', 'End'], labelKey: 'booth.shortcuts.jump', scope: 'queue' },
  { id: 'open', keys: ['Enter'], labelKey: 'booth.shortcuts.open', scope: 'queue' },
  { id: 'help', keys: ['?'], labelKey: 'booth.shortcuts.help', scope: 'queue' },
  { id: 'capture', keys: ['c'], labelKey: 'booth.shortcuts.capture', scope: 'case' },
  { id: 'file', keys: ['f'], labelKey: 'booth.shortcuts.file', scope: 'case' },
  { id: 'acknowledge', keys: ['a'], labelKey: 'booth.shortcuts.acknowledge', scope: 'case' },
  { id: 'decision', keys: ['d'], labelKey: 'booth.shortcuts.decision', scope: 'case' },
  { id: 'nextInGroup', keys: ['n'], labelKey: 'booth.shortcuts.nextInGroup', scope: 'case' },
  { id: 'back', keys: ['Escape'], labelKey: 'booth.shortcuts.back', scope: 'case' },
];

const KEY_LABELS: Record<string, string> = {
  ArrowUp: '↑',
  ArrowDown: '↓',
  Escape: 'Esc',
  Enter: 'Enter',
  Home: 'Home',
  End: 'End',
};

/** How a key is printed on the keycap: ↑, Esc, C. */
export const keyLabel = (key: string): string => KEY_LABELS[key] ?? key.toUpperCase();

/** Typing into a field: its keys are text, not shortcuts (the field handles Enter and Esc itself). */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (!(target instanceof HTMLInputElement)) return false;
  return !['checkbox', 'radio', 'button', 'submit', 'reset', 'file', 'range', 'color'].includes(target.type);
}

/** Inside an open dialog or menu, whose own keys come first. */
const inOverlay = (target: EventTarget | null) =>
  target instanceof Element && target.closest('[role="dialog"], [role="menu"], [role="listbox"]') !== null;

// Symbols typed with Shift on most layouts: Shift does not make them another key.
const SHIFTED_SYMBOLS = new Set(['?', '/']);

function keyMatches(e: Pick<KeyboardEvent, 'key' | 'shiftKey'>, key: string): boolean {
  if (e.key !== key) return false;
  // A scanner or Caps Lock types "C" (Shift), which must stay text: only a bare letter is a shortcut.
  return !(key.length === 1 && !SHIFTED_SYMBOLS.has(key) && e.shiftKey);
}

/**
 * The shortcut this key press means in the given scopes, or undefined: never while typing in a
 * field, inside a dialog, with Ctrl, Alt or Meta held, or for a press something already handled.
 */
export function shortcutFor(
  e: Pick<
    KeyboardEvent,
    'key' | 'shiftKey' | 'ctrlKey' | 'altKey' | 'metaKey' | 'target' | 'defaultPrevented'
  >,
  scopes: readonly ShortcutScope[],
): Shortcut | undefined {
  if (e.defaultPrevented || e.ctrlKey || e.altKey || e.metaKey) return undefined;
  if (isTypingTarget(e.target) || inOverlay(e.target)) return undefined;
  return SHORTCUTS.find((s) => scopes.includes(s.scope) && s.keys.some((k) => keyMatches(e, k)));
}
