/** The keystroke queries: typos, aliases, Cyrillic, several words, filters, a phrase. */
export const benchQueries = [
	'kovalenko', 'kovalneko', 'shevchnko', 'Шевченко', 'Коваленко', 'peskov', 'lavrov', 'Лавров', 'zakharova', 'zaporizhzhia',
	'zaporozhye', 'odessa', 'kyiv', 'kiev', 'Київ', 'paris talks', 'grain exports', 'security guarantees', 'prisoner exchanges',
	'ceasefire kyiv', 'minerals agreement davos', 'reconstruction funding', 'reconstrution fundng', 'air defence deliveries',
	'frozen russian assets', 'tag:ceasefire', 'tag:energy odesa', 'actor:lavrov', 'actor:kovalenko since:2024', 'since:2025-01 grain',
	'status:scheduled summit', 'type:quote ceasefire', 'type:actor minister of defence', 'source:reuters sanctions',
	'"security guarantees"', 'foreign affairs minister', 'spokesperson of russia', 'baerbock', 'sikorski warsaw', 'witkoff', 'rubio',
	'nato summit', 'iaea nuclear plant', 'humanitarian corridors kherson', 'drone production', 'Володимир', 'mykola melnyk', 'hrytsenko',
];
