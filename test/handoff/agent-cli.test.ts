import fs from 'node:fs';
import path from 'node:path';
import { runCli } from '../../server';
import { agentAddCommand } from '../../server/cli/agent-commands';
import { verifyPassword } from '../../server/auth';
import { openStore } from '../../store';
import { tempDir } from '../support/shop-server';

function captureIo() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: (t: string) => void out.push(t), stderr: (t: string) => void err.push(t), isTty: false }, out, err };
}

describe('shopkeep agent add', () => {
  const tmp = tempDir();
  const db = path.join(tmp.dir, 'cli.db');
  afterAll(() => tmp.cleanup());

  it('adds an agent with the password from a file, hashed', async () => {
    const file = path.join(tmp.dir, 'pw.txt');
    fs.writeFileSync(file, 'a-long-enough-password\n');
    const { io, out, err } = captureIo();
    const code = await runCli(['agent', 'add', '--email', 'kim@shop.test', '--name', 'Kim', '--role', 'agent', '--languages', 'en,zh', '--teams', 'general,billing', '--password-file', file, '--db', db], io);
    expect(err.join('')).toBe('');
    expect(code).toBe(0);
    expect(out.join('')).toMatch(/added agent Kim <kim@shop.test> \(languages en, zh; teams general, billing; capacity 3\)/);
    const store = openStore({ file: db });
    const stored = store.users.findCredentials('kim@shop.test');
    store.close();
    expect(stored?.user).toMatchObject({ role: 'agent', languages: ['en', 'zh'], teams: ['general', 'billing'] });
    expect(await verifyPassword('a-long-enough-password', stored?.passwordHash ?? '')).toBe(true);
  });

  it('reads the password from stdin and refuses short passwords, bad roles and taken emails', async () => {
    const fromStdin = agentAddCommand(async () => 'manager-password-1\n');
    const { io, out } = captureIo();
    await fromStdin.run(['--email', 'max@shop.test', '--name', 'Max', '--role', 'manager', '--db', db], io);
    expect(out.join('')).toMatch(/added manager Max/);
    await expect(agentAddCommand(async () => 'short').run(['--email', 'a@shop.test', '--name', 'A', '--role', 'agent', '--db', db], io)).rejects.toThrow(/password: must be at least 10/);
    await expect(agentAddCommand(async () => 'long-enough-pw').run(['--email', 'a@shop.test', '--name', 'A', '--role', 'boss', '--db', db], io)).rejects.toThrow(/--role/);
    await expect(agentAddCommand(async () => 'long-enough-pw').run(['--email', 'max@shop.test', '--name', 'M', '--role', 'agent', '--db', db], io)).rejects.toThrow(/exists already/);
  });
});
