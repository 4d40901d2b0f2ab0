// Runs in: tests (jsdom). Times show in the port's zone whatever the machine's; calendar dates
// never shift; a Section is a region named by its heading.
import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { createFormat } from '../../../../renderer/src/format';
import { Section } from '../../../../renderer/src/ui/Section';
import { renderUi } from '../render';

describe('format', () => {
  it("formats a slot in the port's time zone, not the machine's", () => {
    const iso = '2026-12-01T16:30:00Z';
    expect(createFormat('America/Los_Angeles').time(iso)).toBe('08:30');
    expect(createFormat('America/Chicago').time(iso)).toBe('10:30');
  });
  it('keeps a date of birth on its calendar day in any zone', () => {
    expect(createFormat('Pacific/Honolulu').date('1990-01-01')).toBe('Jan 1, 1990');
    expect(createFormat('Asia/Tokyo').date('1990-01-01')).toBe('Jan 1, 1990');
  });
  it('formats shares and counts', () => {
    const f = createFormat('UTC');
    expect(f.percent(0.1234)).toBe('12.3 %');
    expect(f.number(1504)).toBe('1,504');
    expect(f.ago('2026-12-01T10:00:00Z', Date.parse('2026-12-01T10:05:10Z'))).toBe('5 min. ago');
  });
});

describe('Section', () => {
  it('is a region named by its heading', () => {
    renderUi(<Section title="Flags by rule">body</Section>);
    expect(screen.getByRole('region', { name: 'Flags by rule' })).toHaveTextContent('body');
    expect(screen.getByRole('heading', { level: 2, name: 'Flags by rule' })).toBeInTheDocument();
  });
});
