import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aCustomer, anOrder, aUser, aVatCompany } from '../../../test/factories';
import { DIALECTS, type Session, useTestApp } from '../../../test/harness';
import { pdfText } from '../../../test/pdf-text';
import { type Json, requests } from '../../../test/requests';
import { type SmtpSink, startSmtpSink } from '../../../test/smtp-sink';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/**
 * Sending documents by e-mail (ADR 0036) through the HTTP API on both databases, with a local SMTP server standing
 * in for the company's: the settings (admin only, the password never answered), the outbox sent by the mail.send
 * job (never in the request), the invoice's stored rendering arriving byte for byte, a "try later" tried again and a
 * refusal failed and queued again by hand, the recipient's consent (INV-15), and who may send what.
 */
describe.each(DIALECTS)('sending documents by e-mail on %s', (dialect) => {
  // The runner is driven by the test (drain), and a retry is due at once (no back-off to wait for).
  const t = useTestApp(dialect, { jobs: { autoStart: false, backoffMs: 0, maxBackoffMs: 0 } });
  let admin: Session;
  let desk: Session;
  let manager: Session;
  let tech: Session;
  let customerId: string;
  let sink: SmtpSink;
  const { json, refused, send } = requests(t, () => desk);

  const smtp = (over: Json = {}) => ({
    host: '127.0.0.1',
    port: sink.port,
    security: 'none',
    username: null,
    password: 'tajna-parola',
    fromAddress: 'office@servis.example',
    fromName: 'Тест Сервиз',
    replyTo: 'reply@servis.example',
    ...over,
  });
  const line = {
    description: 'Ремонт',
    quantityMilli: 1000,
    unit: 'бр.',
    unitPriceCents: 5000,
    vatRateBp: 2000,
  };
  const draftInvoice = (partyId = customerId) =>
    json(desk, 'POST', '/api/v1/invoices', { partyId, lines: [line] }, 201);
  const issuedInvoice = async (partyId = customerId) =>
    json(desk, 'POST', `/api/v1/invoices/${(await draftInvoice(partyId)).id}/issue`);
  const mail = (over: Json = {}) => ({
    to: ['klient@example.bg'],
    subject: 'Фактура',
    body: 'Здравейте',
    ...over,
  });
  const drain = () => t.app.jobs.drain();
  const outbox = (id: string, session = admin) => json(session, 'GET', `/api/v1/mail/outbox/${id}`);

  beforeAll(async () => {
    sink = await startSmtpSink();
    admin = await t.setup();
    desk = await aUser(t, 'reception');
    manager = await aUser(t, 'manager');
    tech = await aUser(t, 'technician');
    await aVatCompany(t, admin);
    customerId = (
      await aCustomer(t, admin, {
        name: 'Клиент Имейл ООД',
        uic: '020469788',
        emails: [{ email: 'klient@example.bg' }],
        addresses: [{ label: 'billing', city: 'Пловдив', address: 'ул. „Главна“ 1' }],
      })
    ).id;
  });
  afterAll(async () => {
    await sink?.close();
  });

  it('nothing is sent before the SMTP server is set up: 409 mail_not_configured, nothing written', async () => {
    expect(await json(admin, 'GET', '/api/v1/company/smtp')).toMatchObject({
      configured: false,
      passwordSet: false,
    });
    const inv = await issuedInvoice();
    await refused('POST', `/api/v1/invoices/${inv.id}/email`, mail({ recordConsent: true }), {
      status: 409,
      code: 'mail_not_configured',
    });
    await refused(
      'POST',
      '/api/v1/company/smtp/test',
      { to: 'a@example.bg' },
      {
        status: 409,
        code: 'mail_not_configured',
      },
      admin,
    );
    const draft = await json(desk, 'GET', `/api/v1/invoices/${inv.id}/email`);
    expect(draft).toMatchObject({
      configured: false,
      to: ['klient@example.bg'],
      consentRequired: true,
      consent: null,
    });
  });

  it('the SMTP settings: the administrator only, the password never answered, kept when left out; a test message arrives', async () => {
    await refused('PUT', '/api/v1/company/smtp', smtp(), { status: 403, code: 'forbidden' }, manager);
    await refused('GET', '/api/v1/company/smtp', undefined, { status: 403, code: 'forbidden' }, manager);
    await refused(
      'PUT',
      '/api/v1/company/smtp',
      smtp({ fromAddress: 'не-е-адрес' }),
      {
        status: 400,
        code: 'invalid_email',
        field: 'fromAddress',
      },
      admin,
    );
    const saved = await json(admin, 'PUT', '/api/v1/company/smtp', smtp());
    expect(saved).toMatchObject({ configured: true, host: '127.0.0.1', passwordSet: true, security: 'none' });
    expect(JSON.stringify(saved)).not.toContain('tajna-parola');
    const { password: _left, ...withoutPassword } = smtp();
    expect(await json(admin, 'PUT', '/api/v1/company/smtp', withoutPassword)).toMatchObject({
      passwordSet: true,
    });
    const audit = await json(admin, 'GET', '/api/v1/audit?entity=mail_settings');
    expect(JSON.stringify(audit)).not.toContain('tajna-parola');
    expect(audit.items[0]).toMatchObject({ action: 'mail_settings.update' });

    const before = sink.messages.length;
    expect(await json(admin, 'POST', '/api/v1/company/smtp/test', { to: 'admin@example.bg' })).toEqual({
      ok: true,
      error: null,
      detail: null,
    });
    const [arrived] = (await sink.waitFor(before + 1)).slice(before);
    expect(arrived).toMatchObject({ to: ['admin@example.bg'], replyTo: 'reply@servis.example' });
    expect(arrived?.subject).toContain('пробно писмо');
    sink.refuseNext(550);
    expect(await json(admin, 'POST', '/api/v1/company/smtp/test', { to: 'admin@example.bg' })).toMatchObject({
      ok: false,
      error: 'smtp_rejected',
    });
  });

  it('INV-15: an invoice goes only with the customer’s consent; a draft and a bad address are refused; nothing written', async () => {
    const draft = await draftInvoice();
    await refused('POST', `/api/v1/invoices/${draft.id}/email`, mail(), {
      status: 409,
      code: 'document_not_issued',
    });
    const inv = await issuedInvoice();
    await refused('POST', `/api/v1/invoices/${inv.id}/email`, mail(), {
      status: 409,
      code: 'einvoice_consent_missing',
      field: 'recordConsent',
    });
    await refused(
      'POST',
      `/api/v1/invoices/${inv.id}/email`,
      mail({ to: ['не-е-адрес'], recordConsent: true }),
      {
        status: 400,
        code: 'invalid_email',
        field: 'to.0',
      },
    );
    // The technicians do not see invoices, so they do not send them either (the PDF's own rule).
    await refused(
      'POST',
      `/api/v1/invoices/${inv.id}/email`,
      mail({ recordConsent: true }),
      {
        status: 403,
        code: 'forbidden',
      },
      tech,
    );
  });

  it('sends the issued invoice’s stored rendering unchanged through the job; the consent recorded in the same action', async () => {
    const other = (
      await aCustomer(t, admin, {
        name: 'Съгласен ЕООД',
        uic: '175074752',
        addresses: [{ label: 'billing', city: 'София', address: 'ул. „Шипка“ 2' }],
      })
    ).id;
    const inv = await issuedInvoice(other);
    const prefilled = await json(desk, 'GET', `/api/v1/invoices/${inv.id}/email`);
    expect(prefilled).toMatchObject({
      to: [],
      consentRequired: true,
      mayRecordConsent: true,
      configured: true,
    });
    expect(prefilled.subject).toContain(`Фактура № ${inv.number}`);
    const res = await send(
      desk,
      'POST',
      `/api/v1/invoices/${inv.id}/email`,
      mail({ to: ['sched@example.bg'], subject: `Фактура № ${inv.number}`, recordConsent: true }),
      202,
    );
    const queued = res.json();
    expect(queued).toMatchObject({ status: 'queued', documentType: 'invoice', documentNumber: inv.number });
    expect(await json(desk, 'GET', `/api/v1/parties/${other}/einvoice-consent`)).toMatchObject({
      accepted: true,
      email: 'sched@example.bg',
    });
    // Nothing went in the request: the job sends it.
    const before = sink.messages.length;
    expect(sink.messages.length).toBe(before);
    await drain();
    const [arrived] = (await sink.waitFor(before + 1)).slice(before);
    const entry = await outbox(queued.id);
    expect(entry).toMatchObject({ status: 'sent', attempts: 1, lastError: null });
    expect(arrived).toMatchObject({ to: ['sched@example.bg'], subject: `Фактура № ${inv.number}` });
    expect(arrived?.from).toBe('office@servis.example');
    expect(arrived?.attachments).toHaveLength(1);
    const attached = arrived?.attachments[0];
    expect(attached).toMatchObject({ filename: `Фактура ${inv.number}.pdf`, contentType: 'application/pdf' });
    // Byte for byte the stored rendering (INV-15), whose hash the outbox keeps.
    const stored = await send(desk, 'GET', `/api/v1/invoices/${inv.id}/pdf`, undefined, 200);
    expect(sha256(attached?.content as Buffer)).toBe(stored.headers['x-content-sha256']);
    expect(Buffer.compare(attached?.content as Buffer, stored.rawPayload)).toBe(0);
    expect(entry.attachments[0].sha256).toBe(stored.headers['x-content-sha256']);
    const audit = await json(admin, 'GET', '/api/v1/audit?entity=mail_outbox');
    expect(
      audit.items
        .filter((a: Json) => a.entityId === queued.id)
        .map((a: Json) => a.action)
        .sort(),
    ).toEqual(['mail_outbox.queue', 'mail_outbox.sent']);
    const consentAudit = await json(admin, 'GET', '/api/v1/audit?entity=einvoice_consent');
    expect(consentAudit.items[0]).toMatchObject({ action: 'einvoice_consent.record', entityId: other });
    // A second send is plain: the consent is recorded.
    await send(desk, 'POST', `/api/v1/invoices/${inv.id}/email`, mail({ to: ['sched@example.bg'] }), 202);
    await drain();
  });

  it('a server that says "try later" is tried again by the job; a refusal fails at once and is queued again by hand', async () => {
    await json(desk, 'PUT', `/api/v1/parties/${customerId}/einvoice-consent`, {
      email: 'klient@example.bg',
      consentedOn: '2026-01-15',
    });
    const inv = await issuedInvoice();
    sink.refuseNext(451);
    const before = sink.messages.length;
    const queued = (await send(desk, 'POST', `/api/v1/invoices/${inv.id}/email`, mail(), 202)).json();
    await drain();
    await sink.waitFor(before + 1);
    expect(await outbox(queued.id)).toMatchObject({ status: 'sent', attempts: 2, lastError: null });

    const inv2 = await issuedInvoice();
    sink.refuseNext(550);
    const failed = (await send(desk, 'POST', `/api/v1/invoices/${inv2.id}/email`, mail(), 202)).json();
    await drain();
    const f = await outbox(failed.id);
    expect(f).toMatchObject({ status: 'failed', attempts: 1, lastError: 'smtp_rejected' });
    expect(f.lastErrorDetail).toContain('Message refused');
    expect(
      (await json(manager, 'GET', '/api/v1/mail/outbox?status=failed')).items.map((i: Json) => i.id),
    ).toContain(failed.id);
    await refused(
      'POST',
      `/api/v1/mail/outbox/${queued.id}/retry`,
      undefined,
      {
        status: 409,
        code: 'mail_not_failed',
      },
      manager,
    );
    await refused('POST', `/api/v1/mail/outbox/${failed.id}/retry`, undefined, {
      status: 403,
      code: 'forbidden',
    });
    expect(await json(manager, 'POST', `/api/v1/mail/outbox/${failed.id}/retry`)).toMatchObject({
      status: 'queued',
    });
    await drain();
    const arrived = (await sink.waitFor(before + 2)).slice(before);
    expect(arrived.map((m) => m.subject)).toEqual(['Фактура', 'Фактура']);
    expect(await outbox(failed.id)).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
    const actions = (await json(admin, 'GET', '/api/v1/audit?entity=mail_outbox')).items
      .filter((a: Json) => a.entityId === failed.id)
      .map((a: Json) => a.action)
      .sort();
    expect(actions).toEqual([
      'mail_outbox.failed',
      'mail_outbox.queue',
      'mail_outbox.retry',
      'mail_outbox.sent',
    ]);
  });

  it('a proforma goes with the consent, drawn once and kept; a cancelled one is refused', async () => {
    const p = await json(desk, 'POST', '/api/v1/proformas', { partyId: customerId, lines: [line] }, 201);
    const before = sink.messages.length;
    const queued = (
      await send(desk, 'POST', `/api/v1/proformas/${p.id}/email?language=bg_en`, mail(), 202)
    ).json();
    await drain();
    const [arrived] = (await sink.waitFor(before + 1)).slice(before);
    const entry = await outbox(queued.id);
    expect(entry).toMatchObject({ status: 'sent', language: 'bg_en' });
    expect(arrived?.attachments[0]?.filename).toBe(`Проформа фактура ${p.number}.pdf`);
    expect(entry.attachments[0].sha256).toBe(sha256(arrived?.attachments[0]?.content as Buffer));
    expect(await pdfText(arrived?.attachments[0]?.content as Buffer)).toContain('PROFORMA INVOICE');
    await json(manager, 'POST', `/api/v1/proformas/${p.id}/cancel`, { reason: 'Грешка' });
    await refused('POST', `/api/v1/proformas/${p.id}/email`, mail(), {
      status: 409,
      code: 'document_cancelled',
    });
  });

  it('GDPR: a person’s export names their consent and the messages sent to them; forgetting them removes both', async () => {
    const person = (
      await aCustomer(t, admin, {
        kind: 'person',
        name: 'Иван Забравен',
        emails: [{ email: 'ivan@example.bg' }],
      })
    ).id;
    await json(desk, 'PUT', `/api/v1/parties/${person}/einvoice-consent`, { email: 'ivan@example.bg' });
    const order = await anOrder(t, admin, { partyId: person });
    const queued = (
      await send(
        desk,
        'POST',
        `/api/v1/service-orders/${order.id}/work-report/email`,
        mail({ to: ['ivan@example.bg'] }),
        202,
      )
    ).json();
    await drain();
    const exported = await json(admin, 'GET', `/api/v1/parties/${person}/privacy-export`);
    expect(exported.modules.einvoiceConsent).toMatchObject({ email: 'ivan@example.bg' });
    expect(exported.modules.emails).toMatchObject([{ to: ['ivan@example.bg'], status: 'sent' }]);
    await send(admin, 'POST', `/api/v1/parties/${person}/anonymise`, { confirm: true }, 200);
    expect(await json(admin, 'GET', `/api/v1/parties/${person}/einvoice-consent`)).toMatchObject({
      accepted: false,
    });
    expect((await outbox(queued.id)).to).toEqual([]);
  });

  it('the work report: whoever prints it sends it, without the invoices’ consent; its sender follows it, others do not', async () => {
    const order = await anOrder(t, admin, { partyId: customerId });
    const prefilled = await json(
      tech,
      'GET',
      `/api/v1/service-orders/${order.id}/work-report/email?language=en`,
    );
    expect(prefilled).toMatchObject({ to: ['klient@example.bg'], consentRequired: false });
    expect(prefilled.subject).toContain(`Work report, service order ${order.number}`);
    const before = sink.messages.length;
    const queued = (
      await send(
        tech,
        'POST',
        `/api/v1/service-orders/${order.id}/work-report/email`,
        mail({ subject: 'Протокол', to: ['site@example.bg', 'boss@example.bg'] }),
        202,
      )
    ).json();
    // The sender follows the message; another technician does not know it exists; the outbox list is the office's.
    expect((await outbox(queued.id, tech)).status).toBe('queued');
    const other = await aUser(t, 'technician');
    await refused(
      'GET',
      `/api/v1/mail/outbox/${queued.id}`,
      undefined,
      { status: 404, code: 'not_found' },
      other,
    );
    await refused('GET', '/api/v1/mail/outbox', undefined, { status: 403, code: 'forbidden' }, tech);
    await drain();
    const [arrived] = (await sink.waitFor(before + 1)).slice(before);
    expect(arrived?.to.sort()).toEqual(['boss@example.bg', 'site@example.bg']);
    expect(arrived?.attachments[0]?.filename).toBe(`Протокол за извършена работа ${order.number}.pdf`);
    expect(await pdfText(arrived?.attachments[0]?.content as Buffer)).toContain(order.number);
    expect(await outbox(queued.id, tech)).toMatchObject({ status: 'sent' });
  });
});
