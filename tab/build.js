/**
 * Builds the tab into dist/tab: esbuild bundles tab/src (TypeScript, ES modules, teams-js split into
 * its own lazily loaded chunk), content-hashed file names, and an index.html that points at them.
 * The `calendar` section of bot/i18n/*.json is bundled in, so there stays one localisation layer.
 * Usage: node tab/build.js [--out dir] [--quiet]; or require('./tab/build.js').buildTab(options).
 */
const path = require('node:path');
const fs = require('node:fs');
const zlib = require('node:zlib');
const esbuild = require('esbuild');

const root = path.resolve(__dirname, '..');
const defaultOutDir = path.join(root, 'dist', 'tab');

/**
 * Lets a test build swap the host module (./host) for a stand-in that plays Teams, so the
 * coordinator's path can be driven in a plain headless browser. Production builds never set it.
 */
function hostPlugin(hostModule) {
  return {
    name: 'host-module',
    setup(build) {
      build.onResolve({ filter: /^\.\/host$/ }, (args) => (args.importer.endsWith(`${path.sep}main.ts`) ? { path: path.resolve(hostModule) } : undefined));
    },
  };
}

/** Serves `virtual:calendar-i18n`: { fi, sv, en } holding only each catalogue's `calendar` key. */
const i18nPlugin = {
  name: 'calendar-i18n',
  setup(build) {
    build.onResolve({ filter: /^virtual:calendar-i18n$/ }, () => ({ path: 'calendar-i18n', namespace: 'vuoro' }));
    build.onLoad({ filter: /.*/, namespace: 'vuoro' }, () => {
      const out = {};
      const watchFiles = [];
      for (const lang of ['fi', 'sv', 'en']) {
        const file = path.join(root, 'bot', 'i18n', `${lang}.json`);
        watchFiles.push(file);
        out[lang] = JSON.parse(fs.readFileSync(file, 'utf8')).calendar ?? {};
      }
      return { contents: `export default ${JSON.stringify(out)};`, loader: 'js', watchFiles };
    });
  },
};

/** Builds and returns { outDir, files: [{ file, bytes, gzip }], jsTotal }. */
async function buildTab({ outDir = defaultOutDir, quiet = false, hostModule } = {}) {
  fs.rmSync(outDir, { recursive: true, force: true });
  const assets = path.join(outDir, 'assets');
  const result = await esbuild.build({
    entryPoints: { main: path.join(__dirname, 'src', 'main.ts'), styles: path.join(__dirname, 'src', 'styles.css') },
    outdir: assets,
    bundle: true,
    splitting: true,
    format: 'esm',
    target: ['es2020', 'chrome100', 'safari15'],
    minify: true,
    sourcemap: false,
    legalComments: 'none',
    entryNames: '[name]-[hash]',
    chunkNames: 'chunk-[hash]',
    metafile: true,
    define: { 'process.env.NODE_ENV': '"production"' },
    plugins: hostModule ? [i18nPlugin, hostPlugin(hostModule)] : [i18nPlugin],
    logLevel: quiet ? 'silent' : 'warning',
  });
  const outputs = Object.keys(result.metafile.outputs).map((f) => path.resolve(root, f));
  const rel = (f) => path.relative(outDir, f).split(path.sep).join('/');
  const mainJs = outputs.find((f) => /main-[A-Z0-9]+\.js$/.test(f));
  const css = outputs.find((f) => f.endsWith('.css'));
  const template = fs.readFileSync(path.join(__dirname, 'src', 'index.html'), 'utf8');
  // Chunks main imports statically are fetched in parallel with it instead of after it.
  const mainMeta = result.metafile.outputs[path.relative(root, mainJs).split(path.sep).join('/')];
  const preloads = (mainMeta?.imports ?? []).filter((i) => i.kind === 'import-statement')
    .map((i) => `<link rel="modulepreload" href="${rel(path.resolve(root, i.path))}">\n`).join('');
  fs.writeFileSync(path.join(outDir, 'index.html'), template.replace('%CSS%', rel(css)).replace('%PRELOADS%', preloads).replace('%JS%', rel(mainJs)));
  const files = fs.readdirSync(assets).map((name) => {
    const buf = fs.readFileSync(path.join(assets, name));
    return { file: `assets/${name}`, bytes: buf.length, gzip: zlib.gzipSync(buf, { level: 9 }).length };
  });
  const js = files.filter((f) => f.file.endsWith('.js'));
  const total = { bytes: js.reduce((a, f) => a + f.bytes, 0), gzip: js.reduce((a, f) => a + f.gzip, 0) };
  fs.writeFileSync(path.join(outDir, 'build-report.json'), JSON.stringify({ files, jsTotal: total }, null, 2));
  if (!quiet) {
    for (const f of files) console.log(`${f.file.padEnd(40)} ${String(f.bytes).padStart(8)} B  ${String(f.gzip).padStart(7)} B gz`);
    console.log(`JavaScript total: ${(total.bytes / 1024).toFixed(1)} KB, ${(total.gzip / 1024).toFixed(1)} KB gzipped (budget 250 KB)`);
  }
  if (total.gzip > 250 * 1024) throw new Error(`tab JavaScript is ${total.gzip} bytes gzipped, over the 250 KB budget`);
  return { outDir, files, jsTotal: total };
}

module.exports = { buildTab, defaultOutDir };

if (require.main === module) {
  const args = process.argv.slice(2);
  const outIndex = args.indexOf('--out');
  buildTab({ outDir: outIndex >= 0 ? path.resolve(args[outIndex + 1]) : defaultOutDir, quiet: args.includes('--quiet') }).catch((e) => {
    console.error(e.message);
    process.exit(1);
  });
}
