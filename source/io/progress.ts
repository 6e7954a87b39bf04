/**
 * A one-line progress bar on standard error, for loading large data: shown only on a terminal and
 * only when the work is large enough to be waited for; erased when done.
 */

export type Progress = {
	/** Reports `done` of `total` (bytes, items). */
	readonly update: (done: number, total: number) => void;
	/** Erases the bar. */
	readonly done: () => void;
};

const quiet: Progress = {update: () => undefined, done: () => undefined};

export function progressBar(label: string, {minimumTotal = 32 * 1024 * 1024, unit = 'MB'}: {minimumTotal?: number; unit?: 'MB' | 'items'} = {}): Progress {
	const stream = process.stderr;
	if (!stream.isTTY) {
		return quiet;
	}

	let shown = false;
	let last = -1;
	return {
		update(done, total) {
			if (total < minimumTotal) {
				return;
			}

			const percent = Math.floor((done / Math.max(1, total)) * 100);
			if (percent === last) {
				return;
			}

			last = percent;
			shown = true;
			const width = 30;
			const filled = Math.round((percent / 100) * width);
			const amount = unit === 'MB' ? `${Math.round(done / 1e6)}/${Math.round(total / 1e6)} MB` : `${done.toLocaleString('en')}/${total.toLocaleString('en')}`;
			stream.write(`\r\u001B[2K${label} ${'█'.repeat(filled)}${'░'.repeat(width - filled)} ${String(percent).padStart(3)}%  ${amount}`);
		},
		done() {
			if (shown) {
				stream.write('\r\u001B[2K');
				shown = false;
			}
		},
	};
}
