// Runs in: renderer. The entry imports this first: the first screen's two questions go to main
// before the rest of the script (React, the theme, the router) is evaluated, not after it.
import { call } from './api';

export const firstAnswers = {
  appInfo: call('app.info', {}),
  session: call('auth.session', {}),
};
