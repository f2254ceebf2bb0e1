import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** A worker script: TypeScript through @swc-node/register (tests, start:dev) or the built .js. */
export function workerEntry(dir: string, name: string): { filename: string; execArgv: string[] } {
  const ts = join(dir, `${name}.ts`);
  if (__filename.endsWith('.ts') && existsSync(ts)) {
    return { filename: ts, execArgv: ['--require', require.resolve('@swc-node/register')] };
  }
  return { filename: join(dir, `${name}.js`), execArgv: [] };
}
