// Runs in: vitest (Node, real SQLite file). The booth's search through the router, as officers
// type it: accents and case folded both ways, any word order, the start of a word, spelling
// variants across scripts, document numbers and ids without separators, invisible characters
// ignored; exact matches first; a scanned id opens the case even on another day.
import { afterEach, describe, expect, it } from 'vitest';
import type { AppContext } from '../../../main/app-context';
import { SearchKeyCache, type SearchSource } from '../../../main/applicant/search';
import { portByCode, serviceDateAt } from '../../../main/domain/ports';
import { createRouter, type Router } from '../../../main/ipc/router';
import type { QueueView } from '../../../ipc/channels/queue';
import { testApp } from '../../helpers/app';
import { applicant } from '../../helpers/memory-feed';
import { seedPortDay } from '../../helpers/port-day';
import { signInUsers } from '../../helpers/sessions';

let app: AppContext | undefined;
afterEach(() => app?.close());

const TODAY = serviceDateAt(portByCode('SYS')!);

interface Person {
  given: string;
  family: string;
  written?: string;
  doc?: string;
}

// A0..: in this order in the queue (same slot, then by id), so ranking shows against it.
const PEOPLE: Person[] = [
  { given: 'Camila Andrea', family: 'Núñez Cortés' },
  { given: 'Camila', family: 'Núñez Cortés', doc: 'G-4471 0093' },
  { given: 'Paola', family: 'NUNEZ CORTES' },
  { given: 'Isabel', family: 'Romero Ayala' },
  { given: 'Leidy', family: 'Ramírez Quiroz', doc: 'Y47382621' },
  { given: 'Aleksandr', family: 'Shcherbakov', written: 'Александр Щербаков' },
  { given: 'Ana', family: 'Sa\u200Blgado' },
  { given: 'Camilo', family: 'Nunes' },
];

async function booth(): Promise<Router> {
  app = testApp();
  app.demo = { port: 'SYS', feedUrl: '', publisherKeys: {} };
  seedPortDay(
    app.db,
    'SYS',
    TODAY,
    PEOPLE.map((p, i) =>
      applicant(i, {
        groupId: `G${i}`,
        photo: null,
        givenNames: p.given,
        familyNames: p.family,
        nameAsWritten: p.written ?? `${p.given} ${p.family}`,
        document: { type: 'passport', number: p.doc ?? `P${1000 + i}`, issuer: 'VEN' },
      }),
    ),
  );
  // Someone booked for another day, found only by an exact (scanned) id.
  seedPortDay(app.db, 'SYS', '2026-01-05', [
    applicant(90, { groupId: 'G90', photo: null, givenNames: 'Otro', familyNames: 'Día' }),
  ]);
  const route = createRouter(app);
  await signInUsers(route, [{ username: 'u.officer', displayName: 'O', role: 'officer', connection: 'o' }]);
  return route;
}

async function search(route: Router, q: string): Promise<Array<[string, string | undefined]>> {
  const r = await route('queue.today', { search: q }, 'o');
  if (!r.ok) throw new Error(r.error.message);
  return (r.value as QueueView).items.map((i) => [i.applicantId, i.match]);
}
const ids = async (route: Router, q: string) => (await search(route, q)).map(([id]) => id);

