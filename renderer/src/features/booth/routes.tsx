// Runs in: renderer. The booth's routes, children of /booth (the shell's route table guards the
// role): the queue beside an empty case area, or beside /booth/<applicantId>'s case. Both load
// on first visit (the page ahead of it, while the sign-in form waits: app/routes.tsx); a reload of
// /booth/<id> reopens that case.
import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { lazyWithPreload } from '../../ui/lazy-with-preload';
import { suspended } from '../../ui/PageSuspense';
import { NoCaseSelected } from './components/NoCaseSelected';

const BoothPage = lazyWithPreload(() => import('./BoothPage'));
export const preloadBoothPage = BoothPage.preload;
const CaseRoute = lazy(() => import('./CaseRoute'));

export const boothRoutes: RouteObject[] = [
  {
    element: suspended(BoothPage),
    children: [
      { index: true, element: <NoCaseSelected /> },
      { path: ':applicantId', element: suspended(CaseRoute) },
    ],
  },
];
