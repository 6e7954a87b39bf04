import stringWidth from 'string-width';
import {afterEach, describe, expect, it} from 'vitest';
import type {Dataset} from '../../source/core/schema.js';
import {bindings} from '../../source/ui/keymap.js';
import {type Dashboard, keys, loadFile, loadText, renderDashboard} from '../helpers/ink.js';

const small = loadFile('tests/fixtures/small/dataset.json');
const smallDocument = small.dataset;

let dashboard: Dashboard | undefined;
afterEach(() => {
	dashboard?.unmount();
	dashboard = undefined;
});

async function open(columns = 120, rows = 40, linked = small): Promise<Dashboard> {
	dashboard = await renderDashboard(linked, columns, rows);
	return dashboard;
}

/** The pane title line that carries the focus mark. */
function focusedPane(frame: string): string | undefined {
	return /▶ (\w+)/.exec(frame)?.[1];
}

/** The timeline line carrying the selection marker, just inside the pane's left border. */
function selectedLine(frame: string): string[] {
	return frame.split('\n').filter((line) => line[1] === '›');
}

describe('layout', () => {
	it('shows the header, the three panes and the detail side by side at 120x40', async () => {
		const {frame, lines} = await open(120, 40);
		expect(lines()[0]).toContain('briefing  test-data · as of 4 Mar 2024 · 2 sources · 4 actors · 4 events · 2 quotes');
		expect(lines()[2]).toMatch(/▶ Timeline +4.*Actors +4.*Quotes +2.*Detail/);
		expect(frame()).toContain('Anna Berg');
		expect(frame()).toContain('“These were useful ta…');
		expect(lines().at(-1)).toContain('j/k move  Tab pane  Enter open  Esc back  / search  Space pin  b brief  ? help  q quit');
	});

	it.each([[120, 40], [100, 30], [60, 20], [40, 12]])('never draws more than rows - 1 lines nor wider than the terminal at %ix%i', async (columns, rows) => {
		const {lines} = await open(columns, rows);
		expect(lines().length).toBeLessThanOrEqual(rows - 1);
		for (const line of lines()) {
			expect(stringWidth(line)).toBeLessThanOrEqual(columns);
		}
	});

	it('puts the detail below the panes on a medium terminal', async () => {
		const {lines} = await open(100, 30);
		const detailRow = lines().findIndex((line) => line.includes('Detail'));
		const paneRow = lines().findIndex((line) => line.includes('Timeline'));
		expect(detailRow).toBeGreaterThan(paneRow);
		expect(lines()[paneRow]).toMatch(/Timeline.*Actors.*Quotes/);
	});

	it('shows one pane at a time with tabs on a narrow terminal', async () => {
		const {frame, lines, press} = await open(60, 20);
		expect(lines()[1]).toContain('1 Timeline 4 │ 2 Actors 4 │ 3 Quotes 2');
		// The footer keeps help and quit when it has to leave hints out.
		expect(lines().at(-1)).toMatch(/^ j\/k move .*\? help {2}q quit *$/);
		expect(lines().at(-1)).not.toContain('…');
		expect(frame()).not.toContain('Actors  ');
		await press('2');
		expect(focusedPane(frame())).toBe('Actors');
		expect(frame()).toContain('Anna Berg');
		expect(frame()).not.toContain('Port talks resume');
	});

	it('says the terminal is too small below 40x12 instead of drawing', async () => {
		const {frame} = await open(39, 12);
		expect(frame().replace(/\s+/g, ' ')).toBe('Terminal too small: 39x12, need at least 40x12. Enlarge it, or press q to quit.');
		expect(frame().split('\n').length).toBeLessThanOrEqual(11);
	});
});

describe('timeline', () => {
	it('is chronological with separators, undated last and marked, scheduled marked, and source counts', async () => {
		const {lines} = await open(120, 40);
		const timeline = lines().map((line) => line.slice(1, 41));
		expect(timeline.slice(3, 11)).toEqual([
			'── Summer 2023 ─────────────────────────',
			'  Summer 2023  Dockworkers strike … 1src',
			'── Mar 2024 ────────────────────────────',
			'  1 Mar 2024   Port talks resume    2src',
			'── Apr 2024 ────────────────────────────',
			'› ~Apr 2024   »Council to vote on … 1src',
			'── Undated ─────────────────────────────',
			'  undated      The port authority … 1src',
		]);
	});

	it('starts on the latest dated event', async () => {
		const {frame} = await open();
		expect(selectedLine(frame())[0]).toContain('~Apr 2024');
	});
});

