// The kiosk and the package render messages from the same catalogues as the CLI (locales/), with
// @fluent/bundle: every verdict and check has a name in every language, every verdict a colour,
// the service worker keeps every file the messages need, and the JavaScript renderer agrees with
// the CLI's Rust renderer on every core message in every language (the Rust side writes
// target/messages/rendered.json: `cargo test -p laissez-messages`).
import {test} from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import {fileURLToPath} from 'node:url';
import {FILES, LANGUAGES, Messages, loadMessages} from '../kiosk/messages.js';
import {COLOURS} from '../kiosk/verdicts.js';
import {CHECK_CODES, VERDICTS} from '../kiosk/codes.js';

const repo = new URL('../../', import.meta.url);
const read = (lang, file) => fs.promises.readFile(new URL(`locales/${lang}/${file}`, repo), 'utf8');

test('every verdict and check has a name in every language, and every verdict a colour', async () => {
  for (const lang of Object.keys(LANGUAGES)) {
    const m = await loadMessages(lang, read);
    const own = new Messages(lang, await Promise.all(FILES.map(f => read(lang, f))), []);
    for (const v of VERDICTS) {
      assert.notEqual(own.bundles[0].getMessage(`verdict_${v}`), undefined, `${lang}: no word for verdict ${v}`);
      assert.notEqual(m.verdict(v), `verdict_${v}`);
    }
    for (const c of CHECK_CODES) {
      assert.notEqual(own.bundles[0].getMessage(`check_${c}`), undefined, `${lang}: no name for check ${c}`);
    }
  }
  for (const v of VERDICTS) {
    assert.ok(['green', 'amber', 'red'].includes(COLOURS[v]), `no colour for ${v}`);
  }
  assert.deepEqual(Object.keys(COLOURS).sort(), [...VERDICTS].sort());
  assert.equal(COLOURS.issuer_not_checked, 'amber');
});

test('the JavaScript renderer agrees with the Rust renderer on every core message', async () => {
  const path = fileURLToPath(new URL('target/messages/rendered.json', repo));
  assert.ok(fs.existsSync(path), `${path} is missing: run cargo test -p laissez-messages first`);
  const rendered = JSON.parse(fs.readFileSync(path, 'utf8'));
  assert.ok(rendered.length > 400, `only ${rendered.length} rendered messages`);
  const byLang = {};
  for (const lang of Object.keys(LANGUAGES)) {
    byLang[lang] = await loadMessages(lang, read);
  }
  let compared = 0;
  for (const {lang, id, args, text} of rendered) {
    assert.equal(byLang[lang].format(id, args), text, `${lang} ${id} ${JSON.stringify(args)}`);
    compared += 1;
  }
  assert.equal(compared, rendered.length);
});

test('a report check and a thrown error render in the chosen language', async () => {
  const fr = await loadMessages('fr', read);
  const en = await loadMessages('en', read);
  const check = {id: 'trust_bundle_stale', args: {version: 3, age: 61, late: 30, next: '2025-07-01T00:00:00Z'}};
  assert.match(en.message(check), /61 days old/);
  assert.notEqual(fr.message(check), en.message(check));
  assert.match(fr.message(check), /61/);
  const error = Object.assign(new Error('English for developers'), {code: 'bundle_rollback', args: {loaded: 7, offered: 6}});
  assert.equal(en.error(error), 'trust bundle version 6 is older than version 7 already loaded (rollback refused)');
  assert.notEqual(fr.error(error), en.error(error));
  // An unknown language is English; an unknown id renders as itself.
  assert.equal((await loadMessages('xx', read)).lang, 'en');
  assert.equal(en.format('no_such_message'), 'no_such_message');
});

test('the service worker keeps the catalogues and every @fluent/bundle module offline', () => {
  const sw = fs.readFileSync(new URL('../kiosk/sw.js', import.meta.url), 'utf8');
  const vendor = new URL('../kiosk/vendor/fluent-bundle/', import.meta.url);
  const modules = fs.readdirSync(vendor).filter(f => f.endsWith('.js')).map(f => f.replace(/\.js$/, ''));
  assert.ok(modules.includes('index'), 'scripts/build-wasm.sh did not copy @fluent/bundle');
  const listed = JSON.parse(sw.match(/const FLUENT = (\[[^\]]*\])/)[1].replaceAll("'", '"'));
  assert.deepEqual([...listed].sort(), modules.sort());
  const langs = JSON.parse(sw.match(/const LANGUAGES = (\[[^\]]*\])/)[1].replaceAll("'", '"'));
  assert.deepEqual(langs.sort(), Object.keys(LANGUAGES).sort());
  assert.match(sw, /core\.ftl/);
  assert.match(sw, /kiosk\.ftl/);
  for (const f of FILES) {
    assert.ok(sw.includes(f), `sw.js does not cache ${f}`);
  }
});
