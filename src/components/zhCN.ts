import type { RoamingLocaleDefinition } from '../provider/RoamingContext'
import type { ConversationListStringKey } from './ConversationList/strings'
import type { MessageThreadStringKey } from './MessageThread/strings'
import type { OfflineNoticeStringKey } from './OfflineNotice'

const conversationList: Record<ConversationListStringKey, string> = {
  listLabel: '会话',
  loading: '正在加载会话…',
  loadingMore: '正在加载更多会话…',
  empty: '暂无会话',
  emptyMarked: '暂无带此标记的会话',
  loadError: '会话加载失败。',
  retry: '重试',
  noMessages: '暂无消息',
  image: '[图片]',
  file: '[文件] {name}',
  custom: '[自定义消息]',
  audio: '[语音]',
  video: '[视频]',
  location: '[位置]',
  combine: '[聊天记录]',
  other: '[消息]',
  unread: '{count} 条未读',
  pinned: '已置顶',
  actions: '{name} 的操作',
  pin: '置顶',
  unpin: '取消置顶',
  delete: '删除',
  deleteTitle: '删除与 {name} 的会话？',
  deleteBody: '该会话将从你所有设备的会话列表中移除。',
  deleteRoam: '同时删除服务器上的聊天记录',
  cancel: '取消',
  confirmDelete: '删除',
  deleting: '正在删除与 {name} 的会话…',
  deleted: '已删除与 {name} 的会话。',
  deleteFailed: '删除与 {name} 的会话失败，已恢复到列表中。',
  pinFailed: '置顶 {name} 失败。',
  unpinFailed: '取消置顶 {name} 失败。',
  markFailed: '更改 {name} 的「{label}」失败。',
  dismiss: '关闭',
}

const offlineNotice: Record<OfflineNoticeStringKey, string> = {
  reconnecting: '连接已断开，正在重新连接…',
  disconnected: '连接已断开，显示的内容可能不是最新的。',
  loggedInElsewhere: '账号已在其他设备登录，当前设备已退出。',
  kickedByOtherDevice: '已被其他设备强制退出登录。',
  passwordChanged: '密码已更改，已退出登录。',
  userRemoved: '账号已被移除，已退出登录。',
  tokenExpired: '登录已过期，已退出登录。',
}

const messageThread: Record<MessageThreadStringKey, string> = {
  noConversation: '请选择一个会话',
  empty: '暂无消息',
  noMatches: '没有找到相关消息',
  loading: '正在加载消息…',
  loadError: '消息加载失败。',
  retry: '重试',
  log: '与 {name} 的消息',
  loadingOlder: '正在加载更早的消息…',
  loadingNewer: '正在加载更新的消息…',
  startOfConversation: '会话开始',
  unreadFrom: '以下为新消息',
  pageError: '更多消息加载失败。',
  newMessage: '1 条新消息',
  newMessages: '{count} 条新消息',
  jumpToLatest: '回到最新',
  anchorMissing: '该消息已不在此会话中。',
  announceOne: '来自 {name} 的新消息',
  announceMany: '{count} 条新消息',
  messageLabel: '{name}，{time}',
  ownName: '我',
  actionsFor: '来自 {name}（{time}）的消息的操作',
  deleteForMe: '为我删除',
  deleteBefore: '删除此消息之前的所有消息',
  select: '多选消息',
  selectMessage: '选择来自 {name}（{time}）的消息',
  confirmBeforeTitle: '删除此消息之前的所有消息？',
  confirmBeforeBody: '此会话中更早的消息将在你的所有设备上删除。此消息本身会保留。',
  confirmDelete: '删除',
  cancel: '取消',
  selected: '已选择 {count} 条',
  deleteSelected: '删除所选',
  deleting: '正在删除 {done}/{total}…',
  deletingSome: '正在删除…',
  deleteBeforeFailed: '该消息之前的消息删除失败。',
  deleteFailedOne: '1 条消息删除失败：{list}。',
  deleteFailed: '{count} 条消息删除失败：{list}。',
  deleteFailedBack: '这些消息已恢复到会话中。',
  dismiss: '关闭',
  notDeleted: '未删除',
  image: '图片',
  openImage: '打开图片',
  imageUnavailable: '[图片不可用]',
  download: '下载 {name}',
  custom: '[自定义消息：{event}]',
  audio: '[语音]',
  video: '[视频]',
  loc: '[位置]',
  locAt: '[位置：{address}]',
  combine: '[聊天记录]',
  cmd: '[命令]',
}

/**
 * Simplified Chinese for every component, aria labels and announcements included; dates and numbers in `zh-CN`.
 * An object rather than the string `'zh-CN'`, in its own entry `roamkit/zh-CN`, so apps that do not import it do not
 * download it.
 * @example
 * import { RoamingProvider } from 'roamkit'
 * import { zhCN } from 'roamkit/zh-CN'
 * <RoamingProvider connection={connection} locale={zhCN}>…</RoamingProvider>
 */
export const zhCN: RoamingLocaleDefinition = {
  code: 'zh-CN',
  strings: { ConversationList: conversationList, MessageThread: messageThread, OfflineNotice: offlineNotice },
}
