/**
 * Notices and new-arrival alerts: the e-mail outbox ({@link org.carrel.notifications.Outbox}, table
 * {@code notice_message}) and its SMTP sender ({@code OutboxSender}, {@code MailDelivery}: retries with back-off,
 * never twice, failures shown to staff); circulation notices and homeroom digests decided per day
 * ({@link org.carrel.notifications.NoticeRuns}, with {@code notice_mark} so each notice goes once); templates per
 * notice type in English and Spanish ({@link org.carrel.notifications.NoticeTemplates}); the district's notice
 * settings; the schedule ({@code NotificationJobs}, one node per run through {@code job_run}); the run API
 * ({@code POST /api/v1/notifications/runs}).
 *
 * <p>Calls {@code circulation} ({@code NoticeLines}), {@code patrons} ({@code PatronContacts}), {@code catalog},
 * {@code district} (schools, closed days), {@code accounts} (audit, permissions) and {@code shared}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package org.carrel.notifications;
