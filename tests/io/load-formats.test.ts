import {mkdirSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {loadDatasetText} from '../../source/core/dataset.js';
import type {Dataset} from '../../source/core/schema.js';
import {readDataset, readDatasetInfo} from '../../source/io/read-dataset.js';
import {datasetRecords, writeRecords} from '../../source/io/write-dataset.js';
import {generateDataset} from '../../source/tools/generate.js';
import {fixtures, runCli} from '../helpers/cli.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'briefing-formats-'));
const small = JSON.parse(readFileSync(path.join(fixtures, 'small', 'dataset.json'), 'utf8')) as Dataset;
const noCache = {cache: {directory: null}} as const;

async function text(dataset: Dataset, format: 'json' | 'ndjson', indent: 0 | 2 = 2): Promise<string> {
	let out = '';
	await writeRecords(datasetRecords(dataset), format, (chunk) => {
		out += chunk;
	}, {indent});
	return out;
}

function write(name: string, content: string | Buffer): string {
	const file = path.join(scratch, name);
	mkdirSync(path.dirname(file), {recursive: true});
	writeFileSync(file, content);
	return file;
}

function linkedOf(file: string): Dataset {
	const loaded = readDatasetInfo(file, noCache);
	if (!loaded.ok) {
		throw new Error(loaded.problems.map((problem) => `${problem.file}: ${problem.path}: ${problem.message}`).join('\n'));
	}

	return loaded.value.linked.dataset;
}

const expected = (() => {
	const loaded = loadDatasetText(JSON.stringify(small), 'small.json');
	if (!loaded.ok) {
		throw new Error('the small fixture is not valid');
	}

	return loaded.value.dataset;
})();

describe('the same records in every form', () => {
	it('writes a JSON document byte for byte as JSON.stringify does', async () => {
		expect(await text(small, 'json')).toBe(`${JSON.stringify(small, null, 2)}\n`);
		expect(await text(small, 'json', 0)).toBe(`${JSON.stringify(small)}\n`);
		const empty = {version: 1, sources: [], actors: [], events: [], quotes: []} as Dataset;
		expect(await text(empty, 'json')).toBe(`${JSON.stringify(empty, null, 2)}\n`);
	});

	it('loads NDJSON, with its header line, as it loads the document', async () => {
		const ndjson = await text(small, 'ndjson');
		expect(ndjson.split('\n')[0]).toBe('{"type":"dataset","version":1}');
		expect(ndjson.split('\n')[1]).toMatch(/^{"type":"source","id":/);
		expect(linkedOf(write('small.ndjson', ndjson))).toEqual(expected);
	});

	it('loads NDJSON without a header, with CRLF line ends, blank lines and a byte-order mark', async () => {
		const lines = (await text(small, 'ndjson')).split('\n').slice(1);
		expect(linkedOf(write('loose.ndjson', `\uFEFF${lines.join('\r\n\r\n')}`))).toEqual(expected);
	});

	it('recognizes NDJSON by its first line whatever the file is called', async () => {
		expect(linkedOf(write('records.txt', await text(small, 'ndjson')))).toEqual(expected);
		expect(linkedOf(write('compact.data', await text(small, 'json', 0)))).toEqual(expected);
	});

	it('loads a folder of parts, NDJSON and JSON mixed, in the order of their names', async () => {
		const lines = (await text(small, 'ndjson')).trim().split('\n');
		const folder = path.join(scratch, 'parts');
		write('parts/dataset-0001.ndjson', `${lines.slice(0, 4).join('\n')}\n`);
		write('parts/dataset-0002.json', JSON.stringify({version: 1, events: small.events, quotes: small.quotes}));
		write('parts/dataset-0003.ndjson', '');
		write('parts/notes.json', '{"not": "a part"}');
		const rest = lines.slice(4).filter((line) => line.includes('"type":"actor"') || line.includes('"type":"source"'));
		write('parts/dataset-0001b.ndjson', `${rest.join('\n')}\n`);
		expect(linkedOf(folder)).toEqual(expected);
		expect(runCli(['validate', '--data', folder]).stdout).toBe('2 sources, 4 actors, 4 events, 2 quotes: valid\n');
	});

	it('loads NDJSON from standard input', async () => {
		const result = runCli(['export', '--json', '--data', '-'], {input: await text(small, 'ndjson')});
		expect(result.code).toBe(0);
		expect(JSON.parse(result.stdout)).toEqual(expected);
	});

	it('streams records across chunk boundaries, the same as one JSON.parse of the document', async () => {
		// Larger than the 4 MB the loader reads at a time, in every form.
		const dataset = generateDataset({events: 6000, seed: 11});
		const whole = loadDatasetText(JSON.stringify(dataset), 'whole');
		if (!whole.ok) {
			throw new Error('the generated dataset is not valid');
		}

		for (const [name, content] of [['big.json', await text(dataset, 'json')], ['big-compact.json', await text(dataset, 'json', 0)], ['big.ndjson', await text(dataset, 'ndjson')]] as const) {
			expect(content.length).toBeGreaterThan(5 * 1024 * 1024);
			expect(linkedOf(write(name, content))).toEqual(whole.value.dataset);
		}
	}, 60_000);
});

describe('problems in NDJSON and parts are reported by file and line', () => {
	const lines = async (): Promise<string[]> => (await text(small, 'ndjson')).trim().split('\n');
	const problemsOf = (file: string): string[] => {
		const result = runCli(['validate', '--data', file]);
		expect(result.code).toBe(1);
		const reported = result.stderr.trim().split('\n');
		expect(reported.at(-1)).toMatch(/^\d+ problems? found$/);
		return reported.slice(0, -1);
	};

	it('a line that is not JSON, a record against the schema, a reference that dangles', async () => {
		const records = await lines();
		records[2] = '{"type": "source", "id": "broken",}';
		const event = records.findIndex((line) => line.includes('"type":"event"'));
		records[event] = records[event]!.replace(/"date":"[^"]*"/, '"date":"2025-02-30"');
		const quote = records.findIndex((line) => line.includes('"type":"quote"'));
		records[quote] = records[quote]!.replace(/"speaker":"[^"]*"/, '"speaker":"nobody-at-all"');
		const file = write('broken.ndjson', `${records.join('\n')}\n`);
		const problems = problemsOf(file);
		const shown = path.relative(process.cwd(), file).startsWith('..') ? file : path.relative(process.cwd(), file);
		expect(problems).toContain(`${shown}: line 3, column 35: invalid JSON: expected a property name in double quotes (a trailing comma?)`);
		expect(problems.some((line) => line.startsWith(`${shown}: line ${event + 1}: date: "2025-02-30" is not a day of the calendar`))).toBe(true);
		expect(problems).toContain(`${shown}: line ${quote + 1}: speaker: no actor has the id "nobody-at-all": add it to actors or correct the reference`);
	});

	it('a record without a known type, and a header of another version', async () => {
		const records = await lines();
		records[0] = '{"type":"dataset","version":2}';
		records.push('{"type":"place","id":"x"}', '[1, 2]');
		const problems = problemsOf(write('types.ndjson', `${records.join('\n')}\n`));
		expect(problems.some((line) => line.endsWith(': line 1: version: must be 1, the only version of the format, not number 2'))).toBe(true);
		expect(problems.some((line) => /: line \d+: type: must be one of "dataset", "source", "actor", "event", "quote", not the string "place"$/.test(line))).toBe(true);
		expect(problems.some((line) => /: line \d+: must be an object with a "type", not an array$/.test(line))).toBe(true);
	});

	it('a duplicate id across parts names both places', async () => {
		const folder = path.join(scratch, 'duplicate');
		const records = await lines();
		write('duplicate/dataset-a.ndjson', `${records.join('\n')}\n`);
		const actor = records.find((line) => line.includes('"type":"actor"'))!;
		write('duplicate/dataset-b.ndjson', `${actor}\n`);
		const problems = problemsOf(folder);
		expect(problems).toHaveLength(1);
		expect(problems[0]).toMatch(/dataset-b\.ndjson: line 1: id: duplicate id "[a-z-]+", already used by .*dataset-a\.ndjson: line \d+: give each record its own id$/);
	});

	it('a problem in a JSON part is placed by its JSON path in that part', async () => {
		const folder = path.join(scratch, 'json-part');
		const records = await lines();
		write('json-part/dataset-1.ndjson', `${records.filter((line) => !line.includes('"type":"event"') && !line.includes('"type":"quote"')).join('\n')}\n`);
		const events = structuredClone(small.events) as Array<Record<string, unknown>>;
		events[1]!.status = 'rumoured';
		write('json-part/dataset-2.json', JSON.stringify({version: 1, events, quotes: small.quotes}, null, 2));
		const problems = problemsOf(folder);
		expect(problems).toHaveLength(1);
		expect(problems[0]).toMatch(/dataset-2\.json: events\[1\]\.status: must be one of "occurred", "scheduled", "cancelled", "postponed", not the string "rumoured"$/);
	});

	it('a document keeps the messages it always had', () => {
		const result = runCli(['validate', '--data', write('old.json', '{\n  "version": 1,\n  "sources": [,]\n}')]);
		expect(result.stderr).toContain('line 3, column 15: invalid JSON: expected a value (a stray or trailing comma?)');
	});

	it('readDataset reports the same problems synchronously', async () => {
		const records = await lines();
		records.splice(1, 1);
		const loaded = readDataset(write('missing-source.ndjson', `${records.join('\n')}\n`));
		expect(loaded.ok).toBe(false);
		expect(loaded.ok ? [] : loaded.problems.map((problem) => problem.message)).toContainEqual(expect.stringMatching(/^no source has the id /));
	});
});

describe('briefing export --ndjson', () => {
	it('round-trips: NDJSON exported loads to the same document', () => {
		const ndjson = runCli(['export', '--ndjson', '--data', path.join(fixtures, 'small')]);
		expect(ndjson.code).toBe(0);
		const file = write('exported.ndjson', ndjson.stdout);
		const again = runCli(['export', '--json', '--data', file]);
		const direct = runCli(['export', '--json', '--data', path.join(fixtures, 'small')]);
		expect(again.stdout).toBe(direct.stdout);
		expect(runCli(['export', '--ndjson', '--data', file]).stdout).toBe(ndjson.stdout);
	});

	it('refuses both forms at once', () => {
		expect(runCli(['export', '--json', '--ndjson'])).toEqual({code: 2, stdout: '', stderr: 'briefing export: choose one of --json and --ndjson\n'});
	});
});
