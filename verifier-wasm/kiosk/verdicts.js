// The banner colour of each verdict. A good signature from an issuer no trust list vouches for is
// amber, never green: anyone can make such a credential. (The verdicts' names are in the message
// catalogues, locales/<lang>/core.ftl.)
export const COLOURS = {
  valid: 'green', issuer_not_checked: 'amber', expired: 'amber', not_yet_valid: 'amber', untrusted: 'amber',
  suspended: 'amber', invalid: 'red', revoked: 'red',
};

/** A photo to show: only an image carried in the code itself (a `data:image/…;base64` URL), else null. */
export function safePhoto(url) {
  return typeof url === 'string' && /^data:image\/[a-z0-9.+-]+;base64,[A-Za-z0-9+/=]+$/i.test(url) ? url : null;
}

/**
 * Fills the kiosk's verdict screen (index.html's elements, by id) and shows it. `view` holds what
 * differs between a Laissez credential and the other formats: `verdict`, `format`, the `reason`
 * line, the `fields` as [label, value, name] rows, the `photo` (any URL: only a `data:image` one is
 * shown), the credential's `kind`, its `issuer`, the trust list's age in days (`trustDays`,
 * undefined without one) and the report's `checks`.
 */
export function showVerdict(messages, view) {
  const $ = id => document.getElementById(id);
  const banner = $('banner');
  banner.className = `banner verdict-${COLOURS[view.verdict] ?? 'red'}`;
  banner.dataset.verdict = view.verdict;
  banner.dataset.format = view.format;
  $('verdict-word').textContent = messages.verdict(view.verdict);
  $('reason').textContent = view.reason;
  const fields = $('fields');
  fields.replaceChildren();
  for (const [label, value, name] of view.fields) {
    const dt = document.createElement('dt');
    dt.textContent = label;
    const dd = document.createElement('dd');
    dd.textContent = value;
    dd.dataset.field = name;
    fields.append(dt, dd);
  }
  const portrait = $('portrait');
  const photo = safePhoto(view.photo);
  portrait.hidden = !photo;
  if (photo) {
    portrait.src = photo;
  } else {
    portrait.removeAttribute('src');
  }
  $('cred-type').textContent = view.kind;
  $('issuer').textContent = view.issuer;
  $('trust-age').textContent = view.trustDays === undefined ?
    messages.format('kiosk_no_trust') : messages.format('kiosk_days', {days: view.trustDays});
  const checks = $('checks');
  checks.replaceChildren();
  for (const c of view.checks) {
    const li = document.createElement('li');
    li.className = c.status;
    li.textContent = `${messages.check(c.code)} — ${messages.outcome(c.status)}`;
    li.title = messages.message(c.message);
    checks.append(li);
  }
  $('verdict').hidden = false;
  $('input').hidden = true;
  $('ask').hidden = true;
  $('again').focus();
}
