import {spawn} from 'node:child_process';
import {cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {cliPath, fixtures, repoRoot, runCli} from '../helpers/cli.js';

/**
 * Issue 9, "nothing lost": `briefing ingest` killed (SIGKILL) at random moments leaves a dataset that
 * is byte for byte the old one or the new one, never half-written; the next run finishes the job
 * and ends exactly where an uninterrupted run ends, with no temporary files left behind.
 */

const runs = Number(process.env.BRIEFING_KILL_RUNS ?? 100);
const parallel = 2;
const scratch = mkdtempSync(path.join(tmpdir(), 'briefing-kill-'));
afterAll(() => {
	rmSync(scratch, {recursive: true, force: true});
});

// A dataset to start from (the bundled one), and 60 articles big enough that ingest takes a moment.
const base = path.join(scratch, 'base');
mkdirSync(base);
cpSync(path.join(repoRoot, 'data', 'dataset.json'), path.join(base, 'dataset.json'));
const articles = path.join(scratch, 'articles');
mkdirSync(articles);
const sources = readdirSync(path.join(fixtures, 'articles')).sort();
for (let index = 0; index < 60; index++) {
	const text = readFileSync(path.join(fixtures, 'articles', sources[index % sources.length]!), 'utf8');
	writeFileSync(path.join(articles, `dispatch-${String(index).padStart(3, '0')}.txt`), `Title: Dispatch number ${index}\n${text}\n\nOfficials in Town${index} said the talks on day ${index} would go on.\n`);
}

function run(args: readonly string[], killAfterMs?: number): Promise<{code: number | null; signal: NodeJS.Signals | null}> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [cliPath, ...args], {stdio: 'ignore', env: {...process.env, NO_COLOR: '1'}});
		let timer: NodeJS.Timeout | undefined;
		if (killAfterMs !== undefined) {
			timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
		}

		child.on('error', reject);
		child.on('exit', (code, signal) => {
			clearTimeout(timer);
			resolve({code, signal});
		});
	});
}

function read(file: string): string | undefined {
	return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

describe('briefing ingest killed at random moments', () => {
	it(`leaves the old or the new dataset, never a half-written one (${runs} runs)`, async () => {
		const old = read(path.join(base, 'dataset.json'))!;
		// The new version, by an uninterrupted run, timed.
		const reference = path.join(scratch, 'reference');
		cpSync(base, reference, {recursive: true});
		const started = performance.now();
		expect((await run(['ingest', articles, '--data', reference])).code).toBe(0);
		const typical = performance.now() - started;
		const fresh = read(path.join(reference, 'dataset.json'))!;
		const freshState = read(path.join(reference, 'ingest-state.json'))!;
		expect(fresh).not.toBe(old);
		expect(runCli(['validate', '--data', base]).code).toBe(0);
		expect(runCli(['validate', '--data', reference]).code).toBe(0);

		let current = typical;
		const outcomes = {killed: 0, finished: 0, old: 0, new: 0, pendingState: 0, strays: 0, rerun: 0};
		const one = async (index: number): Promise<void> => {
			const data = path.join(scratch, `run-${index}`);
			cpSync(base, data, {recursive: true});
			// Delays span a whole run as it takes under this load: the mean of the latest full runs.
			// Every other run aims at the last part of a run, where the writes are.
			const delay = index % 2 === 0 ? Math.random() * current : current * (0.6 + Math.random() * 0.5);
			const result = await run(['ingest', articles, '--data', data], delay);
			if (result.signal === 'SIGKILL') {
				outcomes.killed++;
			} else {
				expect(result.code).toBe(0);
				outcomes.finished++;
			}

			const after = read(path.join(data, 'dataset.json'));
			expect(after === old || after === fresh, `run ${index}: the dataset is neither the old nor the new one`).toBe(true);
			outcomes[after === old ? 'old' : 'new']++;
			const backup = read(path.join(data, 'dataset.json.bak'));
			expect(backup === undefined || backup === old, `run ${index}: the backup is not the old dataset`).toBe(true);
			const pending = existsSync(path.join(data, 'ingest-state.json.pending'));
			const strays = readdirSync(data).some((name) => name.endsWith('.tmp'));
			outcomes.pendingState += pending ? 1 : 0;
			outcomes.strays += strays ? 1 : 0;
			// A kill before any write leaves the folder as it was; the rerun is worth its time otherwise.
			if (!(pending || strays || after === fresh || backup !== undefined || index % 5 === 0)) {
				rmSync(data, {recursive: true, force: true});
				return;
			}

			outcomes.rerun++;

			// The next run completes the job exactly as one uninterrupted run does, and tidies up.
			const rerunStarted = performance.now();
			expect((await run(['ingest', articles, '--data', data])).code).toBe(0);
			current = (current * 3 + (performance.now() - rerunStarted)) / 4;
			expect(read(path.join(data, 'dataset.json')) === fresh, `run ${index}: the rerun did not end at the new dataset`).toBe(true);
			expect(read(path.join(data, 'ingest-state.json')) === freshState, `run ${index}: the rerun did not end at the new state`).toBe(true);
			expect(readdirSync(data).filter((name) => name.endsWith('.tmp') || name.endsWith('.pending') || name.startsWith('.briefing.lock'))).toEqual([]);
			rmSync(data, {recursive: true, force: true});
		};

		let next = 0;
		const worker = async (): Promise<void> => {
			while (next < runs) {
				// eslint-disable-next-line no-await-in-loop
				await one(next++);
			}
		};

		await Promise.all(Array.from({length: parallel}, async () => worker()));
		console.log(`kill test: ${runs} runs, a run takes ${typical.toFixed(0)} ms; ${outcomes.killed} killed, ${outcomes.finished} finished first; dataset afterwards old ${outcomes.old}, new ${outcomes.new}; killed between dataset and state ${outcomes.pendingState}; temporary files left by the kill ${outcomes.strays} (all cleaned by the next run); ${outcomes.rerun} rerun to completion`);
		expect(outcomes.old + outcomes.new).toBe(runs);
	}, 120_000);
});
