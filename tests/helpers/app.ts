// Runs in: tests (Node). A real app context over a real SQLite file in a temp dir.
import { createAppContext, type AppContext } from '../../main/app-context';
import { tempDir } from './temp-dir';

export function testApp(dataDir = tempDir()): AppContext {
  return createAppContext({ dataDir, shell: 'browser' });
}
