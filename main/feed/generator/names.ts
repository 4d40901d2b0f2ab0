// Runs in: the synthetic data generator.
// Names as applicants write them: Spanish and Portuguese with two family names, French and
// Haitian Creole, Russian in Cyrillic with the several Latin transliterations people use
// (and Ukrainian forms such as Oleksandr), Mandarin in Hanzi with pinyin, Hindi in Devanagari.
import type { Rng } from './random';

export type Culture = 'es' | 'pt' | 'ht' | 'ru' | 'zh' | 'hi';

interface Translit {
  cyr: string;
  latin: readonly string[];
}

/** Native script and the romanisation people type (Hanzi/pinyin, Devanagari/Latin). */
interface Scripted {
  w: string;
  l: string;
}

// The lists below are written as text: names separated by white space (no name holds a space);
// scripted and transliterated entries separated by commas, the native form first.
function words(text: string): readonly string[] {
  return text.trim().split(/\s+/);
}
function scripted(text: string): readonly Scripted[] {
  return text.split(',').map((e) => {
    const [w = '', l = ''] = words(e);
    return { w, l };
  });
}
function translit(text: string): readonly Translit[] {
  return text.split(',').map((e) => {
    const [cyr = '', ...latin] = words(e);
    return { cyr, latin };
  });
}

const ES_GIVEN_F = words(`
  María Ana Carmen Rosa Yolanda Daniela Valentina Gabriela Sofía Camila Fernanda Mariana Lucía Isabel Paola
  Andrea Yesenia Dayana Karla Leidy
`);
const ES_GIVEN_M = words(`
  José Juan Luis Carlos Jorge Miguel Andrés Alejandro Ángel Diego Javier Héctor Raúl Jesús Víctor Óscar
  Wilmer Yeferson Kevin Brayan
`);
const ES_FAMILY = words(`
  García Rodríguez Martínez Hernández López González Pérez Sánchez Ramírez Torres Flores Rivera Gómez Díaz
  Reyes Morales Cruz Ortiz Gutiérrez Chávez Ramos Mendoza Castillo Vargas Romero Herrera Medina Aguilar
  Jiménez Moreno Álvarez Castro Rojas Contreras Salazar Peña Suárez Quintero Villanueva Zambrano Briceño
  Colmenares Urdaneta Mejía Cáceres Espinoza Fuentes Navarro Paredes Velásquez Acosta Aguirre Alvarado Ayala
  Barrios Benítez Bermúdez Blanco Bravo Cabrera Calderón Campos Cardona Carrasco Carrillo Castañeda Cisneros
  Córdoba Cortés Delgado Domínguez Duarte Escobar Estrada Figueroa Franco Galindo Gallardo Gallegos Guerrero
  Guzmán Ibarra Juárez Lara León Lozano Luna Macías Maldonado Márquez Marín Mercado Miranda Molina Montoya
  Mora Muñoz Núñez Ochoa Olivares Orozco Pacheco Padilla Palacios Pineda Ponce Quiroz Rangel Rincón Ríos
  Rosales Ruiz Sandoval Santana Serrano Solís Sosa Soto Tapia Trujillo Valdez Valencia Vega Velasco Zamora
  Zapata
`);
const PT_GIVEN_F = words('Ana Mariana Beatriz Juliana Larissa Camila Letícia Fernanda');
const PT_GIVEN_M = words('João Pedro Lucas Gabriel Thiago Mateus Rafael Gustavo');
const PT_FAMILY = words(`
  Silva Santos Oliveira Souza Pereira Costa Ferreira Almeida Carvalho Gonçalves Ribeiro Araújo Barbosa Lima
`);
const HT_GIVEN_F = words(`
  Marie Rose-Darline Fabiola Widlene Guerline Claudette Stéphanie Nadège Mirlande Sherline
`);
const HT_GIVEN_M = words('Jean Pierre Jean-Baptiste Wilner Mackenson Jacques Emmanuel Wilson Jocelyn Frantz');
const HT_FAMILY = words(`
  Joseph Jean-Louis Pierre Charles Louis Baptiste Désir Étienne Saint-Fleur Dorvil Toussaint Augustin
  Métellus Jean-Pierre Noël Dorsainvil
`);
const RU_GIVEN_M = translit(`
  Александр Aleksandr Alexander Aleksander Alexandr Oleksandr, Дмитрий Dmitriy Dmitry Dmitrii,
  Сергей Sergey Sergei, Андрей Andrey Andrei, Михаил Mikhail Mihail, Алексей Aleksey Alexey Aleksei
`);
const RU_GIVEN_F = translit(`
  Ольга Olga, Юлия Yuliya Julia Iuliia, Наталья Natalya Natalia, Екатерина Ekaterina Yekaterina,
  Татьяна Tatyana Tatiana
`);
const RU_FAMILY = translit(`
  Щербаков Shcherbakov Scherbakov Shherbakov Chtcherbakov, Иванов Ivanov, Кузнецов Kuznetsov Kuznecov,
  Смирнов Smirnov, Фёдоров Fedorov Fyodorov Fiodorov, Журавлёв Zhuravlev Zhuravlyov,
  Хабибуллин Khabibullin Habibullin, Волков Volkov, Соколов Sokolov
`);
const ZH_FAMILY = scripted(
  '王 Wang, 李 Li, 张 Zhang, 刘 Liu, 陈 Chen, 杨 Yang, 黄 Huang, 赵 Zhao, 吴 Wu, 周 Zhou',
);
const ZH_GIVEN_M = scripted('伟 Wei, 志强 Zhiqiang, 俊杰 Junjie, 建国 Jianguo, 晓明 Xiaoming, 浩然 Haoran');
const ZH_GIVEN_F = scripted('秀英 Xiuying, 静 Jing, 丽华 Lihua, 海燕 Haiyan, 美玲 Meiling, 欣怡 Xinyi');
const HI_FAMILY = scripted(`
  शर्मा Sharma, सिंह Singh, पटेल Patel, कुमार Kumar, गुप्ता Gupta, यादव Yadav, वर्मा Verma
`);
const HI_GIVEN_M = scripted('राहुल Rahul, अमित Amit, विकास Vikas, संजय Sanjay, गुरप्रीत Gurpreet');
const HI_GIVEN_F = scripted('प्रिया Priya, पूजा Pooja, सुनीता Sunita, अंजलि Anjali, मनप्रीत Manpreet');

