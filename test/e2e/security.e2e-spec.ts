// Hardening (domain §12, 等保 level 3 basics): lockout, refresh-token rotation, TOTP, 三员分立,
// encrypted personal data, an append-only hash-chained audit trail, HTTP hygiene.
import { totpCode } from '../../src/auth/totp';
import { verifyAuditChain } from '../../src/audit/audit-verifier';
import { intakeBody } from '../factories/parties';
import { registerCase } from '../support/case-driver';
import { dbQuery } from '../support/db-query';
import { demoPassword, startTestApp, type TestApp } from '../support/test-app';

const strong = 'Tiao-Jie-2026!ok';

describe('accounts and sessions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ now: '2026-11-02T09:00:00+08:00' });
  });
  afterAll(() => t.close());
  const login = (username: string, password = demoPassword, totp?: string) =>
    t.http.post('/api/auth/login').send({ username, password, ...(totp ? { totp } : {}) });

  it('locks an account for 15 minutes after 5 failed logins, then lets it in again', async () => {
    for (let i = 0; i < 5; i++) expect((await login('130606003-jo', 'wrong-password')).status).toBe(401);
    const locked = await login('130606003-jo');
    expect(locked.status).toBe(423);
    expect(locked.body.code).toBe('ACCOUNT_LOCKED');
    t.clock.advanceDays(16 / (24 * 60));
    expect((await login('130606003-jo')).status).toBe(200);
    const actions = await dbQuery(t)(`SELECT action FROM audit_records WHERE actor_username = '130606003-jo' ORDER BY seq`);
    expect(actions.map((a) => a.action)).toEqual([...Array(4).fill('auth.login-failed'), 'auth.account-locked', 'auth.login']);
  });

  it('the account list shows a lock while it lasts, by the server’s clock, and times in +08:00', async () => {
    for (let i = 0; i < 5; i++) await login('130606005-jo', 'wrong-password');
    const secadmin = await t.as('secadmin');
    const listed = async () => (await secadmin.get('/api/admin/users?unit=130606005-jo').expect(200)).body[0];
    expect(await listed()).toMatchObject({ username: '130606005-jo', locked: true });
    expect((await listed()).createdAt).toMatch(/\+08:00$/);
    t.clock.advanceDays(16 / (24 * 60));
    expect((await listed()).locked).toBe(false);
  });

  it('the security administrator can unlock an account early', async () => {
    for (let i = 0; i < 5; i++) await login('130606004-jo', 'wrong-password');
    expect((await login('130606004-jo')).status).toBe(423);
    const [user] = await dbQuery(t)(`SELECT id FROM users WHERE username = '130606004-jo'`);
    const sysadmin = await t.as('admin');
    expect((await sysadmin.post(`/api/admin/users/${user.id}/unlock`)).status).toBe(403);
    const secadmin = await t.as('secadmin');
    expect((await secadmin.post(`/api/admin/users/${user.id}/unlock`)).status).toBe(204);
    expect((await login('130606004-jo')).status).toBe(200);
  });

  it('rotates refresh tokens and revokes the whole login when an old one is replayed', async () => {
    const first = (await login('130606005-jo')).body;
    expect(first.expiresIn).toBeLessThanOrEqual(1800);
    const second = await t.http.post('/api/auth/refresh').send({ refreshToken: first.refreshToken });
    expect(second.status).toBe(200);
    expect(second.body.refreshToken).not.toBe(first.refreshToken);
    const replay = await t.http.post('/api/auth/refresh').send({ refreshToken: first.refreshToken });
    expect(replay.status).toBe(401);
    // The stolen token's family is gone, including the token the thief did not use.
    expect((await t.http.post('/api/auth/refresh').send({ refreshToken: second.body.refreshToken })).status).toBe(401);
  });

  it('logout ends the login', async () => {
    const session = (await login('130606006-jo')).body;
    expect((await t.http.post('/api/auth/logout').send({ refreshToken: session.refreshToken })).status).toBe(204);
    expect((await t.http.post('/api/auth/refresh').send({ refreshToken: session.refreshToken })).status).toBe(401);
  });

  it('enforces the password policy and revokes sessions on a password change', async () => {
    const session = (await login('130606007-jo')).body;
    const auth = { Authorization: `Bearer ${session.accessToken}` };
    const weak = await t.http.post('/api/auth/password').set(auth).send({ currentPassword: demoPassword, newPassword: 'password1234' });
    expect(weak.status).toBe(400);
    expect(weak.body.details.fields.newPassword[0]).toContain('三类');
    expect((await t.http.post('/api/auth/password').set(auth).send({ currentPassword: demoPassword, newPassword: strong })).status).toBe(204);
    expect((await login('130606007-jo')).status).toBe(401);
    expect((await login('130606007-jo', strong)).status).toBe(200);
    expect((await t.http.post('/api/auth/refresh').send({ refreshToken: session.refreshToken })).status).toBe(401);
  });

  it('asks for a TOTP code once a user enabled it, and refuses a replayed code', async () => {
    const session = (await login('130606008-jo')).body;
    const auth = { Authorization: `Bearer ${session.accessToken}` };
    const { secret, uri } = (await t.http.post('/api/auth/totp/setup').set(auth)).body;
    expect(uri).toMatch(/^otpauth:\/\/totp\//);
    const wrong = await t.http.post('/api/auth/totp/enable').set(auth).send({ code: '000000' });
    expect(wrong.status).toBe(400);
    expect((await t.http.post('/api/auth/totp/enable').set(auth).send({ code: await totpCode(secret, t.clock.now()) })).status).toBe(200);

    const [row] = await dbQuery(t)(`SELECT totp_secret FROM users WHERE username = '130606008-jo'`);
    expect(row.totp_secret).not.toContain(secret);
    t.clock.advanceDays(1 / (24 * 60));
    const missing = await login('130606008-jo');
    expect(missing.status).toBe(401);
    expect(missing.body.code).toBe('TOTP_REQUIRED');
    const code = await totpCode(secret, t.clock.now());
    expect((await login('130606008-jo', demoPassword, code)).status).toBe(200);
    expect((await login('130606008-jo', demoPassword, code)).status).toBe(401);
  });

  it('三员分立: administrator roles are granted by the security administrator only, one per person', async () => {
    const sysadmin = await t.as('admin');
    const secadmin = await t.as('secadmin');
    const account = { username: 'wangli', displayName: '王丽', unitCode: '130606002-jo', roles: ['justice-officer'], password: strong };
    const weak = await sysadmin.post('/api/admin/users').send({ ...account, password: 'short' });
    expect(weak.body.details.fields).toEqual({ password: [expect.stringContaining('12')] });
    const created = await sysadmin.post('/api/admin/users').send(account);
    expect(created.status).toBe(201);
    expect((await sysadmin.patch(`/api/admin/users/${created.body.id}`).send({ roles: ['audit-admin'] })).status).toBe(403);
    const two = await secadmin.patch(`/api/admin/users/${created.body.id}`).send({ roles: ['audit-admin', 'security-admin'] });
    expect(two.status).toBe(400);
    expect((await secadmin.patch(`/api/admin/users/${created.body.id}`).send({ roles: ['audit-admin'] })).status).toBe(200);
    const office = await t.as('130606002-jo');
    expect((await office.get('/api/admin/users')).status).toBe(403);
    expect((await office.get('/api/audit')).status).toBe(403);
    expect((await sysadmin.get('/api/audit')).status).toBe(403);
  });
});

