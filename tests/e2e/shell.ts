// Runs in: tests (Node). Starts the real browser shell (built app) on a temp data folder.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { SYNC_MS } from './waits';
import { expect, type Page } from '@playwright/test';

export interface RunningShell {
  url: string;
  origin: string;
  key: string;
  dataDir: string;
  output: () => string;
  stop(): Promise<void>;
}

export async function startShell(
  opts: { dataDir?: string; env?: Record<string, string>; args?: string[] } = {},
): Promise<RunningShell> {
  const dataDir = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'arrivals-e2e-'));
  const child: ChildProcess = spawn(
    process.execPath,
    [
      path.join(__dirname, '../../out/main/browser.js'),
      '--data-dir',
      dataDir,
      '--no-open',
      ...(opts.args ?? []),
    ],
    {
      env: { ...process.env, ...opts.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`shell did not start:\n${out}`)), 60_000);
    const check = () => {
      const m = /ARRIVALS_URL=(\S+)/.exec(out);
      if (m) {
        clearTimeout(t);
        resolve(m[1]!);
      }
    };
    child.stdout!.on('data', check);
    child.on('exit', (code) => reject(new Error(`shell exited with ${code}:\n${out}`)));
  });
  const u = new URL(url);
  return {
    url,
    origin: u.origin,
    key: u.searchParams.get('key')!,
    dataDir,
    output: () => out,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** The command-line tool (`node bin/arrivals.js …`). */
export const CLI = path.join(__dirname, '../../bin/arrivals.js');

/**
 * Starts one of the CLI's servers (`feed serve`, `release serve`): the process at once (for the
 * caller to stop), and the URL it prints as `NAME=<url>` once it listens; that rejects if the
 * server exits first.
 */
export function startCliServer(
  args: string[],
  announces: string,
): { child: ChildProcess; url: Promise<string> } {
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const url = new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = new RegExp(`${announces}=(\\S+)`).exec(out);
      if (m) resolve(m[1]!);
    });
    child.on('exit', (code) =>
      reject(new Error(`${args.slice(0, 2).join(' ')} exited with ${code}: ${out}`)),
    );
  });
  return { child, url };
}

/** First run: creates the administrator (and the demo accounts) if needed, then signs in. */
export async function setupAndSignIn(
  page: Page,
  shell: RunningShell,
  user: string,
  password: string,
): Promise<void> {
  await page.goto(shell.url);
  const setup = page.getByRole('heading', { name: 'Set up Arrivals Console' });
  await expect(setup.or(page.getByRole('button', { name: 'Sign in' }))).toBeVisible();
  if (await setup.isVisible()) {
    await page.getByLabel('Administrator username').fill('site.admin');
    await page.getByLabel('Full name').fill('Site Administrator');
    await page.getByLabel('Password (at least 10 characters)').fill('site-admin-password');
    await page.getByRole('button', { name: 'Create administrator' }).click();
    await page.getByRole('button', { name: 'Continue to sign in' }).click();
  }
  await submitSignIn(page, user, password);
}

/** Fills the sign-in form and submits it; what follows is the caller's to wait for. */
export async function submitSignIn(page: Page, user: string, password: string): Promise<void> {
  await page.getByLabel('Username').fill(user);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/**
 * A sign-in that main refuses, waited for until the refusal has landed: the form clears the
 * password when it does. Without that wait the next attempt's password can be typed while this
 * one is still on its way and then cleared by its refusal, so the next attempt never reaches main.
 */
export async function refusedSignIn(
  page: Page,
  user: string,
  password: string,
  reason: string,
): Promise<void> {
  await submitSignIn(page, user, password);
  await expect(page.getByLabel('Password')).toHaveValue('');
  await expect(page.getByRole('alert')).toContainText(reason);
}

export type BridgeAnswer<T> =
  | { ok: true; value: T; error?: undefined }
  | { ok: false; value?: undefined; error: { code: string; message: string } };

/**
 * Calls the bridge from the page, with the page's own key and its own connection unless another
 * is named (a closed window's): the answer as sent.
 */
export async function bridgeAnswer<T>(
  page: Page,
  channel: string,
  body: unknown,
  connection?: string,
): Promise<BridgeAnswer<T>> {
  return page.evaluate(
    async ([ch, b, conn]) => {
      const headers = {
        'content-type': 'application/json',
        'x-arrivals-key': sessionStorage.getItem('arrivals.key') ?? '',
        'x-arrivals-connection': conn ?? sessionStorage.getItem('arrivals.connection') ?? '',
      };
      return (await (
        await fetch(`/api/${ch as string}`, { method: 'POST', headers, body: JSON.stringify(b) })
      ).json()) as never;
    },
    [channel, body, connection] as const,
  );
}

/** Calls the bridge from the page; a refusal throws. */
export async function api<T>(page: Page, channel: string, body: unknown): Promise<T> {
  const r = await bridgeAnswer<T>(page, channel, body);
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.value;
}

/** The built-in demo feed's address, once it serves (sync.status names none before that). */
export async function demoFeedUrl(page: Page): Promise<string> {
  let url: string | null = null;
  await expect
    .poll(async () => (url = (await api<{ feedUrl: string | null }>(page, 'sync.status', {})).feedUrl), {
      timeout: SYNC_MS,
    })
    .toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  return url!;
}

/** First-run setup through the bridge, with the demo accounts (an administrator's one-time step). */
export async function setupWithDemoAccounts(shell: RunningShell): Promise<void> {
  const r = await fetch(`${shell.origin}/api/auth.setup`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-arrivals-key': shell.key,
      'x-arrivals-connection': randomUUID(),
    },
    body: JSON.stringify({
      username: 'site.admin',
      displayName: 'Site Administrator',
      password: 'site-admin-password',
      createDemoAccounts: true,
    }),
  });
  expect(((await r.json()) as { ok: boolean }).ok).toBe(true);
}
