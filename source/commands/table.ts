/**
 * Every subcommand and flag as data: the help text, the flag parser and the dispatcher all read
 * this one table, so they cannot disagree.
 */

export type FlagSpec = {
	readonly name: string;
	readonly type: 'string' | 'boolean' | 'number';
	readonly value?: string;
	readonly description: string;
	readonly choices?: readonly string[];
	readonly shortFlag?: string;
};

export type Flags = Record<string, string | boolean | number | undefined>;

export type CommandContext = {
	readonly input: readonly string[];
	readonly flags: Flags;
};

export type CommandSpec = {
	readonly name: string;
	readonly usage: string;
	readonly summary: string;
	readonly flags: readonly string[];
	readonly examples: readonly string[];
	readonly maxInputs: number;
	readonly load: () => Promise<{run: (context: CommandContext) => Promise<number> | number}>;
};

export const flagSpecs: readonly FlagSpec[] = [
	{name: 'data', type: 'string', value: 'PATH', description: 'dataset folder, JSON or NDJSON file, or - for standard input (default: the bundled data/)'},
	{name: 'json', type: 'boolean', description: 'print JSON for other tools'},
	{name: 'ndjson', type: 'boolean', description: 'print NDJSON: one record per line, which loads as a stream however large'},
	{name: 'limit', type: 'number', value: 'N', description: 'show at most N results (default 20)'},
	{name: 'type', type: 'string', value: 'KIND', description: 'only results of one kind: event, actor or quote', choices: ['event', 'actor', 'quote']},
	{name: 'actor', type: 'string', value: 'NAME', description: 'only what concerns this actor (name, alias or id; typos forgiven)'},
	{name: 'since', type: 'string', value: 'DATE', description: 'only from this EDTF date on (2025, 2025-01, 2025-01-14)'},
	{name: 'until', type: 'string', value: 'DATE', description: 'only up to this EDTF date'},
	{name: 'query', type: 'string', value: 'QUERY', description: 'only what matches a search query (the search syntax)'},
	{name: 'pinned', type: 'boolean', description: 'only the items pinned in the dashboard'},
	{name: 'title', type: 'string', value: 'TEXT', description: 'the briefing\'s title'},
	{name: 'format', type: 'string', value: 'FORMAT', description: 'text (default on a terminal), markdown, html or json', choices: ['text', 'markdown', 'html', 'json']},
	{name: 'out', type: 'string', value: 'FILE', description: 'write to FILE (atomically) instead of standard output'},
	{name: 'lines', type: 'number', value: 'N', description: 'page length in lines for text and markdown (default 60)'},
	{name: 'width', type: 'number', value: 'N', description: 'page width in columns for text and markdown (default 80)'},
	{name: 'dry-run', type: 'boolean', description: 'show what would change, write nothing'},
	{name: 'help', type: 'boolean', shortFlag: 'h', description: 'show this help'},
	{name: 'version', type: 'boolean', shortFlag: 'v', description: 'show the version'},
];

export const dashboardCommand: CommandSpec = {
	name: '',
	usage: 'briefing [--data PATH]',
	summary: 'Open the dashboard (prints the dataset summary when not on a terminal)',
	flags: ['data'],
	examples: ['briefing', 'briefing --data ~/desk/dataset.json'],
	maxInputs: 0,
	load: async () => import('./dashboard.js'),
};

