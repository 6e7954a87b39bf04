import {afterEach, describe, expect, it} from 'vitest';
import {plain} from '../../source/ui/text.js';
import {timelineRow} from '../../source/ui/rows.js';
import {type Dashboard, keys, loadFile, renderDashboard, settle} from '../helpers/ink.js';

const seed = loadFile('data/dataset.json');
const small = loadFile('tests/fixtures/small/dataset.json');

let dashboard: Dashboard | undefined;
afterEach(() => {
	dashboard?.unmount();
	dashboard = undefined;
});

async function open(linked = seed, columns = 160, rows = 40): Promise<Dashboard> {
	dashboard = await renderDashboard(linked, columns, rows);
	return dashboard;
}

async function type(board: Dashboard, text: string): Promise<string> {
	await board.press('/', text);
	await settle();
	return board.frame();
}

/** The text of the focused list's selected row, just inside the pane's border. */
function paneTitleCounts(frame: string): string {
	return frame.split('\n')[2]!;
}

describe('search in the dashboard', () => {
	it('opens a search line in the header and shows each pane\'s matches with counts', async () => {
		const board = await open();
		const frame = await type(board, 'macorn');
		expect(frame.split('\n')[0]).toMatch(/^ briefing {2}\/ macorn▏ {2}\d+ events · \d+ actors · \d+ quotes/);
		expect(paneTitleCounts(frame)).toMatch(/Timeline +\d+.*Actors +\d+.*Quotes +\d+/);
		expect(frame).toContain('› Emmanuel Macron');
	});

	it('treats every key as text while typing: q does not quit, 1 does not change pane', async () => {
		const board = await open();
		const frame = await type(board, 'q1 j');
		expect(frame.split('\n')[0]).toContain('/ q1 j▏');
	});

	it('takes text and Enter arriving in one chunk, as a paste or a fast typist sends them', async () => {
		const board = await open();
		await board.press('/', 'paris talks\r');
		await settle();
		expect(board.frame().split('\n')[0]).toMatch(/\/ paris talks {2}\d+ events/);
		expect(board.frame().split('\n')[0]).not.toContain('▏');
		await board.press('/', '\u007F\u007F\u007F\u007F\u007Fpeskovxx\u007F\u007F\r');
		await settle();
		expect(board.frame().split('\n')[0]).toMatch(/\/ paris peskov {2}\d+ events/);
	});

	it.each([['Backspace', keys.backspace], ['Delete', keys.delete]])('erases with %s', async (_name, key) => {
		const board = await open();
		await type(board, 'peskovv');
		await board.press(key);
		await settle();
		expect(board.frame().split('\n')[0]).toContain('/ peskov▏');
		expect(board.frame()).toContain('Dmitry Peskov');
	});

	it('keeps the results with Enter, steps through them with n and N, and clears with Esc', async () => {
		const board = await open();
		await type(board, 'paris');
		await board.press(keys.enter);
		const selected = (): string => board.lines().find((line) => line.startsWith('║›'))!;
		const first = selected();
		await board.press('n');
		expect(selected()).not.toBe(first);
		await board.press('N');
		expect(selected()).toBe(first);
		await board.press('N');
		// From the first match, N wraps round to the last.
		const count = Number(/Timeline +(\d+)/.exec(board.frame())![1]);
		expect(count).toBeGreaterThan(2);
		await board.press(keys.escape);
		await settle();
		expect(board.frame().split('\n')[0]).not.toContain('/ paris');
		expect(board.frame()).toContain('as of 17 Apr 2025');
	});

	it('finds Latin spellings from Cyrillic and forgives typos', async () => {
		const board = await open();
		expect(await type(board, 'Макрон')).toContain('› Emmanuel Macron');
		await board.press(keys.escape);
		expect(await type(board, 'yermack')).toContain('Andriy Yermak');
	});

	it('shows a bad filter as an error in the search line', async () => {
		const board = await open();
		const frame = await type(board, 'since:2025-13');
		expect(frame.split('\n')[0]).toContain('⚠ columns 7-13: since: "2025-13" has month 13');
		const unknown = await type(board, ' foo:bar');
		expect(unknown.split('\n')[0]).toContain('⚠');
	});

	it('narrows with filters combined with words', async () => {
		const board = await open();
		const frame = await type(board, 'actor:peskov type:quote');
		expect(frame).toMatch(/Quotes +1/);
		expect(frame).toMatch(/Timeline +0/);
		expect(frame).toContain('Dmitry Peskov');
	});
});

describe('highlighting', () => {
	it('sets apart exactly the matched characters of a row', () => {
		const event = small.events.find((each) => each.title === 'Port talks resume')!;
		const row = timelineRow(event, {selected: false, focused: false, related: false, pinned: false, matches: [[5, 10]]}, 60);
		const marked = row.filter((segment) => segment.underline).map((segment) => segment.text);
		expect(marked).toEqual(['talks']);
		expect(row.map((segment) => segment.text).join('')).toContain('Port talks resume');
		expect(plain('x').text).toBe('x');
	});
});
