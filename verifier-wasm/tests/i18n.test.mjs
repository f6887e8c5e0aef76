// The kiosk names every verdict and check in every language, and colours every verdict. The code
// lists come from credential-core's enums (kiosk/codes.js, checked by tests/codes.rs).
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {COLOURS, LANGUAGES, STRINGS} from '../kiosk/i18n.js';
import {CHECK_CODES, VERDICTS} from '../kiosk/codes.js';

test('every verdict and check has words in every kiosk language, and every verdict a colour', () => {
  for (const lang of Object.keys(LANGUAGES)) {
    for (const v of VERDICTS) {
      assert.ok(STRINGS[lang][v], `${lang}: no word for verdict ${v}`);
    }
    for (const c of CHECK_CODES) {
      assert.ok(STRINGS[lang].checks[c], `${lang}: no name for check ${c}`);
    }
    assert.deepEqual(Object.keys(STRINGS[lang].checks).sort(), [...CHECK_CODES].sort(), `${lang}: unknown check names`);
  }
  for (const v of VERDICTS) {
    assert.ok(['green', 'amber', 'red'].includes(COLOURS[v]), `no colour for ${v}`);
  }
  assert.equal(COLOURS.issuer_not_checked, 'amber');
});
