import type {Key} from 'ink';

/**
 * Every key binding of the dashboard as data: input handling and the `?` help overlay both read
 * this table, so the help can never drift from what the keys do.
 */

export type Command =
	| 'focusNext' | 'focusPrevious' | 'focusTimeline' | 'focusActors' | 'focusQuotes'
	| 'down' | 'up' | 'top' | 'bottom' | 'pageDown' | 'pageUp'
	| 'open' | 'filter' | 'back' | 'help' | 'quit'
	| 'search' | 'nextMatch' | 'previousMatch' | 'pin' | 'brief' | 'write'
	| 'accept' | 'erase';

type KeyName = 'tab' | 'return' | 'escape' | 'upArrow' | 'downArrow' | 'pageUp' | 'pageDown' | 'home' | 'end' | 'backspace' | 'delete';

/** One way to press a command: a character typed, or a named key; with or without Ctrl and Shift. */
export type Chord = {
	readonly input?: string;
	readonly key?: KeyName;
	readonly ctrl?: boolean;
	readonly shift?: boolean;
};

export type Group = 'Move' | 'Panes' | 'Act' | 'Search' | 'Briefing' | 'General';

/**
 * Where a binding applies: the lists and detail (`browse`), the search line while typing
 * (`typing`: every other key is text), or a line asking for a file name (`prompt`).
 */
export type Mode = 'browse' | 'typing' | 'prompt';

export type Binding = {
	readonly command: Command;
	readonly chords: readonly Chord[];
	/** How the keys are written in the help and the footer. */
	readonly keys: string;
	readonly description: string;
	readonly group: Group;
	/** Modes it works in; `browse` when not said. */
	readonly modes?: readonly Mode[];
	/** A short form for the footer, and where it applies: always, in the lists, on actors, in the detail. */
	readonly footer?: {readonly label: string; readonly where: 'always' | 'lists' | 'actors' | 'detail'};
};

export const bindings: readonly Binding[] = [
	{command: 'down', chords: [{input: 'j'}, {key: 'downArrow'}], keys: 'j ↓', description: 'Move down', group: 'Move', footer: {label: 'j/k move', where: 'lists'}},
	{command: 'up', chords: [{input: 'k'}, {key: 'upArrow'}], keys: 'k ↑', description: 'Move up', group: 'Move'},
	{command: 'top', chords: [{input: 'g'}, {key: 'home'}], keys: 'g Home', description: 'Go to the first item', group: 'Move'},
	{command: 'bottom', chords: [{input: 'G'}, {key: 'end'}], keys: 'G End', description: 'Go to the last item', group: 'Move'},
	{command: 'pageDown', chords: [{key: 'pageDown'}, {input: 'd', ctrl: true}], keys: 'PgDn Ctrl-d', description: 'Page down', group: 'Move'},
	{command: 'pageUp', chords: [{key: 'pageUp'}, {input: 'u', ctrl: true}], keys: 'PgUp Ctrl-u', description: 'Page up', group: 'Move'},
	{command: 'focusNext', chords: [{key: 'tab', shift: false}], keys: 'Tab', description: 'Next pane', group: 'Panes', footer: {label: 'Tab pane', where: 'always'}},
	{command: 'focusPrevious', chords: [{key: 'tab', shift: true}], keys: 'Shift-Tab', description: 'Previous pane', group: 'Panes'},
	{command: 'focusTimeline', chords: [{input: '1'}], keys: '1', description: 'Timeline', group: 'Panes'},
	{command: 'focusActors', chords: [{input: '2'}], keys: '2', description: 'Actors', group: 'Panes'},
	{command: 'focusQuotes', chords: [{input: '3'}], keys: '3', description: 'Quotes', group: 'Panes'},
	{command: 'open', chords: [{key: 'return'}], keys: 'Enter', description: 'Open the detail; on an actor, filter by it', group: 'Act', footer: {label: 'Enter open', where: 'lists'}},
	{command: 'filter', chords: [{input: 'f'}], keys: 'f', description: 'Filter timeline and quotes by the selected actor', group: 'Act', footer: {label: 'f filter', where: 'actors'}},
	{command: 'back', chords: [{key: 'escape'}], keys: 'Esc', description: 'Back, or clear the filter', group: 'Act', footer: {label: 'Esc back', where: 'always'}},
	{command: 'search', chords: [{input: '/'}], keys: '/', description: 'Search all three panes; type to narrow them', group: 'Search', footer: {label: '/ search', where: 'always'}},
	{command: 'accept', chords: [{key: 'return'}], keys: 'Enter', description: 'Keep the results and go back to moving', group: 'Search', modes: ['typing', 'prompt']},
	{command: 'back', chords: [{key: 'escape'}], keys: 'Esc', description: 'Clear the search (or cancel the question)', group: 'Search', modes: ['typing', 'prompt']},
	{command: 'erase', chords: [{key: 'backspace'}, {key: 'delete'}], keys: 'Backspace Delete', description: 'Erase the last character', group: 'Search', modes: ['typing', 'prompt']},
	{command: 'nextMatch', chords: [{input: 'n'}], keys: 'n', description: 'Next match in this pane', group: 'Search'},
	{command: 'previousMatch', chords: [{input: 'N'}], keys: 'N', description: 'Previous match in this pane', group: 'Search'},
	{command: 'pin', chords: [{input: ' '}], keys: 'Space', description: 'Pin or unpin the selected item for the briefing', group: 'Briefing', footer: {label: 'Space pin', where: 'lists'}},
	{command: 'brief', chords: [{input: 'b'}], keys: 'b', description: 'Preview the briefing (of the pins, or else of what is shown)', group: 'Briefing', footer: {label: 'b brief', where: 'always'}},
	{command: 'write', chords: [{input: 'w'}], keys: 'w', description: 'In the preview: write the briefing to a file', group: 'Briefing'},
	{command: 'help', chords: [{input: '?'}], keys: '?', description: 'Show or hide this help', group: 'General', footer: {label: '? help', where: 'always'}},
	{command: 'quit', chords: [{input: 'q'}, {input: 'c', ctrl: true}], keys: 'q Ctrl-c', description: 'Quit', group: 'General', footer: {label: 'q quit', where: 'always'}},
	{command: 'quit', chords: [{input: 'c', ctrl: true}], keys: 'Ctrl-c', description: 'Quit, even while typing', group: 'General', modes: ['typing', 'prompt']},
];

export const groups: readonly Group[] = ['Move', 'Panes', 'Act', 'Search', 'Briefing', 'General'];

function matches(chord: Chord, input: string, key: Key): boolean {
	if (Boolean(chord.ctrl) !== key.ctrl) {
		return false;
	}

	if (chord.key !== undefined) {
		if (!key[chord.key]) {
			return false;
		}

		return chord.shift === undefined || chord.shift === key.shift;
	}

	// Escape also sets meta in Ink; typed characters never come with meta.
	return !key.meta && input === chord.input;
}

export function commandFor(input: string, key: Key, mode: Mode = 'browse'): Command | undefined {
	return bindings.find((binding) => (binding.modes ?? ['browse']).includes(mode) && binding.chords.some((chord) => matches(chord, input, key)))?.command;
}
