/** Where the CLI writes. Tests pass a capturing one; main.ts passes the process streams. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

/**
 * The process streams. When the reader of stdout goes away (`lockstep ... | head`),
 * further output is dropped instead of crashing on EPIPE: the run still finishes,
 * writes its --json report and returns its exit code.
 */
export function processIo(): CliIo {
  let stdoutOpen = true;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    stdoutOpen = false;
  });
  return {
    stdout: (text) => {
      if (stdoutOpen) process.stdout.write(text);
    },
    stderr: (text) => void process.stderr.write(text),
  };
}

/** An io that keeps everything written, for tests. */
export function captureIo(): CliIo & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    stdout(text: string) {
      io.out += text;
    },
    stderr(text: string) {
      io.err += text;
    },
  };
  return io;
}