export const commands: readonly CommandSpec[] = [
	{
		name: 'validate',
		usage: 'briefing validate [--data PATH]',
		summary: 'Check a dataset against the contract; print the counts and "valid", or every problem',
		flags: ['data'],
		examples: ['briefing validate', 'briefing validate --data ./my-data'],
		maxInputs: 0,
		load: async () => import('./validate.js'),
	},
	{
		name: 'search',
		usage: 'briefing search QUERY... [--type event|actor|quote] [--limit N] [--json] [--data PATH]',
		summary: 'Search events, actors and quotes; ranked results with type, date and snippet',
		flags: ['data', 'json', 'limit', 'type'],
		examples: ['briefing search macorn', 'briefing search actor:peskov type:quote', 'briefing search paris talks since:2025-04 --json'],
		maxInputs: Number.POSITIVE_INFINITY,
		load: async () => import('./search.js'),
	},
	{
		name: 'print',
		usage: 'briefing print [--actor NAME] [--since DATE] [--until DATE] [--query QUERY] [--pinned] [--title TEXT] [--format FORMAT] [--out FILE] [--lines N] [--width N] [--data PATH]',
		summary: 'Print a one-page briefing: bottom line, key developments, quotes, who\'s who, what\'s next, gaps, sources',
		flags: ['data', 'actor', 'since', 'until', 'query', 'pinned', 'title', 'format', 'out', 'lines', 'width'],
		examples: ['briefing print', 'briefing print --actor macron --since 2025-01', 'briefing print --pinned --format html --out brief.html'],
		maxInputs: 0,
		load: async () => import('./print.js'),
	},
	{
		name: 'ingest',
		usage: 'briefing ingest PATH... [--data DIR] [--dry-run] [--json]',
		summary: 'Read news articles (text or Markdown files, or folders of them) into the dataset',
		flags: ['data', 'dry-run', 'json'],
		examples: ['briefing ingest ~/articles --data ./my-data', 'briefing ingest new.txt --dry-run'],
		maxInputs: Number.POSITIVE_INFINITY,
		load: async () => import('./ingest.js'),
	},
	{
		name: 'export',
		usage: 'briefing export --json|--ndjson [--data PATH]',
		summary: 'Print the whole dataset sorted and normalized: one JSON document, or NDJSON',
		flags: ['data', 'json', 'ndjson'],
		examples: ['briefing export --json > dataset.json', 'briefing export --ndjson > dataset.ndjson'],
		maxInputs: 0,
		load: async () => import('./export.js'),
	},
	{
		name: 'schema',
		usage: 'briefing schema',
		summary: 'Print the JSON Schema of the dataset format',
		flags: [],
		examples: ['briefing schema > schema.json'],
		maxInputs: 0,
		load: async () => import('./schema.js'),
	},
];

export function findCommand(name: string | undefined): CommandSpec | undefined {
	return name === undefined ? dashboardCommand : commands.find((command) => command.name === name);
}

function flagLabel(spec: FlagSpec): string {
	const short = spec.shortFlag ? `-${spec.shortFlag}, ` : '';
	return `${short}--${spec.name}${spec.value ? ` ${spec.value}` : ''}`;
}

export function helpText(): string {
	const lines: string[] = [
		'A terminal dashboard and one-page briefings from news articles, every line sourced.',
		'',
		'Usage',
		`  ${dashboardCommand.usage}`,
		'  briefing <command> [flags]',
		'',
		'Commands',
	];
	const width = Math.max(...commands.map((command) => command.name.length));
	for (const command of commands) {
		lines.push(`  ${command.name.padEnd(width)}  ${command.summary}`);
	}

	lines.push('', 'Flags');
	const labelWidth = Math.max(...flagSpecs.map((spec) => flagLabel(spec).length));
	for (const spec of flagSpecs) {
		const usedBy = [dashboardCommand, ...commands].filter((command) => command.flags.includes(spec.name)).map((command) => command.name || '(dashboard)');
		const scope = usedBy.length > 0 && spec.name !== 'help' && spec.name !== 'version' ? ` [${usedBy.join(', ')}]` : '';
		lines.push(`  ${flagLabel(spec).padEnd(labelWidth)}  ${spec.description}${scope}`);
	}

	lines.push('', 'Examples');
	for (const command of [dashboardCommand, ...commands]) {
		for (const example of command.examples) {
			lines.push(`  $ ${example}`);
		}
	}

	lines.push('', 'Exit codes: 0 success, 1 invalid data or nothing found, 2 bad usage.');
	return lines.join('\n');
}

export function commandHelpText(command: CommandSpec): string {
	const lines = [command.summary, '', 'Usage', `  ${command.usage}`];
	const specs = flagSpecs.filter((spec) => command.flags.includes(spec.name));
	if (specs.length > 0) {
		lines.push('', 'Flags');
		const labelWidth = Math.max(...specs.map((spec) => flagLabel(spec).length));
		for (const spec of specs) {
			lines.push(`  ${flagLabel(spec).padEnd(labelWidth)}  ${spec.description}`);
		}
	}

	lines.push('', 'Examples', ...command.examples.map((example) => `  $ ${example}`));
	return lines.join('\n');
}
