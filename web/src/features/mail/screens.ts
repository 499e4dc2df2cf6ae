export { MailSettingsPage } from './mail-settings-page';
export { OutboxPage } from './outbox-page';
