/**
 * Runs the reminders on the durable scheduler. Three job kinds:
 *   reminder-sync  re-derives the plan from the calendar (self-rescheduling) and sends change notices
 *   reminder       one reminder moment: checks it still applies, fans out one delivery per recipient
 *   reminder-send  one message to one recipient, marked sent exactly once
 * Each moment and each delivery has a create-once mark in the store, and the scheduler claims every
 * job by eTag, so two instances on one store send each message once; a restart catches up what fell
 * due while it was down, within the reminder's window.
 */
import type { Activity } from 'botbuilder';
import { CardFactory } from 'botbuilder';
import type { Clock } from '../../domain/ports';
import type { Logger } from '../../logger';
import { errorFields } from '../../logger';
import type { CalendarService } from '../../domain/calendar/calendar-service';
import type { Workshop } from '../../domain/calendar/model';
import { localText } from '../../domain/calendar/model';
import type { DeliveryKind, Subscription } from '../../domain/reminders/model';
import { decideDue, remindersFor } from '../../domain/reminders/plan';
import type { PlannedReminder } from '../../domain/reminders/plan';
import type { ReminderSettings } from '../../domain/reminders/offsets';
import { changeNotice, withRecipients } from '../../domain/reminders/notices';
import type { DueJob, DurableScheduler } from '../scheduler/durable-scheduler';
import { reminderCard, workshopDate } from '../../cards/reminder-card';
import { ReminderRepository } from './reminder-repository';
import type { ProactiveSender } from './proactive-sender';
import type { ActivityFeedNotifier } from './activity-feed';

/** Job kinds on the scheduler. */
export const REMINDER_JOBS = { sync: 'reminder-sync', moment: 'reminder', send: 'reminder-send' } as const;

interface MomentPayload { workshopId: string }
interface SendPayload { deliveryId: string; recipient: string; kind: DeliveryKind; workshopId: string; offset?: string; throttles?: number }

/** Dependencies and tuning. */
export interface ReminderServiceDeps {
  repo: ReminderRepository;
  scheduler: DurableScheduler;
  calendar: CalendarService;
  sender: ProactiveSender;
  clock: Clock;
  log: Logger;
  publicBaseUrl: string;
  feed?: ActivityFeedNotifier;
  /** How often the plan is re-derived from the calendar (default 5 min). */
  syncIntervalMs?: number;
  /** How many 429s one delivery waits out before giving up (default 8). */
  maxThrottles?: number;
  /** Wait after a 429 without Retry-After (default 30 s). */
  defaultRetryAfterMs?: number;
}

/** Counts a sync reports, for logs and tests. */
export interface SyncResult { scheduled: number; notices: number }

/** The reminder engine. */
export class ReminderService {
  private readonly syncIntervalMs: number;
  private readonly maxThrottles: number;
  private readonly defaultRetryAfterMs: number;
  private snapshot: { at: number; byId: Promise<Map<string, Workshop>> } | undefined;
  private readonly plans = new Map<string, PlannedReminder[]>();
  /** Workshop revisions this instance has already compared with their reminded records. */
  private readonly checkedRev = new Map<string, number>();

  constructor(private readonly deps: ReminderServiceDeps) {
    this.syncIntervalMs = deps.syncIntervalMs ?? 5 * 60_000;
    this.maxThrottles = deps.maxThrottles ?? 8;
    this.defaultRetryAfterMs = deps.defaultRetryAfterMs ?? 30_000;
  }

  /** Registers the job handlers; call once before the scheduler starts. */
  register(): void {
    const { scheduler } = this.deps;
    scheduler.register(REMINDER_JOBS.sync, () => this.runSync());
    scheduler.register<MomentPayload>(REMINDER_JOBS.moment, (job) => this.runMoment(job));
    scheduler.register<SendPayload>(REMINDER_JOBS.send, (job) => this.runSend(job));
  }

  /** Makes sure a sync is due now (the sync job then keeps itself going). */
  async kick(): Promise<void> {
    // Only when there is none: replacing a sync another instance is running would run it twice.
    if (await this.deps.scheduler.get(REMINDER_JOBS.sync, 'all')) return;
    await this.deps.scheduler.schedule(REMINDER_JOBS.sync, 'all', this.deps.clock.now(), {});
  }

  private async runSync(): Promise<void> {
    const result = await this.sync();
    if (result.scheduled || result.notices) this.deps.log.info({ event: 'reminders.synced', ...result }, 'reminders synced');
    await this.deps.scheduler.schedule(REMINDER_JOBS.sync, 'all', this.deps.clock.now() + this.syncIntervalMs, {});
  }

  private async workshops(): Promise<Workshop[]> {
    const all = (await this.deps.calendar.listCycles()).filter((c) => c.phase !== 'archived').flatMap((c) => c.workshops);
    this.snapshot = { at: this.deps.clock.now(), byId: Promise.resolve(new Map(all.map((w) => [w.id, w]))) };
    return all;
  }