describe('administrators must enrol a second factor outside demo mode', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { SANDIAO_MODE: 'production' } });
  });
  afterAll(() => t.close());

  it('gives an administrator without TOTP a token that only enrols it', async () => {
    const first = (await t.http.post('/api/auth/login').send({ username: 'admin', password: demoPassword })).body;
    expect(first.totpEnrolmentRequired).toBe(true);
    expect(first.refreshToken).toBeUndefined();
    const auth = { Authorization: `Bearer ${first.accessToken}` };
    const refused = await t.http.get('/api/admin/users').set(auth);
    expect(refused.status).toBe(403);
    expect(refused.body.details.totpEnrolmentRequired).toBe(true);
    const { secret } = (await t.http.post('/api/auth/totp/setup').set(auth)).body;
    const enabled = await t.http.post('/api/auth/totp/enable').set(auth).send({ code: await totpCode(secret, t.clock.now()) });
    expect(enabled.body.totpEnrolmentRequired).toBeUndefined();
    expect((await t.http.get('/api/admin/users').set({ Authorization: `Bearer ${enabled.body.accessToken}` })).status).toBe(200);
  });
});

describe('R-S2/R-S3 personal data at rest and the audit trail', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('stores ID numbers and phones encrypted and still finds a party by exact ID number', async () => {
    const office = await t.as('130606002-jo');
    const body = intakeBody();
    const view = await registerCase(office, body);
    const rows = await dbQuery(t)('SELECT id_number, phone, id_number_hash, agent FROM parties WHERE case_id = ?', view.id);
    for (const row of rows) {
      expect(row.id_number).toMatch(/^v1:/);
      expect(row.phone).toMatch(/^v1:/);
      expect(row.id_number_hash).toMatch(/^[0-9a-f]{64}$/);
    }
    expect(JSON.stringify(rows)).not.toContain(body.parties[0].idNumber);
    const found = await office.get(`/api/cases?q=${body.parties[0].idNumber}`);
    expect(found.body.items.map((c: { id: string }) => c.id)).toContain(view.id);
  });

  it('refuses to change or delete an audit record, and the chain verifies', async () => {
    const writer = t.db.writer;
    await expect(writer.query(`UPDATE audit_records SET action = 'x' WHERE seq = 1`)).rejects.toThrow(/append-only/);
    await expect(writer.query('DELETE FROM audit_records WHERE seq = 1')).rejects.toThrow(/append-only/);
    const auditor = await t.as('auditor');
    const verify = await auditor.get('/api/audit/verify');
    expect(verify.body).toEqual({ records: expect.any(Number), intact: true });
    expect(verify.body.records).toBeGreaterThan(0);
    const trail = await auditor.get('/api/audit?action=case.REGISTER');
    expect(trail.body.items[0]).toEqual(expect.objectContaining({ action: 'case.REGISTER', actor: { username: '130606002-jo', unitCode: '130606002-jo' } }));
  });

  it('detects a record edited behind the triggers’ back', async () => {
    if (t.db.isPostgres) {
      await t.db.writer.query('ALTER TABLE audit_records DISABLE TRIGGER audit_records_append_only');
      await t.db.writer.query(`UPDATE audit_records SET action = 'case.forged' WHERE seq = 2`);
    } else {
      await t.db.writer.query('DROP TRIGGER audit_records_no_update');
      await t.db.writer.query(`UPDATE audit_records SET action = 'case.forged' WHERE seq = 2`);
    }
    const report = await verifyAuditChain(t.db.writer.manager);
    expect(report).toEqual({ records: 1, intact: false, firstBroken: { seq: 2, reason: expect.stringContaining('修改') } });
  });
});

