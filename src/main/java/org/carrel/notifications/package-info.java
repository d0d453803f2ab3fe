/**
 * Notices and new-arrival alerts: the e-mail outbox ({@link org.carrel.notifications.Outbox}, table
 * {@code notice_message}) and its SMTP sender ({@code OutboxSender}, {@code MailDelivery}: retries with back-off,
 * never twice, failures shown to staff); circulation notices and homeroom digests decided per day
 * ({@link org.carrel.notifications.NoticeRuns}, with {@code notice_mark} so each notice goes once); templates per
 * notice type in English and Spanish ({@link org.carrel.notifications.NoticeTemplates}); the district's notice
 * settings; the schedule ({@code NotificationJobs}, one node per run through {@code job_run}); the run API
 * ({@code POST /api/v1/notifications/runs}).
 *
 * <p>New-arrival alerts: teachers' own subscriptions ({@code ArrivalSubscriptions}, table
 * {@code arrival_subscription}, page {@code /account/new-arrivals}) with criteria
 * ({@link org.carrel.notifications.ArrivalCriteria}: subject words, Dewey class or range, grades, keywords) matched
 * against what {@code search.RecordProfile} says a new title is about ({@code Arrivals}); the weekly digest per
 * teacher ({@code NewArrivalDigests}, through {@code NoticeRuns} for {@code NoticeJob.NEW_ARRIVALS}, marked per
 * teacher and week); the public {@code /catalog/new} page and its Atom feed ({@code ArrivalPages}, {@code AtomFeed});
 * a librarian's hand-picked message to a school's teachers ({@code Announcements}, {@code /staff/notices/announce}).
 * Links that leave the server are built on {@code carrel.base-url} ({@code Links}). Follows {@code PatronErased} and
 * {@code PatronsMerged} (outbox rows and subscriptions).
 *
 * <p>Calls {@code circulation} ({@code NoticeLines}), {@code patrons} ({@code PatronContacts}, {@code Patrons}),
 * {@code catalog} ({@code Catalog}, {@code Copies.added}), {@code search} ({@code RecordProfile}, {@code GradeBand}),
 * {@code district} (schools, closed days), {@code accounts} (audit, permissions) and {@code shared}. Only {@code web}
 * calls it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package org.carrel.notifications;
