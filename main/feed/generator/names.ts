// Runs in: the synthetic data generator.
// Names as applicants write them: Spanish and Portuguese with two family names, French and
// Haitian Creole, Russian in Cyrillic with the several Latin transliterations people use.
import type { Rng } from './random';

export type Culture = 'es' | 'pt' | 'ht' | 'ru';

interface Translit {
  cyr: string;
  latin: readonly string[];
}

const ES_GIVEN_F = ['María', 'Ana', 'Carmen', 'Rosa', 'Yolanda', 'Daniela', 'Valentina', 'Gabriela', 'Sofía', 'Camila', 'Fernanda', 'Mariana', 'Lucía', 'Isabel', 'Paola', 'Andrea', 'Yesenia', 'Dayana', 'Karla', 'Leidy'];
const ES_GIVEN_M = ['José', 'Juan', 'Luis', 'Carlos', 'Jorge', 'Miguel', 'Andrés', 'Alejandro', 'Ángel', 'Diego', 'Javier', 'Héctor', 'Raúl', 'Jesús', 'Víctor', 'Óscar', 'Wilmer', 'Yeferson', 'Kevin', 'Brayan'];
const ES_FAMILY = ['García', 'Rodríguez', 'Martínez', 'Hernández', 'López', 'González', 'Pérez', 'Sánchez', 'Ramírez', 'Torres', 'Flores', 'Rivera', 'Gómez', 'Díaz', 'Reyes', 'Morales', 'Cruz', 'Ortiz', 'Gutiérrez', 'Chávez', 'Ramos', 'Mendoza', 'Castillo', 'Vargas', 'Romero', 'Herrera', 'Medina', 'Aguilar', 'Jiménez', 'Moreno', 'Álvarez', 'Castro', 'Rojas', 'Contreras', 'Salazar', 'Peña', 'Suárez', 'Quintero', 'Villanueva', 'Zambrano', 'Briceño', 'Colmenares', 'Urdaneta', 'Mejía', 'Cáceres', 'Espinoza', 'Fuentes', 'Navarro', 'Paredes', 'Velásquez'];
const PT_GIVEN_F = ['Ana', 'Mariana', 'Beatriz', 'Juliana', 'Larissa', 'Camila', 'Letícia', 'Fernanda'];
const PT_GIVEN_M = ['João', 'Pedro', 'Lucas', 'Gabriel', 'Thiago', 'Mateus', 'Rafael', 'Gustavo'];
const PT_FAMILY = ['Silva', 'Santos', 'Oliveira', 'Souza', 'Pereira', 'Costa', 'Ferreira', 'Almeida', 'Carvalho', 'Gonçalves', 'Ribeiro', 'Araújo', 'Barbosa', 'Lima'];
const HT_GIVEN_F = ['Marie', 'Rose-Darline', 'Fabiola', 'Widlene', 'Guerline', 'Claudette', 'Stéphanie', 'Nadège', 'Mirlande', 'Sherline'];
const HT_GIVEN_M = ['Jean', 'Pierre', 'Jean-Baptiste', 'Wilner', 'Mackenson', 'Jacques', 'Emmanuel', 'Wilson', 'Jocelyn', 'Frantz'];
const HT_FAMILY = ['Joseph', 'Jean-Louis', 'Pierre', 'Charles', 'Louis', 'Baptiste', 'Désir', 'Étienne', 'Saint-Fleur', 'Dorvil', 'Toussaint', 'Augustin', 'Métellus', 'Jean-Pierre', 'Noël', 'Dorsainvil'];
const RU_GIVEN_M: readonly Translit[] = [
  { cyr: 'Александр', latin: ['Aleksandr', 'Alexander', 'Aleksander'] },
  { cyr: 'Дмитрий', latin: ['Dmitriy', 'Dmitry', 'Dmitrii'] },
  { cyr: 'Сергей', latin: ['Sergey', 'Sergei'] },
  { cyr: 'Андрей', latin: ['Andrey', 'Andrei'] },
  { cyr: 'Михаил', latin: ['Mikhail', 'Mihail'] },
  { cyr: 'Алексей', latin: ['Aleksey', 'Alexey', 'Aleksei'] },
];
const RU_GIVEN_F: readonly Translit[] = [
  { cyr: 'Ольга', latin: ['Olga'] },
  { cyr: 'Юлия', latin: ['Yuliya', 'Julia', 'Iuliia'] },
  { cyr: 'Наталья', latin: ['Natalya', 'Natalia'] },
  { cyr: 'Екатерина', latin: ['Ekaterina', 'Yekaterina'] },
  { cyr: 'Татьяна', latin: ['Tatyana', 'Tatiana'] },
];
const RU_FAMILY: readonly Translit[] = [
  { cyr: 'Щербаков', latin: ['Shcherbakov', 'Scherbakov', 'Shherbakov'] },
  { cyr: 'Иванов', latin: ['Ivanov'] },
  { cyr: 'Кузнецов', latin: ['Kuznetsov', 'Kuznecov'] },
  { cyr: 'Смирнов', latin: ['Smirnov'] },
  { cyr: 'Фёдоров', latin: ['Fedorov', 'Fyodorov', 'Fiodorov'] },
  { cyr: 'Журавлёв', latin: ['Zhuravlev', 'Zhuravlyov'] },
  { cyr: 'Хабибуллин', latin: ['Khabibullin', 'Habibullin'] },
  { cyr: 'Волков', latin: ['Volkov'] },
  { cyr: 'Соколов', latin: ['Sokolov'] },
];

