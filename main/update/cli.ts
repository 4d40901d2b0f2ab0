// Runs in: CLI. `arrivals release publish|serve`: the publisher's side of software updates, for
// tests, demos and a site without its own update server.
import { Option, type Command } from 'commander';
import { publishRelease, type PublishOptions } from './publish';
import { startUpdateServer } from './server';
import type { UpdateChannel, UpdatePlatform } from './update-feed';

interface PublishFlags {
  dir: string;
  version: string;
  channel: UpdateChannel | 'latest';
  staging?: string;
  platform?: UpdatePlatform;
  arch?: string;
}

export function registerReleaseCommands(program: Command): void {
  const release = program
    .command('release')
    .description('software updates: publish a release into a folder and serve it to consoles');

  release
    .command('publish <artifact>')
    .description(
      "copy an installer into the release folder and write its channel's yml (sha512, size, stage)",
    )
    .requiredOption('--version <v>', 'the version the artifact installs, e.g. 1.4.0 or 1.5.0-beta.1')
    .addOption(
      new Option('--channel <c>', 'update channel').choices(['stable', 'beta', 'latest']).default('stable'),
    )
    .option('--staging <percent>', 'offer it to this share of booths only (0–100; default all)')
    .option('--dir <dir>', 'the release folder', 'releases')
    .addOption(new Option('--platform <p>', 'default: from the file name').choices(['win', 'linux', 'mac']))
    .option('--arch <arch>', 'Linux architecture other than x64 (arm64, …)')
    .action(async (artifact: string, o: PublishFlags) => {
      const staging = o.staging === undefined ? undefined : Number(o.staging);
      const opts: PublishOptions = {
        dir: o.dir,
        artifact,
        version: o.version,
        channel: o.channel === 'latest' ? 'stable' : o.channel,
        staging,
        platform: o.platform,
        arch: o.arch,
      };
      const r = await publishRelease(opts);
      const stage = staging === undefined ? 'all booths' : `${staging} % of booths`;
      console.log(
        `Published ${r.info.version} (${r.info.files[0]!.url}, ${r.info.files[0]!.size} bytes) to ${stage}:`,
      );
      for (const f of r.files) console.log(`  ${f}`);
    });

  release
    .command('serve')
    .description('serve a release folder to consoles over HTTP on 127.0.0.1 (a generic update feed)')
    .option('--dir <dir>', 'the release folder', 'releases')
    .option('--host <addr>', 'loopback address to bind (127.0.0.1 or ::1)', '127.0.0.1')
    .option('--port <n>', 'TCP port (default random)', '0')
    .action(async (o: { dir: string; host: string; port: string }) => {
      const server = await startUpdateServer({ dir: o.dir, host: o.host, port: Number(o.port) });
      console.log(`Serving the releases in ${o.dir} at ${server.url}`);
      console.log(`UPDATES_URL=${server.url}`);
      const stop = () => void server.close().then(() => process.exit(0));
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
}
