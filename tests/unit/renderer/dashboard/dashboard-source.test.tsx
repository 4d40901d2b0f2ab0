// Runs in: tests (jsdom). A dashboard source's three states as the supervisor sees them: a loader
// while it comes, a failure in the dashboard's words (with main's reason), or its content.
import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { SourceContent } from '../../../../renderer/src/features/dashboard/components/DashboardSource';
import { renderUi } from '../render';

const content = (n: number) => <p>{`${n} referrals`}</p>;

describe('a dashboard source', () => {
  it('shows a loader while the answer comes, and nothing of its content', () => {
    renderUi(
      <SourceContent query={{ isPending: true, error: null, data: undefined }}>{content}</SourceContent>,
    );
    expect(screen.getByRole('status')).toHaveTextContent('Loading');
    expect(screen.queryByText(/referrals/)).toBeNull();
  });

  it("says what failed in the dashboard's words, with main's reason", () => {
    const error = new Error('The database is busy');
    renderUi(<SourceContent query={{ isPending: false, error, data: undefined }}>{content}</SourceContent>);
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Could not load this part of the dashboard: The database is busy',
    );
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('draws the content from the answer, without a loader or an error', () => {
    renderUi(<SourceContent query={{ isPending: false, error: null, data: 3 }}>{content}</SourceContent>);
    expect(screen.getByText('3 referrals')).toBeInTheDocument();
    expect(screen.queryByRole('status')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