export const CULTURE_WEIGHTS: ReadonlyArray<[Culture, number]> = [
  ['es', 0.72],
  ['ht', 0.12],
  ['pt', 0.06],
  ['ru', 0.1],
];

export const NATIONALITIES: Record<Culture, readonly string[]> = {
  es: ['VEN', 'MEX', 'HND', 'CUB', 'COL', 'GTM', 'ECU', 'SLV', 'NIC', 'PER'],
  pt: ['BRA'],
  ht: ['HTI'],
  ru: ['RUS'],
};

export const LANGUAGES: Record<Culture, readonly string[]> = { es: ['es'], pt: ['pt'], ht: ['ht', 'fr'], ru: ['ru'] };

export interface PersonName {
  givenNames: string;
  familyNames: string;
  nameAsWritten: string;
  /** Family "root" shared by relatives (e.g. the paternal surname), for building families. */
  familyRoot: string;
}

export function pickCulture(rng: Rng): Culture {
  let x = rng.next();
  for (const [c, w] of CULTURE_WEIGHTS) {
    if ((x -= w) < 0) return c;
  }
  return 'es';
}

function ruFemale(s: string): string {
  return s.endsWith('in') || s.endsWith('ov') || s.endsWith('ev') || s.endsWith('yov') ? `${s}a` : s;
}
function ruFemaleCyr(s: string): string {
  return /(ов|ев|ёв|ин)$/.test(s) ? `${s}а` : s;
}

/** A name; `familyRoot` (when given) makes a relative of someone with that root. */
export function makeName(rng: Rng, culture: Culture, female: boolean, familyRoot?: string): PersonName {
  switch (culture) {
    case 'es': {
      const given = rng.chance(0.4) ? `${rng.pick(female ? ES_GIVEN_F : ES_GIVEN_M)} ${rng.pick(female ? ES_GIVEN_F : ES_GIVEN_M)}` : rng.pick(female ? ES_GIVEN_F : ES_GIVEN_M);
      const paternal = familyRoot ?? rng.pick(ES_FAMILY);
      const family = `${paternal} ${rng.pick(ES_FAMILY)}`;
      return { givenNames: given, familyNames: family, nameAsWritten: `${given} ${family}`, familyRoot: paternal };
    }
    case 'pt': {
      const given = rng.pick(female ? PT_GIVEN_F : PT_GIVEN_M);
      const last = familyRoot ?? rng.pick(PT_FAMILY);
      const family = `${rng.pick(PT_FAMILY)} ${last}`;
      return { givenNames: given, familyNames: family, nameAsWritten: `${given} ${family}`, familyRoot: last };
    }
    case 'ht': {
      const given = rng.pick(female ? HT_GIVEN_F : HT_GIVEN_M);
      const family = familyRoot ?? rng.pick(HT_FAMILY);
      return { givenNames: given, familyNames: family, nameAsWritten: `${given} ${family}`, familyRoot: family };
    }
    case 'ru': {
      const g = rng.pick(female ? RU_GIVEN_F : RU_GIVEN_M);
      const f = familyRoot ? (RU_FAMILY.find((x) => x.cyr === familyRoot) ?? rng.pick(RU_FAMILY)) : rng.pick(RU_FAMILY);
      const gl = rng.pick(g.latin);
      const fl = rng.pick(f.latin);
      return {
        givenNames: gl,
        familyNames: female ? ruFemale(fl) : fl,
        nameAsWritten: `${g.cyr} ${female ? ruFemaleCyr(f.cyr) : f.cyr}`,
        familyRoot: f.cyr,
      };
    }
  }
}

/** Another spelling of the same Russian name (used to plant duplicate identities). */
export function transliterationVariant(name: PersonName, rng: Rng): PersonName | null {
  const g = [...RU_GIVEN_M, ...RU_GIVEN_F].find((x) => x.latin.includes(name.givenNames));
  const base = name.familyNames.replace(/a$/, '');
  const f = RU_FAMILY.find((x) => x.latin.includes(base));
  if (!g || !f) return null;
  const otherG = g.latin.filter((l) => l !== name.givenNames);
  const otherF = f.latin.filter((l) => l !== base);
  if (!otherG.length && !otherF.length) return null;
  const gl = otherG.length ? rng.pick(otherG) : name.givenNames;
  const fl = otherF.length ? rng.pick(otherF) : base;
  return { ...name, givenNames: gl, familyNames: name.familyNames.endsWith('a') ? `${fl}a` : fl };
}

export const ALL_FAMILY_ROOTS = { es: ES_FAMILY, pt: PT_FAMILY, ht: HT_FAMILY, ru: RU_FAMILY.map((f) => f.cyr) };
