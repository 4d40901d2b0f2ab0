// Runs in: CLI. `arrivals flags recompute|trends|show|evaluate|precision`.
import fs from 'node:fs';
import type { Command } from 'commander';
import type { WithApp } from '../app-context';
import { AppError } from '../platform/app-error';
import { FlagEngine } from './engine';
import { trends } from './trends';
import { evaluateAgainstTruth } from './ground-truth';
import { RULES } from './rules/index';
import type { FlagCandidate } from './rules/rule';
import type { GroundTruth } from '../feed/generator/index';

type Evidence = FlagCandidate['evidence'];

/** A flag as plain text a supervisor can read (also used in docs/flags.md). */
export function flagText(f: {
  rule_id: string;
  rule_version: number;
  severity: string;
  explanation: string;
  evidence: string;
  acknowledged_by: string | null;
  feedback: string | null;
}): string {
  const e = JSON.parse(f.evidence) as Evidence;
  const lines = [
    `[${f.severity.toUpperCase()}] ${f.rule_id} (rule v${f.rule_version})`,
    `  ${f.explanation}`,
    `  Evidence: ${e.summary}`,
  ];
  for (const o of e.others.slice(0, 8))
    lines.push(`    - ${o.name} · ${o.port} ${o.serviceDate} · group ${o.groupId} · ${o.matched}`);
  if (e.othersTotal > 8) lines.push(`    … and ${e.othersTotal - 8} more`);
  if (f.acknowledged_by) lines.push(`  Acknowledged by ${f.acknowledged_by}`);
  if (f.feedback) lines.push(`  Supervisor feedback: ${f.feedback}`);
  return lines.join('\n');
}

export function registerFlagCommands(program: Command, withApp: WithApp): void {
  const flags = program
    .command('flags')
    .description('vetting flags: recompute, cross-port trends, evidence, accuracy');
  flags
    .command('recompute')
    .description('recompute every flag over all synced ports and days')
    .option('--rule <id>', 'only this rule')
    .action((o: { rule?: string }) =>
      withApp((app) => {
        const r = new FlagEngine(app.db).recomputeAll(o.rule ? [o.rule] : undefined);
        for (const x of r.rules)
          console.log(
            `${x.ruleId.padEnd(20)} v${x.version}  ${String(x.upserted).padStart(6)} flags  ${String(x.cleared).padStart(5)} cleared  ${x.ms.toFixed(0).padStart(6)} ms`,
          );
        console.log(`keys refreshed for ${r.keysUpdated} applicants; total ${r.totalMs.toFixed(0)} ms`);
        app.audit.append({
          actor: 'cli',
          action: 'flags.recompute',
          subject: 'flags',
          details: { rules: r.rules.map((x) => ({ id: x.ruleId, flags: x.upserted })) },
        });
      }),
    );
  flags
    .command('trends')
    .description('top shared addresses, phones, mailboxes and devices across ports and days')
    .option('--limit <n>', 'rows per kind', '10')
    .option('--json', 'print JSON')
    .action((o: { limit: string; json?: boolean }) =>
      withApp((app) => {
        const rows = trends(app.db, Number(o.limit));
        if (o.json) return console.log(JSON.stringify(rows, null, 2));
        for (const kind of ['address', 'phone', 'email', 'device']) {
          console.log(
            `\nTop shared ${kind}es`
              .replace('addresses', 'addresses')
              .replace('phonees', 'phones')
              .replace('emailes', 'mailboxes')
              .replace('devicees', 'booking devices'),
          );
          for (const r of rows.filter((x) => x.kind === kind)) {
            console.log(
              `  ${String(r.applicants).padStart(4)} applicants  ${String(r.households).padStart(3)} unrelated households  ${r.ports.length} ports (${r.ports.join(',')})  ${r.days} days ${r.firstDate}..${r.lastDate}  ${r.example}`,
            );
          }
        }
      }),
    );
  flags
    .command('show <applicantId>')
    .description("an applicant's flags with their evidence, as plain text")
    .action((id: string) =>
      withApp((app) => {
        const rows = app.flags.engine.repo.forApplicant(id);
        app.audit.append({
          actor: 'cli',
          action: 'flags.view',
          subject: `applicant:${id}`,
          details: { flags: rows.length },
        });
        if (!rows.length) return console.log(`No open flags for ${id}.`);
        console.log(rows.map(flagText).join('\n\n'));
      }),
    );
  flags
    .command('evaluate')
    .description("recall and precision against a generator's ground-truth.json")
    .requiredOption('--truth <file>', 'ground-truth.json written by `arrivals feed generate`')
    .option('--json', 'print JSON')
    .action((o: { truth: string; json?: boolean }) =>
      withApp((app) => {
        if (!fs.existsSync(o.truth)) throw new AppError('NOT_FOUND', `No such file: ${o.truth}`);
        const r = evaluateAgainstTruth(app.db, JSON.parse(fs.readFileSync(o.truth, 'utf8')) as GroundTruth);
        if (o.json) return console.log(JSON.stringify(r, null, 2));
        console.log('rule                 planted found recall   flagged  true+  precision');
        for (const x of r.byRule)
          console.log(
            `${x.ruleId.padEnd(20)} ${String(x.planted).padStart(7)} ${String(x.found).padStart(5)} ${(x.recall * 100).toFixed(0).padStart(5)} %  ${String(x.flagged).padStart(7)} ${String(x.truePositives).padStart(6)}  ${x.precision === null ? '   n/a' : `${(x.precision * 100).toFixed(1).padStart(6)} %`}`,
          );
        for (const m of r.missed)
          console.log(`missed: ${m.pattern} (${m.ruleId}): ${m.applicantIds.join(', ')}`);
        for (const d of r.decoysFlagged)
          console.log(`decoy flagged: ${d.decoy}: ${d.applicantIds.join(', ')}`);
        if (r.missed.length || r.decoysFlagged.length) process.exitCode = 1;
      }),
    );
  flags
    .command('precision')
    .description('precision per rule from supervisor feedback')
    .action(() =>
      withApp((app) => {
        for (const p of app.flags.engine.repo.precision())
          console.log(
            `${p.ruleId.padEnd(20)} open ${p.open}  acknowledged ${p.acknowledged}  confirmed ${p.confirmed}  false positive ${p.falsePositive}  precision ${p.precision === null ? 'n/a (no feedback yet)' : `${(p.precision * 100).toFixed(1)} %`}`,
          );
      }),
    );
  flags
    .command('rules')
    .description('every rule, its version and what it does')
    .action(() => {
      for (const r of RULES) console.log(`${r.id} v${r.version}\n  ${r.description}\n`);
    });
}
