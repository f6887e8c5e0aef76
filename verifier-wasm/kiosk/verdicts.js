// The banner colour of each verdict. A good signature from an issuer no trust list vouches for is
// amber, never green: anyone can make such a credential. (The verdicts' names are in the message
// catalogues, locales/<lang>/core.ftl.)
export const COLOURS = {
  valid: 'green', issuer_not_checked: 'amber', expired: 'amber', not_yet_valid: 'amber', untrusted: 'amber',
  suspended: 'amber', invalid: 'red', revoked: 'red',
};
