import {mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {runCli} from '../helpers/cli.js';

/** Issue 9: hostile and broken articles for `briefing ingest`, written at test time. */

const scratch = mkdtempSync(path.join(tmpdir(), 'briefing-ingest-hostile-'));
afterAll(() => {
	rmSync(scratch, {recursive: true, force: true});
});

const unsafe = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/;
const published = 'Published: 2025-03-01\n\n';

/** Articles that must be read: each gives a report line, the dataset stays valid. */
const good: Record<string, string> = {
	'no-sentences.txt': '###\n\n---\n\n* * *\n\n12 34 56\n',
	'unbalanced-quotes.txt': `${published}President Maia Sandu said “we will stay” and ”then left“. The minister said "yes.\n\nHe added: «no» » « ” “.\n`,
	'quote-never-closes.txt': `${published}Foreign minister Jane Doe said: “We will never give up, and we will go on to the end, whatever it costs us and whatever they say about it\n\nThe talks went on in Brussels on Monday.\n`,
	'ten-thousand-quotes.txt': `${published}He said ${'“'.repeat(2500)}${'"'.repeat(2500)}${'«'.repeat(2500)}${'”'.repeat(2500)}.\n`,
	'thousand-paragraphs.txt': published + Array.from({length: 1000}, (_, index) => `Officials in Town${index} said on Monday that “talks number ${index} would go on”, the minister told reporters.`).join('\n\n'),
	'mixed-scripts.txt': `${published}Президент Владимир Путин сказал: «Мы готовы». 東京で会談が行われた。 قال الوزير “نحن هنا” يوم الاثنين. President Maia Sandu said “Ми тут” in Kyiv. 🙂\u0301\n`,
	'escape-sequences.md': `# \u001B]0;pwned\u0007Title \u001B[2J\n\n${published}The minister\u202E said “\u001B[31mred\u001B[0m and \u009B2J gone” on Monday.\u0007\n`,
};

/** Files that must be refused, with the reason that names the fix. */
const bad: Record<string, {bytes: Buffer | string; reason: RegExp}> = {
	'empty.txt': {bytes: '', reason: /: skipped: empty file$/},
	'white-space.txt': {bytes: ' \n\t\n  \n', reason: /: skipped: empty file \(only white space\)$/},
	'binary.txt': {bytes: Buffer.from([0x7F, 0x45, 0x4C, 0x46, 0, 1, 2, 3, 0, 0, 0xFF, 0xFE]), reason: /: skipped: binary file \(it contains NUL bytes\), not text$/},
	'invalid-utf8.txt': {bytes: Buffer.concat([Buffer.from(`${published}The minister said “ok”`), Buffer.from([0xC3, 0x28, 0xFF, 0xFE]), Buffer.from(' on Monday.\n')]), reason: /: skipped: .*UTF-8.*/},
	'image.png': {bytes: 'not really an image', reason: /: skipped: unsupported file type \.png: ingest reads plain text/},
};

const articles = path.join(scratch, 'articles');
mkdirSync(articles);
for (const [name, text] of Object.entries(good)) {
	writeFileSync(path.join(articles, name), text);
}

for (const [name, {bytes}] of Object.entries(bad)) {
	writeFileSync(path.join(articles, name), bytes);
}

// Over 10 MB, made sparse: no disk is used for it.
const huge = path.join(articles, 'huge.txt');
writeFileSync(huge, 'The minister said “hello”.\n');
truncateSync(huge, 11 * 1024 * 1024);

function check(result: {code: number | null; stdout: string; stderr: string}): void {
	expect(result.stderr).not.toMatch(/^\s+at /m);
	expect(result.stderr).not.toMatch(/Error:|TypeError|RangeError/);
	expect(result.stderr.replace(/\n/g, '')).not.toMatch(unsafe);
	expect(result.stdout.replace(/\n/g, '')).not.toMatch(unsafe);
}

describe('briefing ingest on hostile and broken articles', () => {
	const data = path.join(scratch, 'data');
	const started = performance.now();
	const result = runCli(['ingest', articles, '--data', data]);
	const elapsed = performance.now() - started;

	it('exits 1 because some files failed, with no stack trace and no escape codes', () => {
		check(result);
		expect(result.code).toBe(1);
		expect(elapsed).toBeLessThan(30_000);
	});

	it.each(Object.entries(bad))('%s: refused on one line naming the file and the reason', (name, {reason}) => {
		const lines = result.stderr.split('\n').filter((line) => line.startsWith(`${path.join(articles, name)}:`));
		expect(lines, result.stderr).toHaveLength(1);
		expect(lines[0]).toMatch(reason);
	});

	it('huge.txt: refused as over 10 MB without being read', () => {
		const lines = result.stderr.split('\n').filter((line) => line.startsWith(`${huge}:`));
		expect(lines).toEqual([`${huge}: skipped: too large: 11.0 MB, over the 10 MB limit for one article`]);
	});

	it.each(Object.keys(good))('%s: read, with its report line', (name) => {
		expect(result.stdout.split('\n').some((line) => line.startsWith(`${path.join(articles, name)}: `)), result.stdout).toBe(true);
		expect(result.stderr).not.toContain(`${path.join(articles, name)}:`);
	});

	it('writes a valid dataset from the good ones, every quote at its offsets', () => {
		const validated = runCli(['validate', '--data', data]);
		expect(validated.code, validated.stderr).toBe(0);
		const dataset = JSON.parse(readFileSync(path.join(data, 'dataset.json'), 'utf8')) as {sources: unknown[]; quotes: Array<{evidence: {start: number; end: number; exact: string}}>};
		expect(dataset.sources).toHaveLength(Object.keys(good).length);
		expect(dataset.quotes.length).toBeGreaterThan(0);
	});

	it('prints and exports that dataset without escape codes', () => {
		for (const args of [['print'], ['export', '--json'], ['print', '--format', 'markdown']]) {
			const shown = runCli([...args, '--data', data]);
			expect(shown.code, shown.stderr).toBe(0);
			check(shown);
		}
	});

	it('a second run reads nothing new, and still names the bad files', () => {
		const again = runCli(['ingest', articles, '--data', data]);
		check(again);
		expect(again.code).toBe(1);
		expect(again.stdout).toMatch(/nothing changed in/);
	});
});
