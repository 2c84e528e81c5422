// What other features use: obtain the notifier from their deps, send, attach a contact card.
export type { MailAttachment, MailMessage, MailResult } from "./mailer";
export { createNotifier, type Notifier, notifierOf, type SmsResult, sendMail, sendSms } from "./notifier";
export { notificationRoutes } from "./routes";
export { MAX_SMS_SEGMENTS, type SmsMessage, type SmsProvider, type SmsSegmentation, smsSegments, validateSms } from "./sms";
export { buildVCard, type VCardAddress, type VCardInput, type VCardVersion, vcardAttachment, vcardFilename } from "./vcard";