describe('HTTP hygiene', () => {
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    t = await startTestApp({ env: { LOGIN_RATE_LIMIT_PER_MINUTE: '4', CORS_ORIGINS: 'https://console.sandiao.example' } });
    token = await t.token('130606002-jo');
  });
  afterAll(() => t.close());

  it('sends security headers and answers CORS only for allowed origins', async () => {
    const res = await t.http.get('/api/health').set('Origin', 'https://console.sandiao.example');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['strict-transport-security']).toBeDefined();
    expect(res.headers['content-security-policy']).toContain("script-src 'self' 'unsafe-inline'");
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['access-control-allow-origin']).toBe('https://console.sandiao.example');
    // Error answers carry them too.
    const missing = await t.http.get('/api/no-such-route');
    expect(missing.status).toBe(404);
    expect(missing.headers['x-content-type-options']).toBe('nosniff');
    expect(missing.headers['content-security-policy']).toContain("default-src 'self'");
    const other = await t.http.get('/api/health').set('Origin', 'https://evil.example');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('limits login attempts per address with 429 RATE_LIMITED', async () => {
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await t.http.post('/api/auth/login').send({ username: 'nobody', password: 'x' }));
    expect(answers.map((a) => a.status)).toEqual([401, 401, 401, 429]);
    expect(answers[3].body).toEqual({ code: 'RATE_LIMITED', message: expect.stringContaining('秒后再试'), details: {} });
  });

  it('refuses a body over 1 MB with 413 and never shows a stack trace', async () => {
    const huge = await t.http.post('/api/cases').set('Authorization', `Bearer ${token}`).send({ summary: 'x'.repeat(1_100_000) });
    expect(huge.status).toBe(413);
    expect(huge.body.code).toBe('PAYLOAD_TOO_LARGE');
    expect(JSON.stringify(huge.body)).not.toMatch(/at .*\.js/);
  });
});
