// Runs in: tests (jsdom). The lookout page's parts as an admin reads them: the list in force and
// where it came from; a file's check with each problem by its line and no way to apply until
// none is left; a picked file handed to the container.
import type { ComponentProps } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { LookoutPreviewView, LookoutStatusView } from '../../../../ipc/channels/lookout';
import { LookoutImportForm } from '../../../../renderer/src/features/admin/components/LookoutImportForm';
import { LookoutStatusCard } from '../../../../renderer/src/features/admin/components/LookoutStatusCard';
import { renderUi } from '../render';

const status: LookoutStatusView = {
  version: 4,
  entries: 1250,
  source: 'csv',
  keyId: null,
  fileName: 'lookout-dec.csv',
  importedBy: 'adm.one',
  appliedAt: '2026-12-01T22:05:00Z',
  matches: { applicants: 2, byEntry: [{ entryId: 'L-7', applicants: 2 }] },
};

const entry = {
  entryId: 'L-1',
  givenNames: 'Hector',
  familyNames: 'Salgado',
  aliases: ['Tito'],
  dob: '1984-03-17',
  dobYear: null,
  reasonCode: 'WARRANT',
};
const preview: LookoutPreviewView = {
  format: 'csv',
  fileName: 'lookout.csv',
  entries: 2,
  problems: [
    {
      line: 3,
      entryId: 'L-2',
      message: 'Date of birth "1985-13-40" is not a real past date; write it as YYYY-MM-DD, e.g. 1985-04-12.',
    },
  ],
  problemsTotal: 1,
  sample: [entry, { ...entry, entryId: 'L-2', dob: '1985-13-40' }],
  version: 5,
  keyId: null,
  canApply: false,
};

describe('LookoutStatusCard', () => {
  it('says which version is in force, from which file, by whom, and the matches per entry', () => {
    renderUi(<LookoutStatusCard status={status} />);
    const card = screen.getByTestId('lookout-status');
    expect(card).toHaveTextContent('Version 4: 1,250 entries');
    expect(card).toHaveTextContent(
      'Imported from the CSV file lookout-dec.csv by adm.one, Dec 1, 2026, 14:05.',
    );
    expect(card).toHaveTextContent('2 applicants match an entry now.');
    expect(
      within(screen.getByRole('table', { name: 'Matches per entry' })).getByRole('row', { name: /L-7/ }),
    ).toHaveTextContent('2');
  });
});

/** The form as an admin first sees it over `preview`: nothing being checked or applied. */
const formProps = { preview, checking: false, applying: false };

/** The form over `formProps` unless told otherwise, its callbacks spied on. */
function renderForm(props: Partial<ComponentProps<typeof LookoutImportForm>> = {}) {
  const spies = { onFile: vi.fn(), onApply: vi.fn() };
  renderUi(<LookoutImportForm {...formProps} {...spies} {...props} />);
  return spies;
}

describe('LookoutImportForm', () => {
  it('lists each problem by its line and keeps apply disabled; the bad date is shown as written', () => {
    renderForm();
    expect(screen.getByRole('alert')).toHaveTextContent(
      '1 problem: nothing can be applied until it is fixed',
    );
    const row = within(screen.getByRole('table', { name: 'Problems in the file' })).getAllByRole('row')[1]!;
    expect(row).toHaveTextContent('3L-2Date of birth "1985-13-40" is not a real past date');
    expect(screen.getByRole('table', { name: 'First entries' })).toHaveTextContent('1985-13-40');
    expect(screen.getByRole('button', { name: 'Apply as version 5' })).toBeDisabled();
  });

  it('applies once the file is clean, and hands a picked file to the container', async () => {
    const { onFile, onApply } = renderForm({
      preview: { ...preview, problems: [], problemsTotal: 0, canApply: true },
    });
    expect(screen.getByRole('status')).toHaveTextContent('Every entry is valid');
    await userEvent.click(screen.getByRole('button', { name: 'Apply as version 5' }));
    expect(onApply).toHaveBeenCalled();
    const file = new File(['entry_id\n'], 'list.csv', { type: 'text/csv' });
    await userEvent.upload(screen.getByLabelText('Lookout list file'), file);
    expect(onFile).toHaveBeenCalledWith(file);
  });
});