  /**
   * A workshop as of at most a few seconds ago: the deliveries of one moment (a hundred or more at
   * once) share one calendar read instead of each listing every cycle.
   */
  private async recentWorkshop(id: string): Promise<Workshop | undefined> {
    const now = this.deps.clock.now();
    if (!this.snapshot || now - this.snapshot.at > 5_000 || now < this.snapshot.at) {
      const byId = this.workshops().then((all) => new Map(all.map((w) => [w.id, w])));
      this.snapshot = { at: now, byId };
      byId.catch(() => { this.snapshot = undefined; });
    }
    return (await this.snapshot.byId).get(id);
  }

  /** Derives the plan from the calendar: schedules new reminder moments and sends change notices. */
  async sync(): Promise<SyncResult> {
    const { repo, scheduler, clock } = this.deps;
    const now = clock.now();
    const [settings, workshops, marked] = await Promise.all([repo.settings(), this.workshops(), repo.markedReminders()]);
    let scheduled = 0;
    for (const r of workshops.flatMap((w) => this.planOf(w, settings)).filter((p) => p.lateUntil > now)) {
      if (marked.has(r.id)) continue;
      // Create-once mark first: of two instances syncing at once, only one schedules the moment.
      if (!(await repo.createMark(r.id, { state: 'scheduled', workshopId: r.workshopId, offset: r.offset, dueAt: r.dueAt, at: now }))) continue;
      await scheduler.schedule<MomentPayload>(REMINDER_JOBS.moment, r.id, r.dueAt, { workshopId: r.workshopId });
      scheduled++;
    }
    let notices = 0;
    const reminded = await repo.remindedWorkshops();
    // Every change to a workshop bumps its rev, so an unchanged rev needs no second look.
    for (const w of workshops.filter((x) => reminded.has(x.id) && this.checkedRev.get(x.id) !== x.rev)) {
      const changed = await repo.updateReminded(w.id, (rec) => changeNotice(w, rec)?.next);
      if (changed) notices += await this.fanOut(`${w.id}.chg.r${w.rev}`, changed.recipients, { kind: w.status === 'cancelled' ? 'cancelled' : 'moved', workshopId: w.id });
      this.checkedRev.set(w.id, w.rev);
    }
    return { scheduled, notices };
  }

  /** remindersFor, remembered per slot and settings: a sync every few minutes would redo the same time-zone maths. */
  private planOf(w: Workshop, settings: ReminderSettings): PlannedReminder[] {
    const key = `${w.id}|${w.date}|${w.start}|${w.status}|${settings.offsets.join(',')}`;
    let plan = this.plans.get(key);
    if (!plan) {
      if (this.plans.size > 2_000) this.plans.clear();
      plan = remindersFor(w, settings);
      this.plans.set(key, plan);
    }
    return plan;
  }

  private async runMoment(job: DueJob<MomentPayload>): Promise<void> {
    const { repo, calendar, clock, log } = this.deps;
    const found = await calendar.findWorkshop(job.payload.workshopId);
    const now = clock.now();
    const decision = decideDue(job.id, found?.workshop, await repo.settings(), now);
    const mark = (await repo.mark(job.id))?.value;
    const base = mark ?? { workshopId: job.payload.workshopId, offset: job.id.split('.')[1] ?? '', dueAt: job.dueAt, at: now, state: 'scheduled' as const };
    if (!decision.send) {
      await repo.updateMark(job.id, { ...base, state: decision.reason === 'late' ? 'skipped' : decision.reason, at: now });
      log.info({ event: 'reminders.notSent', reminderId: job.id, reason: decision.reason, lateMs: now - job.dueAt }, 'reminder not sent');
      return;
    }
    const recipients = (await repo.subscriptions()).map((s) => s.key);
    const fanned = await this.fanOut(job.id, recipients, { kind: 'reminder', workshopId: job.payload.workshopId, offset: base.offset });
    // Recorded once per moment, not per message: whoever was sent this reminder hears of a later change.
    if (found && recipients.length) await repo.updateReminded(found.workshop.id, (r) => withRecipients(r, found.workshop, recipients));
    await repo.updateMark(job.id, { ...base, state: 'fanned', recipients: recipients.length, at: now });
    log.info({ event: 'reminders.due', reminderId: job.id, recipients: recipients.length, scheduled: fanned, lateMs: now - job.dueAt }, 'reminder fanned out');
  }

  /** One delivery job per recipient that has none yet; returns how many were scheduled. */
  private async fanOut(baseId: string, recipients: string[], what: Omit<SendPayload, 'deliveryId' | 'recipient'>): Promise<number> {
    const { repo, scheduler, clock } = this.deps;
    let n = 0;
    for (const recipient of recipients) {
      const deliveryId = `${baseId}~${recipient}`;
      if (await repo.delivery(deliveryId)) continue;
      // Job first, mark second: the send treats a missing mark as pending, so a crash in between loses nothing.
      await scheduler.schedule<SendPayload>(REMINDER_JOBS.send, deliveryId, clock.now(), { ...what, deliveryId, recipient });
      await repo.createDelivery(deliveryId, { state: 'pending', at: clock.now() });
      n++;
    }
    return n;
  }

