import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {cliPath, fixtures} from '../helpers/cli.js';
import {hasTmux, TmuxSession} from '../helpers/tmux.js';

// The end-to-end test needs tmux; CI installs it (.ci/run), so there a missing tmux is a failure.
const available = hasTmux();
if (!available && process.env.CI === 'true') {
	throw new Error('tmux is not installed: the end-to-end terminal test needs it (apt-get install tmux)');
}

const sessions: TmuxSession[] = [];
afterEach(() => {
	for (const session of sessions.splice(0)) {
		session.kill();
	}
});

function open(name: string, args: string, columns: number, rows: number): TmuxSession {
	const session = new TmuxSession(name);
	sessions.push(session);
	session.start(`node ${cliPath} ${args}`, columns, rows);
	return session;
}

const started = (screen: string): boolean => screen.includes('briefing ') && screen.includes('▶ Timeline') && screen.includes('q quit');

describe.skipIf(!available)('the dashboard in a real terminal', () => {
	it('opens on the bundled data at 120x40 with all three panes filled, works, quits with q and restores the terminal', async () => {
		const session = open('wide', '', 120, 40);
		const screen = await session.waitFor(started, 'the dashboard');
		expect(session.variable('alternate_on')).toBe('1');
		const lines = screen.split('\n');
		expect(lines[0]).toMatch(/briefing +data · as of 17 Apr 2025 · 5 sources/);
		expect(lines[2]).toMatch(/▶ Timeline +\d+║│ +Actors +\d+││ +Quotes +\d+││ +Detail/);
		// Every pane has rows of its own.
		const cells = lines[4]!.split(/[║│]/).filter((cell) => cell.length > 0);
		expect(cells).toHaveLength(4);
		for (const cell of cells) {
			expect(cell).toMatch(/\S/);
		}
		expect(screen).toContain('Volodymyr Zelensky');

		await session.press('2');
		let next = await session.waitFor((text) => text.includes('▶ Actors') && text.includes('Also written'), 'the actors pane');
		// The detail pane names the selected actor in full on its first line.
		const topActor = next.split('\n')[3]!.split(/[║│]/).filter((cell) => cell.length > 0)[3]!.trim();
		expect(topActor).toMatch(/\w/);
		await session.press('Enter');
		await session.waitFor((text) => text.split('\n')[0]!.includes(`filter: ${topActor}`), 'the filter in the header');
		await session.press('Escape');
		await session.waitFor((text) => !text.split('\n')[0]!.includes('filter:'), 'the filter cleared');
		await session.press('?');
		await session.waitFor((text) => text.includes('▶ Keys') && text.includes('Move down'), 'the help');
		await session.press('?', 'q');
		await session.waitFor((text) => text.includes('EXITED 0'), 'the exit');
		expect(session.variable('alternate_on')).toBe('0');
		expect(session.variable('cursor_flag')).toBe('1');
	});

	it('works at 60x20 with one pane at a time, follows a resize, and quits with Ctrl-C', async () => {
		const session = open('narrow', '', 60, 20);
		let screen = await session.waitFor(started, 'the dashboard');
		expect(screen.split('\n')[1]).toMatch(/1 Timeline \d+ │ 2 Actors \d+ │ 3 Quotes \d+/);
		// At most rows - 1 lines drawn: the last row of the terminal stays empty.
		expect(screen.split('\n')[18]).toMatch(/q quit/);
		expect(screen.split('\n')[19]).toBe('');
		await session.press('3');
		await session.waitFor((text) => text.includes('▶ Quotes'), 'the quotes pane');
		await session.press('Enter');
		await session.waitFor((text) => text.includes('▶ Detail'), 'the detail');
		session.resize(120, 40);
		screen = await session.waitFor((text) => /Timeline.*Actors.*Quotes.*Detail/.test(text.split('\n')[2] ?? ''), 'the wide layout');
		session.resize(30, 10);
		await session.waitFor((text) => text.includes('Terminal too small'), 'the too-small notice');
		await session.press('C-c');
		await session.waitFor((text) => text.includes('EXITED 0'), 'the exit');
		expect(session.variable('alternate_on')).toBe('0');
	});

	it('draws without colour codes under NO_COLOR, with the focus still plain to see', async () => {
		const session = new TmuxSession('mono');
		sessions.push(session);
		session.start(`node ${cliPath}`, 120, 40, {NO_COLOR: '1'});
		const screen = await session.waitFor(started, 'the dashboard');
		expect(session.styledScreen()).not.toMatch(/\u001B\[[0-9;]*m/);
		expect(screen).toContain('▶ Timeline');
		expect(screen).toMatch(/║› /);
	});

	it.each([['SIGTERM', 143], ['SIGINT', 130], ['SIGHUP', 129]] as const)('restores the terminal when sent %s', async (signal, code) => {
		const session = open(`signal-${signal}`, '', 100, 30);
		await session.waitFor(started, 'the dashboard');
		const pid = session.variable('pane_pid');
		// The pane runs a shell; the CLI is its child.
		const {execFileSync} = await import('node:child_process');
		const child = execFileSync('pgrep', ['-P', pid], {encoding: 'utf8'}).trim().split('\n')[0]!;
		process.kill(Number(child), signal);
		await session.waitFor((text) => text.includes(`EXITED ${code}`), 'the exit');
		expect(session.variable('alternate_on')).toBe('0');
		expect(session.variable('cursor_flag')).toBe('1');
	});

	it('restores the terminal after an uncaught error, and says what happened on one line', async () => {
		const session = new TmuxSession('fault');
		sessions.push(session);
		session.start(`node ${cliPath}`, 100, 30, {BRIEFING_TEST_FAULT: 'uncaught'});
		await session.waitFor(started, 'the dashboard');
		const screen = await session.waitFor((text) => text.includes('EXITED 1'), 'the exit');
		expect(screen).toContain('briefing: internal error: fault injected by BRIEFING_TEST_FAULT');
		expect(screen).not.toMatch(/^\s+at /m);
		expect(session.variable('alternate_on')).toBe('0');
		expect(session.variable('cursor_flag')).toBe('1');
	});

	it('shows hostile strings from the data as harmless text', async () => {
		const data = JSON.parse(readFileSync(path.join(fixtures, 'small', 'dataset.json'), 'utf8')) as {events: Array<{title: string}>};
		data.events[2]!.title = 'Council \u001B]0;pwned\u0007vote \u001B[2Jon the plan';
		const folder = mkdtempSync(path.join(tmpdir(), 'briefing-hostile-'));
		writeFileSync(path.join(folder, 'dataset.json'), JSON.stringify(data));
		const session = open('hostile', `--data ${folder}`, 120, 40);
		const screen = await session.waitFor(started, 'the dashboard');
		expect(screen).toContain('Council vote on the plan');
		expect(screen.split('\n')[0]).toContain('briefing');
		expect(session.variable('pane_title')).not.toContain('pwned');
	});
});

describe('the dashboard without a terminal', () => {
	it('prints the summary instead of crashing when piped', async () => {
		const {spawnSync} = await import('node:child_process');
		const result = spawnSync('sh', ['-c', `node ${cliPath} < /dev/null | cat`], {encoding: 'utf8'});
		expect(result.status).toBe(0);
		expect(result.stdout).toMatch(/^data: 5 sources, \d+ actors, \d+ events, \d+ quotes\nAs of 17 Apr 2025/);
		expect(result.stderr).toBe('briefing: not a terminal, so printing the summary instead of opening the dashboard\n');
		expect(result.stdout).not.toContain('\u001B');
	});
});
