/**
 * `ConversationList`: the drop-in, virtualized server conversation list.
 * @module
 */
export { ConversationList } from './ConversationList'
export type { ConversationListProps } from './ConversationList'
export type { ConversationListComponents, ConversationAvatarProps, ConversationPreviewProps, ConversationListEmptyProps, ConversationListMark } from './ConversationListComponents'
export { conversationListStrings } from './strings'
export type { ConversationListStringKey } from './strings'
