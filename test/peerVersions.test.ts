// @vitest-environment node
import { createRequire } from 'node:module'
import { version as reactVersion } from 'react'
import { describe, expect, it } from 'vitest'

/**
 * CI runs the suite a second time on the lowest version of every peer range (`.ci/run` reads them from
 * package.json) and names them in ROAMKIT_PEERS, e.g. "react@18.3.0 zustand@5.0.0". This proves the tests ran on
 * those versions, not on what the lockfile installed.
 */
const wanted = (process.env.ROAMKIT_PEERS ?? '').split(' ').filter(Boolean)
const require = createRequire(import.meta.url)
const installed = (name: string) => (require(`${name}/package.json`) as { version: string }).version

describe.runIf(wanted.length > 0)('the peer versions CI asked for', () => {
  it.each(wanted)('%s is the one installed', (spec) => {
    const at = spec.lastIndexOf('@')
    expect(installed(spec.slice(0, at))).toBe(spec.slice(at + 1))
  })

  it('React at run time is the installed one', () => {
    expect(reactVersion).toBe(installed('react'))
  })
})

describe('the peer ranges', () => {
  const { peerDependencies } = require('../package.json') as { peerDependencies: Record<string, string> }

  it('name a lowest version for each peer, which is what CI installs for its second run', () => {
    for (const [name, range] of Object.entries(peerDependencies)) expect(range, name).toMatch(/^\^\d+\.\d+\.\d+( \|\| \^\d+\.\d+\.\d+)*$/)
  })
})
