// Runs in: tests (Node, Playwright). axe-core's check as every spec runs it: WCAG 2.1 A and AA,
// where a violation of serious or critical impact fails the test. One place, so the screens
// checked by accessibility.spec.ts and those checked inside a flow (the applicant screen, the
// updates page) are held to the same rules and report a failure the same way.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const BLOCKING = new Set(['serious', 'critical']);

type Violation = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'][number];

export interface AxeResult {
  /** Serious and critical violations, as `rule (nodes)`: what a test expects to be empty. */
  blocking: string[];
  /** All of them with their nodes and axe's explanation, for the failure message. */
  report: string;
}

function describe(screen: string, violations: Violation[]): string {
  const lines = [`${screen}: ${violations.length} serious/critical accessibility violation(s)`];
  for (const v of violations) {
    lines.push(`  [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})`);
    for (const n of v.nodes.slice(0, 5)) {
      lines.push(`      at ${n.target.join(' ')}`);
      lines.push(`         ${n.html.slice(0, 160)}`);
      if (n.failureSummary) lines.push(...n.failureSummary.split('\n').map((l) => `         ${l}`));
    }
    if (v.nodes.length > 5) lines.push(`      … and ${v.nodes.length - 5} more`);
  }
  return lines.join('\n');
}

/**
 * Runs axe over the page as it is now. Logs a line for the screen with the rules that passed and
 * the violations that do not block, and the report when something does.
 */
export async function checkAxe(page: Page, screen: string): Promise<AxeResult> {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const blocking = results.violations.filter((v) => v.impact && BLOCKING.has(v.impact));
  const other = results.violations.filter((v) => !blocking.includes(v)).map((v) => `${v.id} [${v.impact}]`);
  const report = describe(screen, blocking);
  console.log(
    `${screen}: ${results.passes.length} rules pass${other.length ? `; not blocking: ${other.join(', ')}` : ''}`,
  );
  if (blocking.length) console.log(report);
  return { blocking: blocking.map((v) => `${v.id} (${v.nodes.length})`), report };
}
