// Render every ```mermaid block of the given Markdown files with the real
// Mermaid library in headless Chromium (Debian's /usr/bin/chromium, driven
// by puppeteer-core), and print one JSON line per diagram:
//   {"file", "index", "ok", "error", "type", "bars", "milestones", "labels"}
// labels are the task and milestone texts as the browser shows them (after
// Mermaid's entity codes are decoded), so a test can compare them with the
// text the report wrote elsewhere.
//
// With --parse-only (no Chromium), Mermaid runs under jsdom instead: it
// parses each diagram and fills the gantt's own task list (names, dates),
// which the same checks read, but draws nothing.
//
// With --tap N, it prints TAP lines numbered from N instead, one per
// diagram: it renders, and draws one bar per bar line and one milestone per
// milestone line of its source (Mermaid drops a task whose name it misreads, silently); then one
// per line of FILE.expect, if there is one: "diagrams: N" (how many blocks
// the file holds), or "label: TEXT" (a task the diagram must show exactly
// so).  The last line is "# next M", the number after its last test.
//
// --mermaid NAME: the npm package to use (mermaid, the default, is 11;
// mermaid10 is 10.9).
//
// Usage: node report_mermaid.mjs [--parse-only] [--mermaid NAME] [--tap N] FILE.md...
// The modules come from $PM_NODE_MODULES (test/support/deps.sh installs
// them there).
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const modules = process.env.PM_NODE_MODULES;
if (!modules) {
	console.error('PM_NODE_MODULES is not set');
	process.exit(2);
}
const require = createRequire(join(modules, 'package.json'));
const args = process.argv.slice(2);
let parseOnly = false;
let tap = null;
let lib = 'mermaid';			// the npm package: mermaid (11), or mermaid10 (10.9)
while (args.length && args[0].startsWith('--')) {
	const a = args.shift();
	if (a === '--parse-only')
		parseOnly = true;
	else if (a === '--tap')
		tap = parseInt(args.shift(), 10);
	else if (a === '--mermaid')
		lib = args.shift();
}
const files = args;
const results = [];
function report(r) {
	if (tap === null)
		console.log(JSON.stringify(r));
	else
		results.push(r);
}

function diagrams(file) {
	const text = readFileSync(file, 'utf8');
	const out = [];
	const re = /^```mermaid\n([\s\S]*?)^```$/gm;
	let m;
	while ((m = re.exec(text)) !== null)
		out.push(m[1]);
	return out;
}

const jobs = [];
for (const f of files)
	diagrams(f).forEach((d, i) => jobs.push({ file: f, index: i, text: d }));

async function withBrowser() {
	const puppeteer = require('puppeteer-core');
	const browser = await puppeteer.launch({
		executablePath: process.env.PM_CHROMIUM || '/usr/bin/chromium',
		headless: true,
		timeout: 60000,
		protocolTimeout: 120000,
		args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
			'--disable-background-networking', '--disable-component-update',
			'--disable-sync', '--disable-dev-shm-usage'],
	});
	try {
		const page = await browser.newPage();
		await page.setContent('<!doctype html><html><body><div id="out"></div></body></html>');
		await page.addScriptTag({ path: require.resolve(lib + '/dist/mermaid.min.js') });
		await page.evaluate(() => window.mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' }));
		for (const job of jobs) {
			const r = await page.evaluate(async (text, n) => {
				try {
					const type = (await window.mermaid.parse(text)).diagramType;
					const { svg } = await window.mermaid.render('d' + n, text);
					const holder = document.getElementById('out');
					holder.innerHTML = svg;
					const el = holder.querySelector('svg');
					if (/Syntax error/i.test(el.textContent))
						return { ok: false, error: 'Syntax error drawn in the diagram' };
					const labels = Array.from(el.querySelectorAll('text.taskText, text.taskTextOutsideRight, text.taskTextOutsideLeft'))
						.map(t => t.textContent);
					const bars = el.querySelectorAll('rect.task:not(.milestone)').length;
					const milestones = el.querySelectorAll('rect.milestone').length;
					const bad = Array.from(el.querySelectorAll('rect.task')).filter(r =>
						!isFinite(parseFloat(r.getAttribute('x'))) || !isFinite(parseFloat(r.getAttribute('width')))).length;
					const title = (el.querySelector('text.titleText') || {}).textContent || null;
					const ticks = el.querySelectorAll('g.tick').length;
					holder.innerHTML = '';
					if (bad > 0)
						return { ok: false, error: bad + ' task(s) drawn at a position that is not a number' };
					return { ok: true, type, bars, milestones, labels, title, ticks };
				} catch (e) {
					return { ok: false, error: String(e && e.message || e) };
				}
			}, job.text, jobs.indexOf(job));
			report({ file: job.file, index: job.index, text: job.text, ...r });
		}
	} finally {
		await browser.close();
	}
}

