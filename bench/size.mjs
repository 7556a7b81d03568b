/** Minified + gzip size of roamkit's own JS (peers and react-virtuoso external), with esbuild. */
import { gzipSync } from 'node:zlib'
import { fileURLToPath } from 'node:url'
import path from 'node:path'
import { build } from 'esbuild'

const root = fileURLToPath(new URL('..', import.meta.url))
const src = (p) => path.join(root, 'src', p).replaceAll('\\', '/')
export const EXTERNAL = ['react', 'react-dom', '@tanstack/react-query', 'zustand', 'react-virtuoso']
export const HOOKS = ['RoamingProvider', 'useConversationList', 'useHistoryMessages', 'useRemoveHistoryMessages', 'useDeleteConversation', 'usePinConversation']

async function measure(name, contents) {
  const result = await build({
    stdin: { contents, resolveDir: root, sourcefile: `${name}.entry.ts`, loader: 'ts' },
    bundle: true, splitting: true, format: 'esm', platform: 'browser', target: 'es2022', minify: true,
    write: false, metafile: true, outdir: path.join(root, 'bench/dist/size', name), logLevel: 'silent',
    external: EXTERNAL.flatMap((d) => [d, `${d}/*`]),
    define: { 'process.env.NODE_ENV': '"production"' },
    jsx: 'automatic',
  })
  const outputs = Object.entries(result.metafile.outputs)
  const entryKey = outputs.find(([, o]) => o.entryPoint)?.[0]
  const file = (key) => result.outputFiles.find((f) => path.relative(root, f.path).replaceAll('\\', '/') === key)
  const sizes = (key) => { const bytes = file(key).contents; return { min: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length } }
  const entry = outputs.find(([k]) => k === entryKey)[1]
  // Chunks the entry loads statically (shared chunks), and lazy ones (dynamic import: persistence, idb-keyval).
  const staticKeys = [entryKey, ...entry.imports.filter((i) => !i.external && i.kind === 'import-statement').map((i) => i.path)]
  const lazyKeys = outputs.map(([k]) => k).filter((k) => k.endsWith('.js') && !staticKeys.includes(k))
  const css = outputs.filter(([k]) => k.endsWith('.css')).map(([k]) => sizes(k))
  const sum = (keys) => keys.map(sizes).reduce((a, b) => ({ min: a.min + b.min, gzip: a.gzip + b.gzip }), { min: 0, gzip: 0 })
  const externals = [...new Set(outputs.flatMap(([, o]) => o.imports.filter((i) => i.external).map((i) => i.path)))].sort()
  const inputs = Object.keys(result.metafile.inputs).filter((k) => !k.endsWith('.entry.ts'))
  return {
    name,
    initial: sum(staticKeys),
    lazy: sum(lazyKeys),
    css: css.reduce((a, b) => ({ min: a.min + b.min, gzip: a.gzip + b.gzip }), { min: 0, gzip: 0 }),
    externalImports: externals,
    carriesVirtuoso: externals.some((e) => e === 'react-virtuoso' || e.startsWith('react-virtuoso/')) || inputs.some((i) => i.includes('react-virtuoso')),
    componentInputs: inputs.filter((i) => i.startsWith('src/components/')).length,
    inputs: inputs.length,
    /** Minified bytes each source file contributes to the initial chunks, largest first (`node bench/size.mjs --explain`). */
    contributions: Object.entries(staticKeys.map((k) => result.metafile.outputs[k].inputs).reduce((acc, ins) => {
      for (const [i, v] of Object.entries(ins)) acc[i] = (acc[i] ?? 0) + v.bytesInOutput
      return acc
    }, {})).filter(([, b]) => b > 0).sort((a, b) => b[1] - a[1]),
  }
}

/** Full import: everything `src/index.ts` exports plus both components (whether or not index.ts re-exports them yet). */
export async function bundleSizes() {
  const full = await measure('full', [
    `export * from '${src('index.ts')}'`,
    `export * from '${src('components/ConversationList/index.ts')}'`,
    `export * from '${src('components/MessageThread/index.ts')}'`,
  ].join('\n'))
  const hooks = await measure('hooks', `export { ${HOOKS.join(', ')} } from '${src('index.ts')}'`)
  return { full, hooks }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const sizes = await bundleSizes()
  for (const s of Object.values(sizes)) {
    console.log(`${s.name}: ${s.initial.min} B min, ${s.initial.gzip} B gzip (+ lazy ${s.lazy.gzip} B gzip, CSS ${s.css.gzip} B gzip); react-virtuoso: ${s.carriesVirtuoso ? 'yes' : 'no'}; imports ${s.externalImports.join(', ')}`)
    if (process.argv.includes('--explain')) for (const [file, bytes] of s.contributions.slice(0, 30)) console.log(`  ${String(bytes).padStart(6)}  ${file}`)
  }
}
