// LOG_LEVEL as an operator sets it: the server started as `npm start` starts it, on a fresh SQLite
// data folder, prints the lines of that level and the graver ones only.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, healthy } from '../support/free-port';

interface Started {
  stdout: string;
  stderr: string;
}

/** Starts src/main.ts, waits until /api/health answers, stops it and returns what it printed. */
async function startServer(logLevel: string): Promise<Started> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sandiao-logging-'));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: logLevel, SANDIAO_DEMO_CASES: 'false' };
  delete env.DATABASE_URL;
  delete env.SANDIAO_MODE;
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'src/main.ts'], { env });
  const printed: Started = { stdout: '', stderr: '' };
  child.stdout.on('data', (chunk) => (printed.stdout += chunk));
  child.stderr.on('data', (chunk) => (printed.stderr += chunk));
  const exited = new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
  try {
    // Bounded below the test's own timeout, so a server that never comes up fails with what it printed.
    const deadline = Date.now() + 40_000;
    while (!(await healthy(`http://127.0.0.1:${port}`))) {
      if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}: ${printed.stderr}`);
      if (Date.now() > deadline) throw new Error(`server not answering /api/health after 40 s; it printed: ${printed.stdout}${printed.stderr}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    // The start line follows the health check's first answer by a moment.
    await new Promise((r) => setTimeout(r, 300));
  } finally {
    child.kill('SIGTERM');
    const stopped = await Promise.race([exited.then(() => true), new Promise((r) => setTimeout(() => r(false), 15_000))]);
    if (!stopped) {
      child.kill('SIGKILL');
      printed.stderr += '\n[test] server still running 15 s after SIGTERM, killed';
    }
    rmSync(dataDir, { recursive: true, force: true });
  }
  return printed;
}

describe('LOG_LEVEL decides which lines the server prints', () => {
  it('log (the default) prints the start-up lines, the routes and the demo warning', async () => {
    const { stdout, stderr } = await startServer('log');
    expect(stdout).toContain('[sandiao] 已启动：http://localhost:');
    expect(stdout).toContain('空数据库已填充演示数据');
    expect(stdout).toMatch(/Mapped \{\/api\/cases, POST\} route/);
    expect(stderr).toContain('[sandiao] 演示模式（demo mode）');
  }, 60_000);

  it('warn keeps the demo-mode warning and drops the informational lines', async () => {
    const { stdout, stderr } = await startServer('warn');
    expect(stderr).toContain('[sandiao] 演示模式（demo mode）：演示账号的密码为 sandiao-demo');
    expect(stdout).not.toContain('已启动');
    expect(stdout).not.toContain('空数据库已填充演示数据');
    expect(stdout).not.toMatch(/Mapped \{/);
  }, 60_000);

  it('error prints nothing while all goes well', async () => {
    const { stdout, stderr } = await startServer('error');
    expect(stdout).toBe('');
    expect(stderr).toBe('');
  }, 60_000);
});
