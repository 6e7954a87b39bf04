import {spawn, spawnSync} from 'node:child_process';
import {cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {cliPath, fixtures, runCli} from '../helpers/cli.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'briefing-lock-'));
afterAll(() => {
	rmSync(scratch, {recursive: true, force: true});
});

const articleFolder = path.join(fixtures, 'articles');
const [first, second] = [path.join(scratch, 'set-a'), path.join(scratch, 'set-b')];
mkdirSync(first);
mkdirSync(second);
for (const [index, name] of readdirSync(articleFolder).sort().entries()) {
	cpSync(path.join(articleFolder, name), path.join(index % 2 === 0 ? first : second, name));
}

// Enough articles in each set that a run takes a while, so that two runs overlap.
for (let index = 0; index < 30; index++) {
	writeFileSync(path.join(first, `extra-${index}.txt`), `Title: Note ${index}\n\nOfficials in Town${index} said the talks would go on on day ${index}.\n`);
}

let counter = 0;
function folder(): string {
	const data = path.join(scratch, `data-${counter++}`);
	mkdirSync(data);
	return data;
}

function snapshot(data: string): Record<string, string> {
	return Object.fromEntries(['dataset.json', 'ingest-state.json'].map((name) => [name, readFileSync(path.join(data, name), 'utf8')]));
}

function start(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<{code: number | null; stderr: string}> {
	return new Promise((resolve) => {
		const child = spawn(process.execPath, [cliPath, ...args], {env: {...process.env, NO_COLOR: '1', ...env}, stdio: ['ignore', 'ignore', 'pipe']});
		let stderr = '';
		child.stderr.on('data', (chunk: Buffer) => {
			stderr += chunk.toString('utf8');
		});
		child.on('exit', (code) => {
			resolve({code, stderr});
		});
	});
}

function deadPid(): number {
	const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {encoding: 'utf8'});
	return Number(child.stdout);
}

describe('two briefing ingest runs on the same data', () => {
	const sequential = [first, second].map(() => folder());
	expect(runCli(['ingest', first, '--data', sequential[0]!]).code).toBe(0);
	expect(runCli(['ingest', second, '--data', sequential[0]!]).code).toBe(0);
	expect(runCli(['ingest', second, '--data', sequential[1]!]).code).toBe(0);
	expect(runCli(['ingest', first, '--data', sequential[1]!]).code).toBe(0);
	const orders = sequential.map((data) => snapshot(data));

	it.each([0, 1, 2, 3, 4])('never interleave: the second waits, the result is a sequential one (round %i)', async () => {
		const data = folder();
		const results = await Promise.all([start(['ingest', first, '--data', data]), start(['ingest', second, '--data', data])]);
		expect(results.map((result) => result.code)).toEqual([0, 0]);
		const after = snapshot(data);
		expect(orders.some((order) => order['dataset.json'] === after['dataset.json'] && order['ingest-state.json'] === after['ingest-state.json'])).toBe(true);
		expect(existsSync(path.join(data, '.briefing.lock'))).toBe(false);
		expect(runCli(['validate', '--data', data]).code).toBe(0);
	}, 60_000);

	it('refuses with one clear line when the other run does not finish in time, leaving the data alone', () => {
		const data = folder();
		expect(runCli(['ingest', first, '--data', data]).code).toBe(0);
		const before = snapshot(data);
		// This test process holds the lock: it is alive.
		writeFileSync(path.join(data, '.briefing.lock'), JSON.stringify({pid: process.pid, started: new Date().toISOString()}));
		const result = runCli(['ingest', second, '--data', data], {env: {BRIEFING_LOCK_WAIT_MS: '300'}});
		expect(result.code).toBe(1);
		expect(result.stderr).toBe(`briefing ingest: ${data} is being updated by another briefing (pid ${process.pid}); try again when it finishes\n`);
		expect(snapshot(data)).toEqual(before);
		expect(existsSync(path.join(data, '.briefing.lock'))).toBe(true);
	});

	it('clears a stale lock, left by a process that is gone, and goes ahead', () => {
		const data = folder();
		const pid = deadPid();
		writeFileSync(path.join(data, '.briefing.lock'), JSON.stringify({pid, started: new Date().toISOString()}));
		const result = runCli(['ingest', first, '--data', data], {env: {BRIEFING_LOCK_WAIT_MS: '0'}});
		expect(result.code, result.stderr).toBe(0);
		expect(existsSync(path.join(data, '.briefing.lock'))).toBe(false);
	});

	it('clears a lock that is not readable as one (a truncated file), and goes ahead', () => {
		const data = folder();
		writeFileSync(path.join(data, '.briefing.lock'), '{"pid": 12');
		expect(runCli(['ingest', first, '--data', data], {env: {BRIEFING_LOCK_WAIT_MS: '0'}}).code).toBe(0);
		expect(readdirSync(data).filter((name) => name.startsWith('.briefing.lock'))).toEqual([]);
	});

	it('releases the lock when ingest fails, and takes none for a dry run', () => {
		const data = folder();
		const bad = path.join(scratch, 'empty.txt');
		writeFileSync(bad, '');
		expect(runCli(['ingest', bad, first, '--data', data]).code).toBe(1);
		expect(existsSync(path.join(data, '.briefing.lock'))).toBe(false);
		writeFileSync(path.join(data, '.briefing.lock'), JSON.stringify({pid: process.pid, started: new Date().toISOString()}));
		expect(runCli(['ingest', second, '--data', data, '--dry-run'], {env: {BRIEFING_LOCK_WAIT_MS: '0'}}).code).toBe(0);
	});
});
