/**
 * Server-side one-liners that sign a customer id for the widgets (identity verification): hex HMAC-SHA256 of the
 * id keyed with the workspace's identity secret, read from the environment rather than pasted into code.
 */
export const SIGN_SNIPPETS: { language: string; code: string }[] = [
  {
    language: 'Node.js',
    code: "const customerHash = require('node:crypto').createHmac('sha256', process.env.OTKLIK_IDENTITY_SECRET).update(customerId).digest('hex');",
  },
  {
    language: 'Python',
    code: "customer_hash = hmac.new(os.environ['OTKLIK_IDENTITY_SECRET'].encode(), customer_id.encode(), hashlib.sha256).hexdigest()  # import hmac, hashlib, os",
  },
  {
    language: 'PHP',
    code: "$customerHash = hash_hmac('sha256', $customerId, getenv('OTKLIK_IDENTITY_SECRET'));",
  },
];

/** The embed with the signature next to the customer id (the origin is this dashboard's). */
export const embedSnippet = (origin: string): string =>
  `<script async src="${origin}/widget/loader.js" data-survey="srv_…"\n        data-customer-id="c-42" data-customer-hash="<customerHash from your server>"></script>\n` +
  `<!-- or: Otklik.show('srv_…', { customerId: 'c-42', customerHash }) -->`;