async function parseOnlyJsdom() {
	const { JSDOM } = require('jsdom');
	const dom = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true });
	globalThis.window = dom.window;
	globalThis.document = dom.window.document;
	const mermaid = (await import(require.resolve(lib + '/dist/mermaid.esm.min.mjs'))).default;
	mermaid.initialize({ startOnLoad: false });
	// Mermaid's entity codes (#58;) as its renderer decodes them
	const decode = (t) => {
		const ta = dom.window.document.createElement('textarea');
		ta.innerHTML = String(t || '').replace(/ﬂ°°/g, '&#').replace(/ﬂ°/g, '&').replace(/¶ß/g, ';');
		return ta.value;
	};
	for (const job of jobs) {
		let r;
		try {
			// parses it (a syntax error throws), and keeps the diagram's database
			const d = await mermaid.mermaidAPI.getDiagramFromText(job.text);
			const type = d.type;
			r = { ok: true, type, bars: 0, milestones: 0, labels: [], title: null, ticks: 0 };
			if (type === 'gantt') {
				// the tasks as the gantt's own database holds them, dates worked out
				const tasks = d.db.getTasks();
				const bad = tasks.filter(t => !(t.startTime instanceof Date) || isNaN(t.startTime) ||
					!(t.endTime instanceof Date) || isNaN(t.endTime)).length;
				r.milestones = tasks.filter(t => t.milestone).length;
				r.bars = tasks.length - r.milestones;
				r.labels = tasks.map(t => decode(t.task));
				r.title = decode(d.db.getDiagramTitle());
				if (bad > 0)
					r = { ok: false, error: bad + ' task(s) without a valid start and end' };
			}
		} catch (e) {
			r = { ok: false, error: String(e && e.message || e) };
		}
		report({ file: job.file, index: job.index, text: job.text, ...r });
	}
}

function taskLines(text, milestones) {
	return text.split('\n').filter(l => /^\s+\S.* :.*\d{4}-\d\d-\d\d/.test(l) &&
		/ :milestone, /.test(l) === milestones).length;
}

function printTap() {
	let n = tap;
	const version = require(lib + '/package.json').version;
	const how = parseOnly ? `parses in Mermaid ${version} (jsdom)` : `renders in Mermaid ${version} (Chromium)`;
	for (const r of results) {
		const name = `${r.file} diagram ${r.index + 1}`;
		if (!r.ok) {
			console.log(`not ok ${n++} - ${name} ${how}`);
			console.log('# ' + String(r.error).split('\n').join('\n# '));
			console.log('# ' + r.text.split('\n').join('\n# '));
			continue;
		}
		if (r.bars === taskLines(r.text, false) && r.milestones === taskLines(r.text, true))
			console.log(`ok ${n++} - ${name} ${how}: ${r.bars} bars, ${r.milestones} milestones` +
				(parseOnly ? '' : `, ${r.ticks} ticks`));
		else {
			console.log(`not ok ${n++} - ${name} ${how} with every task: drew ${r.bars} bars and ${r.milestones} milestones for ${taskLines(r.text, false)} and ${taskLines(r.text, true)}`);
			console.log('# ' + r.text.split('\n').join('\n# '));
		}
	}
	for (const f of files) {
		let expect;
		try {
			expect = readFileSync(f.replace(/\.md$/, '') + '.expect', 'utf8').split('\n').filter(l => l);
		} catch (e) {
			continue;
		}
		const mine = results.filter(r => r.file === f);
		const tag = lib === 'mermaid' ? '' : ` (${lib})`;
		for (const e of expect) {
			const m = /^(diagrams|label): (.*)$/.exec(e);
			if (m && m[1] === 'diagrams') {
				const ok = mine.length === parseInt(m[2], 10);
				console.log(`${ok ? 'ok' : 'not ok'} ${n++} - ${f} holds ${m[2]} diagram(s)${tag}` + (ok ? '' : ` (it holds ${mine.length})`));
			} else if (m) {
				const labels = mine.flatMap(r => (r.labels || []).map(l => l.trim()).concat(r.title ? [r.title] : []));
				const ok = labels.includes(m[2]);
				console.log(`${ok ? 'ok' : 'not ok'} ${n++} - ${f} shows the label ${JSON.stringify(m[2])}${tag}`);
				if (!ok)
					console.log('# labels drawn: ' + JSON.stringify(labels));
			}
		}
	}
	console.log(`# next ${n}`);
}

await (parseOnly ? parseOnlyJsdom() : withBrowser());
if (tap !== null)
	printTap();
