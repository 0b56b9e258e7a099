// Render every ```mermaid block of the given Markdown files with the real
// Mermaid library in headless Chromium (Debian's /usr/bin/chromium, driven
// by puppeteer-core), and print one JSON line per diagram:
//   {"file", "index", "ok", "error", "type", "bars", "milestones", "labels"}
// labels are the task and milestone texts as the browser shows them (after
// Mermaid's entity codes are decoded), so a test can compare them with the
// text the report wrote elsewhere.
//
// With --parse-only (no Chromium), mermaid.parse() under jsdom is used
// instead: it catches syntax errors but draws nothing.
//
// Usage: node report-mermaid.mjs [--parse-only] FILE.md...
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
const parseOnly = args[0] === '--parse-only';
const files = parseOnly ? args.slice(1) : args;

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
		await page.addScriptTag({ path: require.resolve('mermaid/dist/mermaid.min.js') });
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
			console.log(JSON.stringify({ file: job.file, index: job.index, ...r }));
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
	const mermaid = (await import(require.resolve('mermaid/dist/mermaid.esm.min.mjs'))).default;
	mermaid.initialize({ startOnLoad: false });
	for (const job of jobs) {
		let r;
		try {
			const type = (await mermaid.parse(job.text)).diagramType;
			r = { ok: true, type };
		} catch (e) {
			r = { ok: false, error: String(e && e.message || e) };
		}
		console.log(JSON.stringify({ file: job.file, index: job.index, ...r }));
	}
}

await (parseOnly ? parseOnlyJsdom() : withBrowser());
