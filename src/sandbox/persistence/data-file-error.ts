/** The data file (snapshot or journal) exists but cannot be used; it is never overwritten then. */
export class DataFileError extends Error {
  constructor(file: string, why: string) {
    super(`Cannot use sandbox data file ${file}: ${why}. Move it away or choose another file; it was left untouched.`);
    this.name = 'DataFileError';
  }
}
