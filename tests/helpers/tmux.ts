import {execFileSync, spawnSync} from 'node:child_process';

/** A real terminal for end-to-end tests: tmux runs the built CLI, we type and read the screen. */

export function hasTmux(): boolean {
	return spawnSync('tmux', ['-V']).status === 0;
}

const delay = async (ms: number): Promise<void> => new Promise((resolve) => {
	setTimeout(resolve, ms);
});

export class TmuxSession {
	private readonly socket: string;

	constructor(readonly name: string) {
		this.socket = `briefing-test-${process.pid}-${name}`;
	}

	private tmux(...args: string[]): string {
		return execFileSync('tmux', ['-L', this.socket, ...args], {encoding: 'utf8'});
	}

	start(command: string, columns: number, rows: number, env: Record<string, string> = {}): void {
		const exports = Object.entries({TERM: 'xterm-256color', ...env}).map(([key, value]) => `export ${key}='${value}';`).join(' ');
		// Keep the pane open after the program ends, so the restored screen can be read.
		this.tmux('new-session', '-d', '-s', this.name, '-x', String(columns), '-y', String(rows), `${exports} ${command}; echo "EXITED $?"; sleep 30`);
	}

	screen(): string {
		return this.tmux('capture-pane', '-p', '-t', this.name);
	}

	/** The screen with its colours and attributes as escape sequences. */
	styledScreen(): string {
		return this.tmux('capture-pane', '-p', '-e', '-t', this.name);
	}

	/** A tmux format variable of the pane, such as alternate_on or cursor_flag. */
	variable(name: string): string {
		return this.tmux('display-message', '-p', '-t', this.name, `#{${name}}`).trim();
	}

	keys(...keys: string[]): void {
		for (const key of keys) {
			this.tmux('send-keys', '-t', this.name, key);
		}
	}

	resize(columns: number, rows: number): void {
		this.tmux('resize-window', '-t', this.name, '-x', String(columns), '-y', String(rows));
	}

	async press(...keys: string[]): Promise<string> {
		// One key at a time: an Escape sent together with the next key would read as Alt+key.
		for (const key of keys) {
			this.keys(key);
			// eslint-disable-next-line no-await-in-loop
			await delay(120);
		}

		return this.screen();
	}

	async waitFor(predicate: (screen: string) => boolean, what: string, timeout = 10_000): Promise<string> {
		const until = Date.now() + timeout;
		let screen = '';
		while (Date.now() < until) {
			screen = this.screen();
			if (predicate(screen)) {
				return screen;
			}

			// eslint-disable-next-line no-await-in-loop
			await delay(50);
		}

		throw new Error(`timed out waiting for ${what}; the screen was:\n${screen}`);
	}

	kill(): void {
		spawnSync('tmux', ['-L', this.socket, 'kill-server']);
	}
}