  private async runSend(job: DueJob<SendPayload>): Promise<void> {
    const { repo, clock, log, scheduler } = this.deps;
    const p = job.payload;
    const mark = await repo.delivery(p.deliveryId);
    if (mark && mark.value.state !== 'pending') return; // already settled: never twice
    const sub = await repo.subscription(p.recipient);
    const workshop = await this.recentWorkshop(p.workshopId);
    if (!sub || !workshop) {
      await repo.settleDelivery(p.deliveryId, { state: 'gone', at: clock.now() }, mark?.eTag);
      return;
    }
    const activity = this.activityFor(sub, p, workshop);
    const outcome = await this.deliver(sub, activity);
    const now = clock.now();
    if (outcome.ok) {
      if (outcome.reference) await repo.saveSubscription({ ...sub, reference: outcome.reference });
      await repo.settleDelivery(p.deliveryId, { state: 'sent', at: now }, mark?.eTag);
      log.info({ event: 'reminders.sent', deliveryId: p.deliveryId, kind: p.kind, attempt: job.attempt, throttles: p.throttles ?? 0, lateMs: now - job.dueAt }, 'reminder sent');
      await this.notifyFeed(sub, p, workshop);
      return;
    }
    if (outcome.kind === 'gone') {
      await repo.removeSubscription(sub.key);
      await repo.settleDelivery(p.deliveryId, { state: 'gone', at: now }, mark?.eTag);
      log.info({ event: 'reminders.unsubscribed', recipient: sub.kind, status: outcome.status }, 'recipient gone, unsubscribed');
      return;
    }
    if (outcome.kind === 'throttled') {
      const throttles = (p.throttles ?? 0) + 1;
      if (throttles > this.maxThrottles) {
        await repo.settleDelivery(p.deliveryId, { state: 'failed', at: now }, mark?.eTag);
        log.warn({ event: 'reminders.gaveUp', deliveryId: p.deliveryId, throttles }, 'throttled too often');
        return;
      }
      const wait = outcome.retryAfterMs ?? this.defaultRetryAfterMs;
      // Rescheduling our own job: the scheduler keeps the new due time instead of deleting the job.
      await scheduler.schedule<SendPayload>(REMINDER_JOBS.send, job.id, now + wait, { ...p, throttles });
      log.info({ event: 'reminders.throttled', deliveryId: p.deliveryId, retryAfterMs: wait, throttles }, 'throttled, waiting');
      return;
    }
    // Other failures: throw, and the scheduler retries with its exponential backoff.
    throw Object.assign(new Error('connector send failed'), { statusCode: outcome.status });
  }

  private deliver(sub: Subscription, activity: Partial<Activity>) {
    const { sender } = this.deps;
    if (sub.reference) return sender.send(sub.reference, activity);
    return this.openPersonalChat(sub, activity);
  }

  /** A person who opted in from the tab has no chat with Vuoro yet: open one on their tenant's service URL. */
  private async openPersonalChat(sub: Subscription, activity: Partial<Activity>) {
    const serviceUrl = (await this.deps.repo.subscriptions()).find((s) => s.reference && (!sub.tenantId || s.tenantId === sub.tenantId || s.reference.tenantId === sub.tenantId))?.reference?.serviceUrl;
    if (!serviceUrl || !sub.userId || !sub.tenantId) return { ok: false as const, kind: 'failed' as const };
    return this.deps.sender.sendToUser(serviceUrl, sub.tenantId, sub.userId, activity);
  }

  private activityFor(sub: Subscription, p: SendPayload, workshop: Workshop): Partial<Activity> {
    const cardJson = reminderCard({ lang: sub.lang, kind: p.kind, workshop, offset: p.offset, publicBaseUrl: this.deps.publicBaseUrl });
    return { type: 'message', attachments: [CardFactory.adaptiveCard(cardJson)] };
  }

  private async notifyFeed(sub: Subscription, p: SendPayload, w: Workshop): Promise<void> {
    const { feed, log } = this.deps;
    if (!feed || sub.kind !== 'person' || !sub.userId) return;
    try {
      const title = localText(w.title, sub.lang);
      await feed.notify(sub.userId, { workshop: title, startTime: `${workshopDate(sub.lang, w)} ${w.start}`, webUrl: feed.tabLink(), preview: title });
    } catch (error) {
      // Best effort: the chat message already went out.
      log.warn({ event: 'reminders.feedFailed', kind: p.kind, ...errorFields(error) }, 'activity feed notification failed');
    }
  }
}