describe('moving', () => {
	it('moves with j, k and the arrows', async () => {
		const {frame, press} = await open();
		await press('k');
		expect(selectedLine(frame())[0]).toContain('Port talks resume');
		await press(keys.up);
		expect(selectedLine(frame())[0]).toContain('Dockworkers strike');
		await press(keys.down, 'j');
		expect(selectedLine(frame())[0]).toContain('Council to vote');
		await press('j', 'j');
		expect(selectedLine(frame())[0]).toContain('The port authority');
	});

	it.each([
		['g', 'G'],
		[keys.home, keys.end],
		[keys.pageUp, keys.pageDown],
		[keys.ctrlU, keys.ctrlD],
	])('goes to the ends with %j and %j', async (first, last) => {
		const {frame, press} = await open();
		await press(first);
		expect(selectedLine(frame())[0]).toContain('Dockworkers strike');
		await press(last);
		expect(selectedLine(frame())[0]).toContain('The port authority');
	});

	it('keeps the selection in view in a long list, drawing only the visible window', async () => {
		const events = Array.from({length: 5000}, (_, index) => ({
			...smallDocument.events[0]!,
			id: `event-${index}`,
			date: `2024-${String((index % 12) + 1).padStart(2, '0')}-01`,
			title: `Numbered event ${index}`,
		}));
		const big = loadText(JSON.stringify({...smallDocument, events, quotes: []} satisfies Dataset));
		const {frame, lines, press} = await open(120, 40, big);
		expect(lines().length).toBeLessThanOrEqual(39);
		// The latest day holds many events; ids order them, so event-995 is the last one.
		expect(selectedLine(frame())[0]).toMatch(/1 Dec 2024 +Numbered event 995 /);
		await press('g');
		expect(selectedLine(frame())[0]).toMatch(/1 Jan 2024 +Numbered event 0 /);
		await press(keys.pageDown, keys.pageDown);
		// Two pages of 35 lines, less the month separators in between.
		// Two pages of 34 lines each (40 rows less header, footer, border and title): the 69th event of January.
		const seventyFirst = events.filter((event) => event.date.startsWith('2024-01')).map((event) => event.id).sort()[68]!;
		expect(selectedLine(frame())).toEqual([expect.stringContaining(`1 Jan 2024   Numbered event ${seventyFirst.slice(6)} `)]);
		await press('G');
		expect(selectedLine(frame())[0]).toMatch(/Numbered event 995 /);
		expect(lines().length).toBeLessThanOrEqual(39);
	});
});

describe('panes and focus', () => {
	it('cycles with Tab and Shift-Tab and jumps with 1 2 3', async () => {
		const {frame, press} = await open();
		expect(focusedPane(frame())).toBe('Timeline');
		await press(keys.tab);
		expect(focusedPane(frame())).toBe('Actors');
		await press(keys.tab);
		expect(focusedPane(frame())).toBe('Quotes');
		await press(keys.tab);
		expect(focusedPane(frame())).toBe('Timeline');
		await press(keys.shiftTab);
		expect(focusedPane(frame())).toBe('Quotes');
		await press('2');
		expect(focusedPane(frame())).toBe('Actors');
		await press('1');
		expect(focusedPane(frame())).toBe('Timeline');
		await press('3');
		expect(focusedPane(frame())).toBe('Quotes');
	});

	it('sorts actors by involvement with kind, role and counts', async () => {
		const {lines} = await open();
		const actors = lines().map((line) => line.slice(43, 63)).slice(3, 11);
		expect(actors).toEqual([
			'› Anna Berg   2ev 1q',
			'  person · Mayor of…',
			'  Tomas Varga 2ev 1q',
			'  person · Chair of…',
			'  Lindholm P… 2ev 0q',
			'  organization      ',
			'  Lindholm    0ev 0q',
			'  place             ',
		]);
	});

	it('shows speaker, date, channel and text in the quotes pane', async () => {
		const {frame} = await open(160, 45);
		expect(frame()).toContain('› Anna Berg · 1 Mar 2024 · press…');
		expect(frame()).toContain('“These were useful talks”');
		expect(frame()).toContain('Tomas Varga · 4 Mar 2024 · int…');
		expect(frame()).toContain('“not done yet”');
	});
});

