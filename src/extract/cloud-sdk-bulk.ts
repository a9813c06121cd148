/**
 * Admin actions of a service's SDK that take something away from people without deleting it:
 * archiving a channel or project, kicking a member, deactivating, suspending or banning a user
 * (`conversations_archive`, `web.conversations.archive`, `conversations_kick`, `deactivate_user`,
 * `suspendUser`). One of them can be undone by hand; done to every item a listing hands back
 * (`for ch in client.conversations_list()["channels"]: client.conversations_archive(…)`) it is a
 * workspace-wide change, read as a bulk delete by the generic SDK reader (cloud-sdk-generic.ts).
 * Their undoing (`unarchive`, `reactivate`, `unsuspend`, `unban`) is not one. Pure data.
 */

const VERB = '(?:archive|kick|deactivate|suspend|ban)';
const CAMEL = '(?:Archive|Kick|Deactivate|Suspend|Ban)';

/** A bare admin verb (read only on a namespace of the client: `web.conversations.archive(…)`). */
export const BULK_BARE = new RegExp(`^${VERB}$`);

/** An admin verb joined to its object: `conversations_archive`, `archive_channel`, `suspendUser`, `usersDeactivate`. */
export const BULK_COMPOUND = new RegExp(
  `^(?:(?:[a-z0-9]+_)*${VERB}_[a-z0-9_]+|(?:[a-z0-9]+_)+${VERB}|${VERB}[A-Z]\\w*|[a-z][a-z0-9]*(?:[A-Z][a-z0-9]*)*?${CAMEL}(?:[A-Z]\\w*)?)$`,
);
