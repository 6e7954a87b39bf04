import {createHash} from 'node:crypto';
import {mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {runCli} from './helpers/cli.js';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'briefing-launcher-'));

afterAll(() => {
	rmSync(scratch, {recursive: true, force: true});
});

function cacheFolder(): string {
	return mkdtempSync(path.join(scratch, 'cache-'));
}

function codeFiles(folder: string): string[] {
	return readdirSync(folder).filter((name) => name.startsWith('code-'));
}

/** The checksum at the head of a code file holds for the rest of it. */
function checksumHolds(file: string): boolean {
	const bytes = readFileSync(file);
	return createHash('sha256').update(bytes.subarray(32)).digest().equals(bytes.subarray(0, 32));
}

describe('the launcher, which keeps the compiled code of each command', () => {
	const expected = runCli(['print'], {env: {BRIEFING_CACHE_DIR: 'off'}});

	it('writes the code after a run that went well, and uses it as it is the next time', () => {
		const folder = cacheFolder();
		const first = runCli(['print'], {env: {BRIEFING_CACHE_DIR: folder}});
		expect(first).toEqual(expected);
		const files = codeFiles(folder);
		expect(files).toHaveLength(1);
		expect(files[0]).toMatch(/^code-[\da-f]{32}-v\d+\.\d+\.\d+-[\w]+-print\.v8$/);
		const file = path.join(folder, files[0]!);
		expect(checksumHolds(file)).toBe(true);
		const before = {bytes: readFileSync(file), modified: statSync(file).mtimeMs};

		// Written again only when missing or refused by V8: unchanged, it was used.
		const second = runCli(['print'], {env: {BRIEFING_CACHE_DIR: folder}});
		expect(second).toEqual(expected);
		expect(readFileSync(file).equals(before.bytes)).toBe(true);
		expect(statSync(file).mtimeMs).toBe(before.modified);
	});

	it('keeps one file per command, and none for a run that failed', () => {
		const folder = cacheFolder();
		expect(runCli(['print', '--width', '30'], {env: {BRIEFING_CACHE_DIR: folder}}).code).toBe(2);
		expect(codeFiles(folder)).toEqual([]);
		expect(runCli(['validate'], {env: {BRIEFING_CACHE_DIR: folder}}).code).toBe(0);
		expect(runCli(['search', 'macron'], {env: {BRIEFING_CACHE_DIR: folder}}).code).toBe(0);
		expect(codeFiles(folder).map((name) => name.replace(/^.*-/, '')).sort()).toEqual(['search.v8', 'validate.v8']);
	});

	it.each([
		['one byte changed', (bytes: Buffer) => {
			bytes[Math.floor(bytes.length / 2)]! ^= 0xFF;
			return bytes;
		}],
		['cut short', (bytes: Buffer) => bytes.subarray(0, Math.floor(bytes.length / 3))],
		['empty', () => Buffer.alloc(0)],
		['code of another program with a valid checksum', () => {
			const code = Buffer.from('not V8 code at all');
			return Buffer.concat([createHash('sha256').update(code).digest(), code]);
		}],
	])('never trusts a damaged file (%s): the command still gives the same output, and the file is written anew', (_name, damage) => {
		const folder = cacheFolder();
		runCli(['print'], {env: {BRIEFING_CACHE_DIR: folder}});
		const file = path.join(folder, codeFiles(folder)[0]!);
		const damaged = damage(readFileSync(file));
		writeFileSync(file, damaged);
		expect(runCli(['print'], {env: {BRIEFING_CACHE_DIR: folder}})).toEqual(expected);
		expect(readFileSync(file).equals(damaged)).toBe(false);
		expect(checksumHolds(file)).toBe(true);
		expect(runCli(['print'], {env: {BRIEFING_CACHE_DIR: folder}})).toEqual(expected);
	});

	it('removes the code of other builds once it writes its own', () => {
		const folder = cacheFolder();
		const stale = path.join(folder, `code-${'0'.repeat(32)}-v20.0.0-x64-print.v8`);
		writeFileSync(stale, 'code of an earlier build');
		runCli(['print'], {env: {BRIEFING_CACHE_DIR: folder}});
		expect(codeFiles(folder)).toHaveLength(1);
		expect(codeFiles(folder)[0]).not.toBe(path.basename(stale));
	});

	it('writes nothing with the cache turned off', () => {
		const home = cacheFolder();
		expect(runCli(['print'], {env: {BRIEFING_CACHE_DIR: 'off', HOME: home, XDG_CACHE_HOME: ''}})).toEqual(expected);
		expect(readdirSync(home)).toEqual([]);
	});
});
