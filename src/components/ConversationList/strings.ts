import type { Strings } from '../../i18n/strings'

/** Keys of `ConversationList`'s UI strings. */
export type ConversationListStringKey = keyof typeof en

const en = {
  listLabel: 'Conversations',
  loading: 'Loading conversations…',
  loadingMore: 'Loading more conversations…',
  empty: 'No conversations yet',
  emptyMarked: 'No conversations with this mark',
  loadError: "Couldn't load the conversations.",
  retry: 'Retry',
  noMessages: 'No messages',
  image: '[Image]',
  file: '[File] {name}',
  custom: '[Custom]',
  audio: '[Voice]',
  video: '[Video]',
  location: '[Location]',
  combine: '[Chat history]',
  other: '[Message]',
  unread: '{count} unread',
  pinned: 'Pinned',
  actions: 'Actions for {name}',
  pin: 'Pin',
  unpin: 'Unpin',
  delete: 'Delete',
  deleteTitle: 'Delete the conversation with {name}?',
  deleteBody: 'It leaves your conversation list on all your devices.',
  deleteRoam: 'Also delete the history on the server',
  cancel: 'Cancel',
  confirmDelete: 'Delete',
  deleting: 'Deleting the conversation with {name}…',
  deleted: 'Deleted the conversation with {name}.',
  deleteFailed: "Couldn't delete the conversation with {name}. It is back in the list.",
  pinFailed: "Couldn't pin {name}.",
  unpinFailed: "Couldn't unpin {name}.",
  markFailed: "Couldn't change {label} for {name}.",
  dismiss: 'Dismiss',
} as const

/** `ConversationList`'s dictionary in English, aria labels included (other languages: a locale object, e.g. `zhCN`). */
export const conversationListStrings: Strings<ConversationListStringKey> = en
