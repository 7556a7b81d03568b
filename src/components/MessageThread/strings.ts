import type { Strings } from '../../i18n/strings'

/** Keys of MessageThread's strings. */
export type MessageThreadStringKey =
  | 'noConversation' | 'empty' | 'noMatches' | 'loading' | 'loadError' | 'retry' | 'log' | 'loadingOlder' | 'loadingNewer'
  | 'startOfConversation' | 'unreadFrom' | 'pageError' | 'newMessage' | 'newMessages' | 'jumpToLatest' | 'anchorMissing' | 'announceOne' | 'announceMany'
  | 'messageLabel' | 'ownName' | 'actionsFor' | 'deleteForMe' | 'deleteBefore' | 'select' | 'selectMessage'
  | 'confirmBeforeTitle' | 'confirmBeforeBody' | 'confirmDelete' | 'cancel' | 'selected' | 'deleteSelected'
  | 'deleting' | 'deletingSome' | 'deleteBeforeFailed' | 'deleteFailedOne' | 'deleteFailed' | 'deleteFailedBack' | 'dismiss' | 'notDeleted' | 'image' | 'openImage'
  | 'imageUnavailable' | 'download' | 'custom' | 'audio' | 'video' | 'loc' | 'locAt' | 'combine' | 'cmd'

/** MessageThread's dictionary in English: every visible text, accessible name and announcement (other languages: a locale object, e.g. `zhCN`). */
export const messageThreadStrings: Strings<MessageThreadStringKey> = {
  noConversation: 'Select a conversation',
  empty: 'No messages yet',
  noMatches: 'No messages found',
  loading: 'Loading messages…',
  loadError: 'Couldn’t load messages.',
  retry: 'Retry',
  log: 'Messages with {name}',
  loadingOlder: 'Loading older messages…',
  loadingNewer: 'Loading newer messages…',
  startOfConversation: 'Start of the conversation',
  unreadFrom: 'Unread messages',
  pageError: 'Couldn’t load more messages.',
  newMessage: '1 new message',
  newMessages: '{count} new messages',
  jumpToLatest: 'Jump to latest',
  anchorMissing: 'That message is no longer in this conversation.',
  announceOne: 'New message from {name}',
  announceMany: '{count} new messages',
  messageLabel: '{name}, {time}',
  ownName: 'You',
  actionsFor: 'Actions for message from {name}, {time}',
  deleteForMe: 'Delete for me',
  deleteBefore: 'Delete everything before this message',
  select: 'Select messages',
  selectMessage: 'Select message from {name}, {time}',
  confirmBeforeTitle: 'Delete everything before this message?',
  confirmBeforeBody: 'Every earlier message of this conversation is deleted for you, on all your devices. The message itself stays.',
  confirmDelete: 'Delete',
  cancel: 'Cancel',
  selected: '{count} selected',
  deleteSelected: 'Delete selected',
  deleting: 'Deleting {done} of {total}…',
  deletingSome: 'Deleting…',
  deleteBeforeFailed: 'Couldn’t delete the messages before that message.',
  deleteFailedOne: 'Couldn’t delete 1 message: {list}.',
  deleteFailed: 'Couldn’t delete {count} messages: {list}.',
  deleteFailedBack: 'They are back in the conversation.',
  dismiss: 'Dismiss',
  notDeleted: 'Not deleted',
  image: 'Image',
  openImage: 'Open image',
  imageUnavailable: '[Image unavailable]',
  download: 'Download {name}',
  custom: '[Custom: {event}]',
  audio: '[Voice message]',
  video: '[Video]',
  loc: '[Location]',
  locAt: '[Location: {address}]',
  combine: '[Chat history]',
  cmd: '[Command]',
}
