/**
 * Size limits of what is imported, shared by the server (lib/parse, the import actions), the
 * browser (the import form refuses before sending) and next.config.js (the action body limit).
 */
/** One file, uploaded or unzipped. */
export const MAX_UPLOAD_MB = 20;
/** A .zip, all entries uncompressed: above this it is treated as a zip bomb. */
export const MAX_ZIP_UNCOMPRESSED_MB = 200;
export const MAX_ZIP_FILES = 1000;