describe('detail', () => {
	it('shows an event\'s summary, actors, place, tags, status and each source with its sentence', async () => {
		const {frame, press} = await open(160, 45);
		await press('k');
		const detail = frame();
		for (const text of [
			'Port talks resume',
			'1 Mar 2024 · occurred · Lindholm',
			'The mayor and the dockworkers\' union',
			'Anna Berg, Mayor of Lindholm',
			'meeting, port',
			'Sources (2)',
			'Harbour Gazette, 2 Mar 2024',
			'Talks over the port resumed on',
			'Coastal Wire, 4 Mar 2024',
			'Quotes (1)',
		]) {
			expect(detail).toContain(text);
		}
	});

	it('shows an actor\'s role, aliases, events and quotes', async () => {
		const {frame, press} = await open(160, 45);
		await press('2');
		for (const text of ['Mayor of Lindholm', 'Also written', 'Berg, Анна Берг', 'Events (2)', '~Apr 2024 Council to vote on the', '1 Mar 2024 Port talks resume', 'Quotes (1)', '1 Mar 2024 “These were useful']) {
			expect(frame()).toContain(text);
		}
	});

	it('shows a quote whole with speaker, role, event and source sentence', async () => {
		const {frame, press} = await open(160, 45);
		await press('3');
		for (const text of ['│“These were useful talks”', 'Anna Berg, Mayor of Lindholm', '1 Mar 2024 · press conference', 'Event', '1 Mar 2024 Port talks resume', 'Harbour Gazette, 2 Mar 2024', '“These were useful talks,” Berg']) {
			expect(frame()).toContain(text);
		}
	});

	it('opens with Enter for scrolling and closes with Esc', async () => {
		const {frame, press} = await open(60, 20);
		await press(keys.enter);
		expect(focusedPane(frame())).toBe('Detail');
		expect(frame()).toContain('j/k scroll  Esc back');
		await press(keys.escape);
		expect(focusedPane(frame())).toBe('Timeline');
	});
});

describe('cross-filtering', () => {
	it('narrows timeline and quotes to an actor with Enter, says so in the header, and Esc clears', async () => {
		const {frame, lines, press} = await open(160, 45);
		await press('2', 'j', keys.enter);
		expect(lines()[0]).toContain('filter: Tomas Varga (Esc clears)');
		expect(frame()).toMatch(/Timeline · Tomas Varga +2/);
		expect(frame()).toMatch(/Quotes · Tomas Varga +1/);
		expect(frame()).not.toContain('Council to vote');
		expect(frame()).not.toContain('useful talks');
		await press(keys.escape);
		expect(lines()[0]).not.toContain('filter:');
		expect(frame()).toContain('Council to vote');
	});

	it('filters with f too', async () => {
		const {lines, press} = await open();
		await press('2', 'f');
		expect(lines()[0]).toContain('filter: Anna Berg');
	});

	it('marks the actors and quotes of the selected event', async () => {
		const {frame, press} = await open();
		await press('k');
		// Anna Berg carries the selection mark of the actors pane; Tomas Varga is marked as related.
		expect(frame()).toContain('• Tomas Varga');
		expect(frame()).not.toContain('• Lindholm');
		expect(frame()).not.toMatch(/• Tomas Varga · 4 Mar 2024/);
		await press('j');
		expect(frame()).not.toContain('• Tomas Varga');
	});
});

describe('help', () => {
	it('lists every binding of the key table and closes with ? or Esc', async () => {
		const {frame, press} = await open(120, 40);
		await press('?');
		const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
		// The help scrolls: read it page by page.
		let seen = frame();
		for (let page = 0; page < 4; page++) {
			seen += await press(keys.pageDown);
		}

		for (const binding of bindings) {
			expect(seen).toMatch(new RegExp(`${escape(binding.keys)} +${escape(binding.description)}`));
		}

		await press('?');
		expect(frame()).not.toContain('Show or hide this help');
		await press('?', keys.escape);
		expect(frame()).not.toContain('Show or hide this help');
		expect(focusedPane(frame())).toBe('Timeline');
	});
});

describe('untrusted text', () => {
	it('never lets escape sequences from the data reach the terminal, and keeps wide text aligned', async () => {
		const hostile = structuredClone(smallDocument);
		hostile.events[2]!.title = 'Vote \u001B]0;pwned\u0007on \u001B[2Jthe plan \u202Eend 東京会議';
		hostile.actors[0]!.name = 'Anna \u001B]8;;https://evil.example\u001B\\Berg\u001B]8;;\u001B\\';
		const {frame, lines} = await open(160, 40, loadText(JSON.stringify(hostile)));
		expect(frame()).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202E]/);
		expect(frame()).toContain('Vote on the plan end 東京会議');
		expect(frame()).toContain('Anna Berg');
		const widths = new Set(lines().slice(1, -1).map((line) => stringWidth(line)));
		expect(widths).toEqual(new Set([160]));
	});
});

describe('the README', () => {
	it('documents every key binding of the table', async () => {
		const {readFileSync} = await import('node:fs');
		const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
		for (const binding of bindings) {
			for (const key of binding.keys.split(' ')) {
				expect(readme, `README lacks the key ${key} (${binding.description})`).toContain(`\`${key}\``);
			}
		}
	});
});

describe('fast typing', () => {
	it('applies every key of a run that arrives in one chunk', async () => {
		const {frame, press} = await open();
		await press('g');
		await press('jj');
		expect(selectedLine(frame())[0]).toContain('Council to vote');
		await press('kkk');
		expect(selectedLine(frame())[0]).toContain('Dockworkers strike');
	});
});