export const CULTURE_WEIGHTS: ReadonlyArray<[Culture, number]> = [
  ['es', 0.69],
  ['ht', 0.12],
  ['pt', 0.05],
  ['ru', 0.09],
  ['zh', 0.03],
  ['hi', 0.02],
];

export const NATIONALITIES: Record<Culture, readonly string[]> = {
  es: ['VEN', 'MEX', 'HND', 'CUB', 'COL', 'GTM', 'ECU', 'SLV', 'NIC', 'PER'],
  pt: ['BRA'],
  ht: ['HTI'],
  ru: ['RUS'],
  zh: ['CHN'],
  hi: ['IND'],
};

// Preferred language: mostly the native one, some choose English (or French, for Haitians).
export const LANGUAGES: Record<Culture, readonly string[]> = {
  es: ['es', 'es', 'es', 'es', 'es', 'es', 'es', 'es', 'es', 'en'],
  pt: ['pt'],
  ht: ['ht', 'ht', 'fr'],
  ru: ['ru'],
  zh: ['zh', 'zh', 'en'],
  hi: ['hi', 'en'],
};

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

/** A name written in Latin script, given names first. */
const latinName = (given: string, family: string, familyRoot: string): PersonName => ({
  givenNames: given,
  familyNames: family,
  nameAsWritten: `${given} ${family}`,
  familyRoot,
});

/** A name; `familyRoot` (when given) makes a relative of someone with that root. */
export function makeName(rng: Rng, culture: Culture, female: boolean, familyRoot?: string): PersonName {
  switch (culture) {
    case 'es': {
      const given = rng.chance(0.4)
        ? `${rng.pick(female ? ES_GIVEN_F : ES_GIVEN_M)} ${rng.pick(female ? ES_GIVEN_F : ES_GIVEN_M)}`
        : rng.pick(female ? ES_GIVEN_F : ES_GIVEN_M);
      const paternal = familyRoot ?? rng.pick(ES_FAMILY);
      const family = `${paternal} ${rng.pick(ES_FAMILY)}`;
      return latinName(given, family, paternal);
    }
    case 'pt': {
      const given = rng.pick(female ? PT_GIVEN_F : PT_GIVEN_M);
      const last = familyRoot ?? rng.pick(PT_FAMILY);
      const family = `${rng.pick(PT_FAMILY)} ${last}`;
      return latinName(given, family, last);
    }
    case 'ht': {
      const given = rng.pick(female ? HT_GIVEN_F : HT_GIVEN_M);
      const family = familyRoot ?? rng.pick(HT_FAMILY);
      return latinName(given, family, family);
    }
    case 'ru': {
      const g = rng.pick(female ? RU_GIVEN_F : RU_GIVEN_M);
      const f = familyRoot
        ? (RU_FAMILY.find((x) => x.cyr === familyRoot) ?? rng.pick(RU_FAMILY))
        : rng.pick(RU_FAMILY);
      const gl = rng.pick(g.latin);
      const fl = rng.pick(f.latin);
      return {
        givenNames: gl,
        familyNames: female ? ruFemale(fl) : fl,
        nameAsWritten: `${g.cyr} ${female ? ruFemaleCyr(f.cyr) : f.cyr}`,
        familyRoot: f.cyr,
      };
    }
    case 'zh': {
      const g = rng.pick(female ? ZH_GIVEN_F : ZH_GIVEN_M);
      const f = (familyRoot && ZH_FAMILY.find((x) => x.w === familyRoot)) || rng.pick(ZH_FAMILY);
      // Written family-name first, without a space, as on a Chinese passport's native line.
      return { givenNames: g.l, familyNames: f.l, nameAsWritten: `${f.w}${g.w}`, familyRoot: f.w };
    }
    case 'hi': {
      const g = rng.pick(female ? HI_GIVEN_F : HI_GIVEN_M);
      const f = (familyRoot && HI_FAMILY.find((x) => x.w === familyRoot)) || rng.pick(HI_FAMILY);
      return { givenNames: g.l, familyNames: f.l, nameAsWritten: `${g.w} ${f.w}`, familyRoot: f.w };
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

export const ALL_FAMILY_ROOTS = {
  es: ES_FAMILY,
  pt: PT_FAMILY,
  ht: HT_FAMILY,
  ru: RU_FAMILY.map((f) => f.cyr),
  zh: ZH_FAMILY.map((f) => f.w),
  hi: HI_FAMILY.map((f) => f.w),
};
