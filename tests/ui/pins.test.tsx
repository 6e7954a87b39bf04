import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import type {BriefRequest} from '../../source/core/brief-request.js';
import {loadPins, savePins} from '../../source/io/pins.js';
import {repoRoot, runCli} from '../helpers/cli.js';
import {type Dashboard, keys, loadFile, renderDashboard, settle} from '../helpers/ink.js';

const small = loadFile('tests/fixtures/small/dataset.json');
const seed = loadFile('data/dataset.json');

let dashboard: Dashboard | undefined;
afterEach(() => {
	dashboard?.unmount();
	dashboard = undefined;
});

describe('pinning', () => {
	it('pins and unpins with Space, marks the item, counts pins in the header and saves them', async () => {
		const saved: string[][] = [];
		dashboard = await renderDashboard(small, 120, 40, {savePins: (pins) => {
			saved.push([...pins]);
			return undefined;
		}});
		await dashboard.press(keys.space);
		expect(dashboard.lines()[0]).toContain('· 1 pinned');
		expect(dashboard.frame()).toContain('║›*~Apr 2024');
		expect(saved).toEqual([['event:2024-04-vote']]);
		await dashboard.press('2', keys.space);
		expect(dashboard.lines()[0]).toContain('· 2 pinned');
		expect(dashboard.frame()).toMatch(/║›\*Anna Berg/);
		await dashboard.press('1', keys.space);
		expect(dashboard.lines()[0]).toContain('· 1 pinned');
		expect(saved.at(-1)).toEqual(['actor:anna-berg']);
	});

	it('shows saved pins and the notices about them at start', async () => {
		dashboard = await renderDashboard(small, 120, 40, {initialPins: ['quote:varga-not-done'], notices: ['dropped 1 pin whose item is no longer in the dataset']});
		expect(dashboard.lines()[0]).toContain('· 1 pinned');
		expect(dashboard.frame()).toMatch(/│ \*Tomas Varga/);
		expect(dashboard.lines().at(-1)).toContain('dropped 1 pin whose item is no longer in the dataset');
		await dashboard.press('j');
		expect(dashboard.lines().at(-1)).not.toContain('dropped');
	});

	it('says so when the pins cannot be saved', async () => {
		dashboard = await renderDashboard(small, 120, 40, {savePins: () => 'cannot write /x/pins.json: the folder is read-only or not yours; choose another place or fix its permissions'});
		await dashboard.press(keys.space);
		expect(dashboard.lines().at(-1)).toContain('cannot write /x/pins.json: the folder is read-only');
	});
});

describe('the briefing preview', () => {
	it('opens with b, scrolls, and writes to a file with w, asking for the name', async () => {
		const writes: Array<[string, BriefRequest]> = [];
		dashboard = await renderDashboard(small, 120, 30, {writeBrief: (file, request) => {
			writes.push([file, request]);
			return `Wrote /somewhere/${file}`;
		}});
		await dashboard.press(keys.space, 'b');
		expect(dashboard.frame()).toContain('Briefing preview · 1 pinned');
		expect(dashboard.frame()).toContain('BOTTOM LINE');
		await dashboard.press('w');
		expect(dashboard.lines().at(-1)).toContain('Write the briefing to: briefing-2024-03-04.md▏');
		await dashboard.press(keys.backspace, keys.backspace, 'html');
		expect(dashboard.lines().at(-1)).toContain('briefing-2024-03-04.html▏');
		await dashboard.press(keys.enter);
		expect(writes).toEqual([['briefing-2024-03-04.html', {pinned: [{kind: 'event', id: '2024-04-vote'}]}]]);
		expect(dashboard.lines().at(-1)).toContain('Wrote /somewhere/briefing-2024-03-04.html');
		await dashboard.press(keys.escape);
		expect(dashboard.frame()).not.toContain('Briefing preview');
	});

	it('previews the briefing of the search when nothing is pinned', async () => {
		dashboard = await renderDashboard(seed, 120, 40);
		await dashboard.press('/', 'peskov');
		await settle();
		await dashboard.press(keys.enter, 'b');
		expect(dashboard.frame()).toContain('Scope: query “peskov”');
	});

	it('shows the same page that briefing print --pinned prints', async () => {
		const env = {XDG_STATE_HOME: mkdtempSync(path.join(tmpdir(), 'briefing-state-'))};
		const dataFile = path.join(repoRoot, 'data', 'dataset.json');
		dashboard = await renderDashboard(seed, 120, 70, {savePins: (pins) => savePins(dataFile, pins.map((key) => ({kind: key.split(':')[0] as 'event', id: key.slice(key.indexOf(':') + 1)})), env)});
		await dashboard.press('k', keys.space, 'k', 'k', keys.space, '3', keys.space, 'b');
		expect(loadPins(dataFile, seed, env).pins).toHaveLength(3);
		const preview = dashboard.lines().slice(3, -2).map((line) => line.slice(1, -1).trimEnd());
		const printed = runCli(['print', '--pinned'], {env}).stdout.trimEnd().split('\n');
		expect(printed.length).toBeGreaterThan(10);
		expect(preview.slice(0, printed.length)).toEqual(printed);
	});
});
