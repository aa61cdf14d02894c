import { writeFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { TestApp, fakeClock, type Session } from '../../test/test-app.js';
import { demoCountries, demoPlatforms } from '../../demo/seed-demo.js';
import { generateReport } from './reports.service.js';
import { operations } from '../operations/operations.table.js';
import { notes } from '../notes/notes.table.js';
import type { Platform } from '@actionday/shared';

const clock = fakeClock(new Date('2022-09-06T06:30:00Z'));
const t = await TestApp.create({ now: clock.now });
const { operation, coordinator } = await t.operation({ name: 'EMPACT THB online action day', focusTags: ['ukraine'], focusNationalities: ['UA'], claimLimit: 5 });
const people: Session[] = [];
for (const c of demoCountries) people.push(await t.member(operation.id, coordinator, 'investigator', c, `Investigator ${c}`));
const analyst = await t.member(operation.id, coordinator, 'analyst', 'NL');
await t.member(operation.id, coordinator, 'observer', 'BE');
const platforms = (await t.request(coordinator, 'POST', `/api/operations/${operation.id}/platforms`, demoPlatforms())).json<Platform[]>();
let seed = 7;
const rnd = (n: number) => { seed = (seed * 1103515245 + 12345) % 2147483648; return Math.floor((seed / 2147483648) * n); };
let k = 0;
for (const p of platforms.slice(0, 100)) {
  const who = people[k++ % people.length]!;
  clock.advance(4 + rnd(5));
  await t.request(who, 'POST', `/api/platforms/${p.id}/claim`);
  const roll = rnd(10);
  const verdict = roll < 5 ? 'no_indicators' : roll < 9 ? 'suspected' : 'confirmed';
  for (let i = 0; i < rnd(4); i++) {
    const kind = ['suspect', 'identifier', 'victim'][rnd(3)];
    const body = kind === 'suspect' ? { kind, platformId: p.id, aliases: [`alias${k}-${i}`], identified: rnd(2) === 0 } : kind === 'identifier' ? { kind, platformId: p.id, identifierKind: 'email', value: `user${rnd(40)}@example.org` } : { kind, platformId: p.id, reference: `V${k}-${i}`, nationality: ['UA', 'RO', 'NG', 'UA'][rnd(4)], minor: rnd(5) === 0, exploitation: ['sexual', 'labour', 'cse', 'sexual'][rnd(4)] };
    const r = await t.request(who, 'POST', `/api/operations/${operation.id}/findings`, body);
    if (r.statusCode !== 201) console.log(r.body);
  }
  await t.request(who, 'POST', `/api/platforms/${p.id}/verdict`, { verdict, followUp: verdict !== 'no_indicators' && rnd(3) === 0, summary: verdict === 'no_indicators' ? undefined : 'Ads with recruitment for "jobs" in Western Europe; Telegram contact.' });
}
const hits = (await t.request(analyst, 'GET', `/api/operations/${operation.id}/hits`)).json<{ id: string }[]>();
for (const h of hits.slice(0, 4)) await t.request(analyst, 'POST', `/api/hits/${h.id}/resolve`, { status: 'confirmed' });
await t.app.deps.db.insert(notes).values({ docName: `log:${operation.id}`, operationId: operation.id, state: new Uint8Array([0, 0]), text: '# Situation log\n\n- 09:00 briefing done, 20 countries online\n- 11:30 focus on dating sites\n- 15:10 two Telegram channels linked to the same recruiter' });
clock.advance(60);
await t.request(coordinator, 'POST', `/api/operations/${operation.id}/status`, { status: 'closed' });
await t.request(coordinator, 'PATCH', `/api/operations/${operation.id}`, { suppressBelow: 5 });
const [row] = await t.app.deps.db.select().from(operations).where(eq(operations.id, operation.id));
const viewer = { memberId: '', role: 'coordinator' as const, country: '' };
for (const [name, format, audience, lang] of [['full-en.html', 'html', 'full', 'en'], ['full-en.pdf', 'pdf', 'full', 'en'], ['public-nl.pdf', 'pdf', 'public', 'nl'], ['public-nl.html', 'html', 'public', 'nl'], ['full.json', 'json', 'full', 'en']] as const) {
  const out = await generateReport(t.app.deps.db, row!, { format, audience, lang, viewer, now: clock.now() });
  writeFileSync(`/tmp/report-${name}`, out.body);
}
console.log('ok', hits.length);
await t.close();
