import { describe, expect, it } from 'vitest'
import { ErrorEvent } from '../../src/simulator/ErrorEvent'
import { record, setup, ticks } from './helpers'

/** Callback names only, without the per-type message callbacks. */
const names = (events: { name: string }[]) => events.map((e) => e.name).filter((n) => n !== 'onTextMessage')

describe('forced logouts (the device limit, server.signOut)', () => {
  it('a login past maxDevices signs the earliest connected device out with 206, as the SDK tells it (onError, then onDisconnected); a reconnection counts as a login', async () => {
    const { server } = setup({ maxDevices: 2 })
    const laptop = server.connect('alice', { resource: 'laptop' })
    const phone = server.connect('alice', { resource: 'phone' })
    server.connect('bob')
    await ticks()
    const onLaptop = record(laptop)
    const onPhone = record(phone)
    const tablet = server.connect('alice', { resource: 'tablet' })
    await ticks()
    const kicked = new ErrorEvent({ type: 206, message: 'the user is already logged on another device' })
    expect(onLaptop).toEqual([{ name: 'onError', payload: kicked }, { name: 'onDisconnected', payload: kicked }])
    expect(onLaptop[1]?.payload).toBeInstanceOf(ErrorEvent)
    expect(onPhone).toEqual([])
    expect(laptop.isOpened()).toBe(false)
    expect(server.devices('alice')).toEqual([phone, tablet])
    await expect(laptop.getServerConversations({ pageSize: 5 })).rejects.toMatchObject({ type: 39, message: 'not login' })

    // Signed out, the laptop is logged out: its chat messages wait for its next login, which signs the phone out.
    server.sendMessage({ from: 'bob', to: 'alice', text: 'while signed out' })
    await laptop.open({ user: 'alice', accessToken: 't' })
    await ticks()
    expect(names(onLaptop).slice(2)).toEqual(['onConnected', 'onOfflineMessageSyncStart', 'onMessage', 'onOfflineMessageSyncFinish'])
    // The message was on its way to the phone when it was signed out: it waits for the phone's next login.
    expect(names(onPhone)).toEqual(['onError', 'onDisconnected'])
    expect(server.devices('alice')).toEqual([tablet, laptop])

    // A dropped device is not connected: the phone's login fits; the tablet's reconnection signs the laptop out.
    server.dropConnection(tablet)
    await phone.open({ user: 'alice', accessToken: 't' })
    await ticks()
    expect(names(onPhone).slice(2)).toEqual(['onConnected', 'onOfflineMessageSyncStart', 'onMessage', 'onOfflineMessageSyncFinish'])
    expect(server.devices('alice')).toEqual([laptop, phone])
    server.restoreConnection(tablet)
    expect(names(onLaptop).slice(-2)).toEqual(['onError', 'onDisconnected'])
    expect(server.devices('alice')).toEqual([phone, tablet])
    // Other users' devices do not count.
    server.connect('carol')
    server.connect('carol')
    expect(server.devices('alice')).toEqual([phone, tablet])
  })

  it('signOut: each reason with the SDK\'s code and message; bad calls throw, naming the argument and what is allowed', async () => {
    const { server } = setup()
    const laptop = server.connect('alice')
    await ticks()
    const onLaptop = record(laptop)
    const reasons = {
      loggedInElsewhere: [206, 'the user is already logged on another device'],
      userRemoved: [207, 'user has been removed'],
      passwordChanged: [216, 'the user was kicked by changing password'],
      kickedByOtherDevice: [217, 'the user was kicked by other device'],
    } as const
    for (const [reason, [type, message]] of Object.entries(reasons)) {
      onLaptop.length = 0
      server.signOut(laptop, reason as keyof typeof reasons)
      const error = new ErrorEvent({ type, message })
      expect(onLaptop).toEqual([{ name: 'onError', payload: error }, { name: 'onDisconnected', payload: error }])
      // The SDK's run-time fields, which a client that starts listening later reads.
      expect([laptop.logOut, laptop.disconnectedReason]).toEqual([true, error])
      expect(() => server.signOut(laptop, 'userRemoved')).toThrow(/signOut: connection must be a logged-in, connected device/)
      await laptop.open({ user: 'alice', accessToken: 't' })
      expect([laptop.logOut, laptop.disconnectedReason]).toEqual([false, undefined])
    }
    laptop.close()
    expect([laptop.logOut, laptop.disconnectedReason]).toEqual([true, undefined])
    await laptop.open({ user: 'alice', accessToken: 't' })
    expect(() => server.signOut(laptop, 'bored' as never)).toThrow(
      new RangeError(`signOut: reason "bored" is invalid; expected 'loggedInElsewhere', 'userRemoved', 'passwordChanged', 'kickedByOtherDevice'`))
    expect(() => server.signOut(laptop, 'toString' as never)).toThrow(RangeError)
    server.dropConnection(laptop)
    expect(() => server.signOut(laptop, 'userRemoved')).toThrow(TypeError)
    expect(() => setup({ maxDevices: 0 })).toThrow(new RangeError('createRoamingServer: maxDevices 0 is invalid; expected an integer in [1, 10]'))
    expect(() => setup({ maxDevices: 11 })).toThrow(RangeError)
    expect(setup().server.settings.maxDevices).toBe(4)
  })

  it('expireToken: the SDK\'s onTokenExpired, then its close() (onDisconnected, no error), dropped or not; logged out, it throws', async () => {
    const { server } = setup()
    const laptop = server.connect('alice')
    await ticks()
    const onLaptop = record(laptop)
    server.expireToken(laptop)
    expect(onLaptop).toEqual([{ name: 'onTokenExpired', payload: undefined }, { name: 'onDisconnected', payload: undefined }])
    expect(laptop.isOpened()).toBe(false)
    expect(() => server.expireToken(laptop)).toThrow(/expireToken: connection must be a logged-in device/)
    await laptop.open({ user: 'alice', accessToken: 't' })
    server.dropConnection(laptop)
    server.expireToken(laptop)
    expect(names(onLaptop).slice(-3)).toEqual(['onReconnecting', 'onTokenExpired', 'onDisconnected'])
    expect(() => server.restoreConnection(laptop)).toThrow(TypeError)
    expect(() => server.expireToken(setup().server.connect('alice'))).toThrow(TypeError)
  })
})
