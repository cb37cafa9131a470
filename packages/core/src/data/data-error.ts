/**
 * Bad input data: a file that cannot be read, a CSV cell that is not a number, a label
 * that is not one of the classes. The message is one line that names the source, the
 * place (line, column, example) and what was expected, so a command line can print the
 * message alone and exit with status 2.
 */
export class DataError extends Error {
  override name = 'DataError';
}
