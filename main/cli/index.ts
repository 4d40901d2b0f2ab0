// Runs in: CLI (plain Node). `arrivals <command>`: the same services as the app.
import { Command, Option } from 'commander';
import { createAppContext, type AppContext } from '../app-context';
import { openDatabase } from '../db/database';
import { resolveDataDir } from '../platform/paths';
import { AppError } from '../platform/app-error';
import { ROLES, type Role } from '../../ipc/channel';
import { readSecret } from './read-secret';
import { registerFeedCommands } from '../feed/cli';
import { registerSyncCommands } from '../sync/cli';
import { registerFaceCommands } from '../face/cli';
import { registerFlagCommands } from '../flags/cli';
import { registerReleaseCommands } from '../update/cli';
import { registerReportCommands } from '../reporting/cli';
import { verifyWithWitness } from '../audit/witness';

// `arrivals … | head` closes the pipe early: that is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
});

const program = new Command();
program
  .name('arrivals')
  .description('Arrivals Console command line: the same services as the app')
  .option('--data-dir <dir>', 'data folder (default: ARRIVALS_DATA_DIR or the OS app-data folder)')
  .showHelpAfterError();

function withApp<T>(fn: (app: AppContext) => Promise<T> | T): Promise<T> {
  const app = createAppContext({ dataDir: program.opts<{ dataDir?: string }>().dataDir, shell: 'cli' });
  return Promise.resolve(fn(app)).finally(() => app.close());
}

program
  .command('migrate')
  .description('create or update the database schema (a backup is made first)')
  .action(() => {
    const dir = resolveDataDir(program.opts<{ dataDir?: string }>().dataDir);
    const db = openDatabase(dir);
    console.log(`Database at schema ${db.pragma('user_version', { simple: true }) as number} in ${dir}`);
    db.close();
  });

const user = program.command('user').description('manage user accounts');
user
  .command('add <username>')
  .description('create a user (password from --password, ARRIVALS_PASSWORD or standard input)')
  .addOption(new Option('--role <role>', 'role').choices([...ROLES]).makeOptionMandatory())
  .option('--name <displayName>', 'full name')
  .option('--password <password>', 'initial password (prefer standard input)')
  .action(async (username: string, o: { role: Role; name?: string; password?: string }) => {
    const password =
      o.password ?? process.env.ARRIVALS_PASSWORD ?? (await readSecret(`Password for ${username}: `));
    if (password.length < 10)
      throw new AppError('INVALID_REQUEST', 'The password must have at least 10 characters.');
    await withApp(async (app) => {
      const u = await app.accounts.createUser('cli', {
        username,
        displayName: o.name ?? username,
        role: o.role,
        password,
      });
      console.log(`Created ${u.role} ${u.username}.`);
    });
  });
user
  .command('list')
  .option('--json', 'print JSON')
  .action((o: { json?: boolean }) =>
    withApp((app) => {
      const users = app.accounts.users.list();
      if (o.json)
        return console.log(
          JSON.stringify(
            users.map((u) => ({ username: u.username, role: u.role, disabled: !!u.disabled })),
            null,
            2,
          ),
        );
      for (const u of users)
        console.log(
          `${u.username.padEnd(20)} ${u.role.padEnd(11)} ${u.disabled ? 'disabled' : 'active'}  ${u.display_name}`,
        );
    }),
  );
user
  .command('disable <username>')
  .option('--enable', 're-enable instead')
  .action((username: string, o: { enable?: boolean }) =>
    withApp((app) => {
      const u = app.accounts.users.byUsername(username);
      if (!u) throw new AppError('NOT_FOUND', `No user named ${username}.`);
      app.accounts.setDisabled('cli', u.id, !o.enable);
      console.log(`${username} ${o.enable ? 'enabled' : 'disabled'}.`);
    }),
  );
user
  .command('unlock <username>')
  .description(
    'end a sign-in lockout now (the recovery when guesses have locked an account, the last admin included)',
  )
  .action((username: string) =>
    withApp((app) => {
      const u = app.accounts.users.byUsername(username);
      if (!u) throw new AppError('NOT_FOUND', `No user named ${username}.`);
      app.accounts.unlock('cli', u.id);
      console.log(`${username} can sign in again.`);
    }),
  );
user
  .command('role <username> <role>')
  .description("change a user's role")
  .action((username: string, role: string) =>
    withApp((app) => {
      if (!(ROLES as readonly string[]).includes(role))
        throw new AppError('INVALID_REQUEST', `Role must be one of ${ROLES.join(', ')}.`);
      const u = app.accounts.users.byUsername(username);
      if (!u) throw new AppError('NOT_FOUND', `No user named ${username}.`);
      app.accounts.setRole('cli', u.id, role as Role);
      console.log(`${username} is now ${role}.`);
    }),
  );

const audit = program.command('audit').description('the tamper-evident audit log');
audit
  .command('verify')
  .description(
    'check the keyed chain and its triggers; exits 1 and names the first broken entry if it is not intact',
  )
  .option(
    '--witness <url>',
    'also check it against the chain heads the feed at <url> recorded (exit 3: it holds none)',
  )
  .option('--json', 'print JSON')
  .action((o: { json?: boolean; witness?: string }) =>
    withApp(async (app) => {
      const w = o.witness ? await verifyWithWitness(app, o.witness) : null;
      const r = w?.verification ?? app.audit.verify();
      const unwitnessed = r.ok && w && !w.latest;
      if (o.json) console.log(JSON.stringify(w ? { ...r, witnessed: w.latest, boothId: w.boothId } : r));
      else if (!r.ok)
        console.error(
          `Audit log BROKEN${r.firstBrokenSeq === null ? '' : ` at entry ${r.firstBrokenSeq}`}: ${r.problem}.`,
        );
      else if (unwitnessed)
        console.error(
          `Audit log intact locally (${r.entries} entries), but the witness at ${o.witness} holds no head for this booth (${w.boothId}): nothing to compare.`,
        );
      else
        console.log(
          `Audit log intact: ${r.entries} entries verified${w?.latest ? `; it holds entry ${w.latest.seq} as the witness recorded it at ${w.latest.receivedAt}` : ''}.`,
        );
      if (!r.ok) process.exitCode = 1;
      else if (unwitnessed) process.exitCode = 3;
    }),
  );
audit
  .command('tail')
  .option('-n <count>', 'entries', '20')
  .action((o: { n: string }) =>
    withApp((app) => {
      for (const e of app.audit.recent(Number(o.n)).reverse())
        console.log(
          `${String(e.seq).padStart(6)} ${e.at} ${e.actor.padEnd(12)} ${e.action.padEnd(28)} ${e.subject}`,
        );
    }),
  );

registerFeedCommands(program);
registerSyncCommands(program, withApp);
registerFaceCommands(program, withApp);
registerFlagCommands(program, withApp);
registerReleaseCommands(program);
registerReportCommands(program, withApp);

program.parseAsync(process.argv).catch((e: unknown) => {
  if (e instanceof AppError) console.error(`arrivals: ${e.message}`);
  else console.error('arrivals:', (e as Error).stack ?? e);
  process.exit(2);
});
