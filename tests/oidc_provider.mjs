// A real OpenID provider for the tests (issue 15): panva's certified `oidc-provider`, on 127.0.0.1 and a port the
// system picks. Reads its clients and accounts from the JSON file named on the command line; prints one JSON line
// {"issuer": ...} once it listens. Its own RSA key each run, so two instances are two different issuers.
//
// The login page is a plain form: any listed account with the password "fictional-password". Consent is given at
// once. An account's "amr" goes into its ID tokens, so a test can say the provider already did MFA.
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import querystring from 'node:querystring';
import Provider from 'oidc-provider';

const config = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const accounts = config.accounts;
const PASSWORD = 'fictional-password';

const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
const jwk = { ...privateKey.export({ format: 'jwk' }), kid: crypto.randomUUID(), use: 'sig', alg: 'RS256' };

let provider;
const server = http.createServer((req, res) => {
  if (req.url.startsWith('/interaction/')) {
    interaction(req, res).catch((err) => { res.statusCode = 500; res.end(String(err)); });
    return;
  }
  provider.callback()(req, res);
});

function page(res, body) {
  res.setHeader('content-type', 'text/html; charset=utf-8');
  res.end(`<!doctype html><html lang="en"><head><title>Fictional City sign-in</title></head><body>${body}</body></html>`);
}

async function readBody(req) {
  let data = '';
  for await (const chunk of req) data += chunk;
  return querystring.parse(data);
}

async function interaction(req, res) {
  const details = await provider.interactionDetails(req, res);
  const uid = details.uid;
  if (req.method === 'GET' && details.prompt.name === 'login') {
    page(res, `<h1>Fictional City sign-in</h1>
      <form method="post" action="/interaction/${uid}/login">
        <label for="login">User</label><input id="login" name="login">
        <label for="password">Password</label><input id="password" name="password" type="password">
        <button type="submit">Sign in</button></form>`);
    return;
  }
  if (req.method === 'POST' && req.url.endsWith('/login')) {
    const form = await readBody(req);
    const account = accounts[form.login];
    if (!account || form.password !== PASSWORD) {
      page(res, '<h1>Wrong user or password</h1>');
      return;
    }
    await provider.interactionFinished(req, res, { login: { accountId: form.login, amr: account.amr || ['pwd'] } },
      { mergeWithLastSubmission: false });
    return;
  }
  if (details.prompt.name === 'consent') {
    const { params, session } = details;
    const grant = details.grantId ? await provider.Grant.find(details.grantId)
      : new provider.Grant({ accountId: session.accountId, clientId: params.client_id });
    const missing = details.prompt.details;
    if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
    if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
    if (missing.missingResourceScopes) {
      for (const [indicator, scopes] of Object.entries(missing.missingResourceScopes)) {
        grant.addResourceScope(indicator, scopes.join(' '));
      }
    }
    const grantId = await grant.save();
    await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
    return;
  }
  res.statusCode = 400;
  res.end('unexpected interaction');
}

server.listen(0, '127.0.0.1', () => {
  const issuer = `http://127.0.0.1:${server.address().port}`;
  provider = new Provider(issuer, {
    clients: config.clients,
    jwks: { keys: [jwk] },
    cookies: { keys: [crypto.randomBytes(32).toString('hex')] },
    pkce: { required: () => true },
    claims: {
      acr: null,
      amr: null,
      sid: null,
      auth_time: null,
      iss: null,
      openid: ['sub', 'amr'], // like Entra ID, the ID token always says how the person signed in
      email: ['email', 'email_verified'],
      profile: ['given_name', 'family_name', 'preferred_username', 'employee_id', 'groups'],
    },
    features: { devInteractions: { enabled: false }, rpInitiatedLogout: { enabled: true } },
    interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
    findAccount: async (ctx, id) => {
      const account = accounts[id];
      if (!account) return undefined;
      return { accountId: id, claims: async () => ({ sub: id, ...account.claims }) };
    },
    ttl: { Session: 600, Interaction: 600, Grant: 600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
  });
  provider.proxy = false;
  process.stdout.write(JSON.stringify({ issuer }) + '\n');
});