describe('queue search', () => {
  it('folds accents and case both ways, in any word order', async () => {
    const route = await booth();
    // Camilo Nunes (A7) comes last: a near spelling, not the same name.
    for (const q of ['nunez', 'NUNEZ', 'Núñez', 'núñez', 'NÚÑEZ'])
      expect(await search(route, q), q).toEqual([
        ['A0', 'name'],
        ['A1', 'name'],
        ['A2', 'name'],
        ['A7', 'similar'],
      ]);
    for (const q of ['NUNEZ CAMILA', 'camila nunez', 'Camila Núñez'])
      expect(await ids(route, q), q).toEqual(['A0', 'A1', 'A7']);
    expect(await ids(route, 'cortes camila')).toEqual(['A0', 'A1']);
    expect(await ids(route, 'RAMÍREZ')).toEqual(['A4']);
    expect(await search(route, 'ramirez quiroz leidy')).toEqual([['A4', 'exact']]);
    expect(await search(route, 'Romero Isabel')).toEqual([['A3', 'name']]);
  });

  it('ranks the exact name first, then whole words, starts of words, near spellings', async () => {
    const route = await booth();
    expect(await search(route, 'camila núñez cortés')).toEqual([
      ['A1', 'exact'], // exactly her name, though A0 comes first in the queue
      ['A0', 'name'],
    ]);
    expect(await search(route, 'cam nun')).toEqual([
      ['A0', 'partial'],
      ['A1', 'partial'],
      ['A7', 'partial'],
    ]);
    expect(await search(route, 'camila')).toEqual([
      ['A0', 'name'],
      ['A1', 'name'],
      ['A7', 'similar'],
    ]);
  });

  it('finds transliteration variants across scripts, and ignores invisible characters', async () => {
    const route = await booth();
    expect(await search(route, 'Scherbakov')).toEqual([['A5', 'variant']]);
    expect(await search(route, 'Щербаков')).toEqual([['A5', 'name']]);
    expect(await search(route, 'Alexander Shcherbakov')).toEqual([['A5', 'similar']]);
    expect(await ids(route, 'salgado')).toEqual(['A6']); // stored with a zero-width space inside
    expect(await ids(route, 'Nu\u200Bñez camila')).toEqual(['A0', 'A1', 'A7']); // typed with one
  });

  it('finds document numbers and ids in any case, without separators', async () => {
    const route = await booth();
    expect(await search(route, 'y47382621')).toEqual([['A4', 'document']]);
    expect(await search(route, 'g44710093')).toEqual([['A1', 'document']]);
    expect(await search(route, 'G-4471-0093')).toEqual([['A1', 'document']]);
    expect(await search(route, 'y4738')).toEqual([['A4', 'number']]); // the start of one
    expect(await search(route, 'ap3')).toEqual([['A3', 'id']]);
    expect(await search(route, 'A3')).toEqual([['A3', 'id']]);
    expect(await search(route, 'zzzz')).toEqual([]);
  });

  it('a scanned registration or appointment id is found even when booked for another day', async () => {
    const route = await booth();
    expect(await search(route, 'AP90')).toEqual([['A90', 'id']]);
    expect(await search(route, 'A90')).toEqual([['A90', 'id']]);
    // A name of that day is not: the queue is today's.
    expect(await search(route, 'Otro')).toEqual([]);
  });

  it('is audited once per search, without the search text', async () => {
    const route = await booth();
    await search(route, 'nunez');
    const e = app!.audit.recent(3).find((x) => x.action === 'queue.view');
    expect(e).toMatchObject({ actor: 'u.officer', details: { search: 'yes', rows: 4 } });
    expect(JSON.stringify(e)).not.toContain('nunez');
  });
});

describe('SearchKeyCache', () => {
  const row = (over: Partial<SearchSource> = {}): SearchSource => ({
    applicant_id: 'A1',
    appointment_id: 'AP1',
    given_names: 'Ana',
    family_names: 'López',
    name_as_written: 'Ana López',
    doc_number: null,
    ...over,
  });

  it('works a row out again when its names change (a correction, a purge), not otherwise', () => {
    const cache = new SearchKeyCache();
    const first = cache.keysFor(row());
    expect(first.words).toEqual(['ANA', 'LOPEZ']);
    expect(cache.keysFor(row())).toBe(first);
    expect(cache.keysFor(row({ family_names: 'Ruiz', name_as_written: 'Ana Ruiz' })).words).toEqual([
      'ANA',
      'RUIZ',
    ]);
    cache.keepOnly(new Set());
    expect(cache.keysFor(row())).not.toBe(first);
  });
});
