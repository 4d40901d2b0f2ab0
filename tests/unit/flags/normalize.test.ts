import { describe, expect, it } from 'vitest';
import { normaliseAddress } from '../../../main/flags/normalize/address';
import { normaliseEmail, normalisePhone } from '../../../main/flags/normalize/contact';
import { jaroWinkler, nameTokens, tokenMatch } from '../../../main/flags/normalize/name';

describe('address normalisation', () => {
  it('groups the ways people type one home', () => {
    const variants = [
      { line1: '123 Main St Apt 4', line2: null, zip: '92101' },
      { line1: '123 MAIN STREET #4', line2: null, zip: '92101-1234' },
      { line1: '123 main st., unit 4', line2: null, zip: '92101' },
      { line1: '123 Main Street', line2: 'Apartment 4', zip: '92101' },
      { line1: '123  Main Str, #4', line2: null, zip: '92101' },
      { line1: '123 main st apt4', line2: null, zip: '92101' },
      { line1: '123 Main St No. 4', line2: null, zip: '92101' },
    ];
    const keys = new Set(variants.map((v) => normaliseAddress(v).key));
    expect([...keys]).toEqual(['123 MAIN ST|4|92101']);
  });

  it('keeps different homes apart: other unit, other number, other ZIP', () => {
    const k = (line1: string, zip = '92101') => normaliseAddress({ line1, line2: null, zip }).key;
    expect(k('123 Main St Apt 4')).not.toBe(k('123 Main St Apt 5'));
    expect(k('123 Main St Apt 4')).not.toBe(k('125 Main St Apt 4'));
    expect(k('123 Main St')).not.toBe(k('123 Main St', '92102'));
    expect(k('123 Main St')).not.toBe(k('123 Main Ave'));
    expect(k('10 North Park Dr')).toBe(k('10 N Park Drive'));
  });
});

describe('contact normalisation', () => {
  it('phones to E.164', () => {
    for (const p of ['(619) 555-0123', '619-555-0123', '+1 619 555 0123', '6195550123', '+16195550123'])
      expect(normalisePhone(p)).toBe('+16195550123');
    expect(normalisePhone('+58 412 123 4567')).toBe('+584121234567');
  });
  it('mailboxes: case, Gmail dots and +tags', () => {
    for (const e of [
      'Tramites.Rapidos1@gmail.com',
      'tramitesrapidos1+cita@gmail.com',
      'TRAMITES.RAPIDOS1@GMAIL.COM',
      'tra.mitesrapidos1@googlemail.com',
    ])
      expect(normaliseEmail(e)).toBe('tramitesrapidos1@gmail.com');
    expect(normaliseEmail('a.b@yahoo.com')).not.toBe(normaliseEmail('ab@yahoo.com'));
  });
});

describe('names', () => {
  it('folds accents, transliterations and Cyrillic', () => {
    expect(nameTokens('José', 'Pérez')).toEqual(nameTokens('JOSE', 'PEREZ'));
    expect(nameTokens('Shcherbakov')).toEqual(nameTokens('Scherbakov'));
    expect(nameTokens('Щербаков')).toEqual(nameTokens('Shcherbakov'));
    expect(nameTokens('Ivanova')).toEqual(nameTokens('Ivanov'));
    expect(jaroWinkler(nameTokens('Aleksandr')[0]!, nameTokens('Alexander')[0]!)).toBeGreaterThan(0.9);
    expect(jaroWinkler('MARTHA', 'MARHTA')).toBeCloseTo(0.961, 3);
  });
  it('token matching ignores order and finds subsets', () => {
    expect(tokenMatch(nameTokens('Perez Jose'), nameTokens('José Pérez García')).min).toBe(1);
    expect(tokenMatch(nameTokens('Jose Lopez'), nameTokens('José Pérez')).min).toBeLessThan(0.8);
  });
});
