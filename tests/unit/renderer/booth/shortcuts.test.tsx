// Runs in: tests (jsdom). The booth's shortcuts: one list, shown whole by `?` (the case's C, F,
// A, D, N included), matched only as bare keys outside fields and dialogs, so a scanner's
// capitals and anything typed into a field stay text.
import { describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import ShortcutsDialog from '../../../../renderer/src/features/booth/components/ShortcutsDialog';
import {
  isTypingTarget,
  keyLabel,
  SHORTCUTS,
  shortcutFor,
  type ShortcutScope,
} from '../../../../renderer/src/features/booth/shortcuts';
import { renderUi } from '../render';

function press(key: string, over: Partial<KeyboardEvent> = {}, target: EventTarget = document.body) {
  return {
    key,
    shiftKey: false,
    ctrlKey: false,
    altKey: false,
    metaKey: false,
    defaultPrevented: false,
    target,
    ...over,
  };
}
const id = (key: string, scopes: ShortcutScope[], over: Partial<KeyboardEvent> = {}, target?: EventTarget) =>
  shortcutFor(press(key, over, target), scopes)?.id;

describe('booth shortcuts', () => {
  it('lists every key the issue names, each once', () => {
    const keys = SHORTCUTS.flatMap((s) => s.keys);
    expect(new Set(keys).size).toBe(keys.length);
    for (const k of ['/', 'ArrowUp', 'ArrowDown', 'Enter', 'Escape', '?', 'c', 'f', 'a', 'd', 'n'])
      expect(keys).toContain(k);
    expect(SHORTCUTS.filter((s) => s.scope === 'case').map((s) => s.id)).toEqual([
      'capture',
      'file',
      'acknowledge',
      'decision',
      'nextInGroup',
      'back',
    ]);
  });

  it('matches bare keys in their scope only', () => {
    expect(id('/', ['queue'])).toBe('search');
    expect(id('?', ['queue'], { shiftKey: true })).toBe('help'); // Shift is how ? is typed
    expect(id('c', ['queue', 'case'])).toBe('capture');
    expect(id('c', ['queue'])).toBeUndefined(); // no case open
    expect(id('Escape', ['queue', 'case'])).toBe('back');
  });

  it('never fires for a scanner capital, a modifier, a field, a dialog, or a handled key', () => {
    const scopes: ShortcutScope[] = ['queue', 'case'];
    expect(id('A', scopes, { shiftKey: true })).toBeUndefined(); // "AP-SYS-…" from a scanner
    expect(id('A', scopes)).toBeUndefined(); // Caps Lock
    expect(id('c', scopes, { ctrlKey: true })).toBeUndefined(); // copy
    expect(id('d', scopes, { defaultPrevented: true })).toBeUndefined();
    const input = document.createElement('input');
    const note = document.createElement('textarea');
    const box = Object.assign(document.createElement('input'), { type: 'checkbox' });
    expect(id('a', scopes, {}, input)).toBeUndefined();
    expect(id('/', scopes, {}, note)).toBeUndefined();
    expect(isTypingTarget(box)).toBe(false); // a checkbox takes no text: shortcuts still work there
    const dialog = document.createElement('div');
    dialog.setAttribute('role', 'dialog');
    const inside = document.createElement('button');
    dialog.append(inside);
    expect(id('Escape', scopes, {}, inside)).toBeUndefined(); // the dialog closes itself
  });

  it('the ? dialog shows every shortcut with its keycaps, by scope', () => {
    renderUi(<ShortcutsDialog opened onClose={vi.fn()} />);
    const dialog = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    const queue = within(dialog).getByRole('region', { name: 'Queue' });
    const kase = within(dialog).getByRole('region', { name: 'Open case' });
    expect(within(queue).getAllByRole('row')).toHaveLength(
      SHORTCUTS.filter((s) => s.scope === 'queue').length,
    );
    expect(within(kase).getAllByRole('row')).toHaveLength(SHORTCUTS.filter((s) => s.scope === 'case').length);
    expect(within(kase).getByText('Capture from the camera and compare').closest('tr')).toHaveTextContent(
      'C',
    );
    expect(within(kase).getByText('Back to the queue').closest('tr')).toHaveTextContent('Esc');
    expect(within(queue).getByText('Previous or next person').closest('tr')).toHaveTextContent('↑ ↓');
    expect(keyLabel('n')).toBe('N');
  });
});
