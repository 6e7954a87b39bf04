import {existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import stringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
import {pinsFile} from '../../source/io/pins.js';
import {repoRoot, runCli} from '../helpers/cli.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'briefing-print-'));

describe('briefing print', () => {
	it('prints one page of text, at most 60 lines of 80 columns, with no escape codes in a pipe', () => {
		const result = runCli(['print']);
		expect(result.code).toBe(0);
		expect(result.stderr).toBe('');
		const lines = result.stdout.trimEnd().split('\n');
		expect(lines.length).toBeLessThanOrEqual(60);
		expect(Math.max(...lines.map((line) => stringWidth(line)))).toBeLessThanOrEqual(80);
		expect(lines[0]).toMatch(/^BRIEFING: /);
		expect(result.stdout).not.toContain('\u001B');
	});

	it('bolds the headings only when FORCE_COLOR asks', () => {
		const result = runCli(['print'], {env: {FORCE_COLOR: '1', NO_COLOR: ''}});
		expect(result.stdout).toContain('\u001B[1mBOTTOM LINE\u001B[22m');
	});

	it('keeps to --lines and --width', () => {
		const result = runCli(['print', '--lines', '30', '--width', '50']);
		const lines = result.stdout.trimEnd().split('\n');
		expect(lines.length).toBeLessThanOrEqual(30);
		expect(Math.max(...lines.map((line) => stringWidth(line)))).toBeLessThanOrEqual(50);
	});

	it('narrows to an actor and a period, and says so in the header', () => {
		const result = runCli(['print', '--actor', 'macron', '--since', '2025-01']);
		expect(result.code).toBe(0);
		expect(result.stdout).toMatch(/^BRIEFING: Emmanuel Macron\n/);
		expect(result.stdout).toContain('Scope: Emmanuel Macron');
		expect(result.stdout).toContain('since Jan 2025');
		expect(result.stdout).not.toMatch(/^(2019|2022|2024)/m);
	});

	it('prints Markdown, HTML and JSON', () => {
		expect(runCli(['print', '--format', 'markdown']).stdout).toMatch(/^# Briefing: .+\n\nAs of 17 Apr 2025/);
		const html = runCli(['print', '--format', 'html']).stdout;
		expect(html).toMatch(/^<!doctype html>/);
		expect(html).not.toMatch(/<script|<link|src=|@import/i);
		const json = JSON.parse(runCli(['print', '--format', 'json']).stdout) as {developments: unknown[]; sources: unknown[]; bottomLine: string};
		expect(json.developments.length).toBeGreaterThan(0);
		expect(json.sources.length).toBeGreaterThan(0);
		expect(json.bottomLine).toMatch(/\.$/);
	});

	it('writes --out atomically, keeps the previous version as a backup, and says where', () => {
		const out = path.join(scratch, 'brief.md');
		const first = runCli(['print', '--out', out, '--title', 'First']);
		expect(first.code).toBe(0);
		expect(first.stdout).toBe('');
		expect(first.stderr).toBe(`briefing print: wrote ${out}\n`);
		expect(readFileSync(out, 'utf8')).toMatch(/^# Briefing: First/);
		const second = runCli(['print', '--out', out, '--title', 'Second']);
		expect(second.stderr).toBe(`briefing print: wrote ${out} (the previous version is in brief.md.bak)\n`);
		expect(readFileSync(out, 'utf8')).toMatch(/^# Briefing: Second/);
		expect(readFileSync(`${out}.bak`, 'utf8')).toMatch(/^# Briefing: First/);
	});

	it('says clearly when --out cannot be written', () => {
		const out = path.join(scratch, 'missing', 'brief.txt');
		const result = runCli(['print', '--out', out]);
		expect(result.code).toBe(1);
		expect(result.stderr).toBe(`briefing print: cannot write ${out}: the folder ${path.dirname(out)} does not exist; create it first\n`);
	});

	it.each([
		[['--since', '2025-13'], 'briefing print: --since: "2025-13" has month 13; months run 01-12 and seasons 21-24'],
		[['--until', 'April'], 'briefing print: --until: "April" is not an EDTF date (use YYYY, YYYY-MM, YYYY-MM-DD or a season YYYY-21 (spring) to YYYY-24 (winter), optionally ending in ~ or ?)'],
		[['--query', 'paris foo:bar'], 'briefing print: --query columns 7-10: unknown filter "foo:"; filters are actor, tag, since, until, source, status, type'],
		[['--lines', '10'], 'briefing print: --lines needs a whole number of at least 20, not 10'],
		[['--width', '20'], 'briefing print: --width needs a whole number of at least 40, not 20'],
		[['--format', 'pdf'], 'briefing: --format must be one of text, markdown, html, json, not "pdf"'],
	])('rejects %j with one line and exit code 2', (args, message) => {
		const result = runCli(['print', ...args]);
		expect(result.code).toBe(2);
		expect(result.stderr).toBe(`${message}\n`);
	});
});

describe('briefing print --pinned', () => {
	const state = mkdtempSync(path.join(tmpdir(), 'briefing-state-'));
	const env = {XDG_STATE_HOME: state};
	const dataFile = path.join(repoRoot, 'data', 'dataset.json');

	it('says when nothing is pinned', () => {
		const result = runCli(['print', '--pinned'], {env});
		expect(result.code).toBe(1);
		expect(result.stderr).toBe('briefing print: nothing is pinned for this dataset: pin items with Space in the dashboard, or leave out --pinned\n');
	});

	it('prints only the pinned items, and drops pins whose item is gone with a notice', () => {
		const file = pinsFile(dataFile, env)!;
		mkdirSync(path.dirname(file), {recursive: true});
		const dataset = JSON.parse(readFileSync(dataFile, 'utf8')) as {events: Array<{id: string; title: string}>; quotes: Array<{id: string; text: string}>};
		const event = dataset.events.find((each) => each.id.includes('paris-talks'))!;
		const quote = dataset.quotes[0]!;
		writeFileSync(file, JSON.stringify({version: 1, pins: [{kind: 'event', id: event.id}, {kind: 'quote', id: quote.id}, {kind: 'event', id: 'gone-event'}]}));
		const result = runCli(['print', '--pinned'], {env});
		expect(result.code).toBe(0);
		expect(result.stderr).toBe('briefing print: dropped 1 pin whose item is no longer in the dataset\n');
		expect(result.stdout).toContain('Scope: 2 pinned items');
		expect(result.stdout).toContain(event.title);
		const section = result.stdout.split(/KEY DEVELOPMENTS.*\n/)[1]!.split('\n\n')[0]!;
		const developments = section.split('\n').filter((line) => /^\S/.test(line));
		expect(developments).toHaveLength(1);
		expect(existsSync(file)).toBe(true);
	});
});
