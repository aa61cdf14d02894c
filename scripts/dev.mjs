#!/usr/bin/env node
// `pnpm dev`: the server with restart on change (tsx watch) and Vite with hot reload, proxied to it.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const env = { ...process.env, PUBLIC_URL: process.env.PUBLIC_URL ?? 'http://localhost:5173' };
const args = process.argv.slice(2).filter((arg) => arg !== '--');
const children = [
  spawn(process.execPath, ['--import', 'tsx', '--watch', join(root, 'server/src/main.ts'), ...args], {
    cwd: root,
    stdio: 'inherit',
    env,
  }),
  spawn('pnpm', ['--filter', '@actionday/client', 'dev'], { cwd: root, stdio: 'inherit', env }),
];
const stop = () => children.forEach((child) => child.kill('SIGTERM'));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const child of children)
  child.on('exit', (code) => {
    stop();
    process.exitCode = code ?? 0;
  });
