// Runs in: tests (jsdom). The shared form pieces as a user meets them: a whole-window form with its
// one h1 that submits without a reload, a section showing one query's three states, a settings
// form's save row, a row button named for its row, a whole-number field, a bound switch.
import { useState, type FormEvent } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Switch } from '@mantine/core';
import { bindChecked } from '../../../../renderer/src/ui/bind';
import { SaveRow } from '../../../../renderer/src/ui/FormActions';
import { QuerySection } from '../../../../renderer/src/ui/QuerySection';
import { RowButton } from '../../../../renderer/src/ui/RowButton';
import { ScreenForm } from '../../../../renderer/src/ui/ScreenForm';
import { WholeNumberInput } from '../../../../renderer/src/ui/WholeNumberInput';
import { renderUi } from '../render';

describe('ScreenForm', () => {
  it('is a named form with the screen’s one h1, and submits without leaving the page', async () => {
    const onSubmit = vi.fn();
    renderUi(
      <ScreenForm label="Unlock" title="Session locked" subtitle="San Ysidro (SYS)" onSubmit={onSubmit}>
        <button type="submit">Go</button>
      </ScreenForm>,
    );
    expect(screen.getByRole('form', { name: 'Unlock' })).toBeInTheDocument();
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Session locked');
    expect(screen.getByText('San Ysidro (SYS)')).toBeVisible();
    await userEvent.click(screen.getByRole('button', { name: 'Go' }));
    expect(onSubmit).toHaveBeenCalledTimes(1);
  });
});

describe('QuerySection', () => {
  const section = (query: { error: Error | null; isPending: boolean; data: string | undefined }) => (
    <QuerySection title="Lookout list" query={query} testId="lookout">
      {(data) => <p>Version {data}</p>}
    </QuerySection>
  );

  it('is a region named by its title that shows the data once it is there', () => {
    renderUi(section({ error: null, isPending: false, data: '7' }));
    const region = screen.getByRole('region', { name: 'Lookout list' });
    expect(region).toHaveTextContent('Version 7');
    expect(screen.getByTestId('lookout')).toBe(region);
  });

  it('announces loading, and says why it could not load', () => {
    const { rerender } = renderUi(section({ error: null, isPending: true, data: undefined }));
    expect(screen.getByRole('status')).toHaveTextContent('Loading');
    rerender(section({ error: new Error('Main did not answer.'), isPending: false, data: undefined }));
    expect(screen.getByRole('alert')).toHaveTextContent('Main did not answer.');
    expect(screen.queryByText(/Version/)).not.toBeInTheDocument();
  });
});

describe('SaveRow', () => {
  it('submits its form, then the other actions beside it; it can be held back', async () => {
    const onSubmit = vi.fn((e: FormEvent) => e.preventDefault());
    const { rerender } = renderUi(
      <form onSubmit={onSubmit}>
        <SaveRow label="Save" saving={false}>
          <button type="button">Restore</button>
        </SaveRow>
      </form>,
    );
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual(['Save', 'Restore']);
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSubmit).toHaveBeenCalledTimes(1);
    rerender(
      <form onSubmit={onSubmit}>
        <SaveRow label="Save" saving={false} disabled />
      </form>,
    );
    expect(screen.getByRole('button', { name: 'Save' })).toBeDisabled();
  });
});

describe('RowButton', () => {
  it('shows its verb and is named for its row', async () => {
    const onClick = vi.fn();
    renderUi(<RowButton label="Unlock" name="Unlock ofc.garcia" onClick={onClick} />);
    const button = screen.getByRole('button', { name: 'Unlock ofc.garcia' });
    expect(button).toHaveTextContent('Unlock');
    await userEvent.click(button);
    expect(onClick).toHaveBeenCalledTimes(1);
  });
});

describe('WholeNumberInput', () => {
  it('is required and takes no decimals', async () => {
    function Field() {
      const [v, setV] = useState<number | string>(3);
      return <WholeNumberInput label="Days back" min={1} max={90} value={v} onChange={setV} />;
    }
    renderUi(<Field />);
    const field = screen.getByLabelText(/^Days back/);
    expect(field).toBeRequired();
    await userEvent.clear(field);
    await userEvent.type(field, '12.5');
    expect(field).toHaveValue('125');
  });
});

describe('bindChecked', () => {
  it('binds a switch to its state', async () => {
    function Toggle() {
      const [on, setOn] = useState(false);
      return <Switch label="Blind first" {...bindChecked(on, setOn)} />;
    }
    renderUi(<Toggle />);
    const toggle = screen.getByRole('switch', { name: 'Blind first' });
    expect(toggle).not.toBeChecked();
    await userEvent.click(toggle);
    expect(toggle).toBeChecked();
  });
});
