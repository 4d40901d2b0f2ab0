// Runs in: CLI. Reads one line from standard input without echoing it on a terminal.
import readline from 'node:readline';

export function readSecret(prompt: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
    if (process.stdin.isTTY) {
      process.stdout.write(prompt);
      (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = () => {};
    }
    rl.once('line', (line) => {
      rl.close();
      if (process.stdin.isTTY) process.stdout.write('\n');
      resolve(line);
    });
    rl.once('close', () => resolve(''));
  });
}
