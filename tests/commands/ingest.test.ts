import {chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {validateDataset} from '../../source/core/dataset.js';
import {fixtures, repoRoot, runCli} from '../helpers/cli.js';

// Every test writes to its own temporary folder: never to the repository's data/.
const articles = path.join(fixtures, 'articles');
const scratch = mkdtempSync(path.join(tmpdir(), 'briefing-ingest-'));
let counter = 0;
const folder = (name: string): string => {
	const made = path.join(scratch, `${++counter}-${name}`);
	mkdirSync(made, {recursive: true});
	return made;
};

const articleFiles = readdirSync(articles).filter((file) => /\.(?:txt|md)$/.test(file)).sort();

describe('briefing ingest', () => {
	it('builds a valid dataset in an empty folder, with a line per file', () => {
		const data = folder('empty');
		const result = runCli(['ingest', articles, '--data', data]);
		expect(result.stderr).toBe('');
		expect(result.code).toBe(0);
		const lines = result.stdout.trimEnd().split('\n').filter((line) => !line.startsWith('  '));
		for (const file of articleFiles) {
			expect(lines.some((line) => line.startsWith(`${path.join(articles, file)}: added 1 source`))).toBe(true);
		}

		expect(lines.at(-1)).toMatch(new RegExp(`^${articleFiles.length} files: ${articleFiles.length} read, 0 failed; wrote .*dataset\\.json \\(${articleFiles.length} sources, \\d+ actors, \\d+ events, \\d+ quotes\\)$`));
		expect(runCli(['validate', '--data', data])).toMatchObject({code: 0, stderr: ''});
		expect(existsSync(path.join(data, 'ingest-state.json'))).toBe(true);
	});

	it('joins spellings through the bundled alias lexicon and a data folder\'s own', () => {
		const data = folder('aliases');
		writeFileSync(path.join(data, 'aliases.json'), JSON.stringify({places: [['Chisinau', 'Kishinev']]}));
		const input = folder('aliases-input');
		writeFileSync(path.join(input, 'a.txt'), ' date 2025-03-01 A\n\nThe ministers met in Kiev on Friday.\n\nLungu flew to Kishinev on Saturday.');
		writeFileSync(path.join(input, 'b.txt'), ' date 2025-03-02 B\n\nThe talks in Kyiv ended on Saturday, and Ana Lungu flew home to Chisinau.');
		expect(runCli(['ingest', input, '--data', data]).code).toBe(0);
		const dataset = JSON.parse(readFileSync(path.join(data, 'dataset.json'), 'utf8')) as {actors: Array<{name: string; aliases: string[]}>};
		const names = (actor: {name: string; aliases: string[]}) => [actor.name, ...actor.aliases];
		expect(dataset.actors.filter((actor) => names(actor).some((name) => name === 'Kiev' || name === 'Kyiv')).map(names)).toEqual([expect.arrayContaining(['Kiev', 'Kyiv'])]);
		expect(dataset.actors.filter((actor) => names(actor).some((name) => name === 'Kishinev' || name === 'Chisinau')).map(names)).toEqual([expect.arrayContaining(['Kishinev', 'Chisinau'])]);
	});

	it('creates the folder when it does not exist', () => {
		const data = path.join(folder('parent'), 'new', 'data');
		expect(runCli(['ingest', path.join(articles, articleFiles[0]!), '--data', data]).code).toBe(0);
		expect(runCli(['validate', '--data', data]).code).toBe(0);
	});

	it('changes nothing when run twice: the dataset stays byte-identical', () => {
		const data = folder('twice');
		expect(runCli(['ingest', articles, '--data', data]).code).toBe(0);
		const dataset = readFileSync(path.join(data, 'dataset.json'));
		const state = readFileSync(path.join(data, 'ingest-state.json'));
		const modified = statSync(path.join(data, 'dataset.json')).mtimeMs;
		const again = runCli(['ingest', articles, '--data', data]);
		expect(again.code).toBe(0);
		expect(again.stdout).toContain('already ingested with this content');
		expect(again.stdout).toMatch(/nothing changed in/);
		expect(readFileSync(path.join(data, 'dataset.json')).equals(dataset)).toBe(true);
		expect(readFileSync(path.join(data, 'ingest-state.json')).equals(state)).toBe(true);
		expect(statSync(path.join(data, 'dataset.json')).mtimeMs).toBe(modified);
	});

	it('merges a later batch into the dataset and keeps the previous version as a backup', () => {
		const data = folder('later');
		expect(runCli(['ingest', path.join(articles, articleFiles[0]!), '--data', data]).code).toBe(0);
		const before = readFileSync(path.join(data, 'dataset.json'), 'utf8');
		const result = runCli(['ingest', path.join(articles, articleFiles[1]!), '--data', data]);
		expect(result.code).toBe(0);
		expect(result.stdout).toContain('the previous version kept as');
		expect(readFileSync(path.join(data, 'dataset.json.bak'), 'utf8')).toBe(before);
		expect(runCli(['validate', '--data', data]).code).toBe(0);
	});

	it('gives each bad file one line with its name and reason, ingests the rest, and exits 1', () => {
		const input = folder('bad-input');
		copyFileSync(path.join(articles, articleFiles[0]!), path.join(input, 'good.txt'));
		writeFileSync(path.join(input, 'empty.txt'), '');
		writeFileSync(path.join(input, 'blank.md'), '   \n\n  \n');
		writeFileSync(path.join(input, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x0D, 0x0A, 0x1A]));
		writeFileSync(path.join(input, 'latin1.txt'), Buffer.from('Caf\u00E9 talks in Z\u00FCrich ended.', 'latin1'));
		writeFileSync(path.join(input, 'report.pdf'), '%PDF-1.4 not really');
		writeFileSync(path.join(input, 'huge.txt'), Buffer.alloc(10 * 1024 * 1024 + 1, 'a'));
		const data = folder('bad-data');
		const result = runCli(['ingest', input, path.join(input, 'missing.txt'), '--data', data]);
		expect(result.code).toBe(1);
		const errors = result.stderr.trimEnd().split('\n');
		const reason = (file: string) => errors.filter((line) => line.startsWith(`${path.join(input, file)}: skipped: `));
		expect(reason('empty.txt')).toEqual([`${path.join(input, 'empty.txt')}: skipped: empty file`]);
		expect(reason('blank.md')).toEqual([`${path.join(input, 'blank.md')}: skipped: empty file (only white space)`]);
		expect(reason('binary.txt')[0]).toMatch(/binary file/);
		expect(reason('latin1.txt')[0]).toMatch(/not valid UTF-8 \(byte 0xe9 at byte 3\)/);
		expect(reason('report.pdf')[0]).toMatch(/unsupported file type \.pdf/);
		expect(reason('huge.txt')[0]).toMatch(/too large: 10\.0 MB, over the 10 MB limit/);
		expect(reason('missing.txt')).toEqual([`${path.join(input, 'missing.txt')}: skipped: no such file or folder`]);
		expect(errors).toHaveLength(7);
		expect(result.stdout).toContain(`${path.join(input, 'good.txt')}: added 1 source`);
		const dataset = JSON.parse(readFileSync(path.join(data, 'dataset.json'), 'utf8'));
		expect(dataset.sources.map((source: {file: string}) => source.file)).toEqual(['good.txt']);
	});

	it('strips a byte-order mark, says so, and counts offsets from the character after it', () => {
		const input = folder('bom');
		const text = ' date 2025-04-17 Talks in Geneva\n\n"We made progress," Foreign Minister Jan Novak said on Thursday.\n';
		writeFileSync(path.join(input, 'bom.txt'), `\uFEFF${text}`);
		const data = folder('bom-data');
		const result = runCli(['ingest', input, '--data', data]);
		expect(result.code).toBe(0);
		expect(result.stdout).toContain('byte-order mark removed');
		const dataset = JSON.parse(readFileSync(path.join(data, 'dataset.json'), 'utf8')) as {quotes: Array<{evidence: {exact: string; start: number; end: number}}>};
		expect(dataset.quotes).toHaveLength(1);
		const {evidence} = dataset.quotes[0]!;
		expect(text.slice(evidence.start, evidence.end)).toBe(evidence.exact);
	});

	it('leaves a dataset exactly as it is when no article could be read', () => {
		const data = folder('only-bad');
		const original = path.join(repoRoot, 'data', 'dataset.json');
		copyFileSync(original, path.join(data, 'dataset.json'));
		const bad = folder('only-bad-input');
		writeFileSync(path.join(bad, 'empty.txt'), '');
		const result = runCli(['ingest', bad, '--data', data]);
		expect(result.code).toBe(1);
		expect(result.stdout).toContain('0 read, 1 failed; nothing changed');
		expect(readFileSync(path.join(data, 'dataset.json'))).toEqual(readFileSync(original));
		expect(readdirSync(data)).toEqual(['dataset.json']);
	});

	it('writes nothing with --dry-run', () => {
		const data = folder('dry');
		const result = runCli(['ingest', articles, '--data', data, '--dry-run']);
		expect(result.code).toBe(0);
		expect(result.stdout).toMatch(/dry run, nothing written/);
		expect(readdirSync(data)).toEqual([]);
	});

	it('prints the resulting document with --json, the report going to standard error', () => {
		const data = folder('json');
		const result = runCli(['ingest', articles, '--data', data, '--json', '--dry-run']);
		expect(result.code).toBe(0);
		const document = JSON.parse(result.stdout) as unknown;
		const valid = validateDataset(document, 'stdout');
		expect(valid.ok ? [] : valid.problems).toEqual([]);
		expect(result.stderr).toContain('dry run, nothing written');
		expect(readdirSync(data)).toEqual([]);
	});

	it('strips escape sequences from everything it prints', () => {
		const input = folder('hostile');
		writeFileSync(path.join(input, 'evil\u001B]0;owned\u0007name.txt'), ' date 2025-04-17 Title \u001B[31mred\u001B[0m\n\n"We are \u001B[2Jready," Minister Jan Novak said on Thursday.');
		writeFileSync(path.join(input, 'bad\u001B[2J.pdf'), 'x');
		const result = runCli(['ingest', input, '--data', folder('hostile-data')]);
		expect(result.stdout + result.stderr).not.toMatch(/\u001B|\u0007/);
	});

	it('shows no progress bar when standard error is not a terminal', () => {
		const result = runCli(['ingest', articles, '--data', folder('no-tty'), '--dry-run']);
		expect(result.stderr).toBe('');
	});

	it('refuses bad usage with exit code 2', () => {
		expect(runCli(['ingest', '--data', folder('usage')])).toMatchObject({code: 2, stderr: expect.stringContaining('name at least one article file or folder')});
		expect(runCli(['ingest', articles, '--data=-'])).toMatchObject({code: 2, stderr: expect.stringContaining('not standard input')});
		const busy = folder('busy');
		writeFileSync(path.join(busy, 'notes.txt'), 'mine');
		expect(runCli(['ingest', articles, '--data', busy])).toMatchObject({code: 2, stderr: expect.stringContaining('has no dataset.json and is not empty')});
	});

	it('refuses to ingest into an invalid dataset, leaving it alone', () => {
		const data = folder('invalid');
		writeFileSync(path.join(data, 'dataset.json'), '{"version": 2}');
		const result = runCli(['ingest', articles, '--data', data]);
		expect(result.code).toBe(1);
		expect(result.stderr).toContain('the dataset is not valid, so nothing was ingested');
		expect(readFileSync(path.join(data, 'dataset.json'), 'utf8')).toBe('{"version": 2}');
	});

	it('reports a write error on one line, exits 1 and leaves the old data intact', () => {
		const result = runCli(['ingest', articles, '--data', '/dev/null/data']);
		expect(result.code).toBe(1);
		expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
		expect(result.stderr).toMatch(/^briefing ingest: cannot write \/dev\/null\/data\/dataset\.json: /);
	});

	it.skipIf(process.getuid?.() === 0)('keeps the old dataset when its folder is read-only', () => {
		const data = folder('read-only');
		expect(runCli(['ingest', path.join(articles, articleFiles[0]!), '--data', data]).code).toBe(0);
		const before = readFileSync(path.join(data, 'dataset.json'), 'utf8');
		chmodSync(data, 0o555);
		try {
			const result = runCli(['ingest', path.join(articles, articleFiles[1]!), '--data', data]);
			expect(result.code).toBe(1);
			expect(result.stderr).toMatch(/cannot write .*: the folder is read-only or not yours/);
			expect(readFileSync(path.join(data, 'dataset.json'), 'utf8')).toBe(before);
		} finally {
			chmodSync(data, 0o755);
		}
	});

	it('never touches the bundled data in these tests', () => {
		const bundled = readFileSync(path.join(repoRoot, 'data', 'dataset.json'), 'utf8');
		expect(JSON.parse(bundled).sources).toHaveLength(5);
		expect(existsSync(path.join(repoRoot, 'data', 'ingest-state.json'))).toBe(false);
	});
});
