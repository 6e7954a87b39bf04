import {readFileSync} from 'node:fs';
import path from 'node:path';
import {Ajv2020} from 'ajv/dist/2020.js';
import {describe, expect, it} from 'vitest';
import {fixtures, repoRoot, runCli} from '../helpers/cli.js';

describe('briefing --help and --version', () => {
	it('lists every subcommand and flag with examples', () => {
		const result = runCli(['--help']);
		expect(result.code).toBe(0);
		for (const command of ['validate', 'search', 'print', 'ingest', 'export', 'schema']) {
			expect(result.stdout).toMatch(new RegExp(`^  ${command} +\\S`, 'm'));
		}

		for (const flag of ['--data PATH', '--json', '--help', '--version']) {
			expect(result.stdout).toContain(flag);
		}

		expect(result.stdout).toContain('$ briefing validate --data ./my-data');
		expect(result.stdout).toContain('Exit codes: 0 success, 1 invalid data or nothing found, 2 bad usage.');
	});

	it('shows a command\'s own help', () => {
		const result = runCli(['export', '--help']);
		expect(result.code).toBe(0);
		expect(result.stdout).toContain('Usage\n  briefing export --json|--ndjson [--data PATH]');
	});

	it('prints the version from package.json', () => {
		const {version} = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {version: string};
		expect(runCli(['--version'])).toEqual({code: 0, stdout: `${version}\n`, stderr: ''});
	});
});

describe('bad usage', () => {
	it.each([
		[['frobnicate'], 'briefing: unknown command "frobnicate": the commands are validate, search, print, ingest, export, schema (see briefing --help)'],
		[['validate', '--frob'], 'briefing: unknown flag --frob (see briefing validate --help)'],
		[['validate', '-z'], 'briefing: unknown flag -z (see briefing validate --help)'],
		[['validate', '--json'], 'briefing: validate does not take --json (see briefing validate --help)'],
		[['validate', '--data'], 'briefing: --data needs a value: --data PATH'],
		[['validate', 'extra'], 'briefing: validate does not take "extra" (see briefing validate --help)'],
		[['--frob'], 'briefing: unknown flag --frob (see briefing --help)'],
		[['search', 'x', '--type', 'person'], 'briefing: --type must be one of event, actor, quote, not "person"'],
		[['search', 'x', '--limit', 'many'], 'briefing: --limit needs a number: --limit N'],
	])('%j is one line on stderr and exit code 2', (args, message) => {
		expect(runCli(args)).toEqual({code: 2, stdout: '', stderr: `${message}\n`});
	});
});

describe('briefing export --json', () => {
	it('prints a sorted, normalized document that validates against data/schema.json', () => {
		const result = runCli(['export', '--json', '--data', path.join(fixtures, 'small')]);
		expect(result.code).toBe(0);
		const document = JSON.parse(result.stdout) as {events: Array<{date: string | null}>};
		const schema = JSON.parse(readFileSync(path.join(repoRoot, 'data', 'schema.json'), 'utf8')) as object;
		const validate = new Ajv2020({allErrors: true, strict: false}).compile(schema);
		expect(validate(document), JSON.stringify(validate.errors)).toBe(true);
		expect(document.events.map((event) => event.date)).toEqual(['2023-22', '2024-03-01', '2024-04~', null]);
	});

	it('exports the bundled dataset so that it validates against the schema too', () => {
		const result = runCli(['export', '--json']);
		expect(result.code).toBe(0);
		const schema = JSON.parse(readFileSync(path.join(repoRoot, 'data', 'schema.json'), 'utf8')) as object;
		const validate = new Ajv2020({allErrors: true, strict: false}).compile(schema);
		expect(validate(JSON.parse(result.stdout)), JSON.stringify(validate.errors)).toBe(true);
	});

	it('round-trips: exporting its own export changes nothing', () => {
		const first = runCli(['export', '--json', '--data', path.join(fixtures, 'small')]);
		const second = runCli(['export', '--json', '--data', '-'], {input: first.stdout});
		expect(second.stdout).toBe(first.stdout);
	});

	it('escapes invisible and control characters so the output is safe on a terminal', () => {
		const data = JSON.parse(readFileSync(path.join(fixtures, 'small', 'dataset.json'), 'utf8')) as {actors: Array<{name: string}>};
		data.actors[0]!.name = 'Anna\u202E Berg\u009B2J\u001B[2J';
		const result = runCli(['export', '--json', '--data', '-'], {input: JSON.stringify(data)});
		expect(result.code).toBe(0);
		expect(result.stdout).toContain('"name": "Anna\\u202e Berg\\u009b2J\\u001b[2J"');
		expect(JSON.parse(result.stdout).actors[0].name).toBe('Anna\u202E Berg\u009B2J\u001B[2J');
	});
});

describe('briefing on a broken dataset', () => {
	it('opens nothing and prints what validate prints, exit code 1', () => {
		const broken = '{"version": 1, "sources": [], "actors": [], "events": [{"id": "x"}], "quotes": []}';
		const dashboard = runCli(['--data', '-'], {input: broken});
		const validate = runCli(['validate', '--data', '-'], {input: broken});
		expect(dashboard.code).toBe(1);
		expect(dashboard.stdout).toBe('');
		expect(dashboard.stderr).toBe(validate.stderr);
		expect(dashboard.stderr).toContain('standard input: events[0].date: is missing: add it');
	});
});

describe('briefing without a terminal', () => {
	it('prints the dataset summary instead of opening the dashboard', () => {
		const result = runCli(['--data', path.join(fixtures, 'small')]);
		expect(result.code).toBe(0);
		expect(result.stdout).toContain('small: 2 sources, 4 actors, 4 events, 2 quotes\nAs of 4 Mar 2024; events from Summer 2023 to ~Apr 2024');
	});
});
