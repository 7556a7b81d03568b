import { version as reactVersion } from 'react'
import { version as reactDomVersion } from 'react-dom'
import reactPackage from 'react/package.json'
import reactDomPackage from 'react-dom/package.json'
import { expect, it } from 'vitest'

// CI's second run swaps React for the lowest of the peer range without touching the lockfile: the browser must run
// that React, not a copy pre-bundled by Vite from the first run.
it('Chromium runs the installed React and ReactDOM', () => {
  expect(reactVersion).toBe(reactPackage.version)
  expect(reactDomVersion).toBe(reactDomPackage.version)
})
