// Runs in: CLI. `arrivals report daily --port P --date D --out FILE.pdf`: the same daily report PDF
// as the dashboard's, audited as the CLI's export. The file is written whole or not at all, and
// an existing one is kept unless --force.
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { PortDayRequest } from '../../ipc/channels/reporting';
import type { WithApp } from '../app-context';
import { AppError } from '../platform/app-error';
import { dailyReportPdf } from './daily-report-pdf';

export function registerReportCommands(program: Command, withApp: WithApp): void {
  const report = program.command('report').description("the supervisor's reports");
  report
    .command('daily')
    .description("a port-day's daily report as PDF: figures, charts, verification outcomes, flags, referrals")
    .option('--port <code>', "port code (default: this console's port)")
    .option('--date <YYYY-MM-DD>', 'service date (default: today at the port)')
    .requiredOption('--out <file.pdf>', 'where to write the PDF')
    .option('--force', 'replace the file if it exists')
    .action((o: { port?: string; date?: string; out: string; force?: boolean }) => {
      const req = PortDayRequest.safeParse({ port: o.port, date: o.date });
      if (!req.success)
        throw new AppError('INVALID_REQUEST', req.error.issues.map((i) => i.message).join(' '));
      const out = path.resolve(o.out);
      if (!o.force && fs.existsSync(out))
        throw new AppError('CONFLICT', `${out} exists: choose another file or pass --force.`);
      return withApp(async (app) => {
        const r = await dailyReportPdf(app, 'cli', req.data);
        const tmp = `${out}.${process.pid}.tmp`;
        try {
          fs.writeFileSync(tmp, r.bytes);
          fs.renameSync(tmp, out);
        } catch (e) {
          fs.rmSync(tmp, { force: true });
          throw new AppError('CONFLICT', `Could not write ${out}: ${(e as Error).message}`);
        }
        console.log(`Wrote ${out} (${r.pages} ${r.pages === 1 ? 'page' : 'pages'}, font: ${r.font.source}).`);
      });
    });
}
