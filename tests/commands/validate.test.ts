import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import type {Dataset} from '../../source/core/schema.js';
import {fixtures, runCli} from '../helpers/cli.js';

const small = JSON.parse(readFileSync(path.join(fixtures, 'small', 'dataset.json'), 'utf8')) as Dataset;
const scratch = mkdtempSync(path.join(tmpdir(), 'briefing-validate-'));

function writeCase(name: string, content: string | Buffer): string {
	const file = path.join(scratch, `${name}.json`);
	writeFileSync(file, content);
	return file;
}

function mutated(change: (data: any) => void): string {
	const copy = structuredClone(small) as any;
	change(copy);
	return JSON.stringify(copy, null, 2);
}

describe('briefing validate', () => {
	it('prints the counts and "valid" for a good dataset', () => {
		const result = runCli(['validate', '--data', path.join(fixtures, 'small')]);
		expect(result).toEqual({code: 0, stdout: '2 sources, 4 actors, 4 events, 2 quotes: valid\n', stderr: ''});
	});

	it('accepts a single file in the contract\'s shape', () => {
		const result = runCli(['validate', '--data', path.join(fixtures, 'small', 'dataset.json')]);
		expect(result.code).toBe(0);
	});

	const cases: Array<[string, string | Buffer, string[]]> = [
		['invalid-json', '{\n  "version": 1,\n  "sources": [,]\n}', ['line 3, column 15: invalid JSON: expected a value (a stray or trailing comma?)']],
		['truncated', '{\n  "version": 1,\n  "sources": [\n    {"id": "a"', ['line 4, column 15: invalid JSON: expected } to close the object (the document ends too early?)']],
		['empty', '', ['the file is empty; a dataset is a JSON object with version, sources, actors, events and quotes']],
		['not-utf8', Buffer.from([0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xFF, 0x22, 0x7D]), ['line 1, column 7: not valid UTF-8 (byte 0xff at byte 6): save the file as UTF-8']],
		['duplicate-id', mutated((data) => {
			data.actors[3].id = 'anna-berg';
		}), ['actors[3].id: duplicate id "anna-berg", already used by actors[0]: give each record its own id', 'events[0].actors[1]: no actor has the id "tomas-varga": add it to actors or correct the reference', 'events[1].actors[0]: no actor has the id "tomas-varga": add it to actors or correct the reference', 'quotes[1].speaker: no actor has the id "tomas-varga": add it to actors or correct the reference']],
		['dangling-actor', mutated((data) => {
			data.events[2].actors[0] = 'anna-bergg';
		}), ['events[2].actors[0]: no actor has the id "anna-bergg": add it to actors or correct the reference']],
		['dangling-source', mutated((data) => {
			data.quotes[0].evidence.source = 'harbour-gazette';
		}), ['quotes[0].evidence.source: no source has the id "harbour-gazette": add it to sources or correct the reference']],
		['dangling-event', mutated((data) => {
			data.quotes[0].event = 'port-talks';
		}), ['quotes[0].event: no event has the id "port-talks": add it to events or correct the reference']],
		['bad-date', mutated((data) => {
			data.events[0].date = '2025-02-30';
			data.sources[1].published = '2024-25';
		}), ['sources[1].published: "2024-25" has month 25; months run 01-12 and seasons 21-24', 'events[0].date: "2025-02-30" is not a day of the calendar: Feb 2025 has 28 days']],
		['empty-string', mutated((data) => {
			data.actors[0].name = '  ';
			data.quotes[1].text = '';
		}), ['actors[0].name: must not be empty', 'quotes[1].text: must not be empty']],
		['wrong-type', mutated((data) => {
			data.events[1].tags = 'strike';
			data.quotes[0].partial = 'no';
			data.quotes[0].evidence.start = 1.5;
		}), ['events[1].tags: must be an array, not the string "strike"', 'quotes[0].partial: must be true or false, not the string "no"', 'quotes[0].evidence.start: must be a whole number, not number 1.5']],
		['missing-field', mutated((data) => {
			delete data.events[0].status;
		}), ['events[0].status: is missing: add it (one of "occurred", "scheduled", "cancelled", "postponed")']],
		['unknown-field', mutated((data) => {
			data.actors[1].nickname = 'Lindy';
		}), ['actors[1].nickname: unknown field "nickname": remove it or check its spelling']],
		['bad-offsets', mutated((data) => {
			data.events[1].evidence[0].end += 3;
		}), ['events[1].evidence[0].end: end - start is 48 but exact has 45 characters']],
		['invented-quote', mutated((data) => {
			data.quotes[0].text = 'These were excellent talks';
		}), ['quotes[0].text: does not occur in its evidence sentence (evidence.exact): a quote must be verbatim']],
	];

	it.each(cases)('reports %s with its file, place and fix, exit code 1', (name, content, expected) => {
		const file = writeCase(name, content);
		const result = runCli(['validate', '--data', file]);
		const lines = expected.map((line) => `${file}: ${line}`);
		const count = lines.length;
		expect(result.code).toBe(1);
		expect(result.stdout).toBe('');
		expect(result.stderr).toBe(`${[...lines, `${count} problem${count === 1 ? '' : 's'} found`].join('\n')}\n`);
		expect(result.stderr).not.toMatch(/\n\s+at /);
	});

	it('says when the data path does not exist', () => {
		const missing = path.join(scratch, 'nowhere');
		const result = runCli(['validate', '--data', missing]);
		expect(result.code).toBe(1);
		expect(result.stderr).toBe(`${missing}: cannot read the dataset: no such file or folder; pass --data with a data folder or a dataset JSON file\n1 problem found\n`);
	});

	it('says when a folder has no dataset.json', () => {
		const result = runCli(['validate', '--data', scratch]);
		expect(result.code).toBe(1);
		expect(result.stderr).toBe(`${scratch}: the folder has no dataset.json: pass --data with a data folder that has one, or a dataset JSON file\n1 problem found\n`);
	});

	it('never lets an escape sequence from the data reach the terminal in a message', () => {
		const file = writeCase('hostile-id', mutated((data) => {
			data.events[2].actors[0] = '\u001B]0;pwned\u0007\u001B[2J';
		}));
		const result = runCli(['validate', '--data', file]);
		expect(result.code).toBe(1);
		expect(result.stderr).not.toContain('\u001B');
		expect(result.stderr).not.toContain('\u0007');
	});
});
