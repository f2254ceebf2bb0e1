// Starts the built server (dist/) in a child process on a fresh data folder, so the load generator
// and the server do not share an event loop.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { cpus, platform, release, totalmem } from 'node:os';
import { join } from 'node:path';
import { freePort, healthy } from '../../test/support/free-port';

export interface BenchServer {
  url: string;
  dataDir: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

export async function startServer(env: Record<string, string> = {}): Promise<BenchServer> {
  const port = await freePort();
  const dataDir = env.DATA_DIR ?? mkdtempSync(join(tmpdir(), 'sandiao-bench-'));
  // BENCH_NODE_ARGS passes flags to the server only, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  // BENCH_SERVER_PREFIX runs the server under another command, e.g. a disk with slow fsyncs:
  // "strace -f --seccomp-bpf -o /dev/null -e trace=fsync,fdatasync -e inject=fsync,fdatasync:delay_exit=5000".
  const [command, ...prefix] = [...(process.env.BENCH_SERVER_PREFIX ?? '').split(' ').filter(Boolean), process.execPath];
  const child = spawn(command, [...prefix, ...nodeArgs, 'dist/src/main.js'], {
    // One load generator on one address: the per-address rate limit would measure itself.
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'error', RATE_LIMIT_PER_MINUTE: '100000000', SANDIAO_DEMO_CASES: 'false', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  // Drained, so that a talkative server never blocks on a full pipe; BENCH_SERVER_STDOUT keeps it
  // in a file (e.g. with BENCH_NODE_ARGS="--trace-gc").
  if (process.env.BENCH_SERVER_STDOUT) child.stdout!.pipe(createWriteStream(process.env.BENCH_SERVER_STDOUT, { flags: 'a' }));
  else child.stdout!.resume();
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    if (await healthy(url)) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    dataDir,
    process: child,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      if (!env.DATA_DIR) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function login(url: string, username: string, password = process.env.SANDIAO_DEMO_PASSWORD ?? 'sandiao-demo') {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const body = (await res.json()) as { accessToken: string };
  return body.accessToken;
}

export async function api<T = any>(url: string, token: string, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const json = await res.json();
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(json)}`);
  return json as T;
}

export function machineLine(): string {
  return `${cpus()[0]?.model ?? 'cpu'} × ${cpus().length}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${platform()} ${release()}`;
}
