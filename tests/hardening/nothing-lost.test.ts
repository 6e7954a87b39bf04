import {spawnSync} from 'node:child_process';
import {chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {cliPath, fixtures, runCli} from '../helpers/cli.js';

/**
 * Issue 9, "nothing lost": a read-only data folder, a full disk, a missing home folder. Each gives one
 * clear line and a non-zero exit, and the old data is byte for byte as it was.
 */

const scratch = mkdtempSync(path.join(tmpdir(), 'briefing-nothing-lost-'));
chmodSync(scratch, 0o755);
const mounts: string[] = [];
afterAll(() => {
	for (const mount of mounts) {
		spawnSync('umount', [mount]);
	}

	rmSync(scratch, {recursive: true, force: true});
});

const articles = path.join(fixtures, 'articles');
const many = path.join(scratch, 'many');
mkdirSync(many);
for (let index = 0; index < 60; index++) {
	writeFileSync(path.join(many, `note-${index}.txt`), `Title: Note ${index}\nPublished: 2025-03-01\n\nPresident Maia Sandu said “talks number ${index} will go on” in Town${index} on Monday.\n`);
}

const firstArticle = path.join(articles, readdirSync(articles).sort()[0]!);

/** A data folder holding a dataset made from one article. */
function dataFolder(name: string, parent = scratch): string {
	const data = path.join(parent, name);
	mkdirSync(data, {recursive: true});
	const made = runCli(['ingest', firstArticle, '--data', data]);
	expect(made.code, made.stderr).toBe(0);
	return data;
}

function snapshot(data: string): Record<string, string> {
	return Object.fromEntries(readdirSync(data).sort().map((name) => [name, readFileSync(path.join(data, name), 'utf8')]));
}

function oneLine(result: {code: number | null; stderr: string}, pattern: RegExp): void {
	expect(result.code).not.toBe(0);
	expect(result.stderr).not.toMatch(/^\s+at /m);
	const lines = result.stderr.trimEnd().split('\n');
	expect(lines.some((line) => pattern.test(line)), result.stderr).toBe(true);
}

const canSetpriv = spawnSync('setpriv', ['--reuid', '65534', '--regid', '65534', '--clear-groups', 'true']).status === 0;
const runAsRoot = process.getuid?.() === 0;
const inCi = process.env.CI === 'true';
if (runAsRoot && !canSetpriv && inCi) {
	throw new Error('tests run as root in CI but setpriv is missing: install util-linux so that read-only folders can be tested');
}

/** Runs the CLI as nobody when the tests run as root, where permissions would not bite. */
function runLimited(args: readonly string[]): {code: number | null; stdout: string; stderr: string} {
	const command = runAsRoot ? ['setpriv', '--reuid', '65534', '--regid', '65534', '--clear-groups', process.execPath, cliPath, ...args] : [process.execPath, cliPath, ...args];
	const result = spawnSync(command[0]!, command.slice(1), {encoding: 'utf8', env: {...process.env, NO_COLOR: '1', HOME: scratch}});
	return {code: result.status, stdout: result.stdout, stderr: result.stderr};
}

describe.skipIf(runAsRoot && !canSetpriv)('a read-only data folder (as nobody, through setpriv, when run as root)', () => {
	it('ingest says so on one line, exits 1, and the old data is intact', () => {
		const data = dataFolder('read-only');
		const before = snapshot(data);
		chmodSync(data, 0o555);
		try {
			const result = runLimited(['ingest', many, '--data', data]);
			oneLine(result, /^briefing ingest: cannot write .*dataset\.json: the folder is read-only or not yours; choose another place or fix its permissions/);
			expect(snapshot(data)).toEqual(before);
		} finally {
			chmodSync(data, 0o755);
		}
	});

	it('print --out into a read-only folder says so on one line and leaves the old file', () => {
		const data = dataFolder('for-print');
		const out = path.join(scratch, 'read-only-out');
		mkdirSync(out);
		writeFileSync(path.join(out, 'brief.txt'), 'the old brief\n');
		chmodSync(out, 0o555);
		try {
			const result = runLimited(['print', '--data', data, '--out', path.join(out, 'brief.txt')]);
			oneLine(result, /cannot write .*brief\.txt: the folder is read-only or not yours/);
			expect(readFileSync(path.join(out, 'brief.txt'), 'utf8')).toBe('the old brief\n');
			expect(readdirSync(out)).toEqual(['brief.txt']);
		} finally {
			chmodSync(out, 0o755);
		}
	});
});

const disk = path.join(scratch, 'tiny');
mkdirSync(disk);
const mounted = runAsRoot && spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', disk]).status === 0;
if (mounted) {
	mounts.push(disk);
}

describe('a full disk', () => {
	it.skipIf(!mounted)('a real one (a 64 KB tmpfs): ingest says the disk is full, exits 1, the old data is intact', () => {
		const data = dataFolder('data', disk);
		const before = snapshot(data);
		const result = runCli(['ingest', many, '--data', data]);
		oneLine(result, /^briefing ingest: cannot write .*dataset\.json: the disk is full; free some space and run again/);
		const after = snapshot(data);
		// A backup may have been made before the disk filled up: it is the old dataset itself.
		expect(after['dataset.json.bak'] ?? before['dataset.json']).toBe(before['dataset.json']);
		delete after['dataset.json.bak'];
		expect(after).toEqual(before);
		// Once there is room again, the same ingest goes through.
		spawnSync('mount', ['-o', 'remount,size=4m', disk]);
		expect(runCli(['ingest', many, '--data', data]).code).toBe(0);
		expect(runCli(['validate', '--data', data]).code).toBe(0);
	});

	it.each(['after-pending', 'after-backup'])('a write error injected %s: one line, exit 1, the old data intact', (point) => {
		const data = dataFolder(`fault-${point}`);
		const before = snapshot(data);
		const result = runCli(['ingest', many, '--data', data], {env: {BRIEFING_TEST_FAULT: `ingest-write:${point}`}});
		oneLine(result, /^briefing ingest: cannot write .*dataset\.json: the disk is full; free some space and run again/);
		const after = snapshot(data);
		// The backup may have been refreshed (it is the old dataset itself); the rest is as it was.
		expect(after['dataset.json.bak'] ?? before['dataset.json']).toBe(before['dataset.json']);
		delete after['dataset.json.bak'];
		expect(after).toEqual(before);
		expect(runCli(['ingest', many, '--data', data]).code).toBe(0);
	});

	it('a write error between the dataset and its state: the next run picks the state up, no record is lost', () => {
		const data = dataFolder('fault-after-dataset');
		const reference = dataFolder('reference');
		expect(runCli(['ingest', many, '--data', reference]).code).toBe(0);
		const result = runCli(['ingest', many, '--data', data], {env: {BRIEFING_TEST_FAULT: 'ingest-write:after-dataset'}});
		oneLine(result, /ingest-state\.json: the disk is full.*the dataset was written and its state kept in .*ingest-state\.json\.pending, which the next ingest uses/);
		expect(existsSync(path.join(data, 'ingest-state.json.pending'))).toBe(true);
		expect(runCli(['ingest', many, '--data', data]).code).toBe(0);
		expect(readFileSync(path.join(data, 'dataset.json'), 'utf8')).toBe(readFileSync(path.join(reference, 'dataset.json'), 'utf8'));
		expect(readFileSync(path.join(data, 'ingest-state.json'), 'utf8')).toBe(readFileSync(path.join(reference, 'ingest-state.json'), 'utf8'));
		expect(existsSync(path.join(data, 'ingest-state.json.pending'))).toBe(false);
	});
});

describe('a missing home folder', () => {
	it('print --pinned says pins cannot be kept, without a crash', () => {
		const data = dataFolder('no-home');
		const before = snapshot(data);
		const result = runCli(['print', '--pinned', '--data', data], {env: {HOME: '', XDG_STATE_HOME: ''}});
		expect(result.stderr).not.toMatch(/^\s+at /m);
		expect(result.stderr).toContain('no home folder or XDG_STATE_HOME: pins cannot be kept between runs');
		expect(snapshot(data)).toEqual(before);
	});
});

