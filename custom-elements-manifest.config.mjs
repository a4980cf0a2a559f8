export default {
  // The public surface only: the elements, their events and the entry points.
  globs: [
    'src/index.ts',
    'src/events.ts',
    'src/*/define.ts',
    'src/servicekonto-login/servicekonto-login.ts',
    'src/kassenzeichen-manager/kassenzeichen-manager.ts',
  ],
  litelement: true,
  // package.json's "customElements" is kept by hand; the staleness test writes elsewhere.
  packagejson: false,
  outdir: process.env.CEM_OUTDIR ?? '.',
};
