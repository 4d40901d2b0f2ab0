// Runs in: renderer. i18next set up once, synchronously (the catalogues are bundled: the first
// screen never waits for a translation file). Keys are typed from the English catalogue.
import i18n, { type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { applicant, APPLICANT_LANGUAGES, ui } from './resources';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'ui';
    resources: { ui: typeof ui; applicant: (typeof applicant)['en'] };
  }
}

void i18n.use(initReactI18next).init({
  lng: 'en',
  fallbackLng: 'en',
  defaultNS: 'ui',
  ns: ['ui', 'applicant'],
  resources: Object.fromEntries(
    APPLICANT_LANGUAGES.map((lng): [string, Resource[string]] => [
      lng,
      lng === 'en' ? { ui, applicant: applicant.en } : { applicant: applicant[lng] },
    ]),
  ),
  interpolation: { escapeValue: false }, // React escapes
  initAsync: false,
});

export { i18n };
