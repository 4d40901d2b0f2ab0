// Runs in: renderer. The catalogues: the officer UI in one `ui` namespace (English), one file
// per feature so features never edit each other's; the `applicant` namespace (what the person
// at the counter reads) in the six languages the booth offers.
import common from './en/common.json';
import session from './en/session.json';
import shell from './en/shell.json';
import booth from './en/booth.json';
import dashboard from './en/dashboard.json';
import admin from './en/admin.json';
import audit from './en/audit.json';
import applicantEn from './applicant/en.json';
import applicantEs from './applicant/es.json';
import applicantHt from './applicant/ht.json';
import applicantFr from './applicant/fr.json';
import applicantPt from './applicant/pt.json';
import applicantRu from './applicant/ru.json';

export const ui = { common, session, shell, booth, dashboard, admin, audit };

export const APPLICANT_LANGUAGES = ['en', 'es', 'ht', 'fr', 'pt', 'ru'] as const;
export type ApplicantLanguage = (typeof APPLICANT_LANGUAGES)[number];

export const applicant: Record<ApplicantLanguage, typeof applicantEn> = {
  en: applicantEn,
  es: applicantEs,
  ht: applicantHt,
  fr: applicantFr,
  pt: applicantPt,
  ru: applicantRu,
};
