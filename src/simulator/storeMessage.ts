import type { SdkChatType } from '../client/sdkTypes'
import type { MessageType } from '../client/types'
import type { StoredMessage } from './RoamingState'
import type { ServerCore } from './ServerCore'
import { toSdkBody } from './sdkShapes'

/** A message to put on the simulated server (`server.sendMessage`). */
export interface SendMessageInput {
  /** Sender's user id. */
  from: string
  /** Peer user id, or the group / room id. */
  to: string
  /** @default 'singleChat' */
  chatType?: SdkChatType
  /** @default 'txt' */
  type?: MessageType
  /** Text of a `txt` message. */
  text?: string
  /** Media URL (img, file, audio, video). */
  url?: string
  /** Thumbnail URL (img). */
  thumb?: string
  /** Image width and height in px. */
  width?: number
  height?: number
  /** File name (file). */
  filename?: string
  /** Size in bytes (file, img). */
  fileSize?: number
  /** Custom event name and fields (custom). */
  customEvent?: string
  customExts?: Record<string, unknown>
  /** Extension fields. */
  ext?: Record<string, unknown>
}

/** Builds a stored message (server id and receive time assigned now); does not deliver it. */
export function makeStoredMessage(core: ServerCore, input: SendMessageInput, time: number): StoredMessage {
  const m: StoredMessage = {
    id: core.state.nextId(), time, from: core.normalizeId(input.from),
    to: core.normalizeId(input.to), chatType: input.chatType ?? 'singleChat', type: input.type ?? 'txt', ext: input.ext ?? {},
  }
  if (m.type === 'txt') m.msg = input.text ?? ''
  if (input.url !== undefined) m.url = input.url
  if (input.thumb !== undefined) m.thumb = input.thumb
  if (input.width !== undefined) m.width = input.width
  if (input.height !== undefined) m.height = input.height
  if (input.filename !== undefined) m.filename = input.filename
  if (input.fileSize !== undefined) m.fileLength = input.fileSize
  if (m.type === 'custom') {
    m.customEvent = input.customEvent ?? ''
    m.customExts = input.customExts ?? {}
  }
  return m
}

/**
 * Stores a live message and pushes it to every logged-in device of every participant, except the sending device
 * (`fromResource`): the sender's other devices get it too, as the SDK's multi-device sync does. Each device sees
 * the per-type callback, then `onMessage([msg])`; a device whose connection dropped, once it is back.
 */
export function storeMessage(core: ServerCore, input: SendMessageInput, fromResource?: string): StoredMessage {
  const stored = makeStoredMessage(core, input, core.state.nextTime(core.clock.now()))
  const members = core.state.append(stored)
  const callback = PER_TYPE[stored.type]
  for (const user of members) {
    for (const device of core.devicesOf(user, true)) {
      if (user === stored.from && device.clientResource === fromResource) continue
      const body = toSdkBody(stored, 'live')
      core.push(device, () => {
        if (callback) device.dispatch(callback, body)
        if (stored.type !== 'cmd') device.dispatch('onMessage', [body])
      })
    }
  }
  return stored
}

const PER_TYPE: Record<MessageType, string> = {
  txt: 'onTextMessage', img: 'onImageMessage', file: 'onFileMessage', audio: 'onAudioMessage', video: 'onVideoMessage',
  loc: 'onLocationMessage', custom: 'onCustomMessage', cmd: 'onCmdMessage', combine: 'onCombineMessage',
}
