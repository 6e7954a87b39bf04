import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import stringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
import {fitWidth, snippet} from '../../source/commands/search.js';
import type {Dataset} from '../../source/core/schema.js';
import {fixtures, runCli} from '../helpers/cli.js';

const data = path.join(fixtures, 'small');
const search = (...args: string[]) => runCli(['search', ...args, '--data', data]);

type JsonResult = {kind: string; id: string; score: number; date: string | null; label: string; snippet: string; highlights: Record<string, Array<[number, number]>>};

describe('briefing search', () => {
	it('prints ranked results, one per line: kind, date, name or title, snippet', () => {
		const result = search('berg');
		expect(result).toMatchObject({code: 0, stderr: ''});
		expect(result.stdout.split('\n')).toEqual([
			'actor  -           Anna Berg — Mayor of Lindholm',
			'quote  1 Mar 2024  Anna Berg — “These were useful talks”',
			'event  ~Apr 2024   Council to vote on the port plan — The city council is expected to vote on the p…',
			'event  1 Mar 2024  Port talks resume — The mayor and the dockworkers\' union met again over the port…',
			'',
		]);
	});

	it('takes filters, and lists items newest first for a query without words', () => {
		expect(search('type:event').stdout.split('\n').map((line) => line.split(' — ')[0])).toEqual([
			'event  ~Apr 2024    Council to vote on the port plan',
			'event  1 Mar 2024   Port talks resume',
			'event  Summer 2023  Dockworkers strike over pay',
			'event  undated      The port authority is founded',
			'',
		]);
		expect(search('actor:varga type:quote').stdout).toBe('quote  4 Mar 2024  Tomas Varga — “not done yet”\n');
	});

	it('names the alias that matched', () => {
		const scratch = mkdtempSync(path.join(tmpdir(), 'briefing-search-'));
		const dataset = JSON.parse(readFileSync(path.join(data, 'dataset.json'), 'utf8')) as Dataset;
		dataset.actors[1]!.aliases = ['Lindholm harbour town'];
		const file = path.join(scratch, 'dataset.json');
		writeFileSync(file, JSON.stringify(dataset));
		expect(runCli(['search', 'harbor town', '--type', 'actor', '--data', file]).stdout).toBe('actor  -  Lindholm (Lindholm harbour town) — place\n');
	});

	it('keeps to --limit and --type', () => {
		expect(search('berg', '--limit', '1').stdout).toBe('actor  -  Anna Berg — Mayor of Lindholm\n');
		const quotes = search('berg', '--type', 'quote');
		expect(quotes.stdout).toBe('quote  1 Mar 2024  Anna Berg — “These were useful talks”\n');
		expect(search('berg', '--type', 'event').stdout.split('\n').filter(Boolean).every((line) => line.startsWith('event '))).toBe(true);
	});

	it('prints JSON with --json', () => {
		const result = search('Берг useful', '--json');
		expect(result.code).toBe(0);
		const output = JSON.parse(result.stdout) as {query: string; results: JsonResult[]};
		expect(output.query).toBe('Берг useful');
		expect(output.results.map((entry) => `${entry.kind} ${entry.id}`)).toEqual(['quote berg-useful-talks', 'event 2024-03-01-port-talks']);
		const [quote] = output.results;
		expect(quote).toMatchObject({date: '2024-03-01', label: 'Anna Berg', snippet: '“These were useful talks”'});
		expect(quote!.highlights.text).toEqual([[11, 17]]);
		expect(quote!.score).toBeGreaterThanOrEqual(0);
	});

	it('exits 1 and says so when nothing matches', () => {
		expect(search('qqxqzv')).toEqual({code: 1, stdout: '', stderr: 'briefing search: nothing matches "qqxqzv"\n'});
		expect(search('qqxqzv', '--json')).toEqual({code: 1, stdout: '{\n  "query": "qqxqzv",\n  "results": []\n}\n', stderr: ''});
	});

	it('exits 1 with a note for a filter that names nothing in the data', () => {
		const result = search('port actor:nobody');
		expect(result.code).toBe(1);
		expect(result.stderr).toContain('briefing search: query columns 6-17 (actor:nobody): actor: no actor matches "nobody"\n');
	});

	it('exits 2 on a bad query, with each error on one line naming its place', () => {
		const result = search('foo:bar macron since:2025-13');
		expect(result).toEqual({
			code: 2,
			stdout: '',
			stderr: 'briefing search: query columns 1-4 (foo:): unknown filter "foo:"; filters are actor, tag, since, until, source, status, type\n'
				+ 'briefing search: query columns 22-28 (2025-13): since: "2025-13" has month 13; months run 01-12 and seasons 21-24\n',
		});
	});

	it('exits 2 without a query or with a bad --limit', () => {
		expect(runCli(['search', '--data', data])).toMatchObject({code: 2, stderr: 'briefing search: needs a query, as in: briefing search macron (see briefing search --help)\n'});
		expect(search('  ')).toMatchObject({code: 2});
		expect(search('berg', '--limit', '0')).toMatchObject({code: 2, stderr: 'briefing search: --limit needs a whole number of 1 or more, not 0\n'});
		expect(search('berg', '--limit', '2.5')).toMatchObject({code: 2});
		expect(search('berg', '--type', 'person')).toMatchObject({code: 2});
	});

	it('exits 1 on a dataset that does not load', () => {
		const result = runCli(['search', 'berg', '--data', path.join(fixtures, 'missing')]);
		expect(result.code).toBe(1);
		expect(result.stderr).toContain('cannot read the dataset');
	});

	it('keeps escape sequences from data off the terminal and fits lines to 100 columns', () => {
		const scratch = mkdtempSync(path.join(tmpdir(), 'briefing-search-'));
		const dataset = JSON.parse(readFileSync(path.join(data, 'dataset.json'), 'utf8')) as Dataset;
		dataset.events[0]!.title = 'Port talks \u001B]0;pwned\u0007resume \u001B[2J東京東京東京';
		dataset.events[0]!.summary = '会議'.repeat(80);
		const file = path.join(scratch, 'dataset.json');
		writeFileSync(file, JSON.stringify(dataset));
		const result = runCli(['search', 'resume', '--data', file]);
		expect(result.code).toBe(0);
		expect(result.stdout).not.toContain('\u001B');
		const [line] = result.stdout.split('\n');
		expect(line).toMatch(/^event {2}1 Mar 2024 {2}Port talks resume 東京東京東京 — 会議/);
		expect(stringWidth(line!)).toBeLessThanOrEqual(100);
		expect(line!.endsWith('…')).toBe(true);
	});
});

describe('snippet', () => {
	const text = 'Officials of Ukraine, France, the UK, Germany and the US met to review the peace effort and a ceasefire.';

	it('is the whole text when it fits', () => {
		expect(snippet('Short text', [[0, 5]], 40)).toBe('Short text');
	});

	it('starts at the beginning when the first match fits, and cuts the end', () => {
		expect(snippet(text, [[13, 20]], 30)).toBe('Officials of Ukraine, France,…');
	});

	it('starts a little before a late match, on a word', () => {
		const shown = snippet(text, [[93, 102]], 30);
		expect(shown).toBe('…effort and a ceasefire.');
		expect(stringWidth(shown)).toBeLessThanOrEqual(30);
	});
});

describe('fitWidth', () => {
	it('cuts by display width, never inside a wide character', () => {
		expect(fitWidth('short', 10)).toBe('short');
		expect(fitWidth('abcdefghij', 5)).toBe('abcd…');
		expect(fitWidth('東京東京東京', 6)).toBe('東京…');
		expect(stringWidth(fitWidth('東京東京東京', 6))).toBeLessThanOrEqual(6);
		expect(fitWidth('👍🏽👍🏽👍🏽', 5)).toBe('👍🏽👍🏽…');
	});
});
