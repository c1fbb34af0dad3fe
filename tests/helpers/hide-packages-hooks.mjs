// Module resolution hook for hide-packages.mjs.
const hidden = new Set((process.env.HIDE_PACKAGES ?? '').split(',').filter(Boolean));

export async function resolve(specifier, context, next) {
  const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0];
  if (hidden.has(name)) {
    const missing = new Error(`Cannot find package '${specifier}'`);
    missing.code = 'ERR_MODULE_NOT_FOUND';
    throw missing;
  }
  return next(specifier, context);
}
